package api

import (
	"context"
	"io"
	"log/slog"
	"net/http"

	"github.com/gin-gonic/gin"

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
	e.Use(s.requestID, s.logRequests, s.recoverPanic)
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
	return s
}
