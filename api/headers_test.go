package api_test

import (
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"talentd/api"
	"talentd/api/apitest"
)

func TestSecurityHeaders(t *testing.T) {
	env := apitest.New(t)
	always := map[string]string{
		"X-Content-Type-Options":  "nosniff",
		"X-Frame-Options":         "DENY",
		"Referrer-Policy":         "no-referrer",
		"Content-Security-Policy": "default-src 'none'; frame-ancestors 'none'",
	}
	for _, path := range []string{"/healthz", "/v1/talents", "/v1/nowhere", "/openapi.json"} {
		rec := env.Do(t, "GET", path, nil)
		for h, want := range always {
			if got := rec.Header().Get(h); got != want {
				t.Errorf("%s %s = %q, want %q", path, h, got, want)
			}
		}
		noStore := rec.Header().Get("Cache-Control") == "no-store"
		if noStore != strings.HasPrefix(path, "/v1/") {
			t.Errorf("%s Cache-Control %q", path, rec.Header().Get("Cache-Control"))
		}
		if rec.Header().Get("Strict-Transport-Security") != "" {
			t.Errorf("%s sends HSTS over plain HTTP", path)
		}
	}
	// Unauthenticated /v1 answers carry them too.
	if rec := env.Do(t, "GET", "/v1/talents", nil, "Authorization", ""); rec.Header().Get("Cache-Control") != "no-store" ||
		rec.Header().Get("X-Content-Type-Options") != "nosniff" {
		t.Errorf("401 headers %v", rec.Header())
	}
}

func TestHSTSOnlyUnderTLS(t *testing.T) {
	env := apitest.New(t)
	srv := httptest.NewTLSServer(env.Handler)
	defer srv.Close()
	res, err := srv.Client().Get(srv.URL + "/healthz")
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	if got := res.Header.Get("Strict-Transport-Security"); got != "max-age=31536000" {
		t.Errorf("HSTS under TLS %q", got)
	}
}

func TestCORSOffByDefault(t *testing.T) {
	env := apitest.New(t)
	rec := env.Do(t, "GET", "/v1/talents", nil, "Origin", "https://evil.example")
	if rec.Header().Get("Access-Control-Allow-Origin") != "" {
		t.Errorf("CORS answered without configured origins")
	}
	pre := env.Do(t, "OPTIONS", "/v1/talents", nil, "Origin", "https://evil.example", "Access-Control-Request-Method", "POST")
	if pre.Code == http.StatusNoContent || pre.Header().Get("Access-Control-Allow-Origin") != "" {
		t.Errorf("preflight without configured origins: %d %v", pre.Code, pre.Header())
	}
}

func TestCORSAllowList(t *testing.T) {
	const app = "https://talent.linyi.gov.cn"
	env := apitest.New(t, func(c *api.Config) { c.CORSOrigins = []string{app} })
	pre := env.Do(t, "OPTIONS", "/v1/talents", nil, "Authorization", "", "Origin", app,
		"Access-Control-Request-Method", "PATCH", "Access-Control-Request-Headers", "authorization, if-match")
	h := pre.Header()
	if pre.Code != http.StatusNoContent || h.Get("Access-Control-Allow-Origin") != app ||
		!strings.Contains(h.Get("Access-Control-Allow-Methods"), "PATCH") ||
		!strings.Contains(h.Get("Access-Control-Allow-Headers"), "Authorization") ||
		h.Get("Access-Control-Allow-Credentials") != "" {
		t.Errorf("preflight from %s: %d %v", app, pre.Code, h)
	}
	rec := env.Do(t, "GET", "/v1/talents", nil, "Origin", app)
	if rec.Code != http.StatusOK || rec.Header().Get("Access-Control-Allow-Origin") != app ||
		!strings.Contains(rec.Header().Get("Access-Control-Expose-Headers"), "ETag") {
		t.Errorf("request from %s: %d %v", app, rec.Code, rec.Header())
	}
	for _, origin := range []string{"https://evil.example", app + ".evil.example", "http://talent.linyi.gov.cn"} {
		pre := env.Do(t, "OPTIONS", "/v1/talents", nil, "Origin", origin, "Access-Control-Request-Method", "GET")
		rec := env.Do(t, "GET", "/v1/talents", nil, "Origin", origin)
		if pre.Header().Get("Access-Control-Allow-Origin") != "" || rec.Header().Get("Access-Control-Allow-Origin") != "" {
			t.Errorf("origin %s allowed", origin)
		}
	}
}

// TestMetrics: /metrics counts requests by route pattern, never by path.
func TestMetrics(t *testing.T) {
	env := apitest.New(t)
	id := createID(t, env, "talents", apitest.TalentBody(apitest.ResidentID(77)))
	env.Do(t, "GET", "/v1/talents/"+id, nil)
	env.Do(t, "GET", "/v1/talents/"+id, nil, "Authorization", "")
	env.Do(t, "BREW", "/v1/talents", nil)
	res := env.Do(t, "GET", "/metrics", nil, "Authorization", "")
	body, _ := io.ReadAll(res.Body)
	text := string(body)
	for _, want := range []string{
		`talentd_http_requests_total{method="GET",route="/v1/talents/:id",status="200"} 1`,
		`talentd_http_requests_total{method="GET",route="/v1/talents/:id",status="401"} 1`,
		`talentd_http_requests_total{method="OTHER",route="unmatched",status="405"} 1`,
		`talentd_http_request_duration_seconds_bucket{method="POST",route="/v1/talents",le="+Inf"} 1`,
		`talentd_records_created_total{kind="talents"} 1`,
		`talentd_http_auth_failures_total 1`,
		`go_goroutines`,
	} {
		if !strings.Contains(text, want) {
			t.Errorf("/metrics lacks %s", want)
		}
	}
	if strings.Contains(text, id) || strings.Contains(text, apitest.ResidentID(77)) {
		t.Error("/metrics holds a record id or a personal number")
	}
}
