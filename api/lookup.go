package api

import (
	"encoding/json"
	"net/http"
	"reflect"

	"github.com/gin-gonic/gin"

	"talentd/registry"
)

// lookupRequest is the body of POST /v1/<kind>/lookup: the identity
// document of a person who may already be registered. Country is the
// passport's issuing country, for PASSPORT only.
type lookupRequest struct {
	IDDoc   registry.IDDoc `json:"id_doc" validate:"required"`
	Country string         `json:"country,omitempty" validate:"omitempty,iso3166_1_alpha3"`
}

// lookup handles POST /v1/<kind>/lookup (talents, experts): 200 with the
// person's record (masked as any read), or 404 when nobody the caller may
// see is registered under the document. The number travels in the body,
// never in a URL that proxies and logs would keep.
func (s *server) lookup(kind registry.Kind) handlerFunc {
	return func(c *gin.Context) error {
		body, err := s.readBody(c, mediaJSON)
		if err != nil {
			return err
		}
		req, err := decodeLookup(body)
		if err != nil {
			return err
		}
		r, err := s.svc.Lookup(c.Request.Context(), principalOf(c), kind, req.IDDoc, req.Country)
		if err != nil {
			return err
		}
		s.writeRecord(c, http.StatusOK, r)
		return nil
	}
}

// decodeLookup reads a look-up request: unknown fields and wrong types are
// named by their path; the document itself is checked by the service.
func decodeLookup(body []byte) (lookupRequest, error) {
	var req lookupRequest
	obj, err := parseObject(body)
	if err != nil {
		return req, err
	}
	verr := &registry.ValidationError{}
	checkObject("", obj, reflect.TypeOf(req), verr, nil)
	if _, ok := obj["id_doc"]; !ok {
		verr.Add("id_doc", "required", "")
	}
	if err := verr.Err(); err != nil {
		return req, err
	}
	if err := json.Unmarshal(body, &req); err != nil {
		return req, decodeProblem(err, len(body))
	}
	return req, nil
}
