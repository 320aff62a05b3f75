package jetstream

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"time"

	natsjs "github.com/nats-io/nats.go/jetstream"

	"talentd/events"
)

// ConsumerConfig configures one durable consumer.
type ConsumerConfig struct {
	// Prefix is the deployment's prefix (Config.Prefix).
	Prefix string
	// Durable is the consumer's name, one of the events.Consumer* names.
	Durable string
	// Filter is the type pattern it receives (events.Root+".>" when empty).
	Filter string
	// AckWait is how long a delivery may go unanswered before the server
	// sends it again (30 s). The runner reports progress while a handler
	// runs, so a slow handler is not redelivered underneath itself.
	AckWait time.Duration
	// MaxDeliver is how many deliveries an event gets (8); after the last
	// failed one it goes to the dead-letter stream.
	MaxDeliver int
	// BackOff is the delay before the next delivery after a transient
	// error, indexed by delivery number, the last one repeating
	// (1 s, 5 s, 30 s, 2 min, 10 min).
	BackOff []time.Duration
	// MaxAckPending bounds deliveries handed out and not yet answered (256).
	MaxAckPending int
	// Logger gets the runner's warnings (slog.Default()).
	Logger *slog.Logger
}

func (c ConsumerConfig) withDefaults() ConsumerConfig {
	if c.Filter == "" {
		c.Filter = events.Root + ".>"
	}
	if c.AckWait <= 0 {
		c.AckWait = 30 * time.Second
	}
	if c.MaxDeliver <= 0 {
		c.MaxDeliver = 8
	}
	if len(c.BackOff) == 0 {
		c.BackOff = []time.Duration{time.Second, 5 * time.Second, 30 * time.Second, 2 * time.Minute, 10 * time.Minute}
	}
	if c.MaxAckPending <= 0 {
		c.MaxAckPending = 256
	}
	if c.Logger == nil {
		c.Logger = slog.Default()
	}
	return c
}

// consumerConfig is the server-side definition of the durable.
func (c ConsumerConfig) consumerConfig() natsjs.ConsumerConfig {
	return natsjs.ConsumerConfig{
		Durable:       c.Durable,
		Description:   "talentd durable consumer " + c.Durable,
		FilterSubject: events.Subject(c.Prefix, c.Filter),
		DeliverPolicy: natsjs.DeliverAllPolicy,
		AckPolicy:     natsjs.AckExplicitPolicy,
		AckWait:       c.AckWait,
		MaxDeliver:    c.MaxDeliver,
		MaxAckPending: c.MaxAckPending,
	}
}

// Consume runs h on every event the durable consumer receives, one at a
// time, until ctx ends; then it returns nil. It creates or updates the
// consumer first, and keeps retrying (with a back-off) while NATS is away.
//
// For each delivery: h returns nil → ack; h returns an error wrapped by
// events.Permanent, or the message is not a valid envelope → the message is
// copied to the dead-letter stream with the reason and terminated; any
// other error → nak with the BackOff delay, and on the last delivery
// (MaxDeliver) dead-letter and terminate. Dead-lettering is done before the
// terminate, so it needs no server advisories.
func Consume(ctx context.Context, js natsjs.JetStream, cfg ConsumerConfig, h events.Handler) error {
	cfg = cfg.withDefaults()
	if cfg.Durable == "" {
		return errors.New("jetstream: consumer needs a durable name")
	}
	r := &runner{js: js, cfg: cfg, h: h}
	for attempt := 0; ; attempt++ {
		err := r.run(ctx)
		if ctx.Err() != nil {
			return nil
		}
		cfg.Logger.Warn("consumer: restarting", "durable", cfg.Durable, "err", err)
		select {
		case <-ctx.Done():
			return nil
		case <-time.After(reconnectDelay(min(attempt, 6))):
		}
	}
}

type runner struct {
	js  natsjs.JetStream
	cfg ConsumerConfig
	h   events.Handler
}

// run attaches to the durable and handles messages until an error.
func (r *runner) run(ctx context.Context) error {
	stream := events.Name(r.cfg.Prefix, events.StreamEvents)
	cons, err := r.js.CreateOrUpdateConsumer(ctx, stream, r.cfg.consumerConfig())
	if err != nil {
		return fmt.Errorf("jetstream: consumer %s: %w", r.cfg.Durable, err)
	}
	it, err := cons.Messages(natsjs.PullMaxMessages(min(r.cfg.MaxAckPending, 64)))
	if err != nil {
		return fmt.Errorf("jetstream: consumer %s: %w", r.cfg.Durable, err)
	}
	defer it.Stop()
	for {
		msg, err := it.Next(natsjs.NextContext(ctx))
		if ctx.Err() != nil {
			return ctx.Err()
		}
		if err != nil {
			return fmt.Errorf("jetstream: consumer %s: %w", r.cfg.Durable, err)
		}
		r.handle(ctx, msg)
	}
}
