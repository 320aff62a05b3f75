package api

import (
	"bytes"
	"encoding/json"
	"net/http"

	"github.com/gin-gonic/gin"

	"talentd/registry"
)

// patch handles PATCH /v1/<kind>/:id: a JSON Merge Patch (RFC 7396) of
// the record's content under If-Match. Server fields cannot be patched.
func (s *server) patch(kind registry.Kind) handlerFunc {
	return func(c *gin.Context) error {
		id, pre, body, err := s.conditionalWrite(c, kind, mediaMergePatch, mediaJSON)
		if err != nil {
			return err
		}
		patch, err := recordObject(kind, body)
		if err != nil {
			return err
		}
		cur, err := s.readRecord(c, kind, id)
		if err != nil {
			return err
		}
		if !pre.matches(cur.Base().Version) {
			return registry.ErrVersionMismatch
		}
		next, err := applyPatch(cur, patch)
		if err != nil {
			return err
		}
		r, err := s.svc.Replace(c.Request.Context(), principalOf(c), kind, id, cur.Base().Version, next)
		if err != nil {
			return err
		}
		s.writeRecord(c, http.StatusOK, r)
		return nil
	}
}

// applyPatch merges patch into the document of cur and decodes the result
// as the record's next content.
func applyPatch(cur registry.Record, patch map[string]any) (registry.Record, error) {
	doc, err := registry.EncodeRecord(cur)
	if err != nil {
		return nil, err
	}
	dec := json.NewDecoder(bytes.NewReader(doc))
	dec.UseNumber()
	var target any
	if err := dec.Decode(&target); err != nil {
		return nil, err
	}
	merged, err := json.Marshal(mergePatch(target, patch))
	if err != nil {
		return nil, err
	}
	return strictDecode(cur.Kind(), merged)
}
