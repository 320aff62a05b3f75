package registrytest

import (
	"database/sql"
	"path/filepath"
	"testing"

	"talentd/registry/sqlite"
	"talentd/registry/storetest"
)

// TamperSQLite edits the audit trail of the SQLite store in dir behind its
// back, as someone with the database file could: it drops the triggers
// that keep audit_log append-only, then changes an entry's action or
// deletes the entry. The store may be open or closed meanwhile.
func TamperSQLite(t testing.TB, dir string) storetest.Tamper {
	t.Helper()
	db, err := sql.Open("sqlite", "file:"+filepath.Join(dir, sqlite.FileName)+"?_pragma=busy_timeout(10000)")
	if err != nil {
		t.Fatalf("registrytest: open %s: %v", sqlite.FileName, err)
	}
	t.Cleanup(func() { db.Close() })
	edit := func(t *testing.T, q string, seq int64) {
		t.Helper()
		for _, drop := range []string{`DROP TRIGGER IF EXISTS audit_log_no_update`, `DROP TRIGGER IF EXISTS audit_log_no_delete`} {
			if _, err := db.Exec(drop); err != nil {
				t.Fatalf("registrytest: %s: %v", drop, err)
			}
		}
		res, err := db.Exec(q, seq)
		if err != nil {
			t.Fatalf("registrytest: %s: %v", q, err)
		}
		if n, _ := res.RowsAffected(); n != 1 {
			t.Fatalf("registrytest: %s touched %d rows", q, n)
		}
	}
	return storetest.Tamper{
		Modify: func(t *testing.T, seq int64) { edit(t, `UPDATE audit_log SET action = 'read' WHERE seq = ?`, seq) },
		Delete: func(t *testing.T, seq int64) { edit(t, `DELETE FROM audit_log WHERE seq = ?`, seq) },
	}
}
