package api

import (
	"net/http"

	"github.com/gin-gonic/gin"

	"talentd/registry"
)

// HeaderReplayed marks a create answered from an earlier request with the
// same Idempotency-Key.
const HeaderReplayed = "Idempotent-Replayed"

// create handles POST /v1/<kind>: 201 with Location and ETag.
func (s *server) create(kind registry.Kind) handlerFunc {
	return func(c *gin.Context) error {
		body, err := s.readBody(c, mediaJSON)
		if err != nil {
			return err
		}
		p := principalOf(c)
		idem, err := idempotencyOf(c, p, body)
		if err != nil {
			return err
		}
		r, err := decodeRecord(kind, body)
		if err != nil {
			return err
		}
		rec, replayed, err := s.svc.Create(c.Request.Context(), p, r, idem)
		if err != nil {
			return err
		}
		c.Header("Location", "/v1/"+string(kind)+"/"+rec.Base().ID)
		if replayed {
			c.Header(HeaderReplayed, "true")
		} else {
			s.metrics.recordCreated(kind)
		}
		s.writeRecord(c, http.StatusCreated, rec)
		return nil
	}
}
