package api_test

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"talentd/api"
	"talentd/api/apitest"
	"talentd/registry"
)

// TestUnauthenticatedRequests: every way of not holding an active key is
// the same 401 problem, which does not say which check failed.
func TestUnauthenticatedRequests(t *testing.T) {
	env := apitest.New(t)
	past := env.Service.Now().Add(-time.Hour)
	expired := env.Key(t, registry.KeyRequest{Name: "旧", Role: registry.RoleAdmin, ExpiresAt: &past})
	revoked := env.Key(t, registry.KeyRequest{Name: "撤销", Role: registry.RoleAdmin})
	revokeBySecret(t, env, revoked)
	unknown, _ := registry.NewAPIKeySecret()
	cases := []struct{ name, header string }{
		{"missing", ""},
		{"empty bearer", "Bearer "},
		{"basic scheme", "Basic dXNlcjpwYXNz"},
		{"no space", "Bearer" + env.Token},
		{"two spaces", "Bearer  " + env.Token},
		{"too short", "Bearer tk_short"},
		{"bad characters", "Bearer " + strings.Repeat("é", 40)},
		{"too long", "Bearer " + strings.Repeat("a", registry.MaxSecretLen+1)},
		{"unknown", apitest.Bearer(unknown)},
		{"revoked", apitest.Bearer(revoked)},
		{"expired", apitest.Bearer(expired)},
	}
	var detail string
	for _, c := range cases {
		rec := env.Do(t, "GET", "/v1/talents", nil, "Authorization", c.header)
		p := apitest.Problem(t, rec)
		if rec.Code != http.StatusUnauthorized || p.Type != "/problems/unauthenticated" ||
			rec.Header().Get("WWW-Authenticate") != `Bearer realm="talentd"` {
			t.Errorf("%s: %d %+v %q", c.name, rec.Code, p, rec.Header().Get("WWW-Authenticate"))
		}
		if detail == "" {
			detail = p.Detail
		}
		if p.Detail != detail {
			t.Errorf("%s: detail %q differs from %q", c.name, p.Detail, detail)
		}
	}
	// Two Authorization headers, one of them valid, are refused too.
	req := httptest.NewRequest("GET", "/v1/talents", nil)
	req.Header.Add("Authorization", apitest.Bearer(env.Token))
	req.Header.Add("Authorization", apitest.Bearer(unknown))
	rec := httptest.NewRecorder()
	env.Handler.ServeHTTP(rec, req)
	if rec.Code != http.StatusUnauthorized {
		t.Errorf("two Authorization headers: %d", rec.Code)
	}
}

// TestOpenRoutesNeedNoKey: probes, metrics and the document stay open.
func TestOpenRoutesNeedNoKey(t *testing.T) {
	env := apitest.New(t)
	for _, path := range []string{"/healthz", "/readyz", "/metrics", "/openapi.json"} {
		if rec := env.Do(t, "GET", path, nil, "Authorization", ""); rec.Code != http.StatusOK {
			t.Errorf("GET %s without a key: %d", path, rec.Code)
		}
	}
}

// TestRevocationHoldsOnTheNextRequest: a key revoked through the admin API
// is refused by the very next request it makes.
func TestRevocationHoldsOnTheNextRequest(t *testing.T) {
	env := apitest.New(t)
	created := env.Do(t, "POST", "/v1/admin/keys", map[string]any{"name": "兰山区人才办", "role": "officer", "area": "371302"})
	if created.Code != http.StatusCreated {
		t.Fatalf("create key: %d %s", created.Code, created.Body)
	}
	var k struct{ ID, Key string }
	decode(t, created.Body.Bytes(), &k)
	if rec := env.Do(t, "GET", "/v1/talents", nil, "Authorization", apitest.Bearer(k.Key)); rec.Code != http.StatusOK {
		t.Fatalf("new key: %d", rec.Code)
	}
	if rec := env.Do(t, "DELETE", "/v1/admin/keys/"+k.ID, nil); rec.Code != http.StatusOK {
		t.Fatalf("revoke: %d %s", rec.Code, rec.Body)
	}
	if rec := env.Do(t, "GET", "/v1/talents", nil, "Authorization", apitest.Bearer(k.Key)); rec.Code != http.StatusUnauthorized {
		t.Errorf("revoked key's next request: %d", rec.Code)
	}
}

// TestNoKeyStoreRefusesEverything: an API wired without keys lets no /v1
// request through.
func TestNoKeyStoreRefusesEverything(t *testing.T) {
	env := apitest.New(t)
	h := api.New(api.Config{Service: registry.NewService(registry.ServiceConfig{Store: storeOnly{env.Store}})})
	rec := httptest.NewRecorder()
	req := httptest.NewRequest("GET", "/v1/talents", nil)
	req.Header.Set("Authorization", apitest.Bearer(env.Token))
	h.ServeHTTP(rec, req)
	if rec.Code != http.StatusUnauthorized {
		t.Errorf("without a key store: %d", rec.Code)
	}
}

// storeOnly hides every interface of a store but registry.Store.
type storeOnly struct{ registry.Store }

// revokeBySecret revokes the key whose secret is given, straight in the
// store.
func revokeBySecret(t *testing.T, env *apitest.Env, secret string) {
	t.Helper()
	k, err := env.Store.GetKeyByHash(t.Context(), registry.HashSecret(secret))
	if err == nil {
		_, err = env.Store.RevokeKey(t.Context(), k.ID, env.Service.Now())
	}
	if err != nil {
		t.Fatal(err)
	}
}

// decode reads a JSON body into v, failing the test if it cannot.
func decode(t *testing.T, body []byte, v any) {
	t.Helper()
	if err := json.Unmarshal(body, v); err != nil {
		t.Fatalf("decode %s: %v", body, err)
	}
}
