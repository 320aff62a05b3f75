package api_test

import (
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"testing"

	"talentd/api"
	"talentd/api/apitest"
	"talentd/registry"
)

// BenchmarkGetTalentAuthenticated is GET /v1/talents/{id} end to end in
// process: key look-up, rate limit, read, masking, JSON.
func BenchmarkGetTalentAuthenticated(b *testing.B) {
	env := apitest.New(b, func(c *api.Config) {
		c.Logger = slog.New(slog.NewJSONHandler(io.Discard, nil))
		c.RateLimit = api.RateLimit{PerSecond: 1e9, Burst: 1 << 30}
	})
	id, _ := env.Create(b, registry.KindTalent, apitest.TalentBody(apitest.ResidentID(1)))
	req := httptest.NewRequest("GET", "/v1/talents/"+id, nil)
	req.Header.Set("Authorization", apitest.Bearer(env.Token))
	b.ReportAllocs()
	for b.Loop() {
		rec := httptest.NewRecorder()
		env.Handler.ServeHTTP(rec, req)
		if rec.Code != http.StatusOK {
			b.Fatalf("%d", rec.Code)
		}
	}
}

// BenchmarkAuthenticate is the per-request key look-up on SQLite alone.
func BenchmarkAuthenticate(b *testing.B) {
	env := apitest.New(b)
	header := apitest.Bearer(env.Token)
	now := env.Service.Now()
	b.ReportAllocs()
	for b.Loop() {
		if _, _, err := registry.Authenticate(b.Context(), env.Store, header, now); err != nil {
			b.Fatal(err)
		}
	}
}
