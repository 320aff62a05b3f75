package sqlite_test

import (
	"database/sql"
	"path/filepath"
	"strings"
	"testing"

	"talentd/registry/registrytest"
	"talentd/registry/sqlite"
	"talentd/registry/storetest"
)

func TestSecurityContract(t *testing.T) {
	storetest.RunSecurity(t, func(t *testing.T) storetest.Security { return registrytest.SQLite(t, t.TempDir()) })
}

// rawDB opens the store's database file directly, as someone with access
// to the data directory could, while the store is open.
func rawDB(t *testing.T, dir string) *sql.DB {
	t.Helper()
	db, err := sql.Open("sqlite", "file:"+filepath.Join(dir, sqlite.FileName)+"?_pragma=busy_timeout(10000)")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

func TestAuditTamperDetected(t *testing.T) {
	storetest.RunAuditTamper(t, func(t *testing.T) (storetest.Security, storetest.Tamper) {
		dir := t.TempDir()
		return registrytest.SQLite(t, dir), registrytest.TamperSQLite(t, dir)
	})
}

// TestAuditLogRefusesEdits: the table itself refuses UPDATE and DELETE, so
// only someone who first drops its triggers can alter it.
func TestAuditLogRefusesEdits(t *testing.T) {
	dir := t.TempDir()
	s := registrytest.SQLite(t, dir)
	if _, err := s.AppendAudit(t.Context(), storetest.NewAuditEntry(0, "rec_0", "update")); err != nil {
		t.Fatal(err)
	}
	db := rawDB(t, dir)
	for _, q := range []string{`UPDATE audit_log SET action = 'read' WHERE seq = 1`, `DELETE FROM audit_log WHERE seq = 1`} {
		if _, err := db.Exec(q); err == nil || !strings.Contains(err.Error(), "append-only") {
			t.Errorf("%s: %v, want the append-only refusal", q, err)
		}
	}
}
