package api

import (
	"encoding/json"
	"net/http"
	"strings"

	"github.com/gin-gonic/gin"

	"talentd/registry"
)

// ContentTypeProblem is the media type of every error response.
const ContentTypeProblem = "application/problem+json"

// Problem is the RFC 9457 body of every error response.
type Problem struct {
	Type     string       `json:"type"`
	Title    string       `json:"title"`
	Status   int          `json:"status"`
	Detail   string       `json:"detail"`
	Instance string       `json:"instance"` // the request id
	Errors   []FieldError `json:"errors,omitempty"`
	// Reason is a conflict's stable code (identity, workstation_limit, …).
	Reason string `json:"reason,omitempty"`
	// ExistingID is the record a conflict is with, when the caller may see it.
	ExistingID string `json:"existing_id,omitempty"`
	// Allowed are the states a refused transition could go to instead.
	Allowed []registry.Status `json:"allowed,omitzero"`
	// Failing are the readiness checks that failed.
	Failing []string `json:"failing,omitempty"`
}

// FieldError is one invalid field: its dotted JSON path, a stable code and
// a message in the request's language.
type FieldError struct {
	Field   string `json:"field"`
	Code    string `json:"code"`
	Message string `json:"message"`
}

// writeProblem answers the request with err as problem+json and stops the
// handler chain. A 5xx logs its cause; the body never shows it.
func (s *server) writeProblem(c *gin.Context, err error) {
	p := problemOf(err)
	if p.status >= 500 && p.cause != nil {
		s.log.ErrorContext(c.Request.Context(), "request failed",
			"request_id", requestIDOf(c), "route", routeOf(c), "error", p.cause.Error())
	}
	l := langOf(c.Request)
	out := p.render(l, requestIDOf(c))
	b, err := json.Marshal(out)
	if err != nil {
		b = []byte(`{"type":"/problems/internal","title":"Internal server error","status":500}`)
	}
	c.Header("Content-Language", l.tag())
	if p.status == http.StatusUnauthorized {
		c.Header("WWW-Authenticate", `Bearer realm="talentd"`)
	}
	c.Data(p.status, ContentTypeProblem, b)
	c.Abort()
}

// render writes the problem in l. A conflict names the existing record as
// the Service left it: the Service drops the id when the caller may not
// see that record.
func (pr *problem) render(l lang, instance string) Problem {
	out := Problem{Type: "/problems/" + pr.slug, Title: titleOf(pr.slug).in(l), Status: pr.status,
		Detail: pr.detailText(l), Instance: instance, Failing: pr.failing}
	for _, f := range pr.fields {
		out.Errors = append(out.Errors, FieldError{Field: f.Field, Code: f.Code, Message: fieldMessage(f.Code, f.Param, l)})
	}
	if ce := pr.conflict; ce != nil {
		out.Reason, out.ExistingID = ce.Reason, ce.ExistingID
	}
	if te := pr.transition; te != nil {
		out.Allowed = append([]registry.Status{}, te.Allowed...)
	}
	return out
}

func titleOf(slug string) text {
	if t, ok := titleTexts[slug]; ok {
		return t
	}
	return genericTitle
}

// detailText is the detail in l: the precise key's text, else the slug's.
func (pr *problem) detailText(l lang) string {
	t, ok := detailTexts[pr.detail]
	if !ok {
		t, ok = detailTexts[pr.slug]
	}
	if !ok {
		t = titleOf(pr.slug)
	}
	s := t.in(l)
	for k, v := range pr.args {
		s = strings.ReplaceAll(s, "{"+k+"}", v)
	}
	if len(pr.failing) > 0 {
		s = strings.ReplaceAll(s, "{failing}", strings.Join(pr.failing, ", "))
	}
	return s
}
