package registry

import (
	"context"
	"fmt"
)

// Delete removes a record still in its kind's first state (DRAFT, PROSPECT,
// PLANNED) at version ifMatch; ifMatch 0 means the current version. A record
// past its first state, or one that other records point at, gives a
// *ConflictError.
func (s *Service) Delete(ctx context.Context, p Principal, kind Kind, id string, ifMatch int64) error {
	r, err := s.Read(ctx, p, kind, id)
	if err != nil {
		return err
	}
	if err := authorize(p, ActionDelete, r); err != nil {
		return err
	}
	m := r.Base()
	if ifMatch != 0 && m.Version != ifMatch {
		return ErrVersionMismatch
	}
	if initial := r.Lifecycle().Initial; m.Status != initial {
		return &ConflictError{Reason: "not_deletable", ExistingID: id,
			Detail: fmt.Sprintf("only a record in %s can be deleted; this one is %s", initial, m.Status)}
	}
	if err := s.checkUnused(ctx, r); err != nil {
		return err
	}
	e := s.auditEntry(ctx, p, string(ActionDelete), r, m.Version, nil)
	if err := s.storeDelete(ctx, kind, id, m.Version, []Event{s.deletedEvent(p, r)}, e); err != nil {
		return err
	}
	return s.wrote(ctx, e)
}

// checkUnused refuses to delete an enclave that talents point at, or an
// expert a workstation names.
func (s *Service) checkUnused(ctx context.Context, r Record) error {
	var by Kind
	switch r.Kind() {
	case KindEnclave:
		by = KindTalent
	case KindExpert:
		by = KindWorkstation
	default:
		return nil
	}
	q := Query{Kind: by, Ref: r.Base().ID, Limit: 1}
	docs, err := s.store.List(ctx, q)
	if err != nil {
		return err
	}
	if len(docs) > 0 {
		return &ConflictError{Reason: "in_use", ExistingID: docs[0].ID,
			Detail: fmt.Sprintf("%s %s points at this record", by.Singular(), docs[0].ID)}
	}
	return nil
}
