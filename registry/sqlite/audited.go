package sqlite

import (
	"context"

	"talentd/registry"
)

var _ registry.AuditedStore = (*Store)(nil)

// CreateAudited implements registry.AuditedStore: Create, with entry
// appended to the audit trail in the same transaction.
func (s *Store) CreateAudited(ctx context.Context, doc registry.Document, events []registry.Event, entry registry.AuditEntry) error {
	return s.create(ctx, doc, events, &entry)
}

// UpdateAudited implements registry.AuditedStore: Update, with entry
// appended to the audit trail in the same transaction.
func (s *Store) UpdateAudited(ctx context.Context, doc registry.Document, prev int64, events []registry.Event, entry registry.AuditEntry) error {
	return s.update(ctx, doc, prev, events, &entry)
}

// DeleteAudited implements registry.AuditedStore: Delete, with entry
// appended to the audit trail in the same transaction.
func (s *Store) DeleteAudited(ctx context.Context, kind registry.Kind, id string, prev int64, events []registry.Event, entry registry.AuditEntry) error {
	return s.delete(ctx, kind, id, prev, events, &entry)
}

// auditedTx is writeTx that, when entry is not nil, appends it to the audit
// chain after fn succeeds, in the same transaction: the change and its
// entry are committed together or not at all.
func (s *Store) auditedTx(ctx context.Context, entry *registry.AuditEntry, fn func(t txn) error) error {
	if entry != nil {
		if err := registry.CheckAuditEntry(*entry); err != nil {
			return err
		}
	}
	return s.writeTx(ctx, func(t txn) error {
		if err := fn(t); err != nil || entry == nil {
			return err
		}
		_, err := appendAudit(t, *entry)
		return err
	})
}
