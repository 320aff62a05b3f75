package api

import (
	"net/http"

	"github.com/gin-gonic/gin"

	"talentd/registry"
)

// list handles GET /v1/<kind>: a page of records, newest first.
func (s *server) list(kind registry.Kind) handlerFunc {
	return func(c *gin.Context) error {
		req, err := s.listRequest(c, kind)
		if err != nil {
			return err
		}
		page, err := s.svc.ListFor(c.Request.Context(), principalOf(c), req)
		if err != nil {
			return err
		}
		s.writePage(c, page)
		return nil
	}
}

// get handles GET /v1/<kind>/:id. With ?reveal=pii an admin gets the
// personal numbers in clear, and the reveal is audited; any other role is
// refused (403).
func (s *server) get(kind registry.Kind) handlerFunc {
	return func(c *gin.Context) error {
		id, err := pathID(c, kind)
		if err != nil {
			return err
		}
		reveal, err := revealOf(c)
		if err != nil {
			return err
		}
		read := s.readRecord
		if reveal {
			read = s.revealRecord
		}
		r, err := read(c, kind, id)
		if err != nil {
			return err
		}
		s.writeRecord(c, http.StatusOK, r)
		return nil
	}
}

// revealRecord reads a record with its personal numbers in clear through
// Service.Reveal, which refuses every role but admin and audits the reveal,
// and marks the response as revealed for renderRecord.
func (s *server) revealRecord(c *gin.Context, kind registry.Kind, id string) (registry.Record, error) {
	r, err := s.svc.Reveal(c.Request.Context(), principalOf(c), kind, id)
	if err != nil {
		return nil, err
	}
	s.metrics.reveals.WithLabelValues(string(kind)).Inc()
	c.Set(revealedKey, true)
	return r, nil
}
