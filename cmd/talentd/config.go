package main

import (
	"flag"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"
)

// config is every setting of talentd. Each comes from a flag or its
// TALENTD_* environment variable (the flag wins), with the default below.
type config struct {
	HTTPAddr        string
	DataDir         string
	MongoURI        string
	MongoDB         string
	NATSURL         string
	NATSPrefix      string
	NATSPort        int
	NATSReplicas    int
	NATSMaxAge      time.Duration
	NATSMaxBytes    int64
	NATSDuplicates  time.Duration
	NATSDLQMaxAge   time.Duration
	RelaySweep      time.Duration
	BootstrapToken  string
	PIIKey          string
	Areas           []string
	LogLevel        string
	ShutdownTimeout time.Duration
	RateLimit       float64
	RateBurst       int
	CORSOrigins     []string
	TLSCert         string
	TLSKey          string
}

// setting describes one configuration entry; settings() is the single list
// that the flags, the environment and the README table come from.
type setting struct {
	flag, env, def, usage string
	set                   func(c *config, v string) error
}

func settings() []setting {
	str := func(p func(*config) *string) func(*config, string) error {
		return func(c *config, v string) error { *p(c) = v; return nil }
	}
	return []setting{
		{"http-addr", "TALENTD_HTTP_ADDR", "127.0.0.1:8080", "address the HTTP API listens on", str(func(c *config) *string { return &c.HTTPAddr })},
		{"data-dir", "TALENTD_DATA_DIR", "./data", "directory for the SQLite store, the embedded NATS store and key files", str(func(c *config) *string { return &c.DataDir })},
		{"mongo-uri", "TALENTD_MONGO_URI", "", "MongoDB URI; when set, records live in MongoDB instead of SQLite", str(func(c *config) *string { return &c.MongoURI })},
		{"mongo-db", "TALENTD_MONGO_DB", "talentd", "MongoDB database name", str(func(c *config) *string { return &c.MongoDB })},
		{"nats-url", "TALENTD_NATS_URL", "", "NATS server URL(s); when unset, talentd runs an embedded NATS server", str(func(c *config) *string { return &c.NATSURL })},
		{"nats-prefix", "TALENTD_NATS_PREFIX", "", "prefix of stream names and subjects, so deployments can share a NATS server", str(func(c *config) *string { return &c.NATSPrefix })},
		{"nats-port", "TALENTD_NATS_PORT", "0", "port the embedded NATS server listens on (127.0.0.1); 0 listens nowhere", intSetter(func(c *config) *int { return &c.NATSPort })},
		{"nats-replicas", "TALENTD_NATS_REPLICAS", "1", "stream replicas (1 embedded, 3 on a cluster)", intSetter(func(c *config) *int { return &c.NATSReplicas })},
		{"nats-max-age", "TALENTD_NATS_MAX_AGE", "720h", "how long the events stream keeps an event; the oldest go first", durationSetter(func(c *config) *time.Duration { return &c.NATSMaxAge })},
		{"nats-max-bytes", "TALENTD_NATS_MAX_BYTES", "1073741824", "size limit of the events stream in bytes; the oldest events go first", int64Setter(func(c *config) *int64 { return &c.NATSMaxBytes })},
		{"nats-duplicates", "TALENTD_NATS_DUPLICATES", "2m", "window in which the events stream drops a second copy of an event id", durationSetter(func(c *config) *time.Duration { return &c.NATSDuplicates })},
		{"nats-dlq-max-age", "TALENTD_NATS_DLQ_MAX_AGE", "0s", "how long the dead-letter stream keeps a message; 0s keeps it until replayed", durationSetter(func(c *config) *time.Duration { return &c.NATSDLQMaxAge })},
		{"relay-sweep", "TALENTD_RELAY_SWEEP", "5s", "how often the relay publishes events a crash or a NATS outage left in the outbox", durationSetter(func(c *config) *time.Duration { return &c.RelaySweep })},
		{"bootstrap-token", "TALENTD_BOOTSTRAP_TOKEN", "", "admin API key to create on an empty store (for unattended starts)", str(func(c *config) *string { return &c.BootstrapToken })},
		{"pii-key", "TALENTD_PII_KEY", "", "base64 32-byte key for personal data; when unset, a key file is created in the data directory", str(func(c *config) *string { return &c.PIIKey })},
		{"areas", "TALENTD_AREAS", "", "comma-separated area codes records may carry; empty means Linyi's counties, districts and zones", func(c *config, v string) error { c.Areas = splitList(v); return nil }},
		{"log-level", "TALENTD_LOG_LEVEL", "info", "debug, info, warn or error", str(func(c *config) *string { return &c.LogLevel })},
		{"shutdown-timeout", "TALENTD_SHUTDOWN_TIMEOUT", "15s", "how long SIGTERM waits for requests in flight", func(c *config, v string) error {
			d, err := time.ParseDuration(v)
			c.ShutdownTimeout = d
			return err
		}},
		{"rate-limit", "TALENTD_RATE_LIMIT", "50", "requests per second each API key may make, sustained; 0 turns the limit off", func(c *config, v string) error {
			f, err := strconv.ParseFloat(v, 64)
			c.RateLimit = f
			return err
		}},
		{"rate-burst", "TALENTD_RATE_BURST", "100", "requests an API key may make at once before the rate limit applies", intSetter(func(c *config) *int { return &c.RateBurst })},
		{"cors-origins", "TALENTD_CORS_ORIGINS", "", "comma-separated origins (https://host[:port]) whose web pages may call the API; empty turns CORS off", func(c *config, v string) error { c.CORSOrigins = splitList(v); return nil }},
		{"tls-cert", "TALENTD_TLS_CERT", "", "PEM certificate (chain) file; with -tls-key, talentd serves HTTPS", str(func(c *config) *string { return &c.TLSCert })},
		{"tls-key", "TALENTD_TLS_KEY", "", "PEM private key file of -tls-cert", str(func(c *config) *string { return &c.TLSKey })},
	}
}

func intSetter(p func(*config) *int) func(*config, string) error {
	return func(c *config, v string) error {
		n, err := strconv.Atoi(v)
		*p(c) = n
		return err
	}
}

func splitList(v string) []string {
	var out []string
	for _, s := range strings.Split(v, ",") {
		if s = strings.TrimSpace(s); s != "" {
			out = append(out, s)
		}
	}
	return out
}

// parseConfig reads args (without the program name and sub-command) over
// the environment over the defaults.
func parseConfig(name string, args []string, getenv func(string) string, stderr io.Writer) (config, []string, error) {
	return parseConfigWith(name, args, getenv, stderr, nil)
}

// parseConfigWith is parseConfig for a sub-command that has flags of its
// own, which define adds to the flag set.
func parseConfigWith(name string, args []string, getenv func(string) string, stderr io.Writer, define func(*flag.FlagSet)) (config, []string, error) {
	var c config
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	if define != nil {
		define(fs)
	}
	given := map[string]*string{}
	for _, s := range settings() {
		given[s.flag] = fs.String(s.flag, "", fmt.Sprintf("%s (env %s, default %q)", s.usage, s.env, s.def))
	}
	if err := fs.Parse(args); err != nil {
		return c, nil, err
	}
	for _, s := range settings() {
		v := s.def
		if e := getenv(s.env); e != "" {
			v = e
		}
		if g := *given[s.flag]; g != "" {
			v = g
		}
		if err := s.set(&c, v); err != nil {
			return c, nil, fmt.Errorf("talentd: %s / %s: %w", s.flag, s.env, err)
		}
	}
	return c, fs.Args(), nil
}
