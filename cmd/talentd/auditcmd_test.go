package main

import (
	"context"
	"database/sql"
	"errors"
	"path/filepath"
	"strings"
	"testing"

	"go.mongodb.org/mongo-driver/v2/bson"
	"go.mongodb.org/mongo-driver/v2/mongo"
	"go.mongodb.org/mongo-driver/v2/mongo/options"

	"talentd/registry/mongodb/mongodbtest"
	"talentd/registry/sqlite"
)

// trailStore is a store that talentd audit verify checks, with the means to
// tamper with its trail behind its back.
type trailStore struct {
	args   []string // the flags that point talentd at it
	modify func(t *testing.T, seq int64)
	remove func(t *testing.T, seq int64)
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
				{"modified", func(s trailStore, t *testing.T) { s.modify(t, 3) }, "BROKEN at seq 3: its content does not match its hash"},
				{"deleted", func(s trailStore, t *testing.T) { s.remove(t, 2) }, "BROKEN at seq 2: entry 2 is missing"},
				{"last deleted", func(s trailStore, t *testing.T) { s.remove(t, 4) }, "BROKEN at seq 4: entries 4 to 4 are missing"},
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
	exec := func(t *testing.T, q string, args ...any) {
		db, err := sql.Open("sqlite", "file:"+filepath.Join(dir, sqlite.FileName))
		if err != nil {
			t.Fatal(err)
		}
		defer db.Close()
		for _, stmt := range []string{`DROP TRIGGER IF EXISTS audit_log_no_update`, `DROP TRIGGER IF EXISTS audit_log_no_delete`} {
			if _, err := db.Exec(stmt); err != nil {
				t.Fatal(err)
			}
		}
		if res, err := db.Exec(q, args...); err != nil {
			t.Fatal(err)
		} else if n, _ := res.RowsAffected(); n != 1 {
			t.Fatalf("%s touched %d rows", q, n)
		}
	}
	return trailStore{
		args:   []string{"-data-dir", dir},
		modify: func(t *testing.T, seq int64) { exec(t, `UPDATE audit_log SET action = 'read' WHERE seq = ?`, seq) },
		remove: func(t *testing.T, seq int64) { exec(t, `DELETE FROM audit_log WHERE seq = ?`, seq) },
	}
}

// mongoTrail is a fresh database on a FerretDB; tampering edits its
// audit_log collection with another client.
func mongoTrail(t *testing.T) trailStore {
	uri := mongodbtest.Start(t)
	name := mongodbtest.Database(t, uri)
	client, err := mongo.Connect(options.Client().ApplyURI(uri).SetMaxPoolSize(1))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { client.Disconnect(context.Background()) })
	coll := client.Database(name).Collection("audit_log")
	return trailStore{
		args: []string{"-mongo-uri", uri, "-mongo-db", name, "-data-dir", t.TempDir()},
		modify: func(t *testing.T, seq int64) {
			res, err := coll.UpdateOne(t.Context(), bson.D{{Key: "_id", Value: seq}}, bson.D{{Key: "$set", Value: bson.D{{Key: "action", Value: "read"}}}})
			if err != nil || res.ModifiedCount != 1 {
				t.Fatalf("modify entry %d: %v %+v", seq, err, res)
			}
		},
		remove: func(t *testing.T, seq int64) {
			res, err := coll.DeleteOne(t.Context(), bson.D{{Key: "_id", Value: seq}})
			if err != nil || res.DeletedCount != 1 {
				t.Fatalf("delete entry %d: %v %+v", seq, err, res)
			}
		},
	}
}
