package api

import (
	"errors"
	"net/http"
	"strconv"

	"talentd/registry"
)

// problem is an error on its way to becoming problem+json: a status, a
// problem type (slug), a detail message key and what the kind of problem
// carries (field problems, the conflict, the refused transition).
type problem struct {
	status     int
	slug       string            // the type is /problems/<slug>; titles are keyed by it
	detail     string            // detail message key; "" means slug
	args       map[string]string // {name} substitutions in the detail
	fields     []registry.FieldProblem
	conflict   *registry.ConflictError
	transition *registry.TransitionError
	failing    []string // readiness checks that failed
	cause      error    // what a 5xx logs
}

func (p *problem) Error() string { return "api: " + p.slug + " (" + strconv.Itoa(p.status) + ")" }

// problemOf is the one table from errors to HTTP problems.
func problemOf(err error) *problem {
	var (
		p   *problem
		ve  *registry.ValidationError
		ce  *registry.ConflictError
		te  *registry.TransitionError
		ie  *registry.IdentError
		mbe *http.MaxBytesError
	)
	switch {
	case errors.As(err, &p):
		return p
	case errors.As(err, &ve):
		return invalidAll(ve.Problems)
	case errors.As(err, &ce):
		return &problem{status: http.StatusConflict, slug: "conflict", detail: "conflict." + ce.Reason, conflict: ce}
	case errors.As(err, &te):
		return &problem{status: http.StatusConflict, slug: "transition-not-allowed", transition: te,
			args: map[string]string{"from": string(te.From), "to": string(te.To)}}
	case errors.As(err, &ie):
		return invalid("", ie.Code, "")
	case errors.As(err, &mbe):
		return &problem{status: http.StatusRequestEntityTooLarge, slug: "payload-too-large",
			args: map[string]string{"limit": strconv.FormatInt(mbe.Limit, 10)}}
	case errors.Is(err, registry.ErrUnauthenticated):
		return errUnauthenticated
	case errors.Is(err, registry.ErrNotFound):
		return &problem{status: http.StatusNotFound, slug: "not-found"}
	case errors.Is(err, registry.ErrVersionMismatch):
		return &problem{status: http.StatusPreconditionFailed, slug: "version-mismatch"}
	case errors.Is(err, registry.ErrIdempotencyMismatch):
		return &problem{status: http.StatusUnprocessableEntity, slug: "idempotency-mismatch"}
	case errors.Is(err, registry.ErrForbidden):
		return &problem{status: http.StatusForbidden, slug: "forbidden"}
	case errors.Is(err, registry.ErrConflict):
		return &problem{status: http.StatusConflict, slug: "conflict"}
	case errors.Is(err, registry.ErrInvalidTransition):
		return &problem{status: http.StatusConflict, slug: "transition-not-allowed", detail: "transition-not-allowed.generic"}
	case errors.Is(err, registry.ErrInvalid):
		return invalid("", "invalid", "")
	}
	return &problem{status: http.StatusInternalServerError, slug: "internal", cause: err}
}

// invalid is a 400 naming one field.
func invalid(field, code, param string) *problem {
	return invalidAll([]registry.FieldProblem{{Field: field, Code: code, Param: param}})
}

// invalidAll is a 400 naming every field problem.
func invalidAll(ps []registry.FieldProblem) *problem {
	return &problem{status: http.StatusBadRequest, slug: "validation", fields: ps,
		args: map[string]string{"n": strconv.Itoa(len(ps))}}
}

// The problems the API raises itself.
var (
	errInternal         = &problem{status: http.StatusInternalServerError, slug: "internal"}
	errRouteNotFound    = &problem{status: http.StatusNotFound, slug: "not-found", detail: "route-not-found"}
	errMethodNotAllowed = &problem{status: http.StatusMethodNotAllowed, slug: "method-not-allowed"}
	errIfMatchRequired  = &problem{status: http.StatusPreconditionRequired, slug: "precondition-required"}
	// errUnauthenticated is every authentication failure alike: missing,
	// malformed, unknown, revoked or expired keys are not told apart.
	errUnauthenticated = &problem{status: http.StatusUnauthorized, slug: "unauthenticated"}
)

// rateLimited is a 429 asking the client to wait seconds.
func rateLimited(seconds int) *problem {
	return &problem{status: http.StatusTooManyRequests, slug: "rate-limited",
		args: map[string]string{"seconds": strconv.Itoa(seconds)}}
}

// unsupportedMediaType is a 415 listing the accepted content types.
func unsupportedMediaType(accepted string) *problem {
	return &problem{status: http.StatusUnsupportedMediaType, slug: "unsupported-media-type",
		args: map[string]string{"types": accepted}}
}

// notReady is a 503 naming the failing readiness checks.
func notReady(failing []string) *problem {
	return &problem{status: http.StatusServiceUnavailable, slug: "not-ready", failing: failing}
}
