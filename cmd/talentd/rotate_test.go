package main

import (
	"database/sql"
	"net/http"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"talentd/api/apitest"
	"talentd/registry/pii"
	"talentd/registry/sqlite"
)

var sealedKeyIDs = regexp.MustCompile(`pii:v1:([0-9a-f]{12}):`)

// storedKeyIDs lists the key id of every sealed value in the stored bodies
// and the stored versions of the records.
func storedKeyIDs(t *testing.T, dir string) (ids []string, versions []int64) {
	t.Helper()
	db, err := sql.Open("sqlite", "file:"+filepath.Join(dir, sqlite.FileName)+"?mode=ro")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	rows, err := db.Query(`SELECT r.version, b.body FROM records r JOIN record_bodies b ON b.rid = r.rid ORDER BY r.rid`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	for rows.Next() {
		var v int64
		var body string
		rows.Scan(&v, &body)
		versions = append(versions, v)
		for _, m := range sealedKeyIDs.FindAllStringSubmatch(body, -1) {
			ids = append(ids, m[1])
		}
	}
	return ids, versions
}

// TestRotatePII: rotate-pii adds a key and re-seals every stored number
// under it, keeping versions; talentd still opens them and the audit trail
// records the rotation.
func TestRotatePII(t *testing.T) {
	dir := t.TempDir()
	env := map[string]string{"TALENTD_BOOTSTRAP_TOKEN": testToken}
	inst := launch(t, env, "-data-dir", dir)
	number := apitest.ResidentID(601)
	tid := mustCall(t, inst, testToken, "POST", "/v1/talents", apitest.TalentBody(number), http.StatusCreated)["id"].(string)
	mustCall(t, inst, testToken, "POST", "/v1/enclaves", apitest.EnclaveBody(), http.StatusCreated)
	inst.stop()
	before, versions := storedKeyIDs(t, dir)
	if len(before) != 3 {
		t.Fatalf("sealed values before: %v", before)
	}
	out, _, err := cli(t, nil, "keys", "rotate-pii", "-data-dir", dir)
	if err != nil || !strings.Contains(out, "re-encrypted 3 personal numbers in 2 records") {
		t.Fatalf("rotate-pii: %v %s", err, out)
	}
	after, versionsAfter := storedKeyIDs(t, dir)
	k, err := pii.LoadOrCreate(dir, "")
	if err != nil {
		t.Fatal(err)
	}
	active := k.ActiveKeyID()
	if active == before[0] || slices.ContainsFunc(after, func(id string) bool { return id != active }) || len(after) != 3 {
		t.Errorf("after rotation: %v, want all %s", after, active)
	}
	if !slices.Equal(versions, versionsAfter) {
		t.Errorf("versions %v became %v", versions, versionsAfter)
	}
	if out, _, _ := cli(t, nil, "keys", "rotate-pii", "-data-dir", dir); !strings.Contains(out, "re-encrypted 3") {
		t.Errorf("a second rotation: %s", out)
	}
	if out, _, err := cli(t, nil, "audit", "verify", "-data-dir", dir); err != nil || !strings.Contains(out, "intact") {
		t.Errorf("audit after rotation: %v %s", err, out)
	}
	inst = launch(t, env, "-data-dir", dir)
	got := mustCall(t, inst, testToken, "GET", "/v1/talents/"+tid+"?reveal=pii", nil, http.StatusOK)
	if got["id_doc"].(map[string]any)["number"] != number || got["mobile"] != "13912345678" {
		t.Errorf("after rotation talentd reveals %v", got)
	}
	if _, body := inst.call(t, testToken, "GET", "/v1/audit?action=pii_key:rotate", ""); strings.Count(body, `"action":"pii_key:rotate"`) != 2 {
		t.Errorf("rotations audited: %s", body)
	}
}

// TestRotatePIIWithEnvKeys: with TALENTD_PII_KEY the new key is added to the
// variable; rotate-pii then moves every value to it.
func TestRotatePIIWithEnvKeys(t *testing.T) {
	dir := t.TempDir()
	k1, k2 := strings.Repeat("11", 32), strings.Repeat("22", 32)
	env := map[string]string{"TALENTD_BOOTSTRAP_TOKEN": testToken, "TALENTD_PII_KEY": k1}
	inst := launch(t, env, "-data-dir", dir)
	mustCall(t, inst, testToken, "POST", "/v1/talents", apitest.TalentBody(apitest.ResidentID(602)), http.StatusCreated)
	inst.stop()
	env["TALENTD_PII_KEY"] = k1 + "," + k2
	out, errOut, err := cli(t, env, "keys", "rotate-pii", "-data-dir", dir)
	if err != nil || !strings.Contains(out, "re-encrypted 2 personal numbers in 1 records") || !strings.Contains(errOut, "TALENTD_PII_KEY") {
		t.Fatalf("rotate-pii: %v %s %s", err, out, errOut)
	}
	ids, _ := storedKeyIDs(t, dir)
	raws, _ := pii.ParseKeys(k2)
	if want := pii.KeyID(raws[0]); len(ids) != 2 || ids[0] != want || ids[1] != want {
		t.Errorf("sealed under %v, want %s", ids, want)
	}
}
