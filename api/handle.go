package api

import (
	"github.com/gin-gonic/gin"

	"talentd/registry"
)

// handlerFunc is a handler that reports failure by returning an error,
// which handle turns into problem+json.
type handlerFunc func(c *gin.Context) error

func (s *server) handle(f handlerFunc) gin.HandlerFunc {
	return func(c *gin.Context) {
		if err := f(c); err != nil {
			s.writeProblem(c, err)
		}
	}
}

// pathID is the route's :id, which must be an id of the kind (a 400
// naming the field "id" otherwise).
func pathID(c *gin.Context, kind registry.Kind) (string, error) {
	id := c.Param("id")
	if !registry.ValidID(kind.IDPrefix(), id) {
		return "", invalid("id", "record_id", kind.IDPrefix())
	}
	return id, nil
}

// conditionalWrite reads, in this order, what PATCH and transitions start
// with: the path id of the kind, an If-Match (428 without one) and a body
// of one of the media types.
func (s *server) conditionalWrite(c *gin.Context, kind registry.Kind, media ...string) (id string, pre precondition, body []byte, err error) {
	if id, err = pathID(c, kind); err != nil {
		return "", pre, nil, err
	}
	if pre = ifMatchOf(c.Request); !pre.present {
		return "", pre, nil, errIfMatchRequired
	}
	body, err = s.readBody(c, media...)
	return id, pre, body, err
}

// readRecord reads a record as the caller: a record outside the caller's
// scope is not found, a kind its role may not read is forbidden.
func (s *server) readRecord(c *gin.Context, kind registry.Kind, id string) (registry.Record, error) {
	return s.svc.Read(c.Request.Context(), principalOf(c), kind, id)
}

// versionFor resolves If-Match to the version the service should compare:
// a single ETag is passed through (the store compares atomically); "*" or
// a list is matched against the record's current version.
func (s *server) versionFor(c *gin.Context, kind registry.Kind, id string, pre precondition) (int64, error) {
	if v, ok := pre.single(); ok {
		return v, nil
	}
	r, err := s.readRecord(c, kind, id)
	if err != nil {
		return 0, err
	}
	if v := r.Base().Version; pre.matches(v) {
		return v, nil
	}
	return 0, registry.ErrVersionMismatch
}
