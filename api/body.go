package api

import (
	"errors"
	"io"
	"mime"
	"net/http"
	"strings"

	"github.com/gin-gonic/gin"
)

// Media types a body may have.
const (
	mediaJSON       = "application/json"
	mediaMergePatch = "application/merge-patch+json"
)

// readBody checks the request's content type against accepted and reads
// its body, at most s.maxBody bytes (else a 413). An empty body is a 400.
func (s *server) readBody(c *gin.Context, accepted ...string) ([]byte, error) {
	if !acceptsMedia(c.GetHeader("Content-Type"), accepted) {
		return nil, unsupportedMediaType(strings.Join(accepted, ", "))
	}
	if c.Request.ContentLength > s.maxBody {
		return nil, &http.MaxBytesError{Limit: s.maxBody}
	}
	body, err := io.ReadAll(http.MaxBytesReader(c.Writer, c.Request.Body, s.maxBody))
	var mbe *http.MaxBytesError
	switch {
	case errors.As(err, &mbe):
		return nil, mbe
	case err != nil:
		return nil, invalid("", "json_syntax", "0")
	case len(strings.TrimSpace(string(body))) == 0:
		return nil, invalid("", "empty_body", "")
	}
	return body, nil
}

// acceptsMedia reports whether the Content-Type header names one of the
// accepted media types (parameters such as charset=utf-8 allowed).
func acceptsMedia(header string, accepted []string) bool {
	mt, _, err := mime.ParseMediaType(header)
	if err != nil {
		return false
	}
	for _, a := range accepted {
		if mt == a {
			return true
		}
	}
	return false
}
