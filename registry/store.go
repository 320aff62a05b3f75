package registry

import (
	"context"
	"time"
)

// Document is a record as a store keeps it: the indexed fields the store
// filters, sorts and enforces uniqueness on, and the record's canonical JSON
// document (personal numbers sealed) as an opaque body.
type Document struct {
	Kind      Kind
	ID        string
	Area      string
	Status    Status
	Version   int64
	CreatedAt time.Time
	UpdatedAt time.Time
	Name      string
	// Filters holds the kind's indexed filter fields (Record.Filters).
	Filters map[string]string
	// Identity is a keyed hash of the person's identity document, unique per
	// kind; empty for kinds without one.
	Identity string
	// Refs are ids of records this one points at (Record.Refs).
	Refs []string
	// IdemKey is "<principal>:<Idempotency-Key>" of the request that created
	// the record, unique per kind when not empty; IdemHash is the hash of
	// that request's body.
	IdemKey  string
	IdemHash string
	// Body is the canonical JSON document.
	Body []byte
}

// Event is a domain event waiting in the outbox. It is written in the same
// atomic write as the record change it describes.
type Event struct {
	ID       string    // evt_<uuidv7>, also the Nats-Msg-Id
	Type     string    // the subject, talent.<kind>.<event>
	Kind     Kind      // kind of the record it is about
	RecordID string    // the record it is about (the CloudEvents subject)
	Version  int64     // the record version it belongs to
	Time     time.Time // when the change happened
	Data     []byte    // JSON payload; never personal numbers
}

// Cursor is a keyset position in the newest-first order (created_at, id).
type Cursor struct {
	CreatedAt time.Time
	ID        string
}

// Query selects documents of one kind. Zero fields do not filter. Results
// come newest first: created_at descending, then id descending.
type Query struct {
	Kind         Kind
	IDs          []string // only these ids (an enclave key's scope)
	Areas        []string // only these areas
	Status       Status
	StatusNotIn  []Status
	NameContains string    // case-insensitive substring of Name
	CreatedFrom  time.Time // inclusive
	CreatedTo    time.Time // exclusive
	Filters      map[string]string
	Ref          string // only documents whose Refs contain this id
	After        *Cursor
	Limit        int // 0: no limit
}

// Store keeps records. Implementations: registry/sqlite, registry/mongodb;
// registry/storetest is the contract both pass.
type Store interface {
	// Create inserts doc (Version 1) and its events atomically. It returns a
	// *ConflictError with Reason "identity" or "idempotency_key" (and the
	// holder's id) when another document of the kind has the same Identity
	// or IdemKey, and Reason "id" when the id exists. When several unique
	// values clash, the idempotency key is reported first (so a retried
	// create replays). A deleted document's identity may be used again.
	Create(ctx context.Context, doc Document, events []Event) error
	// Get returns the document, or ErrNotFound.
	Get(ctx context.Context, kind Kind, id string) (Document, error)
	// Update replaces the document whose stored version is prev with doc
	// (doc.Version is prev+1) and appends events, atomically. It returns
	// ErrNotFound if absent, ErrVersionMismatch if the stored version is not
	// prev, and a *ConflictError as Create does for Identity.
	Update(ctx context.Context, doc Document, prev int64, events []Event) error
	// Delete removes the document at version prev and records events
	// atomically; ErrNotFound, ErrVersionMismatch as Update. The events still
	// reach the outbox.
	Delete(ctx context.Context, kind Kind, id string, prev int64, events []Event) error
	// List returns up to q.Limit documents matching q, newest first.
	List(ctx context.Context, q Query) ([]Document, error)
	// Count returns how many documents match q (Limit and After ignored).
	Count(ctx context.Context, q Query) (int, error)
	// FindIdentity returns the document of the kind with the identity hash,
	// or ErrNotFound.
	FindIdentity(ctx context.Context, kind Kind, identity string) (Document, error)
	// FindIdemKey returns the document of the kind created under the
	// idempotency key, or ErrNotFound.
	FindIdemKey(ctx context.Context, kind Kind, key string) (Document, error)
	// Ping reports whether the store is reachable.
	Ping(ctx context.Context) error
	// Close releases the store.
	Close() error
}

// AuditedStore is a Store that appends a change's audit entry in the same
// atomic write as the change, chained as AuditLog.AppendAudit would. Each
// method fails as its plain Store counterpart does, and then writes neither
// the change nor the entry; an entry failing CheckAuditEntry is ErrInvalid,
// and nothing is written either. Implementations: registry/sqlite (MongoDB,
// without multi-document transactions, cannot); registry/storetest checks it.
type AuditedStore interface {
	CreateAudited(ctx context.Context, doc Document, events []Event, entry AuditEntry) error
	UpdateAudited(ctx context.Context, doc Document, prev int64, events []Event, entry AuditEntry) error
	DeleteAudited(ctx context.Context, kind Kind, id string, prev int64, events []Event, entry AuditEntry) error
}

// Outbox is the read side of the events that writes leave behind. Stores
// implement it beside Store.
type Outbox interface {
	// Pending returns up to limit unpublished events, oldest first and in
	// version order per record.
	Pending(ctx context.Context, limit int) ([]Event, error)
	// MarkPublished clears the events from the outbox; clearing one already
	// cleared is not an error.
	MarkPublished(ctx context.Context, events []Event) error
}
