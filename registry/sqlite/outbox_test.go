package sqlite_test

import (
	"context"
	"slices"
	"testing"

	"talentd/registry"
	"talentd/registry/registrytest"
	"talentd/registry/storetest"
)

// TestPendingAfter: the page after an event, in write order; from the
// start when that event has been cleared meanwhile.
func TestPendingAfter(t *testing.T) {
	ctx := context.Background()
	s := registrytest.SQLite(t, t.TempDir())
	var ids []string
	for i := range 5 {
		d := storetest.NewDoc(registry.KindEnclave, "飞地"+string(rune('A'+i)))
		e := storetest.NewEvent(d, "created")
		if err := s.Create(ctx, d, []registry.Event{e}); err != nil {
			t.Fatal(err)
		}
		ids = append(ids, e.ID)
	}
	idsOf := func(evs []registry.Event, err error) []string {
		if err != nil {
			t.Fatal(err)
		}
		return registrytest.EventIDs(evs)
	}
	tests := []struct {
		name  string
		after string
		limit int
		want  []string
	}{
		{"after the first", ids[0], 2, ids[1:3]},
		{"after the last", ids[4], 10, nil},
		{"after an id not in the outbox", "evt_gone", 10, ids},
		{"no limit", ids[0], 0, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := idsOf(s.PendingAfter(ctx, tt.after, tt.limit)); !slices.Equal(got, tt.want) {
				t.Fatalf("got %v, want %v", got, tt.want)
			}
		})
	}
}
