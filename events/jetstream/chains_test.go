package jetstream

import (
	"slices"
	"testing"

	"talentd/registry"
)

func TestRounds(t *testing.T) {
	ev := func(rec, id string) registry.Event { return registry.Event{ID: id, RecordID: rec} }
	tests := []struct {
		name  string
		batch []registry.Event
		want  [][]string
	}{
		{"empty", nil, nil},
		{"one per record", []registry.Event{ev("a", "a1"), ev("b", "b1")}, [][]string{{"a1", "b1"}}},
		{"a record's events go one per round", []registry.Event{ev("a", "a1"), ev("a", "a2"), ev("b", "b1"), ev("a", "a3"), ev("b", "b2")},
			[][]string{{"a1", "b1"}, {"a2", "b2"}, {"a3"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got [][]string
			for _, r := range rounds(tt.batch) {
				var ids []string
				for _, e := range r {
					ids = append(ids, e.ID)
				}
				got = append(got, ids)
			}
			if !slices.EqualFunc(got, tt.want, slices.Equal) {
				t.Fatalf("rounds = %v, want %v", got, tt.want)
			}
		})
	}
}
