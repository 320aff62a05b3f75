package jetstream

import (
	"context"
	"fmt"
	"time"

	natsjs "github.com/nats-io/nats.go/jetstream"

	"talentd/events"
)

// Config names and sizes talentd's streams. The zero value, after
// WithDefaults, suits the embedded server.
type Config struct {
	// Prefix keeps deployments that share one server apart
	// (TALENTD_NATS_PREFIX); see events.Subject and events.Name.
	Prefix string
	// Replicas is 1 on the embedded server and 3 on a cluster.
	Replicas int
	// MaxAge and MaxBytes bound the events stream (30 days, 1 GiB); the
	// oldest events go first.
	MaxAge   time.Duration
	MaxBytes int64
	// Duplicates is the de-duplication window on Nats-Msg-Id (2 minutes).
	// A relay that stays down longer than it can publish an event twice;
	// consumers are idempotent for that.
	Duplicates time.Duration
	// DeadLetterMaxAge bounds the dead-letter stream (0: kept until
	// replayed or deleted); it never holds more than DeadLetterMaxBytes
	// (256 MiB).
	DeadLetterMaxAge   time.Duration
	DeadLetterMaxBytes int64
	// LedgerTTL is how long the applied-events ledger remembers an id
	// (7 days).
	LedgerTTL time.Duration
}

// WithDefaults returns c with its zero fields set to the defaults.
func (c Config) WithDefaults() Config {
	def := func(v *time.Duration, d time.Duration) {
		if *v == 0 {
			*v = d
		}
	}
	def(&c.MaxAge, 30*24*time.Hour)
	def(&c.Duplicates, 2*time.Minute)
	def(&c.LedgerTTL, 7*24*time.Hour)
	if c.Replicas == 0 {
		c.Replicas = 1
	}
	if c.MaxBytes == 0 {
		c.MaxBytes = 1 << 30
	}
	if c.DeadLetterMaxBytes == 0 {
		c.DeadLetterMaxBytes = 256 << 20
	}
	return c
}

// Setup creates the events stream, the dead-letter stream and the ledger
// bucket, or updates them to cfg; running it again changes nothing.
func Setup(ctx context.Context, js natsjs.JetStream, cfg Config) error {
	if err := events.ValidPrefix(cfg.Prefix); err != nil {
		return fmt.Errorf("jetstream: %w", err)
	}
	cfg = cfg.WithDefaults()
	for _, sc := range []natsjs.StreamConfig{eventsStream(cfg), deadLetterStream(cfg)} {
		if _, err := js.CreateOrUpdateStream(ctx, sc); err != nil {
			return fmt.Errorf("jetstream: set up stream %s: %w", sc.Name, err)
		}
	}
	if _, err := js.CreateOrUpdateKeyValue(ctx, ledgerBucket(cfg)); err != nil {
		return fmt.Errorf("jetstream: set up bucket %s: %w", ledgerBucket(cfg).Bucket, err)
	}
	return nil
}

func eventsStream(cfg Config) natsjs.StreamConfig {
	return natsjs.StreamConfig{
		Name:        events.Name(cfg.Prefix, events.StreamEvents),
		Description: "talentd domain events (CloudEvents 1.0 JSON)",
		Subjects:    []string{events.Subject(cfg.Prefix, events.Root+".>")},
		Storage:     natsjs.FileStorage,
		Retention:   natsjs.LimitsPolicy,
		Discard:     natsjs.DiscardOld,
		Replicas:    cfg.Replicas,
		MaxAge:      cfg.MaxAge,
		MaxBytes:    cfg.MaxBytes,
		Duplicates:  cfg.Duplicates,
	}
}

func deadLetterStream(cfg Config) natsjs.StreamConfig {
	return natsjs.StreamConfig{
		Name:        events.Name(cfg.Prefix, events.StreamDeadLetters),
		Description: "talentd events that consumers gave up on, with the reason",
		Subjects:    []string{events.Subject(cfg.Prefix, events.DeadLetterRoot+".>")},
		Storage:     natsjs.FileStorage,
		Retention:   natsjs.LimitsPolicy,
		Discard:     natsjs.DiscardOld,
		Replicas:    cfg.Replicas,
		MaxAge:      cfg.DeadLetterMaxAge,
		MaxBytes:    cfg.DeadLetterMaxBytes,
		Duplicates:  cfg.Duplicates,
	}
}

func ledgerBucket(cfg Config) natsjs.KeyValueConfig {
	return natsjs.KeyValueConfig{
		Bucket:      events.Name(cfg.Prefix, events.BucketApplied),
		Description: "event ids each durable consumer has applied",
		TTL:         cfg.LedgerTTL,
		Storage:     natsjs.FileStorage,
		Replicas:    cfg.Replicas,
	}
}
