package main

import (
	"cmp"
	"errors"
	"flag"
	"fmt"
	"io"
	"strings"
	"time"
)

// config is every setting of one talentbench run.
type config struct {
	URL         string
	Scenario    string
	Query       string
	Concurrency int
	Duration    time.Duration
	Count       int64
	Warmup      time.Duration
	Token       string
	Seed        uint64
	Prefill     int
	Timeout     time.Duration
	JSON        string
	AllowErrors bool
	DataDir     string
	PIIKey      string
	Audit       bool
	CPUProfile  string
}

// scenarios are the values -scenario takes.
var scenarios = []string{"create-talent", "list", "get", "raw-store"}

// hidden flags work but are left out of -h.
var hidden = map[string]bool{"cpuprofile": true}

func parseConfig(args []string, getenv func(string) string, stderr io.Writer) (config, error) {
	var c config
	fs := flag.NewFlagSet("talentbench", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.StringVar(&c.URL, "url", "http://127.0.0.1:8080", "base URL of talentd")
	fs.StringVar(&c.Scenario, "scenario", "create-talent", "one of "+strings.Join(scenarios, ", "))
	fs.StringVar(&c.Query, "query", "area=371302&tier=C&limit=50", "query string of the list scenario")
	fs.IntVar(&c.Concurrency, "c", 16, "concurrent workers, each with one request in flight")
	fs.DurationVar(&c.Duration, "d", 0, "measure for this long (default 10s unless -n is set)")
	fs.Int64Var(&c.Count, "n", 0, "measure this many requests (instead of -d)")
	fs.DurationVar(&c.Warmup, "warmup", 0, "run unmeasured for this long first")
	fs.StringVar(&c.Token, "token", "", "API key sent as Authorization: Bearer (env TALENTD_TOKEN)")
	fs.Uint64Var(&c.Seed, "seed", 0, "seed of the generated talents; 0 picks one from the clock. Runs against one store need seeds distinct modulo 890000, or identity numbers repeat (409)")
	fs.IntVar(&c.Prefill, "prefill", 1000, "talents the get scenario creates before measuring")
	fs.DurationVar(&c.Timeout, "timeout", 30*time.Second, "timeout of one request")
	fs.StringVar(&c.JSON, "json", "", "also write the result as JSON to this file (- for stdout)")
	fs.BoolVar(&c.AllowErrors, "allow-errors", false, "exit 0 even if some requests fail")
	fs.StringVar(&c.DataDir, "data-dir", "", "raw-store: the SQLite data directory to write into (talentd must not be running on it)")
	fs.StringVar(&c.PIIKey, "pii-key", "", "raw-store: personal data key, as talentd's -pii-key (env TALENTD_PII_KEY)")
	fs.BoolVar(&c.Audit, "audit", false, "raw-store: also append each create's audit entry, as talentd does")
	fs.StringVar(&c.CPUProfile, "cpuprofile", "", "write a CPU profile of the measured phase to this file")
	fs.Usage = func() { usage(fs) }
	if err := fs.Parse(args); err != nil {
		return c, err
	}
	c.Token = cmp.Or(c.Token, getenv("TALENTD_TOKEN"))
	c.PIIKey = cmp.Or(c.PIIKey, getenv("TALENTD_PII_KEY"))
	if fs.NArg() > 0 {
		return c, fmt.Errorf("talentbench: unexpected argument %q", fs.Arg(0))
	}
	return c, c.check()
}

// check refuses contradictory or out-of-range settings and fills defaults.
func (c *config) check() error {
	var errs []error
	if c.Count > 0 && c.Duration > 0 {
		errs = append(errs, errors.New("talentbench: give -n or -d, not both"))
	}
	if c.Count == 0 && c.Duration == 0 {
		c.Duration = 10 * time.Second
	}
	if c.Count < 0 || c.Duration < 0 || c.Warmup < 0 || c.Prefill < 0 {
		errs = append(errs, errors.New("talentbench: -n, -d, -warmup and -prefill must not be negative"))
	}
	if c.Concurrency < 1 {
		errs = append(errs, errors.New("talentbench: -c must be at least 1"))
	}
	if c.Scenario == "raw-store" && c.DataDir == "" {
		errs = append(errs, errors.New("talentbench: raw-store needs -data-dir"))
	}
	if c.Seed == 0 {
		c.Seed = uint64(time.Now().UnixNano()%889_999) + 1
	}
	c.URL = strings.TrimRight(c.URL, "/")
	return errors.Join(errs...)
}

func usage(fs *flag.FlagSet) {
	w := fs.Output()
	fmt.Fprint(w, "usage: talentbench [flags]\n\n")
	fs.VisitAll(func(f *flag.Flag) {
		if hidden[f.Name] {
			return
		}
		name, text := flag.UnquoteUsage(f)
		fmt.Fprintf(w, "  -%s %s\n    \t%s", f.Name, name, text)
		switch {
		case f.DefValue == "" || f.DefValue == "0" || f.DefValue == "false" || f.DefValue == "0s":
		case name == "string":
			fmt.Fprintf(w, " (default %q)", f.DefValue)
		default:
			fmt.Fprintf(w, " (default %s)", f.DefValue)
		}
		fmt.Fprintln(w)
	})
}
