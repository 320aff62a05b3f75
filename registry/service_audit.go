package registry

import (
	"context"
	"fmt"
)

// audit appends the change p made to r (now at its stored version) to the
// audit trail, if the service has one. before is the version the change
// started from (0 for a create; equal to the current one for a reveal).
//
// The entry is appended right after the record's write, not inside it: a
// crash between the two loses the entry, though the change's outbox events,
// written atomically with it, still name the principal (a reveal writes no
// event, so a reveal lost that way leaves no trace). An append that fails is
// returned, so the caller learns the change is not accounted for.
func (s *Service) audit(ctx context.Context, p Principal, action string, r Record, before int64, fields []string) error {
	if s.auditLog == nil {
		return nil
	}
	req := RequestOf(ctx)
	m := r.Base()
	e := AuditEntry{
		ID: s.ids.New("aud"), Time: s.Now(), KeyID: p.KeyID, KeyName: p.Name, Role: p.Role,
		Action: action, Kind: r.Kind(), RecordID: m.ID, VersionBefore: before, VersionAfter: m.Version,
		Fields: fields, RequestID: req.ID, ClientIP: req.ClientIP,
	}
	if _, err := s.auditLog.AppendAudit(ctx, e); err != nil {
		return fmt.Errorf("registry: audit %s of %s: %w", action, m.ID, err)
	}
	return nil
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
	if _, err := s.auditLog.AppendAudit(ctx, e); err != nil {
		return fmt.Errorf("registry: audit %s of %s: %w", action, keyID, err)
	}
	return nil
}
