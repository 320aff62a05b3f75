package api

import (
	"github.com/gin-gonic/gin"

	"talentd/registry"
)

// routes lists every route of the API.
func (s *server) routes(e *gin.Engine) {
	e.GET("/healthz", s.healthz)
	e.GET("/readyz", s.readyz)
	e.GET("/openapi.json", s.openAPI)
	e.GET("/metrics", s.serveMetrics())

	// Every /v1 route needs an API key; each key has its rate limit.
	v1 := e.Group("/v1", s.authenticate, s.rateLimit)
	for _, k := range registry.Kinds {
		base := "/" + string(k) // talents, experts, workstations, enclaves
		v1.POST(base, s.handle(s.create(k)))
		v1.GET(base, s.handle(s.list(k)))
		v1.GET(base+"/:id", s.handle(s.get(k)))
		v1.PATCH(base+"/:id", s.handle(s.patch(k)))
		v1.DELETE(base+"/:id", s.handle(s.remove(k)))
		v1.POST(base+"/:id/transitions", s.handle(s.transition(k)))
		if registry.NewRecord(k).Identity() != nil { // talents, experts
			v1.POST(base+"/lookup", s.handle(s.lookup(k)))
		}
	}
	v1.POST("/admin/keys", s.handle(s.createKey))
	v1.GET("/admin/keys", s.handle(s.listKeys))
	v1.DELETE("/admin/keys/:id", s.handle(s.revokeKey))
	v1.GET("/audit", s.handle(s.listAudit))
	v1.GET("/admin/dead-letters", s.handle(s.listDeadLetters))
	v1.POST("/admin/dead-letters/:id/replay", s.handle(s.replayDeadLetter))
}

// noRoute answers a path no route matches.
func (s *server) noRoute(c *gin.Context) { s.writeProblem(c, errRouteNotFound) }

// noMethod answers a known path asked with a method it does not serve
// (Gin has set the Allow header).
func (s *server) noMethod(c *gin.Context) { s.writeProblem(c, errMethodNotAllowed) }
