package api

import (
	"context"
	"io"
	"log/slog"
	"net/http"
	"time"

	"github.com/gin-gonic/gin"
	"github.com/prometheus/client_golang/prometheus"

	"talentd/registry"
)

// DefaultMaxBody is the largest request body accepted when Config.MaxBody
// is zero: 1 MiB.
const DefaultMaxBody = 1 << 20

// Config wires the API. Service is required; the zero value of every other
// field works.
type Config struct {
	Service *registry.Service
	// Logger receives one structured line per request; nil discards.
	Logger *slog.Logger
	// Ready are the readiness checks /readyz runs (the store, NATS, …).
	Ready []Check
	// MaxBody limits request bodies, in bytes; 0 means DefaultMaxBody.
	MaxBody int64
	// Areas are the area codes records may carry (list filter and OpenAPI
	// enum); empty means registry.DefaultAreas, as for the validator.
	Areas []string
	// Keys are the API keys /v1 requests authenticate with, read on every
	// request (so a revocation holds at once). Nil means the Service's
	// store if it keeps keys; with none, every /v1 request is a 401.
	Keys registry.KeyStore
	// Audit is the trail GET /v1/audit reads; nil means the Service's
	// store if it keeps one.
	Audit registry.AuditLog
	// RateLimit limits the requests of each API key; the zero value does
	// not limit.
	RateLimit RateLimit
	// CORSOrigins are the exact origins (scheme://host[:port]) whose pages
	// may call the API from a browser; empty leaves CORS off.
	CORSOrigins []string
	// Metrics receives the request metrics /metrics serves; nil makes a
	// registry of the API's own, with the Go and process collectors.
	Metrics *prometheus.Registry
	// DeadLetters is the queue /v1/admin/dead-letters lists and replays;
	// nil answers those routes 503.
	DeadLetters DeadLetters
}

// RateLimit is a token bucket per API key: Burst requests at once, refilled
// at PerSecond. PerSecond 0 means no limit; Burst below 1 means PerSecond
// rounded up (at least 1).
type RateLimit struct {
	PerSecond float64
	Burst     int
}

// Check is one readiness check: Check returns nil when Name is usable.
type Check struct {
	Name  string
	Check func(ctx context.Context) error
}

// StoreCheck is the readiness check of a registry store: its Ping.
func StoreCheck(s registry.Store) Check {
	return Check{Name: "store", Check: s.Ping}
}

// server holds what the handlers share.
type server struct {
	svc     *registry.Service
	log     *slog.Logger
	ready   []Check
	maxBody int64
	areas   []string
	openapi []byte
	keys    registry.KeyStore
	audit   registry.AuditLog
	limiter *limiter // nil: no rate limit
	origins []string
	metrics *metrics
	// deadLetters is nil when talentd has none wired.
	deadLetters DeadLetters
}

// New returns the API's http.Handler.
func New(cfg Config) http.Handler {
	s := newServer(cfg)
	gin.SetMode(gin.ReleaseMode)
	e := gin.New()
	e.HandleMethodNotAllowed = true
	e.RedirectTrailingSlash = false
	e.RedirectFixedPath = false
	e.ContextWithFallback = true
	_ = e.SetTrustedProxies(nil) // the client address is the peer's, never a forwarded header
	e.Use(s.requestID, s.logRequests, s.metrics.observe, s.recoverPanic, secureHeaders)
	if len(s.origins) > 0 {
		e.Use(s.cors)
	}
	s.routes(e)
	e.NoRoute(s.noRoute)
	e.NoMethod(s.noMethod)
	return e
}

func newServer(cfg Config) *server {
	s := &server{svc: cfg.Service, log: cfg.Logger, ready: cfg.Ready, maxBody: cfg.MaxBody, areas: cfg.Areas}
	if s.log == nil {
		s.log = slog.New(slog.NewJSONHandler(io.Discard, nil))
	}
	if s.maxBody <= 0 {
		s.maxBody = DefaultMaxBody
	}
	if len(s.areas) == 0 {
		s.areas = registry.AreaCodes(registry.DefaultAreas)
	}
	s.openapi = mustJSON(openAPIDocument(s.areas))
	s.keys, s.audit = cfg.Keys, cfg.Audit
	if cfg.Service != nil {
		if k, ok := cfg.Service.Store().(registry.KeyStore); ok && s.keys == nil {
			s.keys = k
		}
		if a, ok := cfg.Service.Store().(registry.AuditLog); ok && s.audit == nil {
			s.audit = a
		}
	}
	s.limiter = newLimiter(cfg.RateLimit, time.Now)
	s.origins = cfg.CORSOrigins
	s.metrics = newMetrics(cfg.Metrics)
	s.deadLetters = cfg.DeadLetters
	return s
}
