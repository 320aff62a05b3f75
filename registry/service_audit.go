package registry

import (
	"context"
	"fmt"
	"reflect"
)

// auditedStore returns the store as an AuditedStore if it keeps the
// service's audit trail too, else nil.
//
// Every change is audited. When the store is an AuditedStore and is also
// the service's audit log (SQLite), the entry is written in the change's
// atomic write: both are kept or neither. Otherwise (MongoDB) the entry is
// appended right after the write, and a crash between the two loses it,
// though the change's outbox events, written atomically with it, still
// name the principal. A reveal writes no record, so its entry is always
// appended on its own. An append that fails is returned, so the caller
// learns the change is not accounted for.
func auditedStore(store Store, log AuditLog) AuditedStore {
	a, ok := store.(AuditedStore)
	if !ok || log == nil {
		return nil
	}
	st, lt := reflect.TypeOf(store), reflect.TypeOf(log)
	if st != lt || !st.Comparable() || any(store) != any(log) {
		return nil
	}
	return a
}

// auditEntry is the entry of the change p makes to r, already at its new
// version (or, for a reveal, its current one); before is the version the
// change started from (0 for a create). It is nil when the service keeps
// no trail.
func (s *Service) auditEntry(ctx context.Context, p Principal, action string, r Record, before int64, fields []string) *AuditEntry {
	if s.auditLog == nil {
		return nil
	}
	req := RequestOf(ctx)
	m := r.Base()
	return &AuditEntry{
		ID: s.ids.New("aud"), Time: s.Now(), KeyID: p.KeyID, KeyName: p.Name, Role: p.Role,
		Action: action, Kind: r.Kind(), RecordID: m.ID, VersionBefore: before, VersionAfter: m.Version,
		Fields: fields, RequestID: req.ID, ClientIP: req.ClientIP,
	}
}

// audit appends the entry of an act that writes no record (a reveal).
func (s *Service) audit(ctx context.Context, p Principal, action string, r Record, before int64, fields []string) error {
	return s.appendAudit(ctx, s.auditEntry(ctx, p, action, r, before, fields))
}

// appendAudit appends e to the trail on its own; nil does nothing.
func (s *Service) appendAudit(ctx context.Context, e *AuditEntry) error {
	if e == nil {
		return nil
	}
	if _, err := s.auditLog.AppendAudit(ctx, *e); err != nil {
		return fmt.Errorf("registry: audit %s of %s: %w", e.Action, e.RecordID, err)
	}
	return nil
}

// inWrite reports whether e goes into the store write of its change.
func (s *Service) inWrite(e *AuditEntry) bool { return e != nil && s.audited != nil }

// wrote follows a successful store write carrying e: it kicks the outbox
// relay and appends e unless the write already held it.
func (s *Service) wrote(ctx context.Context, e *AuditEntry) error {
	s.onWrite()
	if s.inWrite(e) {
		return nil
	}
	return s.appendAudit(ctx, e)
}

// storeCreate, storeUpdate and storeDelete write a change with its events,
// and with its audit entry e when the store takes it (see inWrite).
func (s *Service) storeCreate(ctx context.Context, doc Document, evs []Event, e *AuditEntry) error {
	if s.inWrite(e) {
		return s.audited.CreateAudited(ctx, doc, evs, *e)
	}
	return s.store.Create(ctx, doc, evs)
}

func (s *Service) storeUpdate(ctx context.Context, doc Document, prev int64, evs []Event, e *AuditEntry) error {
	if s.inWrite(e) {
		return s.audited.UpdateAudited(ctx, doc, prev, evs, *e)
	}
	return s.store.Update(ctx, doc, prev, evs)
}

func (s *Service) storeDelete(ctx context.Context, kind Kind, id string, prev int64, evs []Event, e *AuditEntry) error {
	if s.inWrite(e) {
		return s.audited.DeleteAudited(ctx, kind, id, prev, evs, *e)
	}
	return s.store.Delete(ctx, kind, id, prev, evs)
}

// AuditKeyChange appends a change to an API key (create, revoke) to the
// audit trail.
func (s *Service) AuditKeyChange(ctx context.Context, p Principal, action string, keyID string) error {
	if s.auditLog == nil {
		return nil
	}
	req := RequestOf(ctx)
	e := AuditEntry{
		ID: s.ids.New("aud"), Time: s.Now(), KeyID: p.KeyID, KeyName: p.Name, Role: p.Role,
		Action: action, RecordID: keyID, RequestID: req.ID, ClientIP: req.ClientIP,
	}
	return s.appendAudit(ctx, &e)
}
