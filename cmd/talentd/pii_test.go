package main

import (
	"bytes"
	"context"
	"database/sql"
	"encoding/json"
	"io/fs"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"go.mongodb.org/mongo-driver/v2/bson"

	"talentd/api/apitest"
	"talentd/registry/mongodb/mongodbtest"
	"talentd/registry/sqlite"
)

// personalDay drives a running talentd through a day's work with personal
// numbers — creates of every kind, a patch, a transition, an admin's
// reveal, a refused reveal, a duplicate and a malformed number — and
// returns every number it used.
func personalDay(t *testing.T, inst *instance) []string {
	t.Helper()
	idNumber, academician, badID := apitest.ResidentID(501), apitest.ResidentID(502), apitest.ResidentID(503)[:17]+"X"
	if badID == apitest.ResidentID(503) {
		badID = apitest.ResidentID(503)[:17] + "0"
	}
	numbers := []string{idNumber, academician, badID, "13611112222", "13633334444", "G12345678", "13755556666", "13577778888"}
	talent := apitest.TalentBody(idNumber)
	talent["mobile"] = "136-1111-2222"
	tid := mustCall(t, inst, testToken, "POST", "/v1/talents", talent, http.StatusCreated)["id"].(string)
	mustCall(t, inst, testToken, "PATCH", "/v1/talents/"+tid, map[string]any{"mobile": "+86 13633334444"}, http.StatusOK, "If-Match", `"1"`)
	mustCall(t, inst, testToken, "POST", "/v1/talents/"+tid+"/transitions", map[string]any{"to": "SUBMITTED"}, http.StatusOK, "If-Match", `"2"`)
	revealed := mustCall(t, inst, testToken, "GET", "/v1/talents/"+tid+"?reveal=pii", nil, http.StatusOK)
	if revealed["mobile"] != "13633334444" || revealed["id_doc"].(map[string]any)["number"] != idNumber {
		t.Errorf("reveal: %v", revealed)
	}
	officer := mustCall(t, inst, testToken, "POST", "/v1/admin/keys", map[string]any{"name": "兰山区人才办", "role": "officer", "area": "371302"}, http.StatusCreated)["key"].(string)
	mustCall(t, inst, officer, "GET", "/v1/talents/"+tid+"?reveal=pii", nil, http.StatusForbidden)
	mustCall(t, inst, officer, "POST", "/v1/talents", apitest.TalentBody(idNumber), http.StatusConflict)
	mustCall(t, inst, officer, "POST", "/v1/talents", apitest.TalentBody(badID), http.StatusBadRequest)
	mustCall(t, inst, testToken, "POST", "/v1/experts", apitest.ForeignExpertBody("G12345678"), http.StatusCreated)
	eid := mustCall(t, inst, testToken, "POST", "/v1/experts", apitest.ExpertBody(academician), http.StatusCreated)["id"].(string)
	station := apitest.WorkstationBody(eid)
	station["daily_manager"] = map[string]any{"name": "王五", "mobile": "13755556666"}
	mustCall(t, inst, testToken, "POST", "/v1/workstations", station, http.StatusCreated)
	enclave := apitest.EnclaveBody()
	enclave["contacts"] = []any{map[string]any{"name": "赵六", "mobile": "13577778888", "role": "运营"}}
	mustCall(t, inst, testToken, "POST", "/v1/enclaves", enclave, http.StatusCreated)
	return numbers
}

// mustCall sends body as JSON and fails the test unless the status is want.
func mustCall(t *testing.T, inst *instance, key, method, path string, body any, want int, headers ...string) map[string]any {
	t.Helper()
	raw := ""
	if body != nil {
		b, _ := json.Marshal(body)
		raw = string(b)
	}
	status, resp := inst.call(t, key, method, path, raw, headers...)
	if status != want {
		t.Fatalf("%s %s: %d %s, want %d", method, path, status, resp, want)
	}
	var out map[string]any
	json.Unmarshal([]byte(resp), &out)
	return out
}

// noneIn fails the test for every number found in what.
func noneIn(t *testing.T, where string, what []byte, numbers []string) {
	t.Helper()
	for _, n := range numbers {
		if bytes.Contains(what, []byte(n)) {
			t.Errorf("%s holds %s", where, n)
		}
	}
}

