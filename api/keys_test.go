package api_test

import (
	"net/http"
	"strings"
	"testing"

	"talentd/api/apitest"
	"talentd/registry"
)

// TestAdminKeys: create shows the secret once; the listing shows what
// tells keys apart and never a secret or hash; revoke is idempotent; each
// change is audited once.
func TestAdminKeys(t *testing.T) {
	env := apitest.New(t)
	enc := createID(t, env, "enclaves", apitest.EnclaveBody())
	rec := env.Do(t, "POST", "/v1/admin/keys", map[string]any{
		"name": "飞地运营方", "role": "enclave", "enclave_id": enc, "expires_at": "2099-01-01T00:00:00Z"})
	if rec.Code != http.StatusCreated {
		t.Fatalf("create: %d %s", rec.Code, rec.Body)
	}
	var created struct {
		ID, Key, Role, Prefix string
		EnclaveID             string `json:"enclave_id"`
		Active                bool
	}
	decode(t, rec.Body.Bytes(), &created)
	if !registry.ValidID("key", created.ID) || !strings.HasPrefix(created.Key, created.Prefix) || created.Role != "enclave" ||
		created.EnclaveID != enc || !created.Active {
		t.Errorf("created %+v", created)
	}
	if r := env.Do(t, "GET", "/v1/enclaves/"+enc, nil, "Authorization", apitest.Bearer(created.Key)); r.Code != http.StatusOK {
		t.Errorf("the new key reads its enclave: %d", r.Code)
	}
	list := env.Do(t, "GET", "/v1/admin/keys", nil)
	hash := registry.HashSecret(created.Key)
	if list.Code != http.StatusOK || strings.Contains(list.Body.String(), created.Key) || strings.Contains(list.Body.String(), hash) ||
		!strings.Contains(list.Body.String(), created.ID) || strings.Contains(list.Body.String(), `"hash"`) {
		t.Errorf("list: %d %s", list.Code, list.Body)
	}
	for range 2 {
		r := env.Do(t, "DELETE", "/v1/admin/keys/"+created.ID, nil)
		if r.Code != http.StatusOK || !strings.Contains(r.Body.String(), `"revoked_at"`) || !strings.Contains(r.Body.String(), `"active":false`) {
			t.Errorf("revoke: %d %s", r.Code, r.Body)
		}
	}
	for action, want := range map[string]int{"keys:create": 1, "keys:revoke": 1} {
		entries := auditItems(t, env, "?action="+action+"&record="+created.ID)
		if len(entries) != want {
			t.Errorf("%s audited %d times, want %d", action, len(entries), want)
		}
	}
}

// TestAdminKeyRequestsRefused: bad requests are 400s naming the field,
// and none of them leaves a key behind.
func TestAdminKeyRequestsRefused(t *testing.T) {
	env := apitest.New(t)
	cases := []struct {
		name  string
		body  any
		field string
	}{
		{"no name", map[string]any{"role": "admin"}, "name"},
		{"unknown role", map[string]any{"name": "x", "role": "root"}, "role"},
		{"system role", map[string]any{"name": "x", "role": "system"}, "role"},
		{"officer without area", map[string]any{"name": "x", "role": "officer"}, "area"},
		{"officer of an unknown area", map[string]any{"name": "x", "role": "officer", "area": "110101"}, "area"},
		{"area on an admin", map[string]any{"name": "x", "role": "admin", "area": "371302"}, "area"},
		{"enclave key without an enclave", map[string]any{"name": "x", "role": "enclave"}, "enclave_id"},
		{"enclave that does not exist", map[string]any{"name": "x", "role": "enclave", "enclave_id": "enc_0190a4d4-0000-7000-8000-000000000001"}, "enclave_id"},
		{"expiry in the past", map[string]any{"name": "x", "role": "admin", "expires_at": "2001-01-01T00:00:00Z"}, "expires_at"},
		{"expiry not a time", map[string]any{"name": "x", "role": "admin", "expires_at": "tomorrow"}, "expires_at"},
		{"unknown field", map[string]any{"name": "x", "role": "admin", "hash": "00"}, "hash"},
		{"wrong type", map[string]any{"name": 7, "role": "admin"}, "name"},
	}
	for _, c := range cases {
		rec := env.Do(t, "POST", "/v1/admin/keys", c.body)
		p := apitest.Problem(t, rec)
		if rec.Code != http.StatusBadRequest || len(p.Errors) == 0 || p.Errors[0].Field != c.field {
			t.Errorf("%s: %d %+v, want a 400 naming %s", c.name, rec.Code, p, c.field)
		}
	}
	for _, path := range []string{"/v1/admin/keys/nope", "/v1/admin/keys/tal_0190a4d4-0000-7000-8000-000000000001"} {
		if rec := env.Do(t, "DELETE", path, nil); rec.Code != http.StatusBadRequest {
			t.Errorf("DELETE %s: %d", path, rec.Code)
		}
	}
	if rec := env.Do(t, "DELETE", "/v1/admin/keys/key_0190a4d4-0000-7000-8000-000000000001", nil); rec.Code != http.StatusNotFound {
		t.Errorf("revoke an unknown key: %d", rec.Code)
	}
	if n, err := env.Store.CountKeys(t.Context()); err != nil || n != 1 {
		t.Errorf("%d keys after refused requests, want only the test admin's (%v)", n, err)
	}
}

// createID posts a record as admin and returns its id.
func createID(t *testing.T, env *apitest.Env, kind string, body any) string {
	t.Helper()
	id, _ := env.Create(t, registry.Kind(kind), body)
	return id
}
