package registry

import (
	"context"
	"time"
)

// KeyStore keeps API keys. Implementations: registry/sqlite,
// registry/mongodb; registry/storetest.RunSecurity is the contract.
type KeyStore interface {
	// CreateKey stores a new key. A key with the same ID or Hash is a
	// *ConflictError with Reason "id".
	CreateKey(ctx context.Context, k APIKey) error
	// GetKeyByHash returns the key whose Hash is hash, revoked and expired
	// ones included (the caller decides), or ErrNotFound.
	GetKeyByHash(ctx context.Context, hash string) (APIKey, error)
	// ListKeys returns every key, oldest first.
	ListKeys(ctx context.Context) ([]APIKey, error)
	// RevokeKey marks the key revoked at at and returns it. Revoking a
	// revoked key changes nothing and returns it as it is; an unknown id is
	// ErrNotFound.
	RevokeKey(ctx context.Context, id string, at time.Time) (APIKey, error)
	// CountKeys returns how many keys exist, revoked ones included.
	CountKeys(ctx context.Context) (int, error)
}

// AuditLog is the append-only, hash-chained audit trail. Its method names
// carry "Audit" because stores implement it beside Store.
type AuditLog interface {
	// AppendAudit adds e at the end of the chain and returns it as stored: the
	// store assigns Seq (the last seq + 1) and PrevHash (the last entry's
	// Hash, AuditGenesis for the first) and seals it with ChainAuditEntry,
	// atomically, so concurrent appends never fork the chain. The caller
	// sets every other field. An entry failing CheckAuditEntry is
	// ErrInvalid; an ID that exists is a *ConflictError with Reason "id".
	AppendAudit(ctx context.Context, e AuditEntry) (AuditEntry, error)
	// ListAudit returns entries matching q in seq order.
	ListAudit(ctx context.Context, q AuditQuery) ([]AuditEntry, error)
	// EachAudit calls fn with every entry in seq order, stopping at fn's first
	// error, which it returns.
	EachAudit(ctx context.Context, fn func(AuditEntry) error) error
	// AuditHead returns the chain head the store keeps beside the entries: the
	// seq and hash of the last entry appended (zero for an empty log). It
	// lets VerifyChain notice entries cut from the end.
	AuditHead(ctx context.Context) (AuditHead, error)
}

// AuditQuery selects audit entries. Zero fields do not filter.
type AuditQuery struct {
	Record    string    // RecordID
	Principal string    // KeyID
	Action    string    // Action, exactly
	From      time.Time // inclusive
	To        time.Time // exclusive
	After     int64     // only Seq > After (keyset paging)
	Limit     int       // 0: no limit
}

// AuditHead is the last entry's position in the chain.
type AuditHead struct {
	Seq  int64
	Hash string
}

// EachAuditPaged is EachAudit for a store whose ListAudit pages by seq:
// it calls fn with every entry list returns, page entries at a time,
// stopping at fn's first error, which it returns.
func EachAuditPaged(ctx context.Context, list func(context.Context, AuditQuery) ([]AuditEntry, error), page int, fn func(AuditEntry) error) error {
	for after := int64(0); ; {
		entries, err := list(ctx, AuditQuery{After: after, Limit: page})
		if err != nil {
			return err
		}
		for _, e := range entries {
			if err := fn(e); err != nil {
				return err
			}
		}
		if len(entries) < page {
			return nil
		}
		after = entries[len(entries)-1].Seq
	}
}
