package jetstream_test

import (
	"context"
	"encoding/json"
	"errors"
	"strings"
	"sync"
	"testing"
	"time"

	natsjs "github.com/nats-io/nats.go/jetstream"

	"talentd/events"
	"talentd/events/eventstest"
	"talentd/events/jetstream"
	"talentd/registry"
	"talentd/registry/registrytest"
	"talentd/registry/sqlite"
)

// writer makes records in a real SQLite store, one event per write, so the
// outbox fills as the registry service would fill it.
type writer struct {
	t     testing.TB
	store *sqlite.Store
	docs  []registry.Document
	ids   []string // every event id written, in write order
}

func newWriter(t testing.TB) *writer {
	return &writer{t: t, store: registrytest.SQLite(t, t.TempDir())}
}

// create writes a new record with its created event.
func (w *writer) create() {
	d := newDoc()
	e := newEvent(d, events.ActionCreated)
	if err := w.store.Create(context.Background(), d, []registry.Event{e}); err != nil {
		w.t.Fatal(err)
	}
	w.docs = append(w.docs, d)
	w.ids = append(w.ids, e.ID)
}

// update writes the next version of record i with its updated event.
func (w *writer) update(i int) {
	d := nextDoc(w.docs[i])
	e := newEvent(d, events.ActionUpdated)
	if err := w.store.Update(context.Background(), d, w.docs[i].Version, []registry.Event{e}); err != nil {
		w.t.Fatal(err)
	}
	w.docs[i] = d
	w.ids = append(w.ids, e.ID)
}

// fill writes records×versions events, versions of different records
// interleaved.
func (w *writer) fill(records, versions int) {
	for range records {
		w.create()
	}
	for range versions - 1 {
		for i := range records {
			w.update(len(w.docs) - records + i)
		}
	}
}

var ids registry.UUIDv7

func newDoc() registry.Document {
	now := time.Now().UTC().Truncate(time.Millisecond)
	d := registry.Document{Kind: registry.KindEnclave, ID: ids.New("enc"), Area: "371302", Status: "DRAFT",
		Version: 1, CreatedAt: now, UpdatedAt: now, Name: "Enclave", Filters: map[string]string{}}
	d.Body, _ = json.Marshal(map[string]any{"id": d.ID, "version": d.Version})
	return d
}

func nextDoc(d registry.Document) registry.Document {
	d.Version++
	d.UpdatedAt = d.UpdatedAt.Add(time.Millisecond)
	d.Body, _ = json.Marshal(map[string]any{"id": d.ID, "version": d.Version})
	return d
}

func newEvent(d registry.Document, action string) registry.Event {
	data, _ := json.Marshal(events.Record{ID: d.ID, Kind: events.KindEnclave, Area: d.Area, Version: d.Version, Status: string(d.Status)})
	return registry.Event{ID: ids.New("evt"), Type: events.Type(events.KindEnclave, action), Kind: d.Kind,
		RecordID: d.ID, Version: d.Version, Time: d.UpdatedAt, Data: data}
}

// updateTooLarge writes the next version of record i with an updated event
// too large for a stream under refuseLargeMessages, and returns the event;
// unlike update, it leaves w.ids alone.
func (w *writer) updateTooLarge(i int) registry.Event {
	d := nextDoc(w.docs[i])
	big := newEvent(d, events.ActionUpdated)
	big.Data = []byte(`{"pad":"` + strings.Repeat("x", 8192) + `"}`)
	if err := w.store.Update(context.Background(), d, w.docs[i].Version, []registry.Event{big}); err != nil {
		w.t.Fatal(err)
	}
	w.docs[i] = d
	return big
}

// refuseLargeMessages makes the events stream refuse messages over 4 KiB.
func refuseLargeMessages(t *testing.T, js natsjs.JetStream) {
	t.Helper()
	s, err := js.Stream(t.Context(), events.StreamEvents)
	if err != nil {
		t.Fatal(err)
	}
	cfg := s.CachedInfo().Config
	cfg.MaxMsgSize = 4096
	if _, err := js.UpdateStream(t.Context(), cfg); err != nil {
		t.Fatal(err)
	}
}

func (w *writer) pending() int {
	p, err := w.store.Pending(context.Background(), 1<<20)
	if err != nil {
		w.t.Fatal(err)
	}
	return len(p)
}

// checkStream asserts the stream holds exactly the written events, each
// once, with Nats-Msg-Id = event id, and each record's versions in order.
func checkStream(t *testing.T, js natsjs.JetStream, prefix string, ids []string) {
	t.Helper()
	msgs := eventstest.Stored(t, js, prefix)
	if len(msgs) != len(ids) {
		t.Fatalf("stream holds %d messages, want %d", len(msgs), len(ids))
	}
	want := map[string]bool{}
	for _, id := range ids {
		want[id] = true
	}
	last := map[string]int64{}
	for _, m := range msgs {
		e, err := events.Decode(m.Data)
		if err != nil {
			t.Fatal(err)
		}
		if !want[e.ID] || m.Header.Get(natsjs.MsgIDHeader) != e.ID {
			t.Fatalf("unexpected or repeated event %s (msg id %q)", e.ID, m.Header.Get(natsjs.MsgIDHeader))
		}
		delete(want, e.ID)
		var d struct{ Version int64 }
		if err := json.Unmarshal(e.Data, &d); err != nil {
			t.Fatal(err)
		}
		if d.Version != last[e.Subject]+1 {
			t.Fatalf("record %s: version %d after %d", e.Subject, d.Version, last[e.Subject])
		}
		last[e.Subject] = d.Version
	}
}

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
