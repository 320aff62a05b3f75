package api_test

import (
	"net/http"
	"strconv"
	"testing"

	"talentd/api"
	"talentd/api/apitest"
	"talentd/registry"
)

// TestRateLimitPerKey: a key over its burst gets a 429 problem with
// Retry-After; another key's budget is its own.
func TestRateLimitPerKey(t *testing.T) {
	env := apitest.New(t, func(c *api.Config) { c.RateLimit = api.RateLimit{PerSecond: 0.01, Burst: 3} })
	for i := range 3 {
		if rec := env.Do(t, "GET", "/v1/talents", nil); rec.Code != http.StatusOK {
			t.Fatalf("request %d within the burst: %d", i+1, rec.Code)
		}
	}
	rec := env.Do(t, "GET", "/v1/talents", nil)
	p := apitest.Problem(t, rec)
	retry, err := strconv.Atoi(rec.Header().Get("Retry-After"))
	if rec.Code != http.StatusTooManyRequests || p.Type != "/problems/rate-limited" || err != nil || retry < 1 || retry > 100 {
		t.Errorf("over the burst: %d %+v Retry-After %q", rec.Code, p, rec.Header().Get("Retry-After"))
	}
	other := env.Key(t, registry.KeyRequest{Name: "审计", Role: registry.RoleAuditor})
	if rec := env.Do(t, "GET", "/v1/talents", nil, "Authorization", apitest.Bearer(other)); rec.Code != http.StatusOK {
		t.Errorf("another key: %d", rec.Code)
	}
	// Unauthenticated requests and open routes do not spend a key's budget.
	if rec := env.Do(t, "GET", "/healthz", nil); rec.Code != http.StatusOK {
		t.Errorf("/healthz under a spent key: %d", rec.Code)
	}
}
