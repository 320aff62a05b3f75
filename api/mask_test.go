package api_test

import (
	"encoding/json"
	"net/http"
	"strings"
	"testing"

	"talentd/api/apitest"
	"talentd/registry"
)

// TestResponsesMaskPersonalNumbers: every response that carries a record
// (create, read, list, patch, transition) shows its personal numbers
// masked, to every role, admins included unless they ask ?reveal=pii.
func TestResponsesMaskPersonalNumbers(t *testing.T) {
	env := apitest.New(t)
	id := apitest.ResidentID(42) // 3713021960021104…
	talent := apitest.TalentBody(id)
	wantID := id[:4] + strings.Repeat("*", 10) + id[14:]
	const wantMobile = "139****5678"
	created := env.Do(t, "POST", "/v1/talents", talent)
	tid := jsonField(t, created.Body.Bytes(), "id")
	url := "/v1/talents/" + tid
	auditor := env.Key(t, registry.KeyRequest{Name: "审计", Role: registry.RoleAuditor})
	responses := map[string][]byte{
		"create":     created.Body.Bytes(),
		"read":       env.Do(t, "GET", url, nil).Body.Bytes(),
		"auditor":    env.Do(t, "GET", url, nil, "Authorization", apitest.Bearer(auditor)).Body.Bytes(),
		"patch":      env.Do(t, "PATCH", url, map[string]any{"name": "张伟伟"}, "If-Match", `"1"`).Body.Bytes(),
		"transition": env.Do(t, "POST", url+"/transitions", map[string]any{"to": "SUBMITTED"}, "If-Match", `"2"`).Body.Bytes(),
	}
	list := env.Do(t, "GET", "/v1/talents", nil).Body.Bytes()
	var page struct{ Items []json.RawMessage }
	decode(t, list, &page)
	responses["list"] = page.Items[0]
	for name, body := range responses {
		var got struct {
			IDDoc  struct{ Number string } `json:"id_doc"`
			Mobile string
		}
		decode(t, body, &got)
		if got.IDDoc.Number != wantID || got.Mobile != wantMobile || strings.Contains(string(body), id) {
			t.Errorf("%s: id_doc.number %q mobile %q, want %q %q", name, got.IDDoc.Number, got.Mobile, wantID, wantMobile)
		}
	}
}

// TestMaskingOfEveryKind: passports, contacts' and managers' mobiles.
func TestMaskingOfEveryKind(t *testing.T) {
	env := apitest.New(t)
	expert := createID(t, env, "experts", apitest.ForeignExpertBody("E12345678"))
	academician := createID(t, env, "experts", apitest.ExpertBody(apitest.ResidentID(43)))
	station := createID(t, env, "workstations", apitest.WorkstationBody(academician))
	enclave := createID(t, env, "enclaves", apitest.EnclaveBody())
	cases := []struct{ url, field, want string }{
		{"/v1/experts/" + expert, "passport.number", "E1*****78"},
		{"/v1/experts/" + expert, "id_doc.number", "E1*****78"},
		{"/v1/workstations/" + station, "daily_manager.mobile", "139****5678"},
		{"/v1/enclaves/" + enclave, "contacts.0.mobile", "138****1111"},
	}
	for _, c := range cases {
		body := env.Do(t, "GET", c.url, nil).Body.Bytes()
		if got := pathOf(t, body, c.field); got != c.want {
			t.Errorf("%s %s = %q, want %q", c.url, c.field, got, c.want)
		}
		revealed := env.Do(t, "GET", c.url+"?reveal=pii", nil).Body.Bytes()
		if got := pathOf(t, revealed, c.field); strings.Contains(got, "*") {
			t.Errorf("%s %s revealed as %q", c.url, c.field, got)
		}
	}
}

// TestRevealRefusals: only admins reveal, only "pii" is revealed, and the
// list takes no reveal.
func TestRevealRefusals(t *testing.T) {
	env := apitest.New(t)
	id := createID(t, env, "talents", apitest.TalentBody(apitest.ResidentID(44)))
	officer := env.Key(t, registry.KeyRequest{Name: "人才办", Role: registry.RoleOfficer, Area: "371302"})
	auditor := env.Key(t, registry.KeyRequest{Name: "审计", Role: registry.RoleAuditor})
	cases := []struct {
		name, path, key string
		status          int
	}{
		{"officer", "/v1/talents/" + id + "?reveal=pii", officer, http.StatusForbidden},
		{"auditor", "/v1/talents/" + id + "?reveal=pii", auditor, http.StatusForbidden},
		{"other value", "/v1/talents/" + id + "?reveal=all", env.Token, http.StatusBadRequest},
		{"empty value", "/v1/talents/" + id + "?reveal=", env.Token, http.StatusBadRequest},
		{"repeated", "/v1/talents/" + id + "?reveal=pii&reveal=pii", env.Token, http.StatusBadRequest},
		{"on a list", "/v1/talents?reveal=pii", env.Token, http.StatusBadRequest},
	}
	for _, c := range cases {
		rec := env.Do(t, "GET", c.path, nil, "Authorization", apitest.Bearer(c.key))
		if p := apitest.Problem(t, rec); rec.Code != c.status || (c.status == 400 && p.Errors[0].Field != "reveal") {
			t.Errorf("%s: %d %+v, want %d", c.name, rec.Code, p, c.status)
		}
	}
	if n := len(auditItems(t, env, "?action=reveal_pii")); n != 0 {
		t.Errorf("%d refused reveals were audited", n)
	}
}

// jsonField is a top-level string of a JSON object.
func jsonField(t *testing.T, body []byte, name string) string {
	t.Helper()
	return pathOf(t, body, name)
}

// pathOf follows a dotted path (numbers index arrays) to a string.
func pathOf(t *testing.T, body []byte, path string) string {
	t.Helper()
	var v any
	decode(t, body, &v)
	for _, step := range strings.Split(path, ".") {
		switch x := v.(type) {
		case map[string]any:
			v = x[step]
		case []any:
			i := int(step[0] - '0')
			if i >= len(x) {
				return ""
			}
			v = x[i]
		}
	}
	s, _ := v.(string)
	return s
}
