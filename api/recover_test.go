package api

import (
	"bytes"
	"log/slog"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/gin-gonic/gin"
)

// TestRecoverPanic checks that a panic becomes a 500 problem that says
// nothing internal, and that the log has the stack but not the value.
func TestRecoverPanic(t *testing.T) {
	var logs bytes.Buffer
	s := newServer(Config{Logger: slog.New(slog.NewJSONHandler(&logs, nil))})
	gin.SetMode(gin.ReleaseMode)
	e := gin.New()
	e.Use(s.requestID, s.logRequests, s.recoverPanic)
	const secret = "11010519491231002X"
	e.GET("/boom", func(*gin.Context) { panic("cannot seal " + secret) })
	rec := httptest.NewRecorder()
	e.ServeHTTP(rec, httptest.NewRequest("GET", "/boom", nil))
	body := rec.Body.String()
	if rec.Code != 500 || rec.Header().Get("Content-Type") != ContentTypeProblem ||
		!strings.Contains(body, `"type":"/problems/internal"`) || strings.Contains(body, "seal") {
		t.Errorf("response %d %s", rec.Code, body)
	}
	log := logs.String()
	if strings.Contains(log, secret) || !strings.Contains(log, `"panic_type":"string"`) ||
		!strings.Contains(log, "recover_test.go") || !strings.Contains(log, `"status":500`) {
		t.Errorf("log %s", log)
	}
}
