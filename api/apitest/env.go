package apitest

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"testing"

	"talentd/api"
	"talentd/registry"
	"talentd/registry/pii"
	"talentd/registry/registrytest"
	"talentd/registry/sqlite"
)

// Env is the API over a real Service.
type Env struct {
	Service *registry.Service
	Store   *sqlite.Store
	Handler http.Handler
	Dir     string   // the store's and keyring's directory
	Areas   []string // the areas the validator and the API accept
	// Token is the secret of an admin key that Do sends unless told
	// otherwise.
	Token string
}

// New builds an Env in t.TempDir(); opts may adjust the api.Config before
// the handler is built. The store closes when the test ends.
func New(t testing.TB, opts ...func(*api.Config)) *Env {
	t.Helper()
	dir := t.TempDir()
	store := registrytest.SQLite(t, dir)
	keys, err := pii.LoadOrCreate(dir, "")
	if err != nil {
		t.Fatalf("apitest: keyring: %v", err)
	}
	areas := registry.AreaCodes(registry.DefaultAreas)
	svc := registry.NewService(registry.ServiceConfig{Store: store, Checker: registry.NewValidator(areas), Protector: keys, Audit: store})
	cfg := api.Config{Service: svc, Ready: []api.Check{api.StoreCheck(store)}, Areas: areas,
		Logger: slog.New(slog.NewJSONHandler(testWriter{t}, nil))}
	for _, o := range opts {
		o(&cfg)
	}
	env := &Env{Service: svc, Store: store, Handler: api.New(cfg), Dir: dir, Areas: areas}
	env.Token = env.Key(t, registry.KeyRequest{Name: "test admin", Role: registry.RoleAdmin})
	return env
}

// Key stores a new API key for req, straight in the store, and returns its
// secret.
func (e *Env) Key(t testing.TB, req registry.KeyRequest) string {
	t.Helper()
	k, secret := registry.NewAPIKey(req, "test", e.Service.Now(), registry.UUIDv7{})
	if err := e.Store.CreateKey(context.Background(), k); err != nil {
		t.Fatalf("apitest: create key: %v", err)
	}
	return secret
}

// Bearer is the Authorization header value of a secret.
func Bearer(secret string) string { return "Bearer " + secret }

// Do sends a request to the handler. body is nil, a string or []byte (sent
// as is) or any other value (sent as JSON). headers are name, value pairs;
// Content-Type defaults to application/json when there is a body, and
// Authorization to the admin key (Env.Token); an empty value sends no
// such header.
func (e *Env) Do(t testing.TB, method, path string, body any, headers ...string) *httptest.ResponseRecorder {
	t.Helper()
	req := httptest.NewRequest(method, path, bodyReader(t, body))
	setHeaders(req, body != nil, e.Token, headers)
	rec := httptest.NewRecorder()
	e.Handler.ServeHTTP(rec, req)
	return rec
}

// setHeaders sets what Env.Do and Client.Do send: Content-Type
// application/json when there is a body, token as the bearer key, then
// headers as name, value pairs, an empty value dropping that header.
func setHeaders(req *http.Request, hasBody bool, token string, headers []string) {
	if hasBody {
		req.Header.Set("Content-Type", "application/json")
	}
	req.Header.Set("Authorization", Bearer(token))
	for i := 0; i+1 < len(headers); i += 2 {
		req.Header.Set(headers[i], headers[i+1])
		if headers[i+1] == "" {
			req.Header.Del(headers[i])
		}
	}
}

// bodyReader reads body: nil (none), a string or []byte (sent as is) or
// any other value (sent as JSON).
func bodyReader(t testing.TB, body any) io.Reader {
	switch b := body.(type) {
	case nil:
		return nil
	case string:
		return bytes.NewReader([]byte(b))
	case []byte:
		return bytes.NewReader(b)
	}
	j, err := json.Marshal(body)
	if err != nil {
		t.Fatalf("apitest: encode body: %v", err)
	}
	return bytes.NewReader(j)
}

// Create posts a record and returns its id and ETag; anything but a 201
// fails the test.
func (e *Env) Create(t testing.TB, kind registry.Kind, body any) (id, etag string) {
	t.Helper()
	rec := e.Do(t, http.MethodPost, "/v1/"+string(kind), body)
	if rec.Code != http.StatusCreated {
		t.Fatalf("apitest: create %s: %d %s", kind, rec.Code, rec.Body.String())
	}
	var out struct{ ID string }
	if err := json.Unmarshal(rec.Body.Bytes(), &out); err != nil || out.ID == "" {
		t.Fatalf("apitest: create %s: no id in %s", kind, rec.Body.String())
	}
	return out.ID, rec.Header().Get("ETag")
}

// Count is how many records of the kind the store holds.
func (e *Env) Count(t testing.TB, kind registry.Kind) int {
	t.Helper()
	n, err := e.Store.Count(context.Background(), registry.Query{Kind: kind})
	if err != nil {
		t.Fatalf("apitest: count %s: %v", kind, err)
	}
	return n
}

// Problem decodes a problem+json response, failing the test if the
// response is not one.
func Problem(t testing.TB, rec *httptest.ResponseRecorder) api.Problem {
	t.Helper()
	if ct := rec.Header().Get("Content-Type"); ct != api.ContentTypeProblem {
		t.Fatalf("apitest: Content-Type %q, want %q (status %d, body %s)", ct, api.ContentTypeProblem, rec.Code, rec.Body.String())
	}
	var p api.Problem
	if err := json.Unmarshal(rec.Body.Bytes(), &p); err != nil {
		t.Fatalf("apitest: decode problem: %v", err)
	}
	return p
}

// testWriter sends log lines to the test's log, shown when it fails.
type testWriter struct{ t testing.TB }

func (w testWriter) Write(p []byte) (int, error) {
	w.t.Log(string(bytes.TrimRight(p, "\n")))
	return len(p), nil
}
