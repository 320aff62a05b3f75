package jetstream_test

import (
	"context"
	"testing"

	"talentd/events/eventstest"
	"talentd/events/jetstream"
)

// TestRelayReadsAheadInOrder: on the SQLite outbox, which the relay reads
// a batch ahead, many small batches reach the stream each event once, each
// record's versions in order.
func TestRelayReadsAheadInOrder(t *testing.T) {
	js := eventstest.NATS(t, jetstream.Config{Prefix: "ahead"})
	w := newWriter(t)
	w.fill(30, 5)
	relay := jetstream.NewRelay(js, w.store, jetstream.RelayConfig{Prefix: "ahead", Batch: 40, Window: 7})
	n, err := relay.Drain(context.Background())
	if err != nil || n != 150 || w.pending() != 0 {
		t.Fatalf("cleared %d (%v), %d still pending", n, err, w.pending())
	}
	checkStream(t, js, "ahead", w.ids)
}

// TestRelayDropsTheBatchReadAheadAfterAFailure: when an event of a batch is
// refused, the batch read ahead is not published, so the record's next
// event (in that batch) does not overtake the refused one.
func TestRelayDropsTheBatchReadAheadAfterAFailure(t *testing.T) {
	ctx := context.Background()
	js := eventstest.NATS(t, jetstream.Config{})
	refuseLargeMessages(t, js)
	w := newWriter(t)
	w.create()                                    // e0: record 0
	w.create()                                    // e1: record 1
	w.ids = append(w.ids, w.updateTooLarge(0).ID) // e2: record 0, refused
	w.update(1)                                   // e3: record 1, same batch
	w.update(0)                                   // e4: record 0, next batch
	w.update(1)                                   // e5: record 1, next batch
	relay := jetstream.NewRelay(js, w.store, jetstream.RelayConfig{Batch: 4})
	if _, err := relay.Drain(ctx); err == nil {
		t.Fatal("Drain hid the refused event")
	}
	if w.pending() != 3 {
		t.Fatalf("%d events pending, want the refused one and the batch after", w.pending())
	}
	checkStream(t, js, "", []string{w.ids[0], w.ids[1], w.ids[3]})
}
