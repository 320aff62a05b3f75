package jetstream_test

import (
	"context"
	"log"

	"talentd/events"
	"talentd/events/jetstream"
	"talentd/registry"
)

// The one-machine wiring: an embedded server in the data directory, the
// streams, the relay from the store's outbox, and a durable consumer whose
// handler runs once per event id.
func Example() {
	ctx := context.Background()
	var outbox registry.Outbox // the store: registry/sqlite or registry/mongodb

	srv, err := jetstream.StartEmbedded(jetstream.EmbeddedConfig{DataDir: "./data"})
	if err != nil {
		log.Fatal(err)
	}
	defer srv.Shutdown()
	nc, err := srv.Connect("talentd") // jetstream.Connect(url, …) for a cluster
	if err != nil {
		log.Fatal(err)
	}
	js, err := jetstream.New(nc)
	if err != nil {
		log.Fatal(err)
	}
	cfg := jetstream.Config{Prefix: ""} // TALENTD_NATS_PREFIX
	if err := jetstream.Setup(ctx, js, cfg); err != nil {
		log.Fatal(err)
	}

	relay := jetstream.NewRelay(js, outbox, jetstream.RelayConfig{Prefix: cfg.Prefix})
	go relay.Run(ctx) // and relay.Notify() after every committed write

	ledger, err := jetstream.NewLedger(ctx, js, cfg.Prefix, events.ConsumerSubsidy)
	if err != nil {
		log.Fatal(err)
	}
	handle := func(ctx context.Context, e events.Event) error {
		if e.Type != events.EnclaveRecognized {
			return nil
		}
		var d events.EnclaveRecognizedData
		if err := e.DataAs(&d); err != nil {
			return events.Permanent(err)
		}
		return nil // grant the subsidy
	}
	go jetstream.Consume(ctx, js, jetstream.ConsumerConfig{Prefix: cfg.Prefix, Durable: events.ConsumerSubsidy},
		events.Once(ledger, handle))
}
