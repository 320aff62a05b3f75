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
	c := apitest.Serve(t, env)
	auditor := env.Key(t, registry.KeyRequest{Name: "审计", Role: registry.RoleAuditor})
	created := c.Do("POST", "/v1/admin/keys", map[string]any{"name": "兰山区人才办", "role": "officer", "area": "371302",
		"expires_at": "2099-12-31T16:00:00Z"}).Expect(t, 201)
	c.Do("GET", "/v1/admin/keys", nil).Expect(t, 200)
	c.Do("DELETE", "/v1/admin/keys/"+created.Str("id"), nil).Expect(t, 200)
	// The admin's burst is spent: the next request is a 429.
	c.Do("GET", "/v1/audit", nil).Expect(t, 429)

	c.Token = auditor
	page := c.Do("GET", "/v1/audit?limit=1", nil).Expect(t, 200)
	c.Do("GET", "/v1/audit?cursor="+url.QueryEscape(page.Str("next_cursor")), nil).Expect(t, 200)
	c.Do("POST", "/v1/talents", apitest.TalentBody(apitest.ResidentID(3))).Expect(t, 403)
	c.Token = created.Str("key")
	c.Do("GET", "/v1/talents", nil).Expect(t, 401)
	c.Do("GET", "/v1/talents", nil, "Authorization", "").Expect(t, 401)
}

// TestEndToEndReveal: a masked read and an admin's reveal both match the
// document.
func TestEndToEndReveal(t *testing.T) {
	env := apitest.New(t)
	c := apitest.Serve(t, env)
	tid := c.Do("POST", "/v1/talents", apitest.TalentBody(apitest.ResidentID(4))).Expect(t, 201).Str("id")
	c.Do("GET", "/v1/talents/"+tid, nil).Expect(t, 200)
	c.Do("GET", "/v1/talents/"+tid+"?reveal=pii", nil).Expect(t, 200)
	c.Do("GET", "/v1/talents/"+tid+"?reveal=yes", nil).Expect(t, 400)
	c.Do("GET", "/metrics", nil, "Authorization", "").Expect(t, 200)
}
