package api_test

import (
	"net/http"
	"slices"
	"testing"

	"talentd/api/apitest"
	"talentd/registry"
)

// TestOfficerCannotReachAnotherArea: to an officer of 371302 a record of
// 371321 does not exist — read, list, patch, transition, delete and reveal
// all answer as for a missing record, and no list shows it.
func TestOfficerCannotReachAnotherArea(t *testing.T) {
	w := newWorld(t)
	lanshan, yinan := w.officer(t, "371302"), w.officer(t, "371321")
	theirs := apitest.TalentBody(apitest.ResidentID(700))
	theirs["area"] = "371321"
	other := w.as(t, yinan, "POST", "/v1/talents", theirs)
	mine := w.as(t, lanshan, "POST", "/v1/talents", apitest.TalentBody(apitest.ResidentID(701)))
	if other.status != http.StatusCreated || mine.status != http.StatusCreated {
		t.Fatalf("create: %d %d", other.status, mine.status)
	}
	url := "/v1/talents/" + other.str("id")
	cases := []struct {
		name, method, path string
		body               any
	}{
		{"read", "GET", url, nil},
		{"reveal", "GET", url + "?reveal=pii", nil},
		{"patch", "PATCH", url, map[string]any{"name": "改名"}},
		{"transition", "POST", url + "/transitions", map[string]any{"to": "SUBMITTED"}},
		{"delete", "DELETE", url, nil},
	}
	for _, c := range cases {
		r := w.as(t, lanshan, c.method, c.path, c.body, "If-Match", `"1"`)
		if r.status != http.StatusNotFound || r.str("type") != "/problems/not-found" {
			t.Errorf("%s another area's record: %d %s, want 404", c.name, r.status, r.body)
		}
	}
	for _, q := range []string{"", "?area=371321", "?status=DRAFT", "?q=" + "张"} {
		ids := itemIDsOf(t, w.as(t, lanshan, "GET", "/v1/talents"+q, nil))
		if slices.Contains(ids, other.str("id")) || (q != "?area=371321" && !slices.Contains(ids, mine.str("id"))) {
			t.Errorf("list%s as 371302: %v", q, ids)
		}
	}
	// The record is untouched, and its own officer still sees it.
	if r := w.as(t, yinan, "GET", url, nil); r.status != http.StatusOK || r.header.Get("ETag") != `"1"` {
		t.Errorf("its own officer reads %d, ETag %s", r.status, r.header.Get("ETag"))
	}
	// Creating in another area is refused outright.
	if r := w.as(t, lanshan, "POST", "/v1/talents", theirs); r.status != http.StatusForbidden {
		t.Errorf("create in another area: %d %s", r.status, r.body)
	}
}

// TestEnclaveKeyHeldToItsEnclave: an enclave key reads and lists only its
// own enclave, may change its contacts and nothing else, and reaches no
// other kind.
func TestEnclaveKeyHeldToItsEnclave(t *testing.T) {
	w := newWorld(t)
	own := w.create(t, registry.KindEnclave, apitest.EnclaveBody())
	other := w.create(t, registry.KindEnclave, apitest.EnclaveBody())
	key := w.enclaveKey(t, own)
	if r := w.as(t, key, "GET", "/v1/enclaves/"+own, nil); r.status != http.StatusOK {
		t.Errorf("read own: %d", r.status)
	}
	if ids := itemIDsOf(t, w.as(t, key, "GET", "/v1/enclaves", nil)); !slices.Equal(ids, []string{own}) {
		t.Errorf("list: %v, want only %s", ids, own)
	}
	contacts := map[string]any{"contacts": []any{map[string]any{"name": "李娜", "email": "ln@example.cn"}}}
	checks := []struct {
		name, method, path string
		body               any
		want               int
	}{
		{"read another", "GET", "/v1/enclaves/" + other, nil, http.StatusNotFound},
		{"contacts of another", "PATCH", "/v1/enclaves/" + other, contacts, http.StatusNotFound},
		{"rename own", "PATCH", "/v1/enclaves/" + own, map[string]any{"name": "改名"}, http.StatusForbidden},
		{"move own", "POST", "/v1/enclaves/" + own + "/transitions", map[string]any{"to": "APPLIED"}, http.StatusForbidden},
		{"delete own", "DELETE", "/v1/enclaves/" + own, nil, http.StatusForbidden},
		{"reveal own", "GET", "/v1/enclaves/" + own + "?reveal=pii", nil, http.StatusForbidden},
		{"create an enclave", "POST", "/v1/enclaves", apitest.EnclaveBody(), http.StatusForbidden},
		{"list talents", "GET", "/v1/talents", nil, http.StatusForbidden},
		{"read the audit trail", "GET", "/v1/audit", nil, http.StatusForbidden},
		{"contacts of own", "PATCH", "/v1/enclaves/" + own, contacts, http.StatusOK},
	}
	for _, c := range checks {
		if r := w.as(t, key, c.method, c.path, c.body, "If-Match", `"1"`); r.status != c.want {
			t.Errorf("%s: %d %s, want %d", c.name, r.status, r.body, c.want)
		}
	}
}

func itemIDsOf(t *testing.T, r *httpResult) []string {
	t.Helper()
	if r.status != http.StatusOK {
		t.Fatalf("list: %d %s", r.status, r.body)
	}
	var ids []string
	for _, it := range r.json["items"].([]any) {
		ids = append(ids, it.(map[string]any)["id"].(string))
	}
	return ids
}
