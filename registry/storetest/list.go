package storetest

import (
	"slices"
	"testing"
	"time"

	"talentd/registry"
)

var listCases = []suiteCase{
	{"ListFilters", testListFilters},
	{"ListPaging", testListPaging},
	{"ListLimit", testListLimit},
}

type listCase struct {
	name  string
	q     registry.Query
	empty bool // the query is meant to select nothing
}

func listCasesFor(docs []registry.Document) []listCase {
	at := func(i int) time.Time { return docs[i].CreatedAt }
	k := registry.KindTalent
	return []listCase{
		{"ids", registry.Query{Kind: k, IDs: []string{docs[3].ID, docs[7].ID, docs[12].ID, "tal_0190a4d4-0000-7000-8000-00000000dead"}}, false},
		{"one area", registry.Query{Kind: k, Areas: []string{"371311"}}, false},
		{"two areas", registry.Query{Kind: k, Areas: []string{"371302", "ZONE_HIGHTECH"}}, false},
		{"unknown area", registry.Query{Kind: k, Areas: []string{"371399"}}, true},
		{"status", registry.Query{Kind: k, Status: "SUBMITTED"}, false},
		{"status not in", registry.Query{Kind: k, StatusNotIn: []registry.Status{"DRAFT", "ACTIVE"}}, false},
		{"name lower case", registry.Query{Kind: k, NameContains: "zhang"}, false},
		{"name upper case", registry.Query{Kind: k, NameContains: "WANG"}, false},
		{"name chinese", registry.Query{Kind: k, NameContains: "伟"}, false},
		{"name percent", registry.Query{Kind: k, NameContains: "%"}, false},
		{"name zero percent", registry.Query{Kind: k, NameContains: "0%"}, false},
		{"name underscore", registry.Query{Kind: k, NameContains: "_"}, false},
		{"name a_b", registry.Query{Kind: k, NameContains: "a_b"}, false},
		{"name dot", registry.Query{Kind: k, NameContains: "r."}, false},
		{"name paren", registry.Query{Kind: k, NameContains: "("}, false},
		{"name star", registry.Query{Kind: k, NameContains: "r*L"}, false},
		{"name bracket", registry.Query{Kind: k, NameContains: "[x]"}, false},
		{"name anchors", registry.Query{Kind: k, NameContains: "^$"}, false},
		{"name quote", registry.Query{Kind: k, NameContains: "'"}, false},
		{"name backslash", registry.Query{Kind: k, NameContains: `\`}, false},
		{"name no match", registry.Query{Kind: k, NameContains: "nobody"}, true},
		{"created from inclusive", registry.Query{Kind: k, CreatedFrom: at(14)}, false},
		{"created to exclusive", registry.Query{Kind: k, CreatedTo: at(6)}, false},
		{"created range", registry.Query{Kind: k, CreatedFrom: at(4), CreatedTo: at(10)}, false},
		{"one filter", registry.Query{Kind: k, Filters: map[string]string{"tier": "A"}}, false},
		{"two filters", registry.Query{Kind: k, Filters: map[string]string{"tier": "C", "field": "AI"}}, false},
		{"filter with delimiters", registry.Query{Kind: k, Filters: map[string]string{"note": "a|b=c"}}, false},
		{"filter a", registry.Query{Kind: k, Filters: map[string]string{"note": "a"}}, false},
		{"filter a|b", registry.Query{Kind: k, Filters: map[string]string{"note": "a|b"}}, false},
		{"filter percent", registry.Query{Kind: k, Filters: map[string]string{"note": "100%"}}, false},
		{"filter note and tier", registry.Query{Kind: k, Filters: map[string]string{"note": "x|tier=A|", "tier": fixtureTiers[7%len(fixtureTiers)]}}, false},
		{"filter no match", registry.Query{Kind: k, Filters: map[string]string{"tier": "Z"}}, true},
		{"ref", registry.Query{Kind: k, Ref: refA}, false},
		{"other ref", registry.Query{Kind: k, Ref: refB}, false},
		{"unknown ref", registry.Query{Kind: k, Ref: "enc_0190a4d4-0000-7000-8000-00000000dead"}, true},
		{"area status filter", registry.Query{Kind: k, Areas: []string{"371302", "371311"}, StatusNotIn: []registry.Status{"SUSPENDED"}, Filters: map[string]string{"field": "AI"}}, false},
		{"ids name", registry.Query{Kind: k, IDs: []string{docs[0].ID, docs[1].ID, docs[2].ID}, NameContains: "zhang"}, false},
		{"area ref range", registry.Query{Kind: k, Areas: []string{"371302"}, Ref: refA, CreatedFrom: at(2)}, false},
		{"everything", registry.Query{Kind: k, Areas: []string{"371302", "371311", "ZONE_HIGHTECH"}, Status: "DRAFT", NameContains: "a", CreatedTo: at(19), Filters: map[string]string{"field": "AI"}, Ref: refA}, false},
		{"other kind", registry.Query{Kind: registry.KindExpert, NameContains: "zhang"}, false},
		{"empty kind", registry.Query{Kind: registry.KindEnclave}, true},
	}
}

func testListFilters(t *testing.T, s registry.Store) {
	docs := loadFixture(t, s)
	all := append(slices.Clone(docs), expertsOf(t, s)...)
	for _, c := range listCasesFor(docs) {
		t.Run(c.name, func(t *testing.T) {
			want := expected(c.q, all)
			if c.empty != (len(want) == 0) || len(want) == len(docs) {
				t.Fatalf("bad case: selects %d of %d documents", len(want), len(docs))
			}
			checkList(t, s, c.q, want)
			checkPages(t, s, c.q, 3, want)
		})
	}
}

// expertsOf returns the experts the fixture created.
func expertsOf(t *testing.T, s registry.Store) []registry.Document {
	t.Helper()
	ex, err := s.List(ctxOf(t), registry.Query{Kind: registry.KindExpert})
	if err != nil || len(ex) != 2 {
		t.Fatalf("List experts = %d, %v; want 2", len(ex), err)
	}
	return ex
}

// checkList fails unless List and Count of q give want, in order.
func checkList(t *testing.T, s registry.Store, q registry.Query, want []registry.Document) {
	t.Helper()
	got, err := s.List(ctxOf(t), q)
	if err != nil {
		t.Fatalf("List: %v", err)
	}
	if !slices.Equal(docIDs(got), docIDs(want)) {
		t.Fatalf("List = %q,\n want %q", docNames(got), docNames(want))
	}
	for i := range want {
		checkDoc(t, got[i], want[i])
	}
	n, err := s.Count(ctxOf(t), q)
	if err != nil || n != len(want) {
		t.Fatalf("Count = %d, %v; want %d", n, err, len(want))
	}
}

// checkPages walks q page by page (Limit size, After the last of each page)
// and fails unless the pages concatenate to want with no duplicate or gap.
func checkPages(t *testing.T, s registry.Store, q registry.Query, size int, want []registry.Document) {
	t.Helper()
	var got []string
	q.Limit, q.After = size, nil
	for range len(want) + 2 {
		page, err := s.List(ctxOf(t), q)
		if err != nil {
			t.Fatalf("List page: %v", err)
		}
		if len(page) > size {
			t.Fatalf("page of %d documents, limit %d", len(page), size)
		}
		got = append(got, docIDs(page)...)
		if len(page) < size {
			break
		}
		last := page[len(page)-1]
		q.After = &registry.Cursor{CreatedAt: last.CreatedAt, ID: last.ID}
	}
	if !slices.Equal(got, docIDs(want)) {
		t.Fatalf("pages = %q,\n want %q", got, docIDs(want))
	}
	if n, err := s.Count(ctxOf(t), q); err != nil || n != len(want) {
		t.Fatalf("Count with After and Limit = %d, %v; want %d (both ignored)", n, err, len(want))
	}
}
