package sqlite_test

import (
	"database/sql"
	"path/filepath"
	"strings"
	"testing"

	"talentd/registry"
	"talentd/registry/registrytest"
	"talentd/registry/sqlite"
	"talentd/registry/storetest"
)

func TestConnectionSettings(t *testing.T) {
	s := registrytest.SQLite(t, t.TempDir())
	for _, c := range []struct{ pragma, want string }{
		{"journal_mode", "wal"}, {"synchronous", "1"}, {"foreign_keys", "1"}, {"busy_timeout", "10000"},
	} {
		var got string
		if err := s.Reader().QueryRow("PRAGMA " + c.pragma).Scan(&got); err != nil || got != c.want {
			t.Errorf("PRAGMA %s = %q, %v; want %q", c.pragma, got, err, c.want)
		}
	}
}

// TestDeleteRemovesIndexRows checks that a deleted record leaves no body,
// filter or ref rows behind (the foreign keys cascade).
func TestDeleteRemovesIndexRows(t *testing.T) {
	s := registrytest.SQLite(t, t.TempDir())
	d := storetest.NewDoc(registry.KindTalent, "gone")
	d.Refs = []string{"enc_0190a4d4-0000-7000-8000-000000000001"}
	if err := s.Create(t.Context(), d, nil); err != nil {
		t.Fatalf("Create: %v", err)
	}
	tables := []string{"records", "record_bodies", "record_filters", "record_refs"}
	if n := countRows(t, s.Reader(), tables); n < len(tables) {
		t.Fatalf("%d rows after Create, want at least one per table", n)
	}
	if err := s.Delete(t.Context(), d.Kind, d.ID, 1, nil); err != nil {
		t.Fatalf("Delete: %v", err)
	}
	if n := countRows(t, s.Reader(), tables); n != 0 {
		t.Fatalf("%d rows left after Delete, want 0", n)
	}
}

func countRows(t *testing.T, db *sql.DB, tables []string) int {
	t.Helper()
	total := 0
	for _, tb := range tables {
		var n int
		if err := db.QueryRow("SELECT count(*) FROM " + tb).Scan(&n); err != nil {
			t.Fatalf("count %s: %v", tb, err)
		}
		total += n
	}
	return total
}

func TestMigrationsApplyOnce(t *testing.T) {
	dir := t.TempDir()
	versions := func() string {
		s, err := sqlite.Open(dir)
		if err != nil {
			t.Fatalf("Open: %v", err)
		}
		defer s.Close()
		var v string
		if err := s.Reader().QueryRow(`SELECT group_concat(version) FROM (SELECT version FROM schema_migrations ORDER BY version)`).Scan(&v); err != nil {
			t.Fatalf("read schema_migrations: %v", err)
		}
		return v
	}
	first := versions()
	if !strings.HasPrefix(first, "1,2,3,4") {
		t.Fatalf("applied migrations %s, want 1,2,3,4…", first)
	}
	if again := versions(); again != first {
		t.Fatalf("reopen changed applied migrations from %s to %s", first, again)
	}
}

func TestOpenRefusesNewerSchema(t *testing.T) {
	dir := t.TempDir()
	s, err := sqlite.Open(dir)
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	s.Close()
	db, err := sql.Open("sqlite", filepath.Join(dir, sqlite.FileName))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.Exec(`INSERT INTO schema_migrations (version, name, applied_at) VALUES (9999, 'future', 0)`); err != nil {
		t.Fatal(err)
	}
	db.Close()
	if _, err := sqlite.Open(dir); err == nil || !strings.Contains(err.Error(), "newer than this program") {
		t.Fatalf("Open of a newer database: %v, want refusal", err)
	}
}
