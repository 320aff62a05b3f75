package api

import (
	"errors"
	"fmt"

	"github.com/gin-gonic/gin"

	"talentd/registry"
)

// authenticate admits a request whose Authorization header names an active
// API key, and leaves the key's principal for principalOf. Keys are read
// from the store on every request, with no cache, so a revoked or expired
// key is refused on the very next request. Every failure is the same 401:
// the response never says which check failed; the log does (by key id,
// never the secret).
func (s *server) authenticate(c *gin.Context) {
	p, err := s.principal(c)
	if err != nil {
		if errors.Is(err, registry.ErrUnauthenticated) {
			s.metrics.authFailed.Inc()
			s.log.InfoContext(c.Request.Context(), "authentication failed",
				"request_id", requestIDOf(c), "route", routeOf(c), "reason", err.Error())
		}
		s.writeProblem(c, err)
		return
	}
	c.Set(principalKey, p)
	c.Next()
}

// principal resolves the request's API key.
func (s *server) principal(c *gin.Context) (registry.Principal, error) {
	headers := c.Request.Header.Values("Authorization")
	switch {
	case s.keys == nil:
		return registry.Principal{}, fmt.Errorf("api: no key store is configured: %w", registry.ErrUnauthenticated)
	case len(headers) > 1:
		return registry.Principal{}, fmt.Errorf("api: %d Authorization headers: %w", len(headers), registry.ErrUnauthenticated)
	}
	p, _, err := registry.Authenticate(c.Request.Context(), s.keys, c.GetHeader("Authorization"), s.svc.Now())
	return p, err
}
