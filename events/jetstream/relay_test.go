package jetstream_test

import (
	"context"
	"errors"
	"sync"
	"testing"
	"time"

	"talentd/events"
	"talentd/events/eventstest"
	"talentd/events/jetstream"
	"talentd/registry"
)

// crashingOutbox loses the first MarkPublished, as a relay that dies after
// publishing and before clearing would.
type crashingOutbox struct {
	registry.Outbox
	once sync.Once
}

func (c *crashingOutbox) MarkPublished(ctx context.Context, evs []registry.Event) error {
	crashed := false
	c.once.Do(func() { crashed = true })
	if crashed {
		return errors.New("crashed before clearing")
	}
	return c.Outbox.MarkPublished(ctx, evs)
}

func TestRelayPublishesEachEventOnceInOrder(t *testing.T) {
	ctx := context.Background()
	js := eventstest.NATS(t, jetstream.Config{Prefix: "r1"})
	w := newWriter(t)
	w.fill(30, 5)
	relay := jetstream.NewRelay(js, &crashingOutbox{Outbox: w.store}, jetstream.RelayConfig{Prefix: "r1", Batch: 40, Window: 7})
	if _, err := relay.Drain(ctx); err == nil {
		t.Fatal("first Drain hid the lost MarkPublished")
	}
	n, err := relay.Drain(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if n != 150 || w.pending() != 0 {
		t.Fatalf("cleared %d, %d still pending", n, w.pending())
	}
	checkStream(t, js, "r1", w.ids)
}

func TestRelayRunsOnNotifyAndSweep(t *testing.T) {
	tests := []struct {
		name   string
		sweep  time.Duration
		notify bool
	}{
		{"notify", time.Hour, true},
		{"sweep", 50 * time.Millisecond, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			js := eventstest.NATS(t, jetstream.Config{})
			w := newWriter(t)
			relay := jetstream.NewRelay(js, w.store, jetstream.RelayConfig{Sweep: tt.sweep})
			stop := runRelay(t, relay)
			time.Sleep(50 * time.Millisecond) // the first pass found nothing
			w.fill(5, 2)
			if tt.notify {
				relay.Notify()
			}
			waitFor(t, 5*time.Second, func() bool { return w.pending() == 0 })
			stop()
			checkStream(t, js, "", w.ids)
		})
	}
}

func TestRelayDeadLettersAnInvalidEvent(t *testing.T) {
	ctx := context.Background()
	js := eventstest.NATS(t, jetstream.Config{})
	w := newWriter(t)
	w.create()
	d := nextDoc(w.docs[0])
	bad := newEvent(d, events.ActionUpdated)
	bad.Data = []byte(`not json`)
	if err := w.store.Update(ctx, d, 1, []registry.Event{bad}); err != nil {
		t.Fatal(err)
	}
	w.docs[0] = d
	w.update(0)
	if _, err := jetstream.NewRelay(js, w.store, jetstream.RelayConfig{}).Drain(ctx); err != nil {
		t.Fatal(err)
	}
	if w.pending() != 0 || len(eventstest.Stored(t, js, "")) != 2 {
		t.Fatalf("%d pending, %d published", w.pending(), len(eventstest.Stored(t, js, "")))
	}
	dl, err := jetstream.NewDeadLetters(js, "").List(ctx, 10, 0)
	if err != nil || len(dl) != 1 || dl[0].MsgID != bad.ID || dl[0].Consumer != events.Relay || string(dl[0].Data) != "not json" {
		t.Fatalf("dead letters %+v, %v", dl, err)
	}
}

func runRelay(t *testing.T, r *jetstream.Relay) (stop func()) {
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- r.Run(ctx) }()
	var once sync.Once
	stop = func() {
		once.Do(func() {
			cancel()
			if err := <-done; err != nil {
				t.Errorf("Run: %v", err)
			}
		})
	}
	t.Cleanup(stop)
	return stop
}

func waitFor(t *testing.T, limit time.Duration, ok func() bool) {
	t.Helper()
	for end := time.Now().Add(limit); !ok(); time.Sleep(20 * time.Millisecond) {
		if time.Now().After(end) {
			t.Fatalf("condition not met after %s", limit)
		}
	}
}

// TestRelayHoldsBackARecordAfterAFailure: when the stream refuses one event,
// the record's later events wait in the outbox; other records go on.
func TestRelayHoldsBackARecordAfterAFailure(t *testing.T) {
	ctx := context.Background()
	js := eventstest.NATS(t, jetstream.Config{})
	refuseLargeMessages(t, js)
	w := newWriter(t)
	w.create() // record 0
	w.create() // record 1
	w.updateTooLarge(0)
	w.update(0)
	w.update(1)
	if _, err := jetstream.NewRelay(js, w.store, jetstream.RelayConfig{}).Drain(ctx); err == nil {
		t.Fatal("Drain hid the refused event")
	}
	if w.pending() != 2 {
		t.Fatalf("%d events pending, want the refused one and the one after it", w.pending())
	}
	checkStream(t, js, "", []string{w.ids[0], w.ids[1], w.ids[3]})
}
