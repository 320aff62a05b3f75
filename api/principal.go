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

// mayRevealID reports whether a conflict may name the record it is with:
// only to roles that may read every record. An officer of another area
// learns that the person exists, not where.
func mayRevealID(p registry.Principal) bool {
	return p.Role == registry.RoleSystem || p.Role == registry.RoleAdmin
}

// inScope reports whether p may read r: an officer reads the records of
// its area, an enclave key its own enclave, every other role everything.
func inScope(p registry.Principal, r registry.Record) bool {
	switch p.Role {
	case registry.RoleOfficer:
		return r.Base().Area == p.Area
	case registry.RoleEnclave:
		return r.Base().ID == p.EnclaveID
	}
	return true
}

// scopeList narrows a list request to what p may read, as inScope does.
func scopeList(p registry.Principal, req *registry.ListRequest) {
	switch p.Role {
	case registry.RoleOfficer:
		req.ScopeAreas = []string{p.Area}
	case registry.RoleEnclave:
		req.ScopeIDs = []string{p.EnclaveID}
	}
}
