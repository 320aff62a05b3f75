package api

import (
	"github.com/gin-gonic/gin"

	"talentd/registry"
)

// principalKey is where authenticate leaves the caller's
// registry.Principal in the gin context.
const principalKey = "talentd.principal"

// principalOf is the one place handlers learn who is calling; every call
// to the Service passes its result. Outside authenticate (a route that
// forgot it) it is the zero Principal, which has no role and may do
// nothing.
func principalOf(c *gin.Context) registry.Principal {
	if v, ok := c.Get(principalKey); ok {
		if p, ok := v.(registry.Principal); ok {
			return p
		}
	}
	return registry.Principal{}
}
