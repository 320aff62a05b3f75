package api

import (
	"context"
	"net/http"
	"time"

	"github.com/gin-gonic/gin"
)

// readyTimeout bounds each readiness check.
const readyTimeout = 2 * time.Second

// healthz answers 200 while the process serves HTTP.
func (s *server) healthz(c *gin.Context) {
	s.writeJSON(c, http.StatusOK, map[string]string{"status": "ok"})
}

// readyz answers 200 when every readiness check passes, else a 503
// problem naming the failing ones.
func (s *server) readyz(c *gin.Context) {
	var failing []string
	for _, chk := range s.ready {
		if err := runCheck(c.Request.Context(), chk); err != nil {
			s.log.WarnContext(c.Request.Context(), "not ready", "request_id", requestIDOf(c), "check", chk.Name, "error", err.Error())
			failing = append(failing, chk.Name)
		}
	}
	if len(failing) > 0 {
		s.writeProblem(c, notReady(failing))
		return
	}
	s.writeJSON(c, http.StatusOK, map[string]string{"status": "ok"})
}

func runCheck(ctx context.Context, chk Check) error {
	ctx, cancel := context.WithTimeout(ctx, readyTimeout)
	defer cancel()
	return chk.Check(ctx)
}

// openAPI serves the OpenAPI 3.1 document.
func (s *server) openAPI(c *gin.Context) {
	c.Data(http.StatusOK, ContentTypeJSON, s.openapi)
}
