package storetest

import (
	"testing"
	"time"

	"talentd/registry"
)

var outboxCases = []suiteCase{
	{"OutboxOrder", testOutboxOrder},
	{"OutboxMarkPublished", testMarkPublished},
}

// writeHistory makes two records and changes them in turns, one write a
// millisecond after the other, and returns the events in write order.
func writeHistory(t *testing.T, s registry.Store) []registry.Event {
	t.Helper()
	at := time.Date(2026, 5, 6, 7, 8, 9, 0, time.UTC)
	tick := func(d *registry.Document) { at = at.Add(time.Millisecond); d.UpdatedAt = at }
	a, b := NewDoc(registry.KindTalent, "a"), NewDoc(registry.KindEnclave, "b")
	tick(&a)
	ea := []registry.Event{NewEvent(a, "created"), NewEvent(a, "submitted")}
	create(t, s, a, ea)
	tick(&b)
	eb := []registry.Event{NewEvent(b, "created")}
	create(t, s, b, eb)
	a2 := Next(a)
	tick(&a2)
	ea2 := []registry.Event{NewEvent(a2, "updated")}
	update(t, s, a2, ea2)
	b2 := Next(b)
	tick(&b2)
	eb2 := []registry.Event{NewEvent(b2, "updated"), NewEvent(b2, "recognized")}
	update(t, s, b2, eb2)
	a3 := Next(a2)
	tick(&a3)
	ea3 := []registry.Event{NewEvent(a3, "deleted")}
	if err := s.Delete(ctxOf(t), a.Kind, a.ID, a2.Version, ea3); err != nil {
		t.Fatalf("Delete: %v", err)
	}
	return concat(ea, eb, ea2, eb2, ea3)
}

func create(t *testing.T, s registry.Store, d registry.Document, evs []registry.Event) {
	t.Helper()
	if err := s.Create(ctxOf(t), d, evs); err != nil {
		t.Fatalf("Create %s: %v", d.Name, err)
	}
}

func update(t *testing.T, s registry.Store, d registry.Document, evs []registry.Event) {
	t.Helper()
	if err := s.Update(ctxOf(t), d, d.Version-1, evs); err != nil {
		t.Fatalf("Update %s: %v", d.Name, err)
	}
}

func concat(parts ...[]registry.Event) []registry.Event {
	var out []registry.Event
	for _, p := range parts {
		out = append(out, p...)
	}
	return out
}

func testOutboxOrder(t *testing.T, s registry.Store) {
	if evs := pending(t, s); len(evs) != 0 {
		t.Fatalf("fresh store has %d pending events", len(evs))
	}
	want := writeHistory(t, s)
	checkEvents(t, pending(t, s), want)
	got, err := s.(registry.Outbox).Pending(ctxOf(t), 3)
	if err != nil {
		t.Fatalf("Pending(3): %v", err)
	}
	checkEvents(t, got, want[:3])
}

func testMarkPublished(t *testing.T, s registry.Store) {
	ob := s.(registry.Outbox)
	want := writeHistory(t, s)
	first := pending(t, s)[:3]
	steps := []struct {
		name string
		mark []registry.Event
		left []registry.Event
	}{
		{"nothing", nil, want},
		{"first three", first, want[3:]},
		{"first three again", first, want[3:]},
		{"overlapping", want[2:5], want[5:]},
		{"the rest", want[5:], nil},
		{"all again", want, nil},
	}
	for _, st := range steps {
		if err := ob.MarkPublished(ctxOf(t), st.mark); err != nil {
			t.Fatalf("MarkPublished %s: %v", st.name, err)
		}
		checkEvents(t, pending(t, s), st.left)
	}
}
