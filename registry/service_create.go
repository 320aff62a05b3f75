package registry

import (
	"context"
	"errors"
	"time"
)

// Create registers a new record in its kind's first state. With idem set, a
// retry of the same request returns the record it created (replayed true)
// and a reuse of the key with another body fails with
// ErrIdempotencyMismatch. A person already registered under the same
// identity document gives a *ConflictError naming the existing record.
func (s *Service) Create(ctx context.Context, p Principal, r Record, idem *Idempotency) (rec Record, replayed bool, err error) {
	if err := authorizeCreate(p, r); err != nil {
		return nil, false, err
	}
	if idem != nil {
		if rec, err := s.replay(ctx, r.Kind(), *idem); !errors.Is(err, ErrNotFound) {
			return rec, err == nil, err
		}
	}
	now := s.Now()
	m := r.Base()
	*m = Meta{
		ID: s.ids.New(r.Kind().IDPrefix()), Area: m.Area, Status: r.Lifecycle().Initial,
		Version: 1, CreatedAt: now, UpdatedAt: now, CreatedBy: p.Actor(),
		StatusHistory: []StatusChange{{To: r.Lifecycle().Initial, At: now, By: p.Actor()}},
	}
	if err := s.check(ctx, r, now); err != nil {
		return nil, false, err
	}
	if r.Kind() == KindWorkstation {
		s.stations.Lock()
		defer s.stations.Unlock()
		if err := s.checkStationLimit(ctx, r.(*Workstation)); err != nil {
			return nil, false, err
		}
	}
	doc, err := s.document(r, idem)
	if err != nil {
		return nil, false, err
	}
	e := s.auditEntry(ctx, p, string(ActionCreate), r, 0, nil)
	err = s.storeCreate(ctx, doc, []Event{s.createdEvent(r)}, e)
	var ce *ConflictError
	if idem != nil && errors.As(err, &ce) && ce.Reason == "idempotency_key" {
		rec, err := s.replay(ctx, r.Kind(), *idem) // a concurrent retry won the race
		return rec, err == nil, err
	}
	if err != nil {
		return nil, false, s.visibleConflict(ctx, p, r.Kind(), err)
	}
	return r, false, s.wrote(ctx, e)
}

// replay returns the record an earlier request with the same idempotency key
// created, ErrIdempotencyMismatch if that request had another body, or
// ErrNotFound if there was none.
func (s *Service) replay(ctx context.Context, kind Kind, idem Idempotency) (Record, error) {
	doc, err := s.store.FindIdemKey(ctx, kind, idem.Key)
	if err != nil {
		return nil, err
	}
	if doc.IdemHash != idem.Hash {
		return nil, ErrIdempotencyMismatch
	}
	return s.open(doc)
}

// check normalises and validates r, then checks the rules that need other
// records.
func (s *Service) check(ctx context.Context, r Record, now time.Time) error {
	Normalize(r)
	if err := s.checker.Validate(r, now); err != nil {
		return err
	}
	return s.checkRefs(ctx, r)
}
