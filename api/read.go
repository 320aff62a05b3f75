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

// get handles GET /v1/<kind>/:id.
func (s *server) get(kind registry.Kind) handlerFunc {
	return func(c *gin.Context) error {
		id, err := pathID(c, kind)
		if err != nil {
			return err
		}
		r, err := s.readRecord(c, kind, id)
		if err != nil {
			return err
		}
		s.writeRecord(c, http.StatusOK, r)
		return nil
	}
}
