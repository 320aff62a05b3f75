package events_test

import (
	"context"
	"errors"
	"testing"

	"talentd/events"
)

func TestOnceAppliesEachIDOnce(t *testing.T) {
	ctx := context.Background()
	applied := map[string]int{}
	fail := true
	h := events.Once(&events.MemoryLedger{}, func(_ context.Context, e events.Event) error {
		if e.ID == "evt_fail" && fail {
			fail = false
			return errors.New("transient")
		}
		applied[e.ID]++
		return nil
	})
	for _, id := range []string{"evt_a", "evt_b", "evt_a", "evt_fail", "evt_fail", "evt_fail", "evt_b"} {
		_ = h(ctx, events.Event{ID: id})
	}
	want := map[string]int{"evt_a": 1, "evt_b": 1, "evt_fail": 1}
	for id, n := range want {
		if applied[id] != n {
			t.Errorf("%s applied %d times, want %d", id, applied[id], n)
		}
	}
}

func TestMemoryLedgerKeepsNewest(t *testing.T) {
	ctx := context.Background()
	l := &events.MemoryLedger{Size: 2}
	for _, id := range []string{"a", "b", "c"} {
		_ = l.Record(ctx, id)
	}
	for id, want := range map[string]bool{"a": false, "b": true, "c": true} {
		if got, _ := l.Seen(ctx, id); got != want {
			t.Errorf("Seen(%s) = %v, want %v", id, got, want)
		}
	}
}

func TestPermanent(t *testing.T) {
	base := errors.New("no such enclave")
	err := events.Permanent(base)
	wrapped := errors.Join(errors.New("subsidy"), err)
	if !events.IsPermanent(wrapped) || !errors.Is(wrapped, base) || events.IsPermanent(base) || events.Permanent(nil) != nil {
		t.Fatal("Permanent does not wrap as documented")
	}
}
