package api_test

import (
	"net/http"
	"slices"
	"strings"
	"testing"

	"talentd/api/apitest"
	"talentd/registry"
)

// lifecycleCase takes one kind through its lifecycle over HTTP.
type lifecycleCase struct {
	kind    registry.Kind
	body    func() any
	patch   string // a merge patch applied in the first state
	check   func(t *testing.T, r response)
	path    []registry.Status
	illegal registry.Status // refused from the first state
}

func TestEndToEnd(t *testing.T) {
	env := apitest.New(t)
	c := serve(t, env)
	academician := c.do("POST", "/v1/experts", apitest.ExpertBody(apitest.ResidentID(300))).expect(t, 201).str("id")
	seq := 400
	cases := []lifecycleCase{
		{registry.KindTalent, func() any { seq++; return apitest.TalentBody(apitest.ResidentID(seq)) },
			`{"name":"张伟伟","project":{"name":"新材料中试线","investment_yuan":5000000}}`,
			func(t *testing.T, r response) {
				if r.str("name") != "张伟伟" || r.json["project"] == nil || r.json["employer"] == nil {
					t.Errorf("patched talent %s", r.body)
				}
			},
			[]registry.Status{"SUBMITTED", "UNDER_REVIEW", "APPROVED", "ACTIVE", "SUSPENDED", "ACTIVE", "COMPLETED"}, "ACTIVE"},
		{registry.KindExpert, func() any { seq++; return apitest.ForeignExpertBody("E" + apitest.ResidentID(seq)[6:14]) },
			`{"work_permit":{"valid_to":"2030-06-30"},"residence_permit":{"valid_to":"2028-01-01"}}`,
			func(t *testing.T, r response) {
				wp := r.json["work_permit"].(map[string]any)
				if wp["valid_to"] != "2030-06-30" || wp["number"] != "WP1234567" {
					t.Errorf("nested merge lost fields: %s", r.body)
				}
			},
			[]registry.Status{"ACTIVE", "PERMIT_EXPIRED", "ACTIVE", "LEFT"}, "LEFT"},
		{registry.KindWorkstation, func() any { return apitest.WorkstationBody(academician) },
			`{"name":"临沂某院士工作站","onsite_days":[{"year":2025,"expert_id":"` + academician + `","days":120}]}`,
			func(t *testing.T, r response) {
				if r.str("name") != "临沂某院士工作站" || len(r.json["onsite_days"].([]any)) != 1 {
					t.Errorf("patched workstation %s", r.body)
				}
			},
			[]registry.Status{"FILING_SUBMITTED", "PUBLIC_NOTICE", "FILED", "OPERATING", "RECTIFYING", "OPERATING", "ENDED"}, "FILED"},
		{registry.KindEnclave, func() any { return apitest.EnclaveBody() },
			`{"rd_staff":45,"contacts":[{"name":"钱七","email":"qian@example.com"}]}`,
			func(t *testing.T, r response) {
				contacts := r.json["contacts"].([]any)
				if r.json["rd_staff"] != 45.0 || len(contacts) != 1 || contacts[0].(map[string]any)["name"] != "钱七" {
					t.Errorf("patched enclave %s", r.body)
				}
			},
			[]registry.Status{"APPLIED", "PUBLIC_NOTICE", "RECOGNIZED", "OPERATING", "RECTIFYING", "OPERATING", "EXITED"}, "RECOGNIZED"},
	}
	for _, lc := range cases {
		t.Run(string(lc.kind), func(t *testing.T) { runLifecycle(t, c, lc) })
	}
}

func runLifecycle(t *testing.T, c *client, lc lifecycleCase) {
	base := "/v1/" + string(lc.kind)
	created := c.do("POST", base, lc.body()).expect(t, 201)
	id, etag := created.str("id"), created.header.Get("ETag")
	url := base + "/" + id
	if created.header.Get("Location") != url || etag != `"1"` {
		t.Fatalf("Location %q, ETag %q", created.header.Get("Location"), etag)
	}
	c.do("GET", url, nil).expect(t, 200)
	list := c.do("GET", base+"?limit=200&status="+string(registry.LifecycleOf(lc.kind).Initial), nil).expect(t, 200)
	if !slices.Contains(itemIDs(list), id) {
		t.Errorf("list lacks %s: %s", id, list.body)
	}

	patched := c.do("PATCH", url, lc.patch, "If-Match", etag, "Content-Type", "application/merge-patch+json").expect(t, 200)
	lc.check(t, patched)
	if patched.header.Get("ETag") != `"2"` {
		t.Errorf("ETag after patch %q", patched.header.Get("ETag"))
	}
	stale := c.do("PATCH", url, lc.patch, "If-Match", etag).expect(t, 412)
	if stale.str("type") != "/problems/version-mismatch" {
		t.Errorf("stale patch: %s", stale.body)
	}
	etag = patched.header.Get("ETag")

	refused := c.do("POST", url+"/transitions", map[string]any{"to": lc.illegal}, "If-Match", etag).expect(t, 409)
	if allowed := refused.json["allowed"].([]any); len(allowed) == 0 || slices.Contains(allowed, any(string(lc.illegal))) {
		t.Errorf("illegal transition: %s", refused.body)
	}

	for _, to := range lc.path {
		moved := c.do("POST", url+"/transitions", map[string]any{"to": to, "reason": "审核通过"}, "If-Match", etag).expect(t, 200)
		if moved.str("status") != string(to) {
			t.Fatalf("moved to %s: %s", to, moved.body)
		}
		etag = moved.header.Get("ETag")
	}
	last := c.do("GET", url, nil).expect(t, 200)
	if history := last.json["status_history"].([]any); len(history) != len(lc.path)+1 || last.header.Get("ETag") != etag {
		t.Errorf("history %d entries, ETag %s vs %s", len(history), last.header.Get("ETag"), etag)
	}
	notDeletable := c.do("DELETE", url, nil).expect(t, 409)
	if notDeletable.str("reason") != "not_deletable" {
		t.Errorf("delete later: %s", notDeletable.body)
	}

	draft := c.do("POST", base, lc.body()).expect(t, 201)
	c.do("DELETE", base+"/"+draft.str("id"), nil, "If-Match", `"1"`).expect(t, 204)
	c.do("GET", base+"/"+draft.str("id"), nil).expect(t, 404)
}

