package main

import (
	"errors"
	"strings"
	"testing"

	"talentd/registry/mongodb/mongodbtest"
	"talentd/registry/registrytest"
	"talentd/registry/storetest"
)

// trailStore is a store that talentd audit verify checks, with the means to
// tamper with its trail behind its back.
type trailStore struct {
	args   []string // the flags that point talentd at it
	tamper storetest.Tamper
}

// TestAuditVerify: `talentd audit verify` passes an intact trail and
// reports the first broken link after an entry is modified or deleted,
// on SQLite and on MongoDB (FerretDB).
func TestAuditVerify(t *testing.T) {
	stores := map[string]func(t *testing.T) trailStore{"sqlite": sqliteTrail, "mongodb": mongoTrail}
	for name, open := range stores {
		t.Run(name, func(t *testing.T) {
			for _, c := range []struct {
				name   string
				tamper func(s trailStore, t *testing.T)
				broken string
			}{
				{"modified", func(s trailStore, t *testing.T) { s.tamper.Modify(t, 3) }, "BROKEN at seq 3: its content does not match its hash"},
				{"deleted", func(s trailStore, t *testing.T) { s.tamper.Delete(t, 2) }, "BROKEN at seq 2: entry 2 is missing"},
				{"last deleted", func(s trailStore, t *testing.T) { s.tamper.Delete(t, 4) }, "BROKEN at seq 4: entries 4 to 4 are missing"},
			} {
				t.Run(c.name, func(t *testing.T) {
					s := open(t)
					for _, role := range []string{"admin", "auditor", "finance", "admin"} {
						if _, _, err := cli(t, nil, append([]string{"keys", "create", "-name", role, "-role", role}, s.args...)...); err != nil {
							t.Fatalf("keys create: %v", err)
						}
					}
					out, _, err := cli(t, nil, append([]string{"audit", "verify"}, s.args...)...)
					if err != nil || !strings.Contains(out, "audit trail intact: 4 entries") {
						t.Fatalf("intact trail: %v %s", err, out)
					}
					c.tamper(s, t)
					out, _, err = cli(t, nil, append([]string{"audit", "verify"}, s.args...)...)
					if !errors.Is(err, errChainBroken) || !strings.Contains(out, c.broken) {
						t.Errorf("after tampering: %v\n%s\nwant %q", err, out, c.broken)
					}
				})
			}
		})
	}
}

// sqliteTrail is a data directory; tampering drops the triggers that keep
// audit_log append-only, as someone with the file would.
func sqliteTrail(t *testing.T) trailStore {
	dir := t.TempDir()
	return trailStore{args: []string{"-data-dir", dir}, tamper: registrytest.TamperSQLite(t, dir)}
}

// mongoTrail is a fresh database on a FerretDB; tampering edits its
// audit_log collection with another client.
func mongoTrail(t *testing.T) trailStore {
	uri := mongodbtest.Start(t)
	name := mongodbtest.Database(t, uri)
	return trailStore{
		args:   []string{"-mongo-uri", uri, "-mongo-db", name, "-data-dir", t.TempDir()},
		tamper: mongodbtest.TamperAudit(mongodbtest.Client(t, uri).Database(name)),
	}
}
