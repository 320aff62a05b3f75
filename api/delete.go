package api

import (
	"net/http"

	"github.com/gin-gonic/gin"

	"talentd/registry"
)

// remove handles DELETE /v1/<kind>/:id: 204, only while the record is in
// its kind's first state. If-Match is optional.
func (s *server) remove(kind registry.Kind) handlerFunc {
	return func(c *gin.Context) error {
		id, err := pathID(c, kind)
		if err != nil {
			return err
		}
		var version int64
		if pre := ifMatchOf(c.Request); pre.present {
			if version, err = s.versionFor(c, kind, id, pre); err != nil {
				return err
			}
		}
		if err := s.svc.Delete(c.Request.Context(), principalOf(c), kind, id, version); err != nil {
			return err
		}
		c.Status(http.StatusNoContent)
		c.Writer.WriteHeaderNow()
		return nil
	}
}
