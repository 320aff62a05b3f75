package storetest

import (
	"context"
	"testing"

	"talentd/registry"
)

type suiteCase struct {
	name string
	fn   func(t *testing.T, s registry.Store)
}

// Run runs the Store contract against stores made by open. open returns a
// fresh, empty store that also implements registry.Outbox; Run calls it once
// per subtest and closes the store when that subtest ends, so open must not
// close it itself (it may register other clean-up).
func Run(t *testing.T, open func(t *testing.T) registry.Store) {
	groups := [][]suiteCase{writeCases, deleteCases, listCases, findCases, outboxCases, concurrencyCases, resealCases, auditedCases}
	for _, g := range groups {
		for _, c := range g {
			t.Run(c.name, func(t *testing.T) {
				s := open(t)
				if _, ok := s.(registry.Outbox); !ok {
					t.Fatalf("%T does not implement registry.Outbox", s)
				}
				t.Cleanup(func() {
					if err := s.Close(); err != nil {
						t.Errorf("Close: %v", err)
					}
				})
				c.fn(t, s)
			})
		}
	}
}

func ctxOf(t *testing.T) context.Context { return t.Context() }

// mustCreate creates doc with one "created" event and fails the test on error.
func mustCreate(t *testing.T, s registry.Store, d registry.Document) registry.Document {
	t.Helper()
	if err := s.Create(ctxOf(t), d, []registry.Event{NewEvent(d, "created")}); err != nil {
		t.Fatalf("Create %s: %v", d.Name, err)
	}
	return d
}

// mustGet reads a document and fails the test on error.
func mustGet(t *testing.T, s registry.Store, k registry.Kind, id string) registry.Document {
	t.Helper()
	d, err := s.Get(ctxOf(t), k, id)
	if err != nil {
		t.Fatalf("Get %s: %v", id, err)
	}
	return d
}

// pending returns every pending event of s.
func pending(t *testing.T, s registry.Store) []registry.Event {
	t.Helper()
	evs, err := s.(registry.Outbox).Pending(ctxOf(t), 10000)
	if err != nil {
		t.Fatalf("Pending: %v", err)
	}
	return evs
}
