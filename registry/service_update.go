package registry

import (
	"bytes"
	"context"
	"encoding/json"
	"sort"
)

// Replace stores next as the new content of the record kind/id, which must be
// at version ifMatch (else ErrVersionMismatch). The server fields (id,
// status, history, timestamps) are kept from the stored record whatever next
// says. A replacement that changes nothing returns the stored record as it
// is, without a new version.
func (s *Service) Replace(ctx context.Context, p Principal, kind Kind, id string, ifMatch int64, next Record) (Record, error) {
	cur, err := s.Read(ctx, p, kind, id)
	if err != nil {
		return nil, err
	}
	if cur.Base().Version != ifMatch {
		return nil, ErrVersionMismatch
	}
	*next.Base() = *cur.Base()
	next.Base().Area = areaOf(next, cur)
	now := s.Now()
	if err := s.check(ctx, next, now); err != nil {
		return nil, err
	}
	changed := ChangedFields(cur, next)
	if err := authorizeReplace(p, cur, changed); err != nil {
		return nil, err
	}
	if len(changed) == 0 {
		return cur, nil
	}
	if kind == KindWorkstation {
		s.stations.Lock()
		defer s.stations.Unlock()
		if err := s.checkStationLimit(ctx, next.(*Workstation)); err != nil {
			return nil, err
		}
	}
	next.Base().Version++
	next.Base().UpdatedAt = now
	evs := append([]Event{s.updatedEvent(p, next, changed)}, s.contentEvents(cur, next)...)
	e := s.auditEntry(ctx, p, string(ActionUpdate), next, ifMatch, changed)
	if err := s.write(ctx, next, ifMatch, evs, e); err != nil {
		return nil, s.visibleConflict(ctx, p, kind, err)
	}
	return next, s.wrote(ctx, e)
}

// areaOf keeps the area a replacement asks for; an empty one keeps the old.
func areaOf(next, cur Record) string {
	if a := next.Base().Area; a != "" {
		return a
	}
	return cur.Base().Area
}

// write stores r (already at its new version) over version prev with evs
// and, where the store takes it, the audit entry e; the caller then calls
// wrote.
func (s *Service) write(ctx context.Context, r Record, prev int64, evs []Event, e *AuditEntry) error {
	doc, err := s.document(r, nil)
	if err != nil {
		return err
	}
	return s.storeUpdate(ctx, doc, prev, evs, e)
}

// ChangedFields lists the top-level JSON fields whose values differ between
// two versions of a record, server fields aside, sorted.
func ChangedFields(a, b Record) []string {
	ma, mb := fieldsOf(a), fieldsOf(b)
	var out []string
	for k, va := range ma {
		if vb, ok := mb[k]; !ok || !bytes.Equal(va, vb) {
			out = append(out, k)
		}
	}
	for k := range mb {
		if _, ok := ma[k]; !ok {
			out = append(out, k)
		}
	}
	sort.Strings(out)
	return out
}

func fieldsOf(r Record) map[string]json.RawMessage {
	b, _ := EncodeRecord(r)
	var m map[string]json.RawMessage
	_ = json.Unmarshal(b, &m)
	for _, f := range ServerFields {
		delete(m, f)
	}
	return m
}
