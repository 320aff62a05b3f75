package apitest

import (
	"net/http"
	"slices"
	"strings"
	"testing"

	"talentd/registry"
)

// lifecycleCase takes one kind through its lifecycle over HTTP.
type lifecycleCase struct {
	kind    registry.Kind
	body    func() any
	patch   string // a merge patch applied in the first state
	check   func(t *testing.T, r Response)
	path    []registry.Status
	illegal registry.Status // refused from the first state
}

// EndToEnd takes each record kind through create → list → patch → its
// whole lifecycle over HTTP against the talentd API c talks to, with a
// stale If-Match and an illegal transition on the way, then checks the
// cross-record rules (EndToEndRules). c needs an admin key; the store may
// hold other records.
func EndToEnd(t *testing.T, c *Client) {
	academician := c.Do("POST", "/v1/experts", ExpertBody(ResidentID(300))).Expect(t, 201).Str("id")
	seq := 400
	cases := []lifecycleCase{
		{registry.KindTalent, func() any { seq++; return TalentBody(ResidentID(seq)) },
			`{"name":"张伟伟","project":{"name":"新材料中试线","investment_yuan":5000000}}`,
			func(t *testing.T, r Response) {
				if r.Str("name") != "张伟伟" || r.JSON["project"] == nil || r.JSON["employer"] == nil {
					t.Errorf("patched talent %s", r.Body)
				}
			},
			[]registry.Status{"SUBMITTED", "UNDER_REVIEW", "APPROVED", "ACTIVE", "SUSPENDED", "ACTIVE", "COMPLETED"}, "ACTIVE"},
		{registry.KindExpert, func() any { seq++; return ForeignExpertBody("E" + ResidentID(seq)[6:14]) },
			`{"work_permit":{"valid_to":"2030-06-30"},"residence_permit":{"valid_to":"2028-01-01"}}`,
			func(t *testing.T, r Response) {
				wp := r.JSON["work_permit"].(map[string]any)
				if wp["valid_to"] != "2030-06-30" || wp["number"] != "WP1234567" {
					t.Errorf("nested merge lost fields: %s", r.Body)
				}
			},
			[]registry.Status{"ACTIVE", "PERMIT_EXPIRED", "ACTIVE", "LEFT"}, "LEFT"},
		{registry.KindWorkstation, func() any { return WorkstationBody(academician) },
			`{"name":"临沂某院士工作站","onsite_days":[{"year":2025,"expert_id":"` + academician + `","days":120}]}`,
			func(t *testing.T, r Response) {
				if r.Str("name") != "临沂某院士工作站" || len(r.JSON["onsite_days"].([]any)) != 1 {
					t.Errorf("patched workstation %s", r.Body)
				}
			},
			[]registry.Status{"FILING_SUBMITTED", "PUBLIC_NOTICE", "FILED", "OPERATING", "RECTIFYING", "OPERATING", "ENDED"}, "FILED"},
		{registry.KindEnclave, func() any { return EnclaveBody() },
			`{"rd_staff":45,"contacts":[{"name":"钱七","email":"qian@example.com"}]}`,
			func(t *testing.T, r Response) {
				contacts := r.JSON["contacts"].([]any)
				if r.JSON["rd_staff"] != 45.0 || len(contacts) != 1 || contacts[0].(map[string]any)["name"] != "钱七" {
					t.Errorf("patched enclave %s", r.Body)
				}
			},
			[]registry.Status{"APPLIED", "PUBLIC_NOTICE", "RECOGNIZED", "OPERATING", "RECTIFYING", "OPERATING", "EXITED"}, "RECOGNIZED"},
	}
	for _, lc := range cases {
		t.Run(string(lc.kind), func(t *testing.T) { runLifecycle(t, c, lc) })
	}
}

