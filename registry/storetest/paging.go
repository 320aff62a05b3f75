package storetest

import (
	"slices"
	"testing"
	"time"

	"talentd/registry"
)

// loadSameTimes creates n talents whose created_at repeats in runs of
// seven, alternating between two areas, in shuffled creation order.
func loadSameTimes(t *testing.T, s registry.Store, n int) []registry.Document {
	t.Helper()
	docs := make([]registry.Document, 0, n)
	for i := range n {
		j := (i * 37) % n // creation order differs from time order
		d := NewDoc(registry.KindTalent, "paged "+itoa(int64(j)))
		d.CreatedAt = fixtureBase.Add(time.Duration(j/7) * time.Minute)
		d.UpdatedAt = d.CreatedAt
		d.Area = fixtureAreas[j%2]
		d.Body = Body(d)
		docs = append(docs, mustCreate(t, s, d))
	}
	return docs
}

func testListPaging(t *testing.T, s registry.Store) {
	docs := loadSameTimes(t, s, 61)
	k := registry.KindTalent
	cases := []struct {
		name string
		q    registry.Query
		size int
	}{
		{"one per page", registry.Query{Kind: k}, 1},
		{"page as long as a run", registry.Query{Kind: k}, 7},
		{"pages of ten", registry.Query{Kind: k}, 10},
		{"filtered", registry.Query{Kind: k, Areas: []string{fixtureAreas[1]}}, 4},
		{"one page", registry.Query{Kind: k}, 100},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			checkPages(t, s, c.q, c.size, expected(c.q, docs))
		})
	}
	t.Run("cursor between documents", func(t *testing.T) {
		at := fixtureBase.Add(3 * time.Minute)
		q := registry.Query{Kind: k, After: &registry.Cursor{CreatedAt: at, ID: ""}}
		want := expected(registry.Query{Kind: k, CreatedTo: at}, docs)
		got, err := s.List(ctxOf(t), q)
		if err != nil || len(got) != len(want) || len(want) != 21 {
			t.Fatalf("List after %v = %d docs, %v; want %d (21)", at, len(got), err, len(want))
		}
	})
}

func testListLimit(t *testing.T, s registry.Store) {
	docs := loadSameTimes(t, s, 12)
	all := expected(registry.Query{Kind: registry.KindTalent}, docs)
	for _, limit := range []int{1, 5, 12, 13, 0} {
		got, err := s.List(ctxOf(t), registry.Query{Kind: registry.KindTalent, Limit: limit})
		if err != nil {
			t.Fatalf("List limit %d: %v", limit, err)
		}
		want := all
		if limit > 0 && limit < len(all) {
			want = all[:limit]
		}
		if !slices.Equal(docIDs(got), docIDs(want)) {
			t.Errorf("List limit %d = %d docs %q, want %d %q", limit, len(got), docNames(got), len(want), docNames(want))
		}
	}
}
