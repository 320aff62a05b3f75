package api

import (
	"encoding/json"
	"net/http"
	"strconv"

	"github.com/gin-gonic/gin"

	"talentd/registry"
)

// ContentTypeJSON is the media type of every success body.
const ContentTypeJSON = "application/json; charset=utf-8"

// renderRecord is the one way a record reaches a response body. It masks
// every personal number (registry.PersonalFields) unless the handler
// revealed the record (Service.Reveal, which audits it). It masks r in
// place: handlers pass records fresh from the Service, used for the
// response only.
func renderRecord(c *gin.Context, r registry.Record) registry.Record {
	if !c.GetBool(revealedKey) {
		maskRecord(r)
	}
	return r
}

// etag is the ETag of a record version: the version, quoted.
func etag(version int64) string { return `"` + strconv.FormatInt(version, 10) + `"` }

// writeRecord answers with one record and its ETag.
func (s *server) writeRecord(c *gin.Context, status int, r registry.Record) {
	c.Header("ETag", etag(r.Base().Version))
	s.writeJSON(c, status, renderRecord(c, r))
}

// page is the body of a list response.
type page struct {
	Items      []registry.Record `json:"items"`
	NextCursor string            `json:"next_cursor,omitempty"`
}

// writePage answers with a page of records.
func (s *server) writePage(c *gin.Context, p registry.Page) {
	out := page{Items: make([]registry.Record, 0, len(p.Items)), NextCursor: p.Next}
	for _, r := range p.Items {
		out.Items = append(out.Items, renderRecord(c, r))
	}
	s.writeJSON(c, http.StatusOK, out)
}

// writeJSON answers with v as JSON.
func (s *server) writeJSON(c *gin.Context, status int, v any) {
	b, err := json.Marshal(v)
	if err != nil {
		s.writeProblem(c, &problem{status: http.StatusInternalServerError, slug: "internal", cause: err})
		return
	}
	c.Data(status, ContentTypeJSON, b)
}

func mustJSON(v any) []byte {
	b, err := json.Marshal(v)
	if err != nil {
		panic(err) // documents built from plain maps always encode
	}
	return b
}