// runLifecycle takes one kind through lc over HTTP.
func runLifecycle(t *testing.T, c *Client, lc lifecycleCase) {
	base := "/v1/" + string(lc.kind)
	created := c.Do("POST", base, lc.body()).Expect(t, 201)
	id, etag := created.Str("id"), created.Header.Get("ETag")
	url := base + "/" + id
	if created.Header.Get("Location") != url || etag != `"1"` {
		t.Fatalf("Location %q, ETag %q", created.Header.Get("Location"), etag)
	}
	c.Do("GET", url, nil).Expect(t, 200)
	list := c.Do("GET", base+"?limit=200&status="+string(registry.LifecycleOf(lc.kind).Initial), nil).Expect(t, 200)
	if !slices.Contains(itemIDs(list), id) {
		t.Errorf("list lacks %s: %s", id, list.Body)
	}

	patched := c.Do("PATCH", url, lc.patch, "If-Match", etag, "Content-Type", "application/merge-patch+json").Expect(t, 200)
	lc.check(t, patched)
	if patched.Header.Get("ETag") != `"2"` {
		t.Errorf("ETag after patch %q", patched.Header.Get("ETag"))
	}
	stale := c.Do("PATCH", url, lc.patch, "If-Match", etag).Expect(t, 412)
	if stale.Str("type") != "/problems/version-mismatch" {
		t.Errorf("stale patch: %s", stale.Body)
	}
	etag = patched.Header.Get("ETag")

	refused := c.Do("POST", url+"/transitions", map[string]any{"to": lc.illegal}, "If-Match", etag).Expect(t, 409)
	if allowed := refused.JSON["allowed"].([]any); len(allowed) == 0 || slices.Contains(allowed, any(string(lc.illegal))) {
		t.Errorf("illegal transition: %s", refused.Body)
	}

	for _, to := range lc.path {
		moved := c.Do("POST", url+"/transitions", map[string]any{"to": to, "reason": "审核通过"}, "If-Match", etag).Expect(t, 200)
		if moved.Str("status") != string(to) {
			t.Fatalf("moved to %s: %s", to, moved.Body)
		}
		etag = moved.Header.Get("ETag")
	}
	last := c.Do("GET", url, nil).Expect(t, 200)
	if history := last.JSON["status_history"].([]any); len(history) != len(lc.path)+1 || last.Header.Get("ETag") != etag {
		t.Errorf("history %d entries, ETag %s vs %s", len(history), last.Header.Get("ETag"), etag)
	}
	notDeletable := c.Do("DELETE", url, nil).Expect(t, 409)
	if notDeletable.Str("reason") != "not_deletable" {
		t.Errorf("delete later: %s", notDeletable.Body)
	}

	draft := c.Do("POST", base, lc.body()).Expect(t, 201)
	c.Do("DELETE", base+"/"+draft.Str("id"), nil, "If-Match", `"1"`).Expect(t, 204)
	c.Do("GET", base+"/"+draft.Str("id"), nil).Expect(t, 404)
}

// allIDs walks every page from path and returns the ids, newest first.
func allIDs(t *testing.T, c *Client, path string) []string {
	var ids []string
	for path != "" {
		page := c.Do("GET", path, nil).Expect(t, 200)
		ids = append(ids, itemIDs(page)...)
		base, _, _ := strings.Cut(path, "&cursor=")
		path = ""
		if cur := page.Str("next_cursor"); cur != "" {
			path = base + "&cursor=" + cur
		}
	}
	return ids
}

// itemIDs are the ids of a list page's items.
func itemIDs(r Response) []string {
	var ids []string
	for _, it := range r.JSON["items"].([]any) {
		ids = append(ids, it.(map[string]any)["id"].(string))
	}
	return ids
}

// EndToEndRules covers the cross-record rules and idempotency over HTTP:
// an Idempotency-Key replay and mismatch, a duplicate identity document,
// an academician over the workstation limit, look-up by identity document,
// paging and filters, health.
func EndToEndRules(t *testing.T, c *Client) {
	t.Run("idempotency", func(t *testing.T) { ruleIdempotency(t, c) })
	t.Run("duplicate identity document", func(t *testing.T) { ruleDuplicateIdentity(t, c) })
	t.Run("academician over the workstation limit", func(t *testing.T) { ruleWorkstationLimit(t, c) })
	t.Run("look-up by identity document", func(t *testing.T) { ruleLookup(t, c) })
	t.Run("paging and filters", func(t *testing.T) { rulePagingAndFilters(t, c) })
	t.Run("health", func(t *testing.T) { ruleHealth(t, c) })
}

// ruleIdempotency: an Idempotency-Key replay answers as the first POST
// did; another body under the same key is a 422.
func ruleIdempotency(t *testing.T, c *Client) {
	talents := func() int { return len(allIDs(t, c, "/v1/talents?limit=200")) }
	before := talents()
	body := TalentBody(ResidentID(500))
	first := c.Do("POST", "/v1/talents", body, "Idempotency-Key", "key-500").Expect(t, 201)
	again := c.Do("POST", "/v1/talents", body, "Idempotency-Key", "key-500").Expect(t, 201)
	if again.Str("id") != first.Str("id") || again.Header.Get("Idempotent-Replayed") != "true" ||
		again.Header.Get("Location") != first.Header.Get("Location") || again.Header.Get("ETag") != first.Header.Get("ETag") {
		t.Errorf("replay %s %v, first %s", again.Body, again.Header, first.Body)
	}
	other := c.Do("POST", "/v1/talents", TalentBody(ResidentID(501)), "Idempotency-Key", "key-500").Expect(t, 422)
	if other.Str("type") != "/problems/idempotency-mismatch" {
		t.Errorf("mismatch: %s", other.Body)
	}
	if n := talents() - before; n != 1 {
		t.Errorf("%d talents created, want 1", n)
	}
}

// ruleDuplicateIdentity: a second talent with the same identity document
// is a 409 naming the first.
func ruleDuplicateIdentity(t *testing.T, c *Client) {
	body := TalentBody(ResidentID(502))
	first := c.Do("POST", "/v1/talents", body).Expect(t, 201)
	body["name"], body["area"] = "张伟（重复）", "371311"
	dup := c.Do("POST", "/v1/talents", body).Expect(t, 409)
	if dup.Str("reason") != "identity" || dup.Str("existing_id") != first.Str("id") {
		t.Errorf("duplicate: %s", dup.Body)
	}
}

