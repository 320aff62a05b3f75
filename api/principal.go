package api

import (
	"github.com/gin-gonic/gin"

	"talentd/registry"
)

// principalKey is where an authentication middleware leaves the caller's
// registry.Principal in the gin context.
const principalKey = "talentd.principal"

// principalOf is the one place handlers learn who is calling; every call
// to the Service passes its result. Until authentication exists every
// request acts as registry.System.
func principalOf(c *gin.Context) registry.Principal {
	if v, ok := c.Get(principalKey); ok {
		if p, ok := v.(registry.Principal); ok {
			return p
		}
	}
	return registry.System
}
