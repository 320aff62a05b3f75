package api

import (
	"github.com/gin-gonic/gin"
	"github.com/google/uuid"

	"talentd/registry"
)

// HeaderRequestID carries the request id both ways.
const HeaderRequestID = "X-Request-Id"

const requestIDKey = "talentd.request_id"

// requestID adopts a sane incoming X-Request-Id or makes req_<uuidv7>,
// echoes it on the response, and hands it with the client's address to the
// Service (for the audit trail) through the request context.
func (s *server) requestID(c *gin.Context) {
	id := c.GetHeader(HeaderRequestID)
	if !saneRequestID(id) {
		id = newRequestID()
	}
	c.Set(requestIDKey, id)
	c.Header(HeaderRequestID, id)
	info := registry.RequestInfo{ID: id, ClientIP: c.ClientIP()}
	c.Request = c.Request.WithContext(registry.WithRequest(c.Request.Context(), info))
	c.Next()
}

// requestIDOf returns the request's id ("" outside the middleware).
func requestIDOf(c *gin.Context) string { return c.GetString(requestIDKey) }

func newRequestID() string {
	u, err := uuid.NewV7()
	if err != nil {
		u = uuid.New()
	}
	return "req_" + u.String()
}

// saneRequestID accepts 1–64 characters of [A-Za-z0-9_-].
func saneRequestID(id string) bool {
	if len(id) == 0 || len(id) > 64 {
		return false
	}
	for i := 0; i < len(id); i++ {
		c := id[i]
		ok := c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '-'
		if !ok {
			return false
		}
	}
	return true
}
