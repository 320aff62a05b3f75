package storetest

import (
	"cmp"
	"slices"
	"strings"
	"testing"
	"time"

	"talentd/registry"
)

// Refs the list fixture points at.
const (
	refA = "enc_0190a4d4-0000-7000-8000-00000000000a"
	refB = "enc_0190a4d4-0000-7000-8000-00000000000b"
)

// fixtureNames are the talents of the list fixture: mixed case, Chinese,
// and names full of SQL LIKE and regular-expression metacharacters, each
// next to a near miss that only a non-literal match would select.
var fixtureNames = []string{
	"Zhang Wei", "ZHANG Min", "张伟", "李娜", "Li Na",
	"100% Pure", "1000 Pure", "a_b lab", "axb lab", "Dr. Wang",
	"Dr Wang", "Chen (PhD)", "Chen PhD", "Star*Lab", "[x] Liu",
	"x Liu", "Liu^$", "O'Brien", `Back\slash`, "Plain",
}

var (
	fixtureAreas    = []string{"371302", "371311", "ZONE_HIGHTECH"}
	fixtureStatuses = []registry.Status{"DRAFT", "SUBMITTED", "ACTIVE", "SUSPENDED"}
	fixtureTiers    = []string{"A", "B", "C", "B", "C"}
	fixtureFields   = []string{"AI", "NEW_MATERIALS"}
)

// fixtureNotes are filter values full of delimiters a store might use to
// pack filters into one column; "x|tier=A|" must not pass for tier A.
var fixtureNotes = map[int]string{1: "a|b=c", 4: "a", 5: "b=c", 7: "x|tier=A|", 10: "100%", 11: "a|b", 13: "tier=A"}

// fixtureBase is when the first fixture talent was created.
var fixtureBase = time.Date(2026, 1, 2, 3, 4, 5, 6_000_000, time.UTC)

// loadFixture creates the list fixture: talents created in pairs sharing a
// timestamp, plus experts that must never show up in talent queries.
func loadFixture(t *testing.T, s registry.Store) []registry.Document {
	t.Helper()
	var docs []registry.Document
	for i, name := range fixtureNames {
		d := NewDoc(registry.KindTalent, name)
		d.CreatedAt = fixtureBase.Add(time.Duration(i/2) * time.Second)
		d.UpdatedAt = d.CreatedAt
		d.Area = fixtureAreas[i%len(fixtureAreas)]
		d.Status = fixtureStatuses[i%len(fixtureStatuses)]
		d.Filters["tier"] = fixtureTiers[i%len(fixtureTiers)]
		d.Filters["field"] = fixtureFields[i%len(fixtureFields)]
		d.Refs = [][]string{{refA}, {refA, refB}, nil}[i%3]
		if note, ok := fixtureNotes[i]; ok {
			d.Filters["note"] = note
		}
		d.Body = Body(d)
		docs = append(docs, mustCreate(t, s, d))
	}
	for _, name := range []string{"Zhang Wei", "Plain"} {
		e := NewDoc(registry.KindExpert, name)
		e.Refs = []string{refA, refB}
		e.Filters["tier"] = "A"
		mustCreate(t, s, e)
	}
	return docs
}

// matches is the reference meaning of a Query, field by field.
func matches(q registry.Query, d registry.Document) bool {
	return d.Kind == q.Kind &&
		(len(q.IDs) == 0 || slices.Contains(q.IDs, d.ID)) &&
		(len(q.Areas) == 0 || slices.Contains(q.Areas, d.Area)) &&
		(q.Status == "" || d.Status == q.Status) &&
		!slices.Contains(q.StatusNotIn, d.Status) &&
		strings.Contains(strings.ToLower(d.Name), strings.ToLower(q.NameContains)) &&
		(q.CreatedFrom.IsZero() || !d.CreatedAt.Before(q.CreatedFrom)) &&
		(q.CreatedTo.IsZero() || d.CreatedAt.Before(q.CreatedTo)) &&
		filtersMatch(q.Filters, d.Filters) &&
		(q.Ref == "" || slices.Contains(d.Refs, q.Ref))
}

func filtersMatch(want, have map[string]string) bool {
	for k, v := range want {
		if hv, ok := have[k]; !ok || hv != v {
			return false
		}
	}
	return true
}

// expected returns the docs q selects, newest first.
func expected(q registry.Query, docs []registry.Document) []registry.Document {
	var out []registry.Document
	for _, d := range docs {
		if matches(q, d) {
			out = append(out, d)
		}
	}
	slices.SortFunc(out, newestFirst)
	return out
}

func newestFirst(a, b registry.Document) int {
	if c := b.CreatedAt.Compare(a.CreatedAt); c != 0 {
		return c
	}
	return cmp.Compare(b.ID, a.ID)
}

func docIDs(ds []registry.Document) []string {
	out := make([]string, len(ds))
	for i, d := range ds {
		out[i] = d.ID
	}
	return out
}
