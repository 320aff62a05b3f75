package storetest

import (
	"errors"
	"testing"

	"talentd/registry"
)

var deleteCases = []suiteCase{
	{"Delete", testDelete},
	{"DeleteRefused", testDeleteRefused},
}

func testDelete(t *testing.T, s registry.Store) {
	d := fullDoc()
	created := NewEvent(d, "created")
	if err := s.Create(ctxOf(t), d, []registry.Event{created}); err != nil {
		t.Fatalf("Create: %v", err)
	}
	deleted := NewEvent(Next(d), "deleted")
	if err := s.Delete(ctxOf(t), d.Kind, d.ID, 1, []registry.Event{deleted}); err != nil {
		t.Fatalf("Delete: %v", err)
	}
	if _, err := s.Get(ctxOf(t), d.Kind, d.ID); !errors.Is(err, registry.ErrNotFound) {
		t.Errorf("Get after Delete: %v, want ErrNotFound", err)
	}
	if _, err := s.FindIdentity(ctxOf(t), d.Kind, d.Identity); !errors.Is(err, registry.ErrNotFound) {
		t.Errorf("FindIdentity after Delete: %v, want ErrNotFound", err)
	}
	if docs, err := s.List(ctxOf(t), registry.Query{Kind: d.Kind, Ref: d.Refs[0]}); err != nil || len(docs) != 0 {
		t.Errorf("List by ref after Delete = %v, %v; want none", docNames(docs), err)
	}
	checkEvents(t, pending(t, s), []registry.Event{created, deleted})
	again := NewDoc(d.Kind, "registered again")
	again.Identity = d.Identity
	mustCreate(t, s, again)
}

func testDeleteRefused(t *testing.T, s registry.Store) {
	d := mustCreate(t, s, fullDoc())
	before := pending(t, s)
	cases := []struct {
		name string
		id   string
		prev int64
		want error
	}{
		{"stale version", d.ID, 2, registry.ErrVersionMismatch},
		{"missing", "tal_0190a4d4-0000-7000-8000-00000000dead", 1, registry.ErrNotFound},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			ev := NewEvent(Next(d), "deleted")
			ev.RecordID = c.id
			err := s.Delete(ctxOf(t), d.Kind, c.id, c.prev, []registry.Event{ev})
			if !errors.Is(err, c.want) {
				t.Fatalf("Delete: %v, want %v", err, c.want)
			}
		})
	}
	if err := s.Delete(ctxOf(t), registry.KindExpert, d.ID, 1, nil); !errors.Is(err, registry.ErrNotFound) {
		t.Errorf("Delete under another kind: %v, want ErrNotFound", err)
	}
	checkDoc(t, mustGet(t, s, d.Kind, d.ID), d)
	checkEvents(t, pending(t, s), before)
}
