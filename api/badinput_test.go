package api_test

import (
	"maps"
	"strconv"
	"strings"
	"testing"

	"talentd/api"
	"talentd/api/apitest"
	"talentd/registry"
	"talentd/registry/registrytest"
)

// badCase is a request that must fail with status, naming field (when
// field is not "-") with code, and write nothing.
type badCase struct {
	name    string
	method  string
	path    string
	body    any
	headers []string
	status  int
	field   string
	code    string
}

// with returns a copy of the talent body changed by f.
func with(body map[string]any, f func(m map[string]any)) map[string]any {
	m := maps.Clone(body)
	for k, v := range m {
		if sub, ok := v.(map[string]any); ok {
			m[k] = maps.Clone(sub)
		}
	}
	f(m)
	return m
}

func TestBadInput(t *testing.T) {
	env := apitest.New(t)
	tal := apitest.TalentBody(apitest.ResidentID(100))
	talentID, _ := env.Create(t, registry.KindTalent, tal)
	fresh := apitest.TalentBody(apitest.ResidentID(101))
	one := `"1"`
	missing := "tal_01a21b8c-0000-7000-8000-000000000000"
	foreignID, _ := env.Create(t, registry.KindExpert, apitest.ForeignExpertBody("E7654321"))
	huge := `{"name":"` + strings.Repeat("a", api.DefaultMaxBody) + `"}`
	cases := []badCase{
		// POST /v1/talents
		{"malformed JSON", "POST", "/v1/talents", `{"name":`, nil, 400, "", "json_syntax"},
		{"not JSON at all", "POST", "/v1/talents", `name=x`, nil, 400, "", "json_syntax"},
		{"empty body", "POST", "/v1/talents", ``, nil, 400, "", "empty_body"},
		{"blank body", "POST", "/v1/talents", " \n", nil, 400, "", "empty_body"},
		{"trailing data", "POST", "/v1/talents", `{} {}`, nil, 400, "", "trailing_data"},
		{"array body", "POST", "/v1/talents", `[]`, nil, 400, "", "type"},
		{"wrong type", "POST", "/v1/talents", with(fresh, func(m map[string]any) { m["name"] = 5 }), nil, 400, "name", "type"},
		{"wrong type nested", "POST", "/v1/talents", with(fresh, func(m map[string]any) { m["employer"].(map[string]any)["uscc"] = true }), nil, 400, "employer.uscc", "type"},
		{"wrong type in array", "POST", "/v1/talents", with(fresh, func(m map[string]any) {
			m["team"] = []any{map[string]any{"name": "a", "role": "b"}, map[string]any{"name": 1, "role": "b"}}
		}), nil, 400, "team[1].name", "type"},
		{"object for string", "POST", "/v1/talents", with(fresh, func(m map[string]any) { m["tier"] = map[string]any{} }), nil, 400, "tier", "type"},
		{"unknown field", "POST", "/v1/talents", with(fresh, func(m map[string]any) { m["salary"] = 1 }), nil, 400, "salary", "unknown_field"},
		{"unknown field nested", "POST", "/v1/talents", with(fresh, func(m map[string]any) { m["employer"].(map[string]any)["foo"] = "x" }), nil, 400, "employer.foo", "unknown_field"},
		{"field in the wrong case", "POST", "/v1/talents", with(fresh, func(m map[string]any) { m["Name"] = "x" }), nil, 400, "Name", "unknown_field"},
		{"server field", "POST", "/v1/talents", with(fresh, func(m map[string]any) { m["status"] = "ACTIVE" }), nil, 400, "status", "read_only"},
		{"server field id", "POST", "/v1/talents", with(fresh, func(m map[string]any) { m["id"] = missing }), nil, 400, "id", "read_only"},
		{"missing field", "POST", "/v1/talents", with(fresh, func(m map[string]any) { delete(m, "name") }), nil, 400, "name", "required"},
		{"missing nested field", "POST", "/v1/talents", with(fresh, func(m map[string]any) { delete(m["employer"].(map[string]any), "uscc") }), nil, 400, "employer.uscc", "required"},
		{"invalid USCC", "POST", "/v1/talents", with(fresh, func(m map[string]any) { m["employer"].(map[string]any)["uscc"] = "914403001922038217" }), nil, 400, "employer.uscc", "uscc_checksum"},
		{"invalid ID number", "POST", "/v1/talents", with(fresh, func(m map[string]any) { m["id_doc"].(map[string]any)["number"] = "110105194912310021" }), nil, 400, "id_doc.number", "cn_id_checksum"},
		{"impossible birth date", "POST", "/v1/talents", with(fresh, func(m map[string]any) {
			m["id_doc"].(map[string]any)["number"] = registrytest.ResidentID("110105", "19490230", 2)
		}), nil, 400, "id_doc.number", "cn_id_birth_date"},
		{"invalid mobile", "POST", "/v1/talents", with(fresh, func(m map[string]any) { m["mobile"] = "12345" }), nil, 400, "mobile", "mobile_format"},
		{"invalid enum", "POST", "/v1/talents", with(fresh, func(m map[string]any) { m["tier"] = "Z" }), nil, 400, "tier", "oneof"},
		{"integer overflow", "POST", "/v1/enclaves", with(apitest.EnclaveBody(), func(m map[string]any) { m["rd_staff"] = 1e30 }), nil, 400, "rd_staff", "type"},
		{"fraction for integer", "POST", "/v1/enclaves", with(apitest.EnclaveBody(), func(m map[string]any) { m["rd_staff"] = 1.5 }), nil, 400, "rd_staff", "type"},
		{"oversize", "POST", "/v1/talents", huge, nil, 413, "-", ""},
		{"wrong content type", "POST", "/v1/talents", fresh, []string{"Content-Type", "text/plain"}, 415, "-", ""},
		{"merge patch type on create", "POST", "/v1/talents", fresh, []string{"Content-Type", "application/merge-patch+json"}, 415, "-", ""},
		{"idempotency key too long", "POST", "/v1/talents", fresh, []string{"Idempotency-Key", strings.Repeat("k", 256)}, 400, "Idempotency-Key", "idempotency_key"},
		// the other kinds
		{"enclave contact mobile", "POST", "/v1/enclaves", with(apitest.EnclaveBody(), func(m map[string]any) {
			m["contacts"] = []any{map[string]any{"name": "a", "mobile": "+86 139 1234 5678"}, map[string]any{"name": "b", "mobile": "0139"}}
		}), nil, 400, "contacts[1].mobile", "mobile_format"},
		{"enclave builder USCC", "POST", "/v1/enclaves", with(apitest.EnclaveBody(), func(m map[string]any) { m["builder"].(map[string]any)["uscc"] = "91330106MA27Y4U47" }), nil, 400, "builder.uscc", "uscc_format"},
		{"enclave unknown nested", "POST", "/v1/enclaves", with(apitest.EnclaveBody(), func(m map[string]any) { m["contacts"] = []any{map[string]any{"name": "a", "wechat": "x"}} }), nil, 400, "contacts[0].wechat", "unknown_field"},
		{"expert passport number", "POST", "/v1/experts", with(apitest.ForeignExpertBody("E1111111"), func(m map[string]any) { m["passport"].(map[string]any)["number"] = "E1" }), nil, 400, "passport.number", "passport_format"},
		{"expert permit after passport", "POST", "/v1/experts", with(apitest.ForeignExpertBody("E2222222"), func(m map[string]any) { m["passport"].(map[string]any)["valid_to"] = "2026-01-01" }), nil, 400, "work_permit.valid_to", "permit_after_passport"},
		{"expert retired as string", "POST", "/v1/experts", with(apitest.ExpertBody(apitest.ResidentID(102)), func(m map[string]any) { m["retired"] = "no" }), nil, 400, "retired", "type"},
		{"workstation absent academician", "POST", "/v1/workstations", apitest.WorkstationBody("exp_01a21b8c-0000-7000-8000-000000000000"), nil, 400, "academicians[0].expert_id", "not_found"},
		{"workstation non-academician", "POST", "/v1/workstations", apitest.WorkstationBody(foreignID), nil, 400, "academicians[0].expert_id", "not_academician"},
		{"workstation academician id of another kind", "POST", "/v1/workstations", apitest.WorkstationBody(talentID), nil, 400, "academicians[0].expert_id", "record_id"},
		{"enclave type filter", "GET", "/v1/enclaves?type=CAFE", nil, nil, 400, "type", "oneof"},
		{"enclave region filter", "GET", "/v1/enclaves?host_region=MARS", nil, nil, 400, "host_region", "oneof"},
		{"workstation kind filter", "GET", "/v1/workstations?kind=HOME", nil, nil, 400, "kind", "oneof"},
		{"expert kind filter", "GET", "/v1/experts?kind=", nil, nil, 400, "kind", "oneof"},
		// GET /v1/talents/{id}
		{"invalid id", "GET", "/v1/talents/abc", nil, nil, 400, "id", "record_id"},
		{"id of another kind", "GET", "/v1/talents/exp_01a21b8c-0000-7000-8000-000000000000", nil, nil, 400, "id", "record_id"},
		{"absent record", "GET", "/v1/talents/" + missing, nil, nil, 404, "-", ""},
		// GET /v1/talents
		{"limit zero", "GET", "/v1/talents?limit=0", nil, nil, 400, "limit", "range"},
		{"limit too large", "GET", "/v1/talents?limit=201", nil, nil, 400, "limit", "range"},
		{"limit not a number", "GET", "/v1/talents?limit=ten", nil, nil, 400, "limit", "type"},
		{"unreadable cursor", "GET", "/v1/talents?cursor=not-a-cursor", nil, nil, 400, "cursor", "cursor_invalid"},
		{"unknown parameter", "GET", "/v1/talents?sort=name", nil, nil, 400, "sort", "unknown_parameter"},
		{"filter of another kind", "GET", "/v1/experts?tier=A", nil, nil, 400, "tier", "unknown_parameter"},
		{"invalid filter value", "GET", "/v1/talents?tier=Z", nil, nil, 400, "tier", "oneof"},
		{"invalid status", "GET", "/v1/talents?status=PROSPECT", nil, nil, 400, "status", "oneof"},
		{"invalid area", "GET", "/v1/talents?area=999999", nil, nil, 400, "area", "oneof"},
		{"invalid date", "GET", "/v1/talents?created_from=yesterday", nil, nil, 400, "created_from", "datetime"},
		{"repeated parameter", "GET", "/v1/talents?tier=A&tier=B", nil, nil, 400, "tier", "repeated"},
		{"bad query escape", "GET", "/v1/talents?q=%zz", nil, nil, 400, "", "query_syntax"},
		// PATCH /v1/talents/{id}
		{"patch without If-Match", "PATCH", "/v1/talents/" + talentID, `{"name":"x"}`, nil, 428, "-", ""},
		{"patch with stale If-Match", "PATCH", "/v1/talents/" + talentID, `{"name":"x"}`, []string{"If-Match", `"9"`}, 412, "-", ""},
		{"patch with weak If-Match", "PATCH", "/v1/talents/" + talentID, `{"name":"x"}`, []string{"If-Match", `W/"1"`}, 412, "-", ""},
		{"patch status", "PATCH", "/v1/talents/" + talentID, `{"status":"ACTIVE"}`, []string{"If-Match", one}, 400, "status", "read_only"},
		{"patch version", "PATCH", "/v1/talents/" + talentID, `{"version":7}`, []string{"If-Match", one}, 400, "version", "read_only"},
		{"patch history", "PATCH", "/v1/talents/" + talentID, `{"status_history":null}`, []string{"If-Match", one}, 400, "status_history", "read_only"},
		{"patch unknown nested", "PATCH", "/v1/talents/" + talentID, `{"employer":{"foo":1}}`, []string{"If-Match", one}, 400, "employer.foo", "unknown_field"},
		{"patch wrong type", "PATCH", "/v1/talents/" + talentID, `{"name":1}`, []string{"If-Match", one}, 400, "name", "type"},
		{"patch invalid identifier", "PATCH", "/v1/talents/" + talentID, `{"id_doc":{"number":"110105194912310021"}}`, []string{"If-Match", one}, 400, "id_doc.number", "cn_id_checksum"},
		{"patch removes a required field", "PATCH", "/v1/talents/" + talentID, `{"employer":null}`, []string{"If-Match", one}, 400, "employer", "required"},
		{"patch not an object", "PATCH", "/v1/talents/" + talentID, `["x"]`, []string{"If-Match", one}, 400, "", "type"},
		{"patch malformed", "PATCH", "/v1/talents/" + talentID, `{"name"}`, []string{"If-Match", one}, 400, "", "json_syntax"},
		{"patch wrong content type", "PATCH", "/v1/talents/" + talentID, `{"name":"x"}`, []string{"If-Match", one, "Content-Type", "application/json-patch+json"}, 415, "-", ""},
		{"patch oversize", "PATCH", "/v1/talents/" + talentID, huge, []string{"If-Match", one}, 413, "-", ""},
		{"patch invalid id", "PATCH", "/v1/talents/tal_1", `{"name":"x"}`, []string{"If-Match", one}, 400, "id", "record_id"},
		{"patch absent record", "PATCH", "/v1/talents/" + missing, `{"name":"x"}`, []string{"If-Match", one}, 404, "-", ""},
		// POST /v1/talents/{id}/transitions
		{"transition without If-Match", "POST", "/v1/talents/" + talentID + "/transitions", `{"to":"SUBMITTED"}`, nil, 428, "-", ""},
		{"transition with stale If-Match", "POST", "/v1/talents/" + talentID + "/transitions", `{"to":"SUBMITTED"}`, []string{"If-Match", `"2"`}, 412, "-", ""},
		{"transition without to", "POST", "/v1/talents/" + talentID + "/transitions", `{"reason":"x"}`, []string{"If-Match", one}, 400, "to", "required"},
		{"transition to an unknown state", "POST", "/v1/talents/" + talentID + "/transitions", `{"to":"DONE"}`, []string{"If-Match", one}, 400, "to", "oneof"},
		{"transition wrong type", "POST", "/v1/talents/" + talentID + "/transitions", `{"to":1}`, []string{"If-Match", one}, 400, "to", "type"},
		{"transition unknown field", "POST", "/v1/talents/" + talentID + "/transitions", `{"to":"SUBMITTED","by":"me"}`, []string{"If-Match", one}, 400, "by", "unknown_field"},
		{"transition reason too long", "POST", "/v1/talents/" + talentID + "/transitions", `{"to":"SUBMITTED","reason":"` + strings.Repeat("长", 501) + `"}`, []string{"If-Match", one}, 400, "reason", "max"},
		{"transition not allowed", "POST", "/v1/talents/" + talentID + "/transitions", `{"to":"ACTIVE"}`, []string{"If-Match", one}, 409, "-", ""},
		{"transition invalid id", "POST", "/v1/talents/enc_x/transitions", `{"to":"SUBMITTED"}`, []string{"If-Match", one}, 400, "id", "record_id"},
		// DELETE /v1/talents/{id}
		{"delete with stale If-Match", "DELETE", "/v1/talents/" + talentID, nil, []string{"If-Match", `"5"`}, 412, "-", ""},
		{"delete invalid id", "DELETE", "/v1/talents/" + strings.ToUpper(talentID), nil, nil, 400, "id", "record_id"},
		{"delete absent record", "DELETE", "/v1/talents/" + missing, nil, nil, 404, "-", ""},
		// POST /v1/talents/lookup
		{"lookup malformed JSON", "POST", "/v1/talents/lookup", `{"id_doc":`, nil, 400, "", "json_syntax"},
		{"lookup without a document", "POST", "/v1/talents/lookup", `{}`, nil, 400, "id_doc", "required"},
		{"lookup unknown field", "POST", "/v1/talents/lookup", `{"id_doc":{"type":"CN_ID","number":"x"},"name":"张伟"}`, nil, 400, "name", "unknown_field"},
		{"lookup wrong type", "POST", "/v1/talents/lookup", `{"id_doc":{"type":"CN_ID","number":11010519491231002}}`, nil, 400, "id_doc.number", "type"},
		{"lookup unknown document type", "POST", "/v1/talents/lookup", `{"id_doc":{"type":"SSN","number":"1"}}`, nil, 400, "id_doc.type", "oneof"},
		{"lookup bad checksum", "POST", "/v1/talents/lookup", `{"id_doc":{"type":"CN_ID","number":"110105194912310021"}}`, nil, 400, "id_doc.number", "cn_id_checksum"},
		{"lookup passport without country", "POST", "/v1/experts/lookup", `{"id_doc":{"type":"PASSPORT","number":"E7654321"}}`, nil, 400, "country", "iso3166_1_alpha3"},
		{"lookup oversize", "POST", "/v1/talents/lookup", huge, nil, 413, "-", ""},
		{"lookup wrong content type", "POST", "/v1/talents/lookup", `{}`, []string{"Content-Type", "text/plain"}, 415, "-", ""},
		{"lookup on a kind without people", "POST", "/v1/enclaves/lookup", `{}`, nil, 405, "-", ""},
		// routing
		{"unknown route", "GET", "/v1/people", nil, nil, 404, "-", ""},
		{"unknown kind id route", "GET", "/v1/talents/" + talentID + "/history", nil, nil, 404, "-", ""},
		{"wrong method", "PUT", "/v1/talents/" + talentID, tal, nil, 405, "-", ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			before := snapshot(t, env, talentID)
			rec := env.Do(t, c.method, c.path, c.body, c.headers...)
			if rec.Code != c.status {
				t.Fatalf("status %d, want %d: %s", rec.Code, c.status, rec.Body)
			}
			p := apitest.Problem(t, rec)
			if p.Status != c.status || p.Type == "" || p.Title == "" || p.Detail == "" || p.Instance != rec.Header().Get("X-Request-Id") {
				t.Errorf("problem %+v", p)
			}
			if c.field != "-" && !namesField(p, c.field, c.code) {
				t.Errorf("errors %+v do not name %q with code %q", p.Errors, c.field, c.code)
			}
			if after := snapshot(t, env, talentID); after != before {
				t.Errorf("the request wrote: before %v, after %v", before, after)
			}
		})
	}
}

// snapshot is what a refused request must leave unchanged: how many
// records of each kind exist and the seeded talent's ETag.
func snapshot(t *testing.T, env *apitest.Env, talentID string) [5]string {
	var s [5]string
	for i, k := range registry.Kinds {
		s[i] = strconv.Itoa(env.Count(t, k))
	}
	s[4] = env.Do(t, "GET", "/v1/talents/"+talentID, nil).Header().Get("ETag")
	return s
}

func namesField(p api.Problem, field, code string) bool {
	for _, e := range p.Errors {
		if e.Field == field && e.Code == code && e.Message != "" {
			return true
		}
	}
	return false
}