func itemIDs(r response) []string {
	var ids []string
	for _, it := range r.json["items"].([]any) {
		ids = append(ids, it.(map[string]any)["id"].(string))
	}
	return ids
}

// TestEndToEndRules covers the cross-record rules and idempotency over HTTP.
func TestEndToEndRules(t *testing.T) {
	env := apitest.New(t)
	c := serve(t, env)

	t.Run("idempotency", func(t *testing.T) {
		body := apitest.TalentBody(apitest.ResidentID(500))
		first := c.do("POST", "/v1/talents", body, "Idempotency-Key", "key-500").expect(t, 201)
		again := c.do("POST", "/v1/talents", body, "Idempotency-Key", "key-500").expect(t, 201)
		if again.str("id") != first.str("id") || again.header.Get("Idempotent-Replayed") != "true" ||
			again.header.Get("Location") != first.header.Get("Location") || again.header.Get("ETag") != first.header.Get("ETag") {
			t.Errorf("replay %s %v, first %s", again.body, again.header, first.body)
		}
		other := c.do("POST", "/v1/talents", apitest.TalentBody(apitest.ResidentID(501)), "Idempotency-Key", "key-500").expect(t, 422)
		if other.str("type") != "/problems/idempotency-mismatch" {
			t.Errorf("mismatch: %s", other.body)
		}
		if n := env.Count(t, registry.KindTalent); n != 1 {
			t.Errorf("%d talents, want 1", n)
		}
	})

	t.Run("duplicate identity document", func(t *testing.T) {
		body := apitest.TalentBody(apitest.ResidentID(502))
		first := c.do("POST", "/v1/talents", body).expect(t, 201)
		body["name"], body["area"] = "张伟（重复）", "371311"
		dup := c.do("POST", "/v1/talents", body).expect(t, 409)
		if dup.str("reason") != "identity" || dup.str("existing_id") != first.str("id") {
			t.Errorf("duplicate: %s", dup.body)
		}
	})

	t.Run("academician over the workstation limit", func(t *testing.T) {
		expert := c.do("POST", "/v1/experts", apitest.ExpertBody(apitest.ResidentID(503))).expect(t, 201).str("id")
		first := c.do("POST", "/v1/workstations", apitest.WorkstationBody(expert)).expect(t, 201)
		over := c.do("POST", "/v1/workstations", apitest.WorkstationBody(expert)).expect(t, 409)
		if over.str("reason") != "workstation_limit" || over.str("existing_id") != expert {
			t.Errorf("limit: %s", over.body)
		}
		inUse := c.do("DELETE", "/v1/experts/"+expert, nil).expect(t, 409)
		if inUse.str("reason") != "in_use" {
			t.Errorf("delete referenced expert: %s", inUse.body)
		}
		c.do("DELETE", "/v1/workstations/"+first.str("id"), nil, "If-Match", `"1"`).expect(t, 204)
		c.do("POST", "/v1/workstations", apitest.WorkstationBody(expert)).expect(t, 201)
	})

	t.Run("paging and filters", func(t *testing.T) {
		for i := range 3 {
			b := apitest.TalentBody(apitest.ResidentID(600 + i))
			b["tier"] = "A"
			c.do("POST", "/v1/talents", b).expect(t, 201)
		}
		var seen []string
		next := "/v1/talents?tier=A&limit=2"
		for next != "" {
			page := c.do("GET", next, nil).expect(t, 200)
			seen = append(seen, itemIDs(page)...)
			next = ""
			if cur := page.str("next_cursor"); cur != "" {
				next = "/v1/talents?tier=A&limit=2&cursor=" + cur
			}
		}
		if len(seen) != 3 || !slices.IsSortedFunc(seen, func(a, b string) int { return strings.Compare(b, a) }) {
			t.Errorf("paged %v, want 3 talents newest first", seen)
		}
		today := c.do("GET", "/v1/talents?tier=A&created_from=2000-01-01&created_to=2999-12-31&q=张", nil).expect(t, 200)
		if len(itemIDs(today)) != 3 {
			t.Errorf("filters: %s", today.body)
		}
		none := c.do("GET", "/v1/talents?tier=A&created_to=2000-01-01", nil).expect(t, 200)
		if string(none.body) != `{"items":[]}` {
			t.Errorf("empty page: %s", none.body)
		}
	})

	t.Run("health", func(t *testing.T) {
		c.do("GET", "/healthz", nil).expect(t, http.StatusOK)
		c.do("GET", "/readyz", nil).expect(t, http.StatusOK)
	})
}
