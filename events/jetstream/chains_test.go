package jetstream

import (
	"slices"
	"testing"

	"talentd/registry"
	"talentd/registry/registrytest"
)

func TestChains(t *testing.T) {
	ev := func(rec, id string) registry.Event { return registry.Event{ID: id, RecordID: rec} }
	ids := registrytest.EventIDs
	tests := []struct {
		name     string
		batch    []registry.Event
		first    []string
		laterOfA []string
		laterOfB []string
	}{
		{"empty", nil, nil, nil, nil},
		{"one per record", []registry.Event{ev("a", "a1"), ev("b", "b1")}, []string{"a1", "b1"}, nil, nil},
		{"later events wait behind the first", []registry.Event{ev("a", "a1"), ev("a", "a2"), ev("b", "b1"), ev("a", "a3"), ev("b", "b2")},
			[]string{"a1", "b1"}, []string{"a2", "a3"}, []string{"b2"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			first, later := chains(tt.batch)
			if !slices.Equal(ids(first), tt.first) || !slices.Equal(ids(later["a"]), tt.laterOfA) || !slices.Equal(ids(later["b"]), tt.laterOfB) {
				t.Fatalf("chains = %v, %v", ids(first), later)
			}
		})
	}
}
