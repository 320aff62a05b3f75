package events

import (
	"context"
	"errors"
)

// Handler applies one event. Returning nil acknowledges it; an error wrapped
// by Permanent sends it to the dead-letter stream at once; any other error
// is transient and the event comes back after a back-off, until the
// consumer's delivery limit, when it too is dead-lettered.
//
// A handler must be idempotent: an event can arrive more than once (after a
// crash, a replay, or a redelivery), and applying it twice must change
// nothing. Once helps with that.
type Handler func(ctx context.Context, e Event) error

// Permanent marks err as one that retrying cannot fix (a payload that breaks
// a rule, a record that can never exist). Permanent(nil) is nil.
func Permanent(err error) error {
	if err == nil {
		return nil
	}
	return &permanentError{err}
}

// IsPermanent reports whether err, or an error it wraps, came from Permanent.
func IsPermanent(err error) bool {
	var p *permanentError
	return errors.As(err, &p)
}

type permanentError struct{ err error }

func (p *permanentError) Error() string { return "permanent: " + p.err.Error() }
func (p *permanentError) Unwrap() error { return p.err }
