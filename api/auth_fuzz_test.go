package api_test

import (
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"talentd/api"
	"talentd/api/apitest"
)

// FuzzAuthorizationHeader sends arbitrary Authorization values through the
// whole handler: only the admin's own header is let in; everything else
// is a 401 problem that never echoes the header, and nothing is a 5xx.
func FuzzAuthorizationHeader(f *testing.F) {
	env := apitest.New(f, func(c *api.Config) { c.Logger = slog.New(slog.NewJSONHandler(io.Discard, nil)) })
	valid := apitest.Bearer(env.Token)
	for _, seed := range []string{"", valid, "bearer " + env.Token, "Bearer", "Bearer ", "Basic YWxhZGRpbjpvcGVuc2VzYW1l",
		"Bearer " + strings.Repeat("A", 31), "Bearer " + strings.Repeat("A", 257), "Bearer " + env.Token + "=",
		"Bearer " + env.Token + " ", "Bearer\t" + env.Token, "Bearer " + env.Token[:len(env.Token)-1] + "\x00"} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, header string) {
		req := httptest.NewRequest("GET", "/v1/talents?limit=1", nil)
		req.Header["Authorization"] = []string{header}
		rec := httptest.NewRecorder()
		env.Handler.ServeHTTP(rec, req)
		switch {
		case strings.EqualFold(header[:min(len(header), 7)], "Bearer ") && header[min(len(header), 7):] == env.Token:
			if rec.Code != http.StatusOK {
				t.Fatalf("the admin key: %d", rec.Code)
			}
		case rec.Code != http.StatusUnauthorized:
			t.Fatalf("%q: %d %s", header, rec.Code, rec.Body)
		case len(header) >= 8 && strings.Contains(rec.Body.String(), header):
			t.Fatalf("the 401 echoes the header %q", header)
		}
	})
}