// ruleLookup: a person is found by identity document however the number
// is typed, the answer masked; nobody registered is a 404, a bad number a
// 400 naming it.
func ruleLookup(t *testing.T, c *Client) {
	number := ResidentID(504)
	id := c.Do("POST", "/v1/talents", TalentBody(number)).Expect(t, 201).Str("id")
	typed := strings.ToLower(number[:6]) + " " + number[6:]
	found := c.Do("POST", "/v1/talents/lookup", map[string]any{"id_doc": map[string]any{"type": "CN_ID", "number": typed}}).Expect(t, 200)
	if found.Str("id") != id || strings.Contains(string(found.Body), number) {
		t.Errorf("look-up: %s", found.Body)
	}
	c.Do("POST", "/v1/experts/lookup", map[string]any{"id_doc": map[string]any{"type": "CN_ID", "number": number}}).Expect(t, 404)
	c.Do("POST", "/v1/talents/lookup", map[string]any{"id_doc": map[string]any{"type": "CN_ID", "number": ResidentID(505)}}).Expect(t, 404)
	bad := c.Do("POST", "/v1/talents/lookup", map[string]any{"id_doc": map[string]any{"type": "CN_ID", "number": number[:17] + "0"}}).Expect(t, 400)
	if !strings.Contains(string(bad.Body), `"field":"id_doc.number"`) || strings.Contains(string(bad.Body), number[:17]) {
		t.Errorf("bad number: %s", bad.Body)
	}
	passport := "E" + ResidentID(506)[6:14]
	expert := c.Do("POST", "/v1/experts", ForeignExpertBody(passport)).Expect(t, 201).Str("id")
	byPassport := map[string]any{"id_doc": map[string]any{"type": "PASSPORT", "number": passport}, "country": "USA"}
	if got := c.Do("POST", "/v1/experts/lookup", byPassport).Expect(t, 200).Str("id"); got != expert {
		t.Errorf("look-up by passport: %s, want %s", got, expert)
	}
	byPassport["country"] = "GBR"
	c.Do("POST", "/v1/experts/lookup", byPassport).Expect(t, 404)
}

// ruleWorkstationLimit: an academician in office has one workstation at
// most; an expert a workstation names cannot be deleted.
func ruleWorkstationLimit(t *testing.T, c *Client) {
	expert := c.Do("POST", "/v1/experts", ExpertBody(ResidentID(503))).Expect(t, 201).Str("id")
	first := c.Do("POST", "/v1/workstations", WorkstationBody(expert)).Expect(t, 201)
	over := c.Do("POST", "/v1/workstations", WorkstationBody(expert)).Expect(t, 409)
	if over.Str("reason") != "workstation_limit" || over.Str("existing_id") != expert {
		t.Errorf("limit: %s", over.Body)
	}
	inUse := c.Do("DELETE", "/v1/experts/"+expert, nil).Expect(t, 409)
	if inUse.Str("reason") != "in_use" {
		t.Errorf("delete referenced expert: %s", inUse.Body)
	}
	c.Do("DELETE", "/v1/workstations/"+first.Str("id"), nil, "If-Match", `"1"`).Expect(t, 204)
	c.Do("POST", "/v1/workstations", WorkstationBody(expert)).Expect(t, 201)
}

// rulePagingAndFilters: keyset pages come newest first; filters combine;
// a page may be empty.
func rulePagingAndFilters(t *testing.T, c *Client) {
	for i := range 3 {
		b := TalentBody(ResidentID(600 + i))
		b["tier"] = "A"
		c.Do("POST", "/v1/talents", b).Expect(t, 201)
	}
	var seen []string
	next := "/v1/talents?tier=A&limit=2"
	for next != "" {
		page := c.Do("GET", next, nil).Expect(t, 200)
		seen = append(seen, itemIDs(page)...)
		next = ""
		if cur := page.Str("next_cursor"); cur != "" {
			next = "/v1/talents?tier=A&limit=2&cursor=" + cur
		}
	}
	if len(seen) != 3 || !slices.IsSortedFunc(seen, func(a, b string) int { return strings.Compare(b, a) }) {
		t.Errorf("paged %v, want 3 talents newest first", seen)
	}
	today := c.Do("GET", "/v1/talents?tier=A&created_from=2000-01-01&created_to=2999-12-31&q=张", nil).Expect(t, 200)
	if len(itemIDs(today)) != 3 {
		t.Errorf("filters: %s", today.Body)
	}
	none := c.Do("GET", "/v1/talents?tier=A&created_to=2000-01-01", nil).Expect(t, 200)
	if string(none.Body) != `{"items":[]}` {
		t.Errorf("empty page: %s", none.Body)
	}
}

// ruleHealth: the probes answer 200.
func ruleHealth(t *testing.T, c *Client) {
	c.Do("GET", "/healthz", nil).Expect(t, http.StatusOK)
	c.Do("GET", "/readyz", nil).Expect(t, http.StatusOK)
}
