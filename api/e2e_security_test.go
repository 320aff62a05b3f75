package api_test

import (
	"net/url"
	"testing"

	"talentd/api"
	"talentd/api/apitest"
	"talentd/registry"
)

// TestEndToEndSecurityRoutes exercises the key, audit and reveal routes
// and the 401, 403 and 429 answers over TCP; every response is checked
// against openapi.json.
func TestEndToEndSecurityRoutes(t *testing.T) {
	env := apitest.New(t, func(c *api.Config) { c.RateLimit = api.RateLimit{PerSecond: 0.01, Burst: 3} })
	c := serve(t, env)
	auditor := env.Key(t, registry.KeyRequest{Name: "审计", Role: registry.RoleAuditor})
	created := c.do("POST", "/v1/admin/keys", map[string]any{"name": "兰山区人才办", "role": "officer", "area": "371302",
		"expires_at": "2099-12-31T16:00:00Z"}).expect(t, 201)
	c.do("GET", "/v1/admin/keys", nil).expect(t, 200)
	c.do("DELETE", "/v1/admin/keys/"+created.str("id"), nil).expect(t, 200)
	// The admin's burst is spent: the next request is a 429.
	c.do("GET", "/v1/audit", nil).expect(t, 429)

	c.token = auditor
	page := c.do("GET", "/v1/audit?limit=1", nil).expect(t, 200)
	c.do("GET", "/v1/audit?cursor="+url.QueryEscape(page.str("next_cursor")), nil).expect(t, 200)
	c.do("POST", "/v1/talents", apitest.TalentBody(apitest.ResidentID(3))).expect(t, 403)
	c.token = created.str("key")
	c.do("GET", "/v1/talents", nil).expect(t, 401)
	c.do("GET", "/v1/talents", nil, "Authorization", "").expect(t, 401)
}

// TestEndToEndReveal: a masked read and an admin's reveal both match the
// document.
func TestEndToEndReveal(t *testing.T) {
	env := apitest.New(t)
	c := serve(t, env)
	tid := c.do("POST", "/v1/talents", apitest.TalentBody(apitest.ResidentID(4))).expect(t, 201).str("id")
	c.do("GET", "/v1/talents/"+tid, nil).expect(t, 200)
	c.do("GET", "/v1/talents/"+tid+"?reveal=pii", nil).expect(t, 200)
	c.do("GET", "/v1/talents/"+tid+"?reveal=yes", nil).expect(t, 400)
	c.do("GET", "/metrics", nil, "Authorization", "").expect(t, 200)
}
