package registry

import (
	"context"
	"errors"
	"slices"
)

// scopeID is the id InScope compares with an enclave key's enclave: the
// record's own id for an enclave, nothing for the other kinds.
func scopeID(r Record) string {
	if r.Kind() == KindEnclave {
		return r.Base().ID
	}
	return ""
}

// authorize checks that p may do a to the stored record r: ErrForbidden if
// the role may not, ErrNotFound if the record is outside p's scope (its
// existence is not revealed).
func authorize(p Principal, a Action, r Record) error {
	return Authorize(p, a, r.Kind(), r.Base().Area, scopeID(r))
}

// authorizeCreate checks that p may create r: a record outside p's scope is
// ErrForbidden (there is nothing to hide yet).
func authorizeCreate(p Principal, r Record) error {
	err := Authorize(p, ActionCreate, r.Kind(), r.Base().Area, scopeID(r))
	if errors.Is(err, ErrNotFound) {
		return ErrForbidden
	}
	return err
}

// authorizeReplace checks an update: the update action, or for an enclave
// key the narrower right to change its enclave's contacts and nothing else.
func authorizeReplace(p Principal, cur Record, changed []string) error {
	err := authorize(p, ActionUpdate, cur)
	if !errors.Is(err, ErrForbidden) {
		return err
	}
	if cerr := authorize(p, ActionUpdateContacts, cur); cerr != nil {
		return cerr
	}
	if len(changed) == 0 || slices.Equal(changed, []string{"contacts"}) {
		return nil
	}
	return err
}

// Read returns the record if p may see it: ErrNotFound when it is absent or
// outside p's scope, ErrForbidden when p's role may not read the kind.
func (s *Service) Read(ctx context.Context, p Principal, kind Kind, id string) (Record, error) {
	r, err := s.Get(ctx, kind, id)
	if err != nil {
		return nil, err
	}
	if err := authorize(p, ActionRead, r); err != nil {
		return nil, err
	}
	return r, nil
}

// ListFor returns a page of the records p may see.
func (s *Service) ListFor(ctx context.Context, p Principal, req ListRequest) (Page, error) {
	if !Can(p, ActionRead, req.Kind) {
		return Page{}, ErrForbidden
	}
	req.ScopeAreas, req.ScopeIDs = Scope(p)
	return s.List(ctx, req)
}

// Reveal returns the record with its personal numbers in clear for p (an
// admin) and writes the reveal to the audit trail.
func (s *Service) Reveal(ctx context.Context, p Principal, kind Kind, id string) (Record, error) {
	r, err := s.Read(ctx, p, kind, id)
	if err != nil {
		return nil, err
	}
	if err := authorize(p, ActionRevealPII, r); err != nil {
		return nil, err
	}
	var fields []string
	for _, f := range PersonalFields(r) {
		if *f.Value != "" {
			fields = append(fields, f.Path)
		}
	}
	v := r.Base().Version
	if err := s.audit(ctx, p, string(ActionRevealPII), r, v, fields); err != nil {
		return nil, err
	}
	return r, nil
}

// visibleConflict keeps a conflict's existing id only if p may see that
// record.
func (s *Service) visibleConflict(ctx context.Context, p Principal, kind Kind, err error) error {
	var ce *ConflictError
	if !errors.As(err, &ce) || ce.ExistingID == "" || ce.Reason != "identity" {
		return err
	}
	if _, rerr := s.Read(ctx, p, kind, ce.ExistingID); rerr != nil {
		return &ConflictError{Reason: ce.Reason, Detail: "this person is already registered"}
	}
	return err
}
