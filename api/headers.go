package api

import (
	"net/http"
	"slices"
	"strings"

	"github.com/gin-gonic/gin"
)

// secureHeaders sets the security headers of every response. The API
// serves JSON only, so its Content-Security-Policy allows nothing; /v1
// responses carry data about people and must not be cached; HSTS is sent
// only on a TLS connection (browsers ignore it over plain HTTP, and a
// proxy terminating TLS sets its own).
func secureHeaders(c *gin.Context) {
	h := c.Writer.Header()
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("X-Frame-Options", "DENY")
	h.Set("Referrer-Policy", "no-referrer")
	h.Set("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'")
	if p := c.Request.URL.Path; p == "/v1" || strings.HasPrefix(p, "/v1/") {
		h.Set("Cache-Control", "no-store")
	}
	if c.Request.TLS != nil {
		h.Set("Strict-Transport-Security", "max-age=31536000")
	}
	c.Next()
}

// What a cross-origin caller may send and read.
const (
	corsMethods = "GET, POST, PATCH, DELETE"
	corsHeaders = "Authorization, Content-Type, If-Match, Idempotency-Key, X-Request-Id, Accept-Language"
	corsExpose  = "ETag, Location, X-Request-Id, Retry-After, Idempotent-Replayed, Content-Language"
	corsMaxAge  = "600"
)

// cors lets pages from the configured origins, and only those, call the
// API. A preflight (OPTIONS with Access-Control-Request-Method) is
// answered here with 204, before authentication, which browsers do not
// send on a preflight; from another origin it gets no CORS headers, so
// the browser refuses the call. No credentials mode: keys travel in the
// Authorization header, never in cookies.
func (s *server) cors(c *gin.Context) {
	origin := c.GetHeader("Origin")
	if origin == "" {
		c.Next()
		return
	}
	h := c.Writer.Header()
	h.Add("Vary", "Origin")
	allowed := slices.Contains(s.origins, origin)
	if c.Request.Method == http.MethodOptions && c.GetHeader("Access-Control-Request-Method") != "" {
		h.Add("Vary", "Access-Control-Request-Method, Access-Control-Request-Headers")
		if allowed {
			h.Set("Access-Control-Allow-Origin", origin)
			h.Set("Access-Control-Allow-Methods", corsMethods)
			h.Set("Access-Control-Allow-Headers", corsHeaders)
			h.Set("Access-Control-Max-Age", corsMaxAge)
		}
		c.AbortWithStatus(http.StatusNoContent)
		return
	}
	if allowed {
		h.Set("Access-Control-Allow-Origin", origin)
		h.Set("Access-Control-Expose-Headers", corsExpose)
	}
	c.Next()
}
