package jetstream

import (
	"errors"
	"fmt"
	"path/filepath"
	"time"

	"github.com/nats-io/nats-server/v2/server"
	"github.com/nats-io/nats.go"
)

// EmbeddedConfig configures the in-process nats-server.
type EmbeddedConfig struct {
	// DataDir is talentd's data directory; JetStream keeps its store in
	// DataDir/nats.
	DataDir string
	// Port 0 opens no listener: only this process reaches the server. Give a
	// port (or -1 for any free one) so operators can attach the nats CLI.
	Port int
	// Host is the listener's address, 127.0.0.1 when empty.
	Host string
	// ReadyTimeout bounds the wait for the server, 10 s when zero.
	ReadyTimeout time.Duration
}

// Embedded is a nats-server with JetStream running inside this process.
type Embedded struct {
	srv *server.Server
}

// StartEmbedded starts the server and waits until it accepts connections
// with JetStream enabled.
func StartEmbedded(cfg EmbeddedConfig) (*Embedded, error) {
	if cfg.DataDir == "" {
		return nil, errors.New("jetstream: embedded server needs a data directory")
	}
	srv, err := server.NewServer(embeddedOptions(cfg))
	if err != nil {
		return nil, fmt.Errorf("jetstream: embedded server: %w", err)
	}
	srv.Start()
	wait := cfg.ReadyTimeout
	if wait == 0 {
		wait = 10 * time.Second
	}
	if !srv.ReadyForConnections(wait) || !srv.JetStreamEnabled() {
		srv.Shutdown()
		return nil, fmt.Errorf("jetstream: embedded server not ready after %s", wait)
	}
	return &Embedded{srv: srv}, nil
}

func embeddedOptions(cfg EmbeddedConfig) *server.Options {
	host := cfg.Host
	if host == "" {
		host = "127.0.0.1"
	}
	return &server.Options{
		ServerName: "talentd",
		JetStream:  true,
		StoreDir:   filepath.Join(cfg.DataDir, "nats"),
		DontListen: cfg.Port == 0,
		Host:       host,
		Port:       cfg.Port,
		NoSigs:     true,
		NoLog:      true,
		// The HTTP monitor, cluster and leaf listeners stay closed.
	}
}

// ClientURL is the listener's URL (nats://host:port), or "" without one.
func (e *Embedded) ClientURL() string {
	if e.srv.ClientURL() == "" || e.srv.Addr() == nil {
		return ""
	}
	return e.srv.ClientURL()
}

// Connect returns a connection to the server: in-process when it has no
// listener, else through Connect (with reconnects).
func (e *Embedded) Connect(name string, opts ...nats.Option) (*nats.Conn, error) {
	if url := e.ClientURL(); url != "" {
		return Connect(url, name, opts...)
	}
	opts = append([]nats.Option{nats.Name(name), nats.InProcessServer(e.srv)}, opts...)
	nc, err := nats.Connect("", opts...)
	if err != nil {
		return nil, fmt.Errorf("jetstream: connect in-process: %w", err)
	}
	return nc, nil
}

// Server is the running server, for tests and diagnostics.
func (e *Embedded) Server() *server.Server { return e.srv }

// Shutdown stops the server and waits until it is down; the store stays on
// disk for the next start.
func (e *Embedded) Shutdown() {
	e.srv.Shutdown()
	e.srv.WaitForShutdown()
}
