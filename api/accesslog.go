package api

import (
	"log/slog"
	"time"

	"github.com/gin-gonic/gin"
)

// logRequests writes one line per request: its id, method, route pattern
// (never the raw path or query, which may hold names or numbers), status,
// duration and response size. Bodies are never logged.
func (s *server) logRequests(c *gin.Context) {
	start := time.Now()
	c.Next()
	status := c.Writer.Status()
	level := slog.LevelInfo
	if status >= 500 {
		level = slog.LevelError
	}
	s.log.LogAttrs(c.Request.Context(), level, "request",
		slog.String("request_id", requestIDOf(c)),
		slog.String("method", c.Request.Method),
		slog.String("route", routeOf(c)),
		slog.Int("status", status),
		slog.Float64("duration_ms", float64(time.Since(start).Microseconds())/1000),
		slog.Int("bytes", max(c.Writer.Size(), 0)),
	)
}

// routeOf is the matched route pattern, or "unmatched".
func routeOf(c *gin.Context) string {
	if p := c.FullPath(); p != "" {
		return p
	}
	return "unmatched"
}
