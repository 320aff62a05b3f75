package api

import (
	"net/http"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/gin-gonic/gin"

	"talentd/registry"
)

// maxReason is the longest transition reason, in characters.
const maxReason = 500

// transitionRequest is the body of POST /v1/<kind>/:id/transitions.
type transitionRequest struct {
	To     registry.Status `json:"to" validate:"required"`
	Reason string          `json:"reason,omitempty" validate:"omitempty,max=500"`
}

// transition handles POST /v1/<kind>/:id/transitions under If-Match: 200
// with the moved record, or 409 listing the states allowed instead.
func (s *server) transition(kind registry.Kind) handlerFunc {
	return func(c *gin.Context) error {
		id, pre, body, err := s.conditionalWrite(c, kind, mediaJSON)
		if err != nil {
			return err
		}
		req, err := decodeTransition(kind, body)
		if err != nil {
			return err
		}
		version, err := s.versionFor(c, kind, id, pre)
		if err != nil {
			return err
		}
		r, err := s.svc.Transition(c.Request.Context(), principalOf(c), kind, id, version, req.To, req.Reason)
		if err != nil {
			return err
		}
		s.writeRecord(c, http.StatusOK, r)
		return nil
	}
}

// decodeTransition reads and checks a transition request: to is one of
// the kind's states, reason at most maxReason characters.
func decodeTransition(kind registry.Kind, body []byte) (transitionRequest, error) {
	var req transitionRequest
	obj, err := parseObject(body)
	if err != nil {
		return req, err
	}
	verr := &registry.ValidationError{}
	checkObject("", obj, reflect.TypeOf(req), verr, nil)
	if err := verr.Err(); err != nil {
		return req, err
	}
	to, _ := obj["to"].(string)
	req.To = registry.Status(to)
	req.Reason, _ = obj["reason"].(string)
	states := stateNames(kind)
	switch {
	case to == "":
		verr.Add("to", "required", "")
	case !slices.Contains(states, to):
		verr.Add("to", "oneof", strings.Join(states, " "))
	}
	if utf8.RuneCountInString(req.Reason) > maxReason {
		verr.Add("reason", "max", strconv.Itoa(maxReason))
	}
	return req, verr.Err()
}
