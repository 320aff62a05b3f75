package api_test

import (
	"bytes"
	"encoding/json"
	"log/slog"
	"net/http"
	"strings"
	"testing"

	"talentd/api"
	"talentd/api/apitest"
	"talentd/registry"
)

// TestPersonalNumbersStayOut runs a whole working day — creates, a patch,
// transitions, a reveal, refusals and errors — with the log captured, and
// checks that no personal number used appears in the log, in any problem
// body, in any response but the admin's reveal, in the outbox events or in
// the audit trail.
func TestPersonalNumbersStayOut(t *testing.T) {
	logs := &apitest.LogBuffer{}
	env := apitest.New(t, func(c *api.Config) { c.Logger = slog.New(slog.NewJSONHandler(logs, nil)) })
	officer := env.Key(t, registry.KeyRequest{Name: "兰山区人才办", Role: registry.RoleOfficer, Area: "371302"})
	idNumber, newMobile, badID := apitest.ResidentID(90), "13700137000", apitest.ResidentID(91)[:17]+"0"
	if badID == apitest.ResidentID(91) {
		badID = apitest.ResidentID(91)[:17] + "1"
	}
	secrets := []string{idNumber, "13912345678", newMobile, "E87654321", "13800001111", badID, apitest.ResidentID(92)}
	bodies := workingDay(t, env, officer, idNumber, badID)

	events, err := env.Store.Pending(t.Context(), 1000)
	if err != nil || len(events) == 0 {
		t.Fatalf("outbox: %d events, %v", len(events), err)
	}
	var trail bytes.Buffer
	for _, e := range auditItems(t, env, "?limit=200") {
		trail.WriteString(strings.Join(append(e.Fields, e.Action, e.RecordID, e.KeyName), " "))
	}
	for _, n := range secrets {
		if strings.Contains(logs.String(), n) {
			t.Errorf("the log holds %s", n)
		}
		for _, b := range bodies {
			if bytes.Contains(b, []byte(n)) {
				t.Errorf("a response holds %s: %s", n, b)
			}
		}
		for _, e := range events {
			if bytes.Contains(e.Data, []byte(n)) {
				t.Errorf("event %s holds %s", e.Type, n)
			}
		}
		if strings.Contains(trail.String(), n) {
			t.Errorf("the audit trail holds %s", n)
		}
	}
	if !strings.Contains(logs.String(), `"status":409`) || !strings.Contains(logs.String(), `"status":400`) {
		t.Errorf("the log missed the errors: %s", logs.String())
	}
}

// workingDay is TestPersonalNumbersStayOut's day: an officer's and an
// admin's requests with personal numbers, some refused. It returns every
// response body but the admin's reveal.
func workingDay(t *testing.T, env *apitest.Env, officer, idNumber, badID string) (bodies [][]byte) {
	t.Helper()
	do := func(key, method, path string, body any, headers ...string) *httpResult {
		rec := env.Do(t, method, path, body, append([]string{"Authorization", apitest.Bearer(key)}, headers...)...)
		if !strings.Contains(path, "reveal=pii") || rec.Code != http.StatusOK {
			bodies = append(bodies, rec.Body.Bytes())
		}
		r := &httpResult{status: rec.Code, header: rec.Header(), body: rec.Body.Bytes()}
		_ = jsonInto(rec.Body.Bytes(), &r.json)
		return r
	}
	tid := do(officer, "POST", "/v1/talents", apitest.TalentBody(idNumber)).str("id")
	do(officer, "PATCH", "/v1/talents/"+tid, map[string]any{"mobile": "+86 137-0013-7000"}, "If-Match", `"1"`)
	do(officer, "POST", "/v1/talents/"+tid+"/transitions", map[string]any{"to": "SUBMITTED"}, "If-Match", `"2"`)
	do(officer, "POST", "/v1/talents", apitest.TalentBody(idNumber))                               // duplicate person: 409
	do(officer, "POST", "/v1/talents", apitest.TalentBody(badID))                                  // wrong check digit: 400
	do(officer, "PATCH", "/v1/talents/"+tid, map[string]any{"mobile": "12345"}, "If-Match", `"3"`) // bad mobile: 400
	do(officer, "GET", "/v1/talents/"+tid+"?reveal=pii", nil)                                      // officer: 403
	do(env.Token, "GET", "/v1/talents/"+tid+"?reveal=pii", nil)                                    // admin: clear, audited
	eid := do(env.Token, "POST", "/v1/experts", apitest.ForeignExpertBody("E87654321")).str("id")
	do(env.Token, "POST", "/v1/experts/"+eid+"/transitions", map[string]any{"to": "ACTIVE"}, "If-Match", `"1"`)
	do(env.Token, "POST", "/v1/enclaves", apitest.EnclaveBody())
	wrongArea := apitest.TalentBody(apitest.ResidentID(92))
	wrongArea["area"] = "371321"
	do(officer, "POST", "/v1/talents", wrongArea) // another area: 403
	do(officer, "GET", "/v1/talents?q="+idNumber, nil)
	return bodies
}

// TestServerErrorSaysNothingInternal: a store failure is a 500 problem with
// the generic text; the cause goes to the log only.
func TestServerErrorSaysNothingInternal(t *testing.T) {
	logs := &apitest.LogBuffer{}
	env := apitest.New(t, func(c *api.Config) { c.Logger = slog.New(slog.NewJSONHandler(logs, nil)) })
	id := createID(t, env, "talents", apitest.TalentBody(apitest.ResidentID(93)))
	env.Store.Close()
	for _, path := range []string{"/v1/talents/" + id, "/v1/talents"} {
		rec := env.Do(t, "GET", path, nil)
		p := apitest.Problem(t, rec)
		body := strings.ToLower(rec.Body.String())
		if rec.Code != http.StatusInternalServerError || p.Type != "/problems/internal" {
			t.Errorf("GET %s on a closed store: %d %s", path, rec.Code, body)
		}
		for _, word := range []string{"sql", "database", "closed", "registry", "store", id} {
			if strings.Contains(body, strings.ToLower(word)) {
				t.Errorf("500 body says %q: %s", word, body)
			}
		}
	}
	if !strings.Contains(logs.String(), "request failed") {
		t.Errorf("the cause was not logged: %s", logs.String())
	}
}

func jsonInto(b []byte, v any) error { return json.Unmarshal(b, v) }