// TestNoClearNumbersStoredOrLoggedSQLite: after a day's work, no personal
// number is in any row of any table of talentd.db (read with database/sql),
// in any byte of the data directory (the database, its WAL, the embedded
// NATS streams), or in anything talentd printed or logged.
func TestNoClearNumbersStoredOrLoggedSQLite(t *testing.T) {
	dir := t.TempDir()
	inst := launch(t, map[string]string{"TALENTD_BOOTSTRAP_TOKEN": testToken}, "-data-dir", dir)
	numbers := personalDay(t, inst)
	if err := inst.stop(); err != nil {
		t.Fatal(err)
	}
	noneIn(t, "the log", []byte(inst.log.String()), numbers)
	noneIn(t, "stdout", []byte(inst.printed()), numbers)
	rows := sqliteRows(t, filepath.Join(dir, sqlite.FileName))
	noneIn(t, "talentd.db", rows, numbers)
	if !bytes.Contains(rows, []byte("pii:v1:")) {
		t.Error("no sealed value stored: the check above proves nothing")
	}
	filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			b, _ := os.ReadFile(path)
			noneIn(t, path, b, numbers)
		}
		return nil
	})
}

// sqliteRows is every value of every row of every table, as text.
func sqliteRows(t *testing.T, file string) []byte {
	t.Helper()
	db, err := sql.Open("sqlite", "file:"+file+"?mode=ro")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	tables, err := db.Query(`SELECT name FROM sqlite_master WHERE type = 'table'`)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for tables.Next() {
		var n string
		tables.Scan(&n)
		names = append(names, n)
	}
	tables.Close()
	var all bytes.Buffer
	for _, n := range names {
		dumpTable(t, db, n, &all)
	}
	return all.Bytes()
}

func dumpTable(t *testing.T, db *sql.DB, table string, w *bytes.Buffer) {
	rows, err := db.Query(`SELECT * FROM "` + table + `"`)
	if err != nil {
		t.Fatalf("%s: %v", table, err)
	}
	defer rows.Close()
	cols, _ := rows.Columns()
	vals := make([]sql.RawBytes, len(cols))
	ptrs := make([]any, len(cols))
	for i := range vals {
		ptrs[i] = &vals[i]
	}
	for rows.Next() {
		if err := rows.Scan(ptrs...); err != nil {
			t.Fatalf("%s: %v", table, err)
		}
		for _, v := range vals {
			w.Write(v)
			w.WriteByte('\n')
		}
	}
}

// TestNoClearNumbersStoredOrLoggedMongoDB: the same day on MongoDB
// (FerretDB); every document of every collection, read with the driver,
// holds no personal number in clear.
func TestNoClearNumbersStoredOrLoggedMongoDB(t *testing.T) {
	uri := mongodbtest.Start(t)
	name := mongodbtest.Database(t, uri)
	inst := launch(t, map[string]string{"TALENTD_BOOTSTRAP_TOKEN": testToken},
		"-mongo-uri", uri+"?maxPoolSize=1", "-mongo-db", name, "-data-dir", t.TempDir())
	numbers := personalDay(t, inst)
	if err := inst.stop(); err != nil {
		t.Fatal(err)
	}
	noneIn(t, "the log", []byte(inst.log.String()), numbers)
	docs := mongoDocuments(t, uri, name)
	noneIn(t, "MongoDB", docs, numbers)
	if !bytes.Contains(docs, []byte("pii:v1:")) {
		t.Error("no sealed value stored: the check above proves nothing")
	}
}

// mongoDocuments is every document of every collection of the database, as
// extended JSON.
func mongoDocuments(t *testing.T, uri, name string) []byte {
	t.Helper()
	ctx := context.Background()
	db := mongodbtest.Client(t, uri).Database(name)
	colls, err := db.ListCollectionNames(ctx, bson.D{})
	if err != nil || len(colls) == 0 {
		t.Fatalf("collections %v: %v", colls, err)
	}
	var all bytes.Buffer
	for _, c := range colls {
		cur, err := db.Collection(c).Find(ctx, bson.D{})
		if err != nil {
			t.Fatal(err)
		}
		for cur.Next(ctx) {
			j, _ := bson.MarshalExtJSON(cur.Current, false, false)
			all.Write(j)
			all.WriteString("\n")
		}
		cur.Close(ctx)
	}
	if !strings.Contains(all.String(), "tal_") {
		t.Fatalf("no talent found in %v", colls)
	}
	return all.Bytes()
}
