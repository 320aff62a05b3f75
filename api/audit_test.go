package api_test

import (
	"net/http"
	"net/url"
	"slices"
	"testing"
	"time"

	"talentd/api/apitest"
	"talentd/registry"
)

// entry is an audit entry as GET /v1/audit shows it.
type entry struct {
	Seq           int64
	Time          time.Time
	KeyID         string `json:"key_id"`
	KeyName       string `json:"key_name"`
	Role, Action  string
	Kind          string
	RecordID      string `json:"record_id"`
	VersionBefore int64  `json:"version_before"`
	VersionAfter  int64  `json:"version_after"`
	Fields        []string
	RequestID     string `json:"request_id"`
	ClientIP      string `json:"client_ip"`
	Hash          string
}

// auditPage reads one page of GET /v1/audit<query> as admin.
func auditPage(t *testing.T, env *apitest.Env, query string) ([]entry, string) {
	t.Helper()
	rec := env.Do(t, "GET", "/v1/audit"+query, nil)
	if rec.Code != http.StatusOK {
		t.Fatalf("GET /v1/audit%s: %d %s", query, rec.Code, rec.Body)
	}
	var page struct {
		Items      []entry
		NextCursor string `json:"next_cursor"`
	}
	decode(t, rec.Body.Bytes(), &page)
	return page.Items, page.NextCursor
}

func auditItems(t *testing.T, env *apitest.Env, query string) []entry {
	t.Helper()
	items, _ := auditPage(t, env, query)
	return items
}

// TestRevealIsAudited: an admin's ?reveal=pii shows the clear numbers and
// leaves an entry naming the revealed fields (never their values), the
// request id and the record's version.
func TestRevealIsAudited(t *testing.T) {
	env := apitest.New(t)
	number := apitest.ResidentID(11)
	id := createID(t, env, "talents", apitest.TalentBody(number))
	rec := env.Do(t, "GET", "/v1/talents/"+id+"?reveal=pii", nil, "X-Request-Id", "req-reveal-1")
	if rec.Code != http.StatusOK {
		t.Fatalf("reveal: %d", rec.Code)
	}
	var talent struct {
		IDDoc  struct{ Number string } `json:"id_doc"`
		Mobile string
	}
	decode(t, rec.Body.Bytes(), &talent)
	if talent.IDDoc.Number != number || talent.Mobile != "13912345678" {
		t.Errorf("revealed %+v", talent)
	}
	got := auditItems(t, env, "?action=reveal_pii&record="+id)
	if len(got) != 1 {
		t.Fatalf("%d reveal entries", len(got))
	}
	e := got[0]
	if e.Role != "admin" || e.KeyName != "test admin" || e.Kind != "talents" || e.RequestID != "req-reveal-1" ||
		e.VersionBefore != 1 || e.VersionAfter != 1 || !slices.Equal(e.Fields, []string{"id_doc.number", "mobile"}) || e.ClientIP == "" {
		t.Errorf("reveal entry %+v", e)
	}
	if len(auditItems(t, env, "?record="+id)) != 2 {
		t.Errorf("want the create and the reveal for %s", id)
	}
	// A plain read is not a reveal and leaves no entry.
	env.Do(t, "GET", "/v1/talents/"+id, nil)
	if len(auditItems(t, env, "?action=reveal_pii")) != 1 {
		t.Error("a masked read was audited as a reveal")
	}
}

// TestAuditListFiltersAndPages walks the trail in pages and filters it.
func TestAuditListFiltersAndPages(t *testing.T) {
	env := apitest.New(t)
	var ids []string
	for i := range 5 {
		ids = append(ids, createID(t, env, "talents", apitest.TalentBody(apitest.ResidentID(20+i))))
	}
	var seen []string
	for cursor, pages := "", 0; ; pages++ {
		q := "?action=create&limit=2"
		if cursor != "" {
			q += "&cursor=" + url.QueryEscape(cursor)
		}
		items, next := auditPage(t, env, q)
		for _, e := range items {
			seen = append(seen, e.RecordID)
		}
		if cursor = next; cursor == "" || pages > 5 {
			break
		}
	}
	if !slices.Equal(seen, ids) {
		t.Errorf("paged creates %v, want %v", seen, ids)
	}
	admin, err := env.Store.GetKeyByHash(t.Context(), registry.HashSecret(env.Token))
	if err != nil {
		t.Fatal(err)
	}
	if got := auditItems(t, env, "?principal="+admin.ID); len(got) != 5 {
		t.Errorf("by principal: %d entries", len(got))
	}
	now := env.Service.Now()
	if got := auditItems(t, env, "?from="+url.QueryEscape(now.Add(time.Hour).Format(time.RFC3339))); len(got) != 0 {
		t.Errorf("from the future: %d entries", len(got))
	}
	if got := auditItems(t, env, "?to="+now.Add(-24*time.Hour).Format(time.DateOnly)); len(got) != 0 {
		t.Errorf("to yesterday: %d entries", len(got))
	}
	if got := auditItems(t, env, "?from="+now.Format(time.DateOnly)+"&to="+now.Format(time.DateOnly)); len(got) != 5 {
		t.Errorf("today: %d entries", len(got))
	}
}

// TestAuditListRefusals: who may not read it, and bad parameters.
func TestAuditListRefusals(t *testing.T) {
	env := apitest.New(t)
	auditor := env.Key(t, registry.KeyRequest{Name: "审计", Role: registry.RoleAuditor})
	officer := env.Key(t, registry.KeyRequest{Name: "人才办", Role: registry.RoleOfficer, Area: "371302"})
	if rec := env.Do(t, "GET", "/v1/audit", nil, "Authorization", apitest.Bearer(auditor)); rec.Code != http.StatusOK {
		t.Errorf("auditor: %d", rec.Code)
	}
	if rec := env.Do(t, "GET", "/v1/audit", nil, "Authorization", apitest.Bearer(officer)); rec.Code != http.StatusForbidden {
		t.Errorf("officer: %d", rec.Code)
	}
	for q, field := range map[string]string{
		"?limit=0": "limit", "?limit=201": "limit", "?limit=x": "limit", "?cursor=xyz": "cursor",
		"?from=yesterday": "from", "?to=2026-13-01": "to", "?kind=talents": "kind", "?action=a&action=b": "action",
		"?record=": "record",
	} {
		rec := env.Do(t, "GET", "/v1/audit"+q, nil)
		p := apitest.Problem(t, rec)
		if rec.Code != http.StatusBadRequest || len(p.Errors) != 1 || p.Errors[0].Field != field {
			t.Errorf("%s: %d %+v, want a 400 naming %s", q, rec.Code, p, field)
		}
	}
}
