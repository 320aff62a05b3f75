package api

import (
	"slices"

	"github.com/gin-gonic/gin"

	"talentd/registry"
	"talentd/registry/pii"
)

// revealedKey marks, in the gin context, a response that may show the
// record's personal numbers in clear.
const revealedKey = "talentd.revealed"

// revealPII is the one value ?reveal= takes.
const revealPII = "pii"

// maskRecord replaces every personal number of r by its mask
// (3713**********123X, 138****8000, E1*****78).
func maskRecord(r registry.Record) {
	for _, f := range registry.PersonalFields(r) {
		if *f.Value != "" {
			*f.Value = pii.Mask(f.Class, *f.Value)
		}
	}
}

// revealOf reads ?reveal=: absent (false), "pii" (true), anything else or
// repeated a 400 naming the parameter.
func revealOf(c *gin.Context) (bool, error) {
	vals, ok := c.GetQueryArray("reveal")
	switch {
	case !ok:
		return false, nil
	case len(vals) > 1:
		return false, invalid("reveal", "repeated", "")
	case !slices.Equal(vals, []string{revealPII}):
		return false, invalid("reveal", "oneof", revealPII)
	}
	return true, nil
}
