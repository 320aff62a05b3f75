package api_test

import (
	"encoding/json"
	"log/slog"
	"strings"
	"testing"

	"talentd/api"
	"talentd/api/apitest"
	"talentd/registry"
)

// FuzzDecodeRequest sends arbitrary bodies to every endpoint that decodes
// one: the answer is always 2xx or 4xx, never a panic or a 5xx, and every
// 4xx is problem+json.
func FuzzDecodeRequest(f *testing.F) {
	env := apitest.New(f, func(c *api.Config) { c.Logger = slog.New(slog.DiscardHandler) })
	talentID, _ := env.Create(f, registry.KindTalent, apitest.TalentBody(apitest.ResidentID(900)))
	targets := []struct{ method, path string }{
		{"POST", "/v1/talents"}, {"POST", "/v1/experts"}, {"POST", "/v1/workstations"}, {"POST", "/v1/enclaves"},
		{"PATCH", "/v1/talents/" + talentID}, {"POST", "/v1/talents/" + talentID + "/transitions"},
	}
	for _, seed := range []any{
		apitest.TalentBody(apitest.ResidentID(901)), apitest.ExpertBody(apitest.ResidentID(902)),
		apitest.ForeignExpertBody("P1234567"), apitest.WorkstationBody("exp_01a21b8c-0000-7000-8000-000000000000"),
		apitest.EnclaveBody(), map[string]any{"to": "SUBMITTED", "reason": "ok"}, map[string]any{"name": nil},
	} {
		b, _ := json.Marshal(seed)
		for i := range targets {
			f.Add(uint8(i), b)
		}
	}
	for _, s := range []string{
		``, `null`, `[]`, `{"name":`, `{} {}`, `{"employer":{"foo":1}}`, `{"team":[{"name":1}]}`,
		`{"rd_staff":1e400}`, `{"floor_area_m2":-0.0}`, `{"id_doc":{"number":"11010519491231002X"}}`,
		strings.Repeat("[", 20000), `{"a":` + strings.Repeat(`{"a":`, 200) + `1` + strings.Repeat("}", 201),
		"{\"name\":\"\xff\xfe\"}", `{"status":"ACTIVE","version":2}`, `{"to":null}`, `{"contacts":null}`,
	} {
		for i := range targets {
			f.Add(uint8(i), []byte(s))
		}
	}
	f.Fuzz(func(t *testing.T, target uint8, body []byte) {
		tg := targets[int(target)%len(targets)]
		rec := env.Do(t, tg.method, tg.path, body, "If-Match", `"1"`)
		if rec.Code < 200 || rec.Code >= 500 {
			t.Fatalf("%s %s %q: %d %s", tg.method, tg.path, body, rec.Code, rec.Body)
		}
		if rec.Code >= 400 && rec.Header().Get("Content-Type") != api.ContentTypeProblem {
			t.Fatalf("%s %s %q: %d without problem+json", tg.method, tg.path, body, rec.Code)
		}
	})
}
