package jetstream

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"time"

	"github.com/nats-io/nats.go"
	natsjs "github.com/nats-io/nats.go/jetstream"

	"talentd/registry"
)

// RelayConfig tunes the outbox relay.
type RelayConfig struct {
	// Prefix is the deployment's subject prefix (Config.Prefix).
	Prefix string
	// Batch is how many pending events one read takes (4096).
	Batch int
	// Window is how many publishes may await their ack at once (4096).
	Window int
	// AckTimeout is how long a publish may wait for its ack (5 s).
	AckTimeout time.Duration
	// Sweep is how often the relay looks at the outbox without being told
	// (5 s): it publishes whatever a crash or an outage left behind.
	Sweep time.Duration
	// Logger gets the relay's warnings (slog.Default()).
	Logger *slog.Logger
}

func (c RelayConfig) withDefaults() RelayConfig {
	if c.Batch <= 0 {
		c.Batch = 4096
	}
	if c.Window <= 0 {
		c.Window = 4096
	}
	if c.AckTimeout <= 0 {
		c.AckTimeout = 5 * time.Second
	}
	if c.Sweep <= 0 {
		c.Sweep = 5 * time.Second
	}
	if c.Logger == nil {
		c.Logger = slog.Default()
	}
	return c
}

// ErrDisconnected is returned by Drain while NATS is unreachable; the events
// stay in the outbox.
var ErrDisconnected = errors.New("jetstream: not connected")

// Relay moves events from a store's outbox to the events stream. Every event
// is published with its id as Nats-Msg-Id, so publishing it again inside the
// duplicate window stores nothing new; and an event is only published after
// the record's earlier events are acknowledged, so the stream holds each
// record's events in version order. Only acknowledged events leave the
// outbox.
type Relay struct {
	js     natsjs.JetStream
	outbox registry.Outbox
	cfg    RelayConfig
	kick   chan struct{}
}

// NewRelay returns a relay from outbox to js. Start it with Run.
func NewRelay(js natsjs.JetStream, outbox registry.Outbox, cfg RelayConfig) *Relay {
	return &Relay{js: js, outbox: outbox, cfg: cfg.withDefaults(), kick: make(chan struct{}, 1)}
}

// Notify asks the relay to look at the outbox now. It never blocks; call it
// right after a write commits.
func (r *Relay) Notify() {
	select {
	case r.kick <- struct{}{}:
	default:
	}
}

// Run publishes pending events whenever notified, on every sweep and when
// the connection comes back, until ctx ends. It returns nil then.
func (r *Relay) Run(ctx context.Context) error {
	nc := r.js.Conn()
	back := nc.StatusChanged(nats.CONNECTED)
	defer nc.RemoveStatusListener(back)
	tick := time.NewTicker(r.cfg.Sweep)
	defer tick.Stop()
	var last error
	for {
		_, err := r.Drain(ctx)
		if err != nil && ctx.Err() == nil && !(errors.Is(err, ErrDisconnected) && errors.Is(last, ErrDisconnected)) {
			r.cfg.Logger.Warn("relay: events stay in the outbox", "err", err)
		}
		last = err
		select {
		case <-ctx.Done():
			return nil
		case <-r.kick:
		case <-tick.C:
		case <-back:
		}
	}
}

// Drain publishes every pending event and clears what was acknowledged. It
// returns how many events it cleared, and stops at the first batch that
// could not be published whole.
func (r *Relay) Drain(ctx context.Context) (int, error) {
	c := newClearer(ctx, r.outbox)
	err := r.drain(ctx, c)
	n, clearErr := c.close()
	if clearErr != nil {
		return n, fmt.Errorf("jetstream: relay: mark published: %w", clearErr)
	}
	return n, err
}

// drain publishes batch after batch, handing acknowledged events to c. A
// paged outbox's next batch is read while the current one is published,
// and cleared while the next one is; any other outbox is cleared before it
// is read again from the oldest event.
func (r *Relay) drain(ctx context.Context, c *clearer) error {
	_, paged := r.outbox.(pagedOutbox)
	next := r.firstBatch(ctx)
	for !c.failed() {
		if !r.js.Conn().IsConnected() {
			return ErrDisconnected
		}
		pending, err := next()
		if err != nil {
			return fmt.Errorf("jetstream: relay: pending events: %w", err)
		}
		if len(pending) == 0 {
			return nil
		}
		full := len(pending) >= r.cfg.Batch
		if full {
			next = r.nextBatch(ctx, pending)
		}
		if err := r.publish(ctx, pending, c.add); err != nil || !full {
			return err
		}
		if !paged {
			c.flush()
		}
	}
	return nil
}
