package jetstream_test

import (
	"context"
	"encoding/json"
	"strings"
	"testing"
	"time"

	natsjs "github.com/nats-io/nats.go/jetstream"

	"talentd/events"
	"talentd/events/eventstest"
	"talentd/registry"
	"talentd/registry/registrytest"
	"talentd/registry/sqlite"
)

// The fixtures of the relay tests: a writer that fills a real SQLite
// outbox, documents and events for it, and checkStream.

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
