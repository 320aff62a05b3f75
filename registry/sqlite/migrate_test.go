package sqlite

import (
	"database/sql"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"talentd/registry"
	"talentd/registry/storetest"
)

// TestFilterTagsBackfill checks that migration 5 gives records stored
// before it the filter_tags the write path would have given them.
func TestFilterTagsBackfill(t *testing.T) {
	db, err := sql.Open("sqlite", dsn(filepath.Join(t.TempDir(), FileName), false))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if err := migrateTo(t.Context(), db, migrations[:4]); err != nil {
		t.Fatalf("migrate to 4: %v", err)
	}
	cases := []map[string]string{
		{"tier": "A", "level": "NATIONAL"},
		{"note": "a|b=c", "pct": "100%", "eq=key": "v"},
		{},
	}
	docs := make([]registry.Document, len(cases))
	for i, f := range cases {
		docs[i] = storetest.NewDoc(registry.KindTalent, "stored before migration 5")
		docs[i].Filters = f
		r, err := toRow(docs[i])
		if err != nil {
			t.Fatal(err)
		}
		const q = `INSERT INTO records (kind, id, area, status, version, created_at, updated_at, name, name_fold, filters)
			VALUES ('talents', ?, '371302', 'DRAFT', 1, 0, 0, '', '', ?)`
		if _, err := db.Exec(q, r.ID, r.filters); err != nil {
			t.Fatal(err)
		}
	}
	if err := migrate(t.Context(), db); err != nil {
		t.Fatalf("migrate: %v", err)
	}
	for i, f := range cases {
		var got string
		if err := db.QueryRow(`SELECT filter_tags FROM records WHERE id = ?`, docs[i].ID).Scan(&got); err != nil {
			t.Fatal(err)
		}
		if want := filterTags(f); !slices.Equal(tagSet(got), tagSet(want)) {
			t.Errorf("backfilled filter_tags %q, want %q", got, want)
		}
	}
}

func tagSet(tags string) []string {
	s := strings.Split(strings.Trim(tags, "|"), "|")
	slices.Sort(s)
	return s
}
