package registry

import (
	"errors"
	"fmt"
	"strings"
)

// Sentinel errors. Stores translate driver errors into these; the API maps
// them to HTTP statuses in one table.
var (
	ErrNotFound          = errors.New("registry: not found")
	ErrConflict          = errors.New("registry: conflict")
	ErrVersionMismatch   = errors.New("registry: version mismatch")
	ErrForbidden         = errors.New("registry: forbidden")
	ErrInvalidTransition = errors.New("registry: transition not allowed")
	ErrInvalid           = errors.New("registry: invalid")
)

// ConflictError says which unique thing already exists. It matches
// ErrConflict.
type ConflictError struct {
	// Reason is a stable code: "identity" (same identity document),
	// "idempotency_key", "id", "workstation_limit", "not_deletable", "in_use".
	Reason string
	// ExistingID is the record that holds the unique value, when known.
	ExistingID string
	// Detail is a short English explanation, free of personal data.
	Detail string
}

func (e *ConflictError) Error() string {
	s := "registry: conflict: " + e.Reason
	if e.ExistingID != "" {
		s += " (existing " + e.ExistingID + ")"
	}
	if e.Detail != "" {
		s += ": " + e.Detail
	}
	return s
}

// Is makes errors.Is(err, ErrConflict) true.
func (e *ConflictError) Is(target error) bool { return target == ErrConflict }

// TransitionError is a refused lifecycle move; Allowed lists the states the
// record may move to instead. It matches ErrInvalidTransition.
type TransitionError struct {
	From, To Status
	Allowed  []Status
}

func (e *TransitionError) Error() string {
	allowed := make([]string, len(e.Allowed))
	for i, s := range e.Allowed {
		allowed[i] = string(s)
	}
	return fmt.Sprintf("registry: cannot move from %s to %s (allowed: %s)", e.From, e.To, strings.Join(allowed, ", "))
}

// Is makes errors.Is(err, ErrInvalidTransition) true.
func (e *TransitionError) Is(target error) bool { return target == ErrInvalidTransition }

// FieldProblem is one invalid field. Field is the dotted JSON path
// (id_doc.number, team[0].name); Code is a stable machine code such as
// "required", "cn_id_checksum" or "uscc_format"; Param is the rule's
// parameter where it has one (a length, an allowed list).
type FieldProblem struct {
	Field string
	Code  string
	Param string
}

// ValidationError lists every invalid field of a record. It matches
// ErrInvalid.
type ValidationError struct {
	Problems []FieldProblem
}

func (e *ValidationError) Error() string {
	parts := make([]string, len(e.Problems))
	for i, p := range e.Problems {
		parts[i] = p.Field + ": " + p.Code
	}
	return "registry: invalid: " + strings.Join(parts, "; ")
}

// Is makes errors.Is(err, ErrInvalid) true.
func (e *ValidationError) Is(target error) bool { return target == ErrInvalid }

// Add appends a problem.
func (e *ValidationError) Add(field, code, param string) {
	e.Problems = append(e.Problems, FieldProblem{Field: field, Code: code, Param: param})
}

// Err returns e if it holds problems, else nil.
func (e *ValidationError) Err() error {
	if e == nil || len(e.Problems) == 0 {
		return nil
	}
	return e
}
