package main

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"sync/atomic"
	"time"

	"github.com/nats-io/nats.go"
	natsjs "github.com/nats-io/nats.go/jetstream"

	"talentd/events"
	"talentd/events/jetstream"
	"talentd/registry"
)

// bus is talentd's side of NATS: the embedded server (when no URL is
// configured) or a connection out, the streams, and the outbox relay.
type bus struct {
	embedded *jetstream.Embedded // nil when connected out
	nc       *nats.Conn
	js       natsjs.JetStream
	relay    *jetstream.Relay
	dead     *jetstream.DeadLetters
	streams  jetstream.Config
	log      *slog.Logger
	drainFor time.Duration

	setUp atomic.Bool // the streams exist
	stop  context.CancelFunc
	done  chan struct{}
}

// openBus starts or reaches NATS and starts the relay from outbox in the
// background. NATS being down does not stop talentd: the streams are set
// up and the relay publishes as soon as it answers.
func openBus(cfg config, outbox registry.Outbox, log *slog.Logger) (*bus, error) {
	if err := events.ValidPrefix(cfg.NATSPrefix); err != nil {
		return nil, fmt.Errorf("talentd: nats-prefix: %w", err)
	}
	b := &bus{streams: cfg.streams(), log: log, drainFor: cfg.ShutdownTimeout, done: make(chan struct{})}
	if err := b.connect(cfg); err != nil {
		return nil, err
	}
	js, err := jetstream.New(b.nc)
	if err != nil {
		b.Close()
		return nil, err
	}
	b.js = js
	b.relay = jetstream.NewRelay(js, outbox, cfg.relay(log))
	b.dead = jetstream.NewDeadLetters(js, cfg.NATSPrefix)
	if b.nc.IsConnected() {
		b.setup(context.Background(), 10*time.Second) // else the background loop does it
	}
	ctx, cancel := context.WithCancel(context.Background())
	b.stop = cancel
	go b.run(ctx)
	return b, nil
}

// connect starts the embedded server under <data-dir>/nats and connects
// in-process, or connects to TALENTD_NATS_URL with reconnects.
func (b *bus) connect(cfg config) error {
	if cfg.NATSURL != "" {
		nc, err := jetstream.Connect(cfg.NATSURL, "talentd")
		if err != nil {
			return fmt.Errorf("talentd: %w", err)
		}
		b.nc = nc
		return nil
	}
	e, err := jetstream.StartEmbedded(jetstream.EmbeddedConfig{DataDir: cfg.DataDir, Port: cfg.NATSPort})
	if err != nil {
		return fmt.Errorf("talentd: %w", err)
	}
	b.embedded = e
	if url := e.ClientURL(); url != "" {
		b.log.Info("embedded NATS listening; attach with: nats --server "+url+" stream ls", "url", url)
	}
	nc, err := nats.Connect("", nats.Name("talentd"), nats.InProcessServer(e.Server()))
	if err != nil {
		e.Shutdown()
		return fmt.Errorf("talentd: connect to the embedded NATS server: %w", err)
	}
	b.nc = nc
	return nil
}

// setup creates or updates the streams, once it succeeds.
func (b *bus) setup(ctx context.Context, within time.Duration) bool {
	if b.setUp.Load() {
		return true
	}
	ctx, cancel := context.WithTimeout(ctx, within)
	defer cancel()
	if err := jetstream.Setup(ctx, b.js, b.streams); err != nil {
		b.log.Warn("NATS streams not set up yet; events wait in the outbox", "err", err)
		return false
	}
	b.setUp.Store(true)
	return true
}

// run sets the streams up (retrying while NATS is away, and at once when
// the connection comes back), then runs the relay until ctx ends.
func (b *bus) run(ctx context.Context) {
	defer close(b.done)
	back := b.nc.StatusChanged(nats.CONNECTED)
	defer b.nc.RemoveStatusListener(back)
	for wait := time.Second; !b.setup(ctx, 10*time.Second); wait = min(2*wait, 30*time.Second) {
		select {
		case <-ctx.Done():
			return
		case <-back:
		case <-time.After(wait):
		}
	}
	_ = b.relay.Run(ctx)
}

// Ready is the "nats" readiness check: connected, JetStream answering, the
// streams set up.
func (b *bus) Ready(ctx context.Context) error {
	if !b.setUp.Load() {
		return errors.New("talentd: NATS streams not set up")
	}
	return jetstream.Ready(ctx, b.js)
}

// Notify tells the relay a write committed.
func (b *bus) Notify() { b.relay.Notify() }

// Close stops the relay, publishes what it can within the shutdown
// timeout, and closes the connection and the embedded server.
func (b *bus) Close() error {
	if b.stop != nil {
		b.stop()
		<-b.done
		b.drain()
	}
	if b.nc != nil {
		b.nc.Close()
	}
	if b.embedded != nil {
		b.embedded.Shutdown()
	}
	return nil
}

// drain publishes the events still in the outbox, for at most drainFor.
func (b *bus) drain() {
	if !b.setUp.Load() || !b.nc.IsConnected() {
		return
	}
	ctx, cancel := context.WithTimeout(context.Background(), b.drainFor)
	defer cancel()
	if n, err := b.relay.Drain(ctx); err != nil {
		b.log.Warn("relay: events left in the outbox for the next start", "published", n, "err", err)
	}
}

// openBus opens the bus on the app's store (its outbox) and closes it with
// the app, before the store.
func (a *app) openBus(cfg config, log *slog.Logger) (*bus, error) {
	outbox, ok := a.store.(registry.Outbox)
	if !ok {
		return nil, fmt.Errorf("talentd: the %s store keeps no outbox", a.storeName)
	}
	b, err := openBus(cfg, outbox, log)
	if err != nil {
		return nil, err
	}
	a.closers = append(a.closers, b.Close)
	return b, nil
}
