package api_test

import (
	"context"
	"encoding/json"
	"errors"
	"log/slog"
	"regexp"
	"strings"
	"testing"

	"talentd/api"
	"talentd/api/apitest"
	"talentd/registry"
)

var generatedID = regexp.MustCompile(`^req_[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[0-9a-f]{4}-[0-9a-f]{12}$`)

func TestRequestID(t *testing.T) {
	env := apitest.New(t)
	cases := []struct {
		name, sent string
		echoed     bool
	}{
		{"none", "", false},
		{"sane", "abc-DEF_123", true},
		{"64 characters", strings.Repeat("a", 64), true},
		{"65 characters", strings.Repeat("a", 65), false},
		{"space", "abc def", false},
		{"injection", "x\"}\n{", false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var headers []string
			if c.sent != "" {
				headers = []string{"X-Request-Id", c.sent}
			}
			rec := env.Do(t, "GET", "/v1/talents/nope", nil, headers...)
			got := rec.Header().Get("X-Request-Id")
			if c.echoed && got != c.sent || !c.echoed && !generatedID.MatchString(got) {
				t.Errorf("X-Request-Id %q for %q", got, c.sent)
			}
			if p := apitest.Problem(t, rec); p.Instance != got {
				t.Errorf("instance %q, want %q", p.Instance, got)
			}
		})
	}
}

// TestAccessLog checks one line per request with the route pattern and no
// personal number, name or query value.
func TestAccessLog(t *testing.T) {
	logs := &apitest.LogBuffer{}
	env := apitest.New(t, func(c *api.Config) { c.Logger = slog.New(slog.NewJSONHandler(logs, nil)) })
	idNumber := apitest.ResidentID(700)
	id, _ := env.Create(t, "talents", apitest.TalentBody(idNumber))
	env.Do(t, "GET", "/v1/talents?q=张伟&tier=C", nil)
	env.Do(t, "GET", "/v1/talents/"+id, nil, "X-Request-Id", "trace-1")
	env.Do(t, "POST", "/v1/talents", `{"id_doc":{"number":"`+idNumber+`"},"name":5}`)
	lines := logs.Lines(t)
	if len(lines) != 4 {
		t.Fatalf("%d log lines, want 4", len(lines))
	}
	wantRoutes := []string{"/v1/talents", "/v1/talents", "/v1/talents/:id", "/v1/talents"}
	wantStatus := []float64{201, 200, 200, 400}
	for i, l := range lines {
		if l["msg"] != "request" || l["route"] != wantRoutes[i] || l["status"] != wantStatus[i] ||
			l["method"] == nil || l["duration_ms"] == nil || l["bytes"].(float64) <= 0 || l["request_id"] == "" {
			t.Errorf("line %d: %v", i, l)
		}
	}
	if lines[2]["request_id"] != "trace-1" {
		t.Errorf("request id %v", lines[2]["request_id"])
	}
	all := logs.String()
	for _, secret := range []string{idNumber, "张伟", "13912345678", id} {
		if strings.Contains(all, secret) {
			t.Errorf("the log holds %q", secret)
		}
	}
}

// TestAuditGetsRequest checks that the audit trail learns the request id
// and the peer's address, never a forwarded one.
func TestAuditGetsRequest(t *testing.T) {
	env := apitest.New(t)
	rec := env.Do(t, "POST", "/v1/enclaves", apitest.EnclaveBody(), "X-Request-Id", "trace-audit", "X-Forwarded-For", "10.9.9.9")
	var created struct{ ID string }
	if err := json.Unmarshal(rec.Body.Bytes(), &created); err != nil || rec.Code != 201 {
		t.Fatalf("create: %d %s", rec.Code, rec.Body)
	}
	entries, err := env.Store.ListAudit(context.Background(), registry.AuditQuery{Record: created.ID})
	if err != nil || len(entries) != 1 {
		t.Fatalf("audit: %v %v", entries, err)
	}
	if e := entries[0]; e.RequestID != "trace-audit" || e.ClientIP != "192.0.2.1" || e.Action != "create" {
		t.Errorf("audit entry %+v", e)
	}
}

func TestHealthAndReadiness(t *testing.T) {
	natsDown := api.Check{Name: "nats", Check: func(context.Context) error { return errors.New("nats: no servers") }}
	env := apitest.New(t)
	down := apitest.New(t, func(c *api.Config) { c.Ready = append(c.Ready, natsDown) })

	if rec := env.Do(t, "GET", "/healthz", nil); rec.Code != 200 || rec.Body.String() != `{"status":"ok"}` {
		t.Errorf("healthz %d %s", rec.Code, rec.Body)
	}
	if rec := env.Do(t, "GET", "/readyz", nil); rec.Code != 200 {
		t.Errorf("readyz %d %s", rec.Code, rec.Body)
	}
	if rec := down.Do(t, "GET", "/healthz", nil); rec.Code != 200 {
		t.Errorf("healthz while not ready: %d", rec.Code)
	}
	rec := down.Do(t, "GET", "/readyz", nil, "Accept-Language", "en")
	p := apitest.Problem(t, rec)
	if rec.Code != 503 || len(p.Failing) != 1 || p.Failing[0] != "nats" || !strings.Contains(p.Detail, "nats") ||
		strings.Contains(rec.Body.String(), "no servers") {
		t.Errorf("readyz %d %+v", rec.Code, p)
	}
}

func TestLanguageAndRouting(t *testing.T) {
	env := apitest.New(t)
	body := apitest.TalentBody("110105194912310021")
	zhRec := env.Do(t, "POST", "/v1/talents", body)
	enRec := env.Do(t, "POST", "/v1/talents", body, "Accept-Language", "en-US,en;q=0.9")
	zh, en := apitest.Problem(t, zhRec), apitest.Problem(t, enRec)
	if zhRec.Header().Get("Content-Language") != "zh-CN" || enRec.Header().Get("Content-Language") != "en" {
		t.Errorf("Content-Language %q, %q", zhRec.Header().Get("Content-Language"), enRec.Header().Get("Content-Language"))
	}
	if zh.Title != "请求内容不合法" || zh.Detail != "1 个字段不合法" || zh.Errors[0].Message != "身份证号码校验位不正确" {
		t.Errorf("zh: %+v", zh)
	}
	if en.Title != "The request is invalid" || zh.Detail == en.Detail || en.Errors[0].Message != "has a wrong resident ID check character" {
		t.Errorf("en: %+v", en)
	}
	if zh.Type != "/problems/validation" || zh.Errors[0].Field != "id_doc.number" || zh.Errors[0].Code != "cn_id_checksum" {
		t.Errorf("problem: %+v", zh)
	}
	rec := env.Do(t, "DELETE", "/v1/talents", nil)
	if p := apitest.Problem(t, rec); rec.Code != 405 || p.Type != "/problems/method-not-allowed" || !strings.Contains(rec.Header().Get("Allow"), "GET") {
		t.Errorf("405: %d %v %+v", rec.Code, rec.Header(), p)
	}
	rec = env.Do(t, "GET", "/v1/talents/", nil)
	if p := apitest.Problem(t, rec); rec.Code != 404 || p.Type != "/problems/not-found" {
		t.Errorf("trailing slash: %d %+v", rec.Code, p)
	}
}
