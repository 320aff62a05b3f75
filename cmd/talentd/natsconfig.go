package main

import (
	"log/slog"
	"strconv"
	"time"

	"talentd/events/jetstream"
)

// streams is the JetStream set-up the configuration asks for.
func (c config) streams() jetstream.Config {
	return jetstream.Config{
		Prefix: c.NATSPrefix, Replicas: c.NATSReplicas, MaxAge: c.NATSMaxAge, MaxBytes: c.NATSMaxBytes,
		Duplicates: c.NATSDuplicates, DeadLetterMaxAge: c.NATSDLQMaxAge,
	}
}

// relay is the outbox relay's configuration.
func (c config) relay(log *slog.Logger) jetstream.RelayConfig {
	return jetstream.RelayConfig{Prefix: c.NATSPrefix, Sweep: c.RelaySweep, Logger: log}
}

func durationSetter(p func(*config) *time.Duration) func(*config, string) error {
	return func(c *config, v string) error {
		d, err := time.ParseDuration(v)
		*p(c) = d
		return err
	}
}

func int64Setter(p func(*config) *int64) func(*config, string) error {
	return func(c *config, v string) error {
		n, err := strconv.ParseInt(v, 10, 64)
		*p(c) = n
		return err
	}
}
