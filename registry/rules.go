package registry

import (
	"context"
	"errors"
	"fmt"
)

// checkRefs checks that the records r points at exist and fit: a talent's
// enclave must exist; a workstation's academicians must be experts of an
// academician kind.
func (s *Service) checkRefs(ctx context.Context, r Record) error {
	verr := &ValidationError{}
	switch t := r.(type) {
	case *Talent:
		if t.EnclaveID != "" {
			if _, err := s.store.Get(ctx, KindEnclave, t.EnclaveID); errors.Is(err, ErrNotFound) {
				verr.Add("enclave_id", "not_found", t.EnclaveID)
			} else if err != nil {
				return err
			}
		}
	case *Workstation:
		for i, a := range t.Academicians {
			if err := s.checkAcademician(ctx, a.ExpertID, fmt.Sprintf("academicians[%d].expert_id", i), verr); err != nil {
				return err
			}
		}
	}
	return verr.Err()
}

func (s *Service) checkAcademician(ctx context.Context, id, field string, verr *ValidationError) error {
	e, err := s.expert(ctx, id)
	switch {
	case errors.Is(err, ErrNotFound):
		verr.Add(field, "not_found", id)
	case err != nil:
		return err
	case !e.ExpertKind.IsAcademician():
		verr.Add(field, "not_academician", string(e.ExpertKind))
	}
	return nil
}

func (s *Service) expert(ctx context.Context, id string) (*Expert, error) {
	doc, err := s.store.Get(ctx, KindExpert, id)
	if err != nil {
		return nil, err
	}
	r, err := DecodeRecord(KindExpert, doc.Body)
	if err != nil {
		return nil, err
	}
	return r.(*Expert), nil
}

// StationLimit is how many active workstations an academician may serve:
// one while working, three once retired.
func StationLimit(retired bool) int {
	if retired {
		return 3
	}
	return 1
}

// checkStationLimit refuses w if one of its academicians would serve more
// workstations than allowed, counting stations that are not ended, revoked
// or rejected (w itself excluded). Callers hold s.stations.
func (s *Service) checkStationLimit(ctx context.Context, w *Workstation) error {
	if isInactiveStation(w.Status) {
		return nil
	}
	for _, a := range w.Academicians {
		e, err := s.expert(ctx, a.ExpertID)
		if err != nil {
			return err
		}
		n, err := s.store.Count(ctx, Query{Kind: KindWorkstation, Ref: a.ExpertID, StatusNotIn: StationInactive})
		if err != nil {
			return err
		}
		if s.servesAlready(ctx, w, a.ExpertID) {
			n--
		}
		limit := StationLimit(e.Retired != nil && *e.Retired)
		if n+1 > limit {
			return &ConflictError{Reason: "workstation_limit", ExistingID: a.ExpertID,
				Detail: fmt.Sprintf("academician already serves %d active workstation(s); the limit is %d", n, limit)}
		}
	}
	return nil
}

// servesAlready reports whether the stored version of w already counts the
// expert (so an update does not count the station twice).
func (s *Service) servesAlready(ctx context.Context, w *Workstation, expertID string) bool {
	if w.ID == "" {
		return false
	}
	doc, err := s.store.Get(ctx, KindWorkstation, w.ID)
	if err != nil || isInactiveStation(doc.Status) {
		return false
	}
	for _, r := range doc.Refs {
		if r == expertID {
			return true
		}
	}
	return false
}

func isInactiveStation(st Status) bool {
	for _, x := range StationInactive {
		if x == st {
			return true
		}
	}
	return false
}
