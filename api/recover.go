package api

import (
	"fmt"
	"net/http"
	"runtime/debug"

	"github.com/gin-gonic/gin"
)

// recoverPanic turns a panic into a 500 problem that says nothing
// internal. The log gets the panic's type and stack, not its value, which
// could hold request data.
func (s *server) recoverPanic(c *gin.Context) {
	defer func() {
		v := recover()
		if v == nil {
			return
		}
		if v == http.ErrAbortHandler {
			panic(v)
		}
		s.log.ErrorContext(c.Request.Context(), "panic",
			"request_id", requestIDOf(c), "route", routeOf(c),
			"panic_type", fmt.Sprintf("%T", v), "stack", string(debug.Stack()))
		if !c.Writer.Written() {
			s.writeProblem(c, errInternal)
		}
		c.Abort()
	}()
	c.Next()
}
