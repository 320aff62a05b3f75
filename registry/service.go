package registry

import (
	"context"
	"errors"
	"sync"
	"time"
)

// Checker validates a normalised record; *Validator implements it.
type Checker interface {
	Validate(r Record, now time.Time) error
}

// ServiceConfig wires a Service. Store, Checker and Protector are required.
type ServiceConfig struct {
	Store     Store
	Checker   Checker
	Protector Protector
	// Audit receives an entry for every write, transition and reveal; nil
	// keeps no trail (tests of other concerns). When Audit is the Store
	// and the Store is an AuditedStore, each change's entry is written in
	// the change's own atomic write.
	Audit AuditLog
	Clock Clock // default SystemClock
	IDs   IDs   // default UUIDv7
	// OnWrite is called after every successful write, e.g. to kick the
	// outbox relay. It must not block.
	OnWrite func()
}

// Service applies the registry's rules: it validates records, checks the
// cross-record rules, moves records through their lifecycles, seals
// personal numbers and writes each change with its events (and, where the
// store can, its audit entry) in one atomic store write.
type Service struct {
	store    Store
	checker  Checker
	pii      Protector
	clock    Clock
	ids      IDs
	onWrite  func()
	auditLog AuditLog
	audited  AuditedStore // the store, when it writes entries with changes
	// stations serialises the academician workstation limit check with the
	// write that depends on it, within this process.
	stations sync.Mutex
}

// NewService returns a Service over the configured parts.
func NewService(c ServiceConfig) *Service {
	s := &Service{store: c.Store, checker: c.Checker, pii: c.Protector, clock: c.Clock, ids: c.IDs, onWrite: c.OnWrite, auditLog: c.Audit,
		audited: auditedStore(c.Store, c.Audit)}
	if s.clock == nil {
		s.clock = SystemClock{}
	}
	if s.ids == nil {
		s.ids = UUIDv7{}
	}
	if s.onWrite == nil {
		s.onWrite = func() {}
	}
	return s
}

// Store returns the service's store.
func (s *Service) Store() Store { return s.store }

// Now is the service clock's time, truncated to the millisecond that stores keep.
func (s *Service) Now() time.Time { return s.clock.Now().UTC().Truncate(time.Millisecond) }

// Idempotency identifies a create request that a client may retry.
type Idempotency struct {
	Key  string // "<principal>:<Idempotency-Key header>"
	Hash string // hash of the request body
}

// ErrIdempotencyMismatch is returned when an idempotency key is reused with
// another request body.
var ErrIdempotencyMismatch = errors.New("registry: idempotency key reused with another request")

// Get returns the record with personal numbers in clear, or ErrNotFound.
func (s *Service) Get(ctx context.Context, kind Kind, id string) (Record, error) {
	doc, err := s.store.Get(ctx, kind, id)
	if err != nil {
		return nil, err
	}
	return s.open(doc)
}

// open decodes a stored document and decrypts its personal numbers.
func (s *Service) open(doc Document) (Record, error) {
	r, err := DecodeRecord(doc.Kind, doc.Body)
	if err != nil {
		return nil, err
	}
	if err := sealPersonal(r, s.pii.Open); err != nil {
		return nil, err
	}
	return r, nil
}

// document returns r as a store document, its personal numbers sealed.
func (s *Service) document(r Record, idem *Idempotency) (Document, error) {
	body, err := s.sealedBody(r)
	if err != nil {
		return Document{}, err
	}
	m := r.Base()
	doc := Document{
		Kind: r.Kind(), ID: m.ID, Area: m.Area, Status: m.Status, Version: m.Version,
		CreatedAt: m.CreatedAt, UpdatedAt: m.UpdatedAt, Name: r.DisplayName(),
		Filters: r.Filters(), Identity: s.identity(r), Refs: r.Refs(), Body: body,
	}
	if idem != nil {
		doc.IdemKey, doc.IdemHash = idem.Key, idem.Hash
	}
	return doc, nil
}

// sealedBody is r's canonical JSON with its personal numbers sealed. It
// seals r itself for the encoding and then puts the clear numbers back,
// which spares a deep copy of the record; r must not be in use elsewhere
// meanwhile (the service's records belong to one request).
func (s *Service) sealedBody(r Record) ([]byte, error) {
	fields := PersonalFields(r)
	clear := make([]string, len(fields))
	for i, f := range fields {
		clear[i] = *f.Value
	}
	defer func() {
		for i, f := range fields {
			*f.Value = clear[i]
		}
	}()
	if err := sealPersonal(r, s.pii.Seal); err != nil {
		return nil, err
	}
	return EncodeRecord(r)
}

// identity is the keyed hash that makes a person's document unique per kind.
func (s *Service) identity(r Record) string {
	d := r.Identity()
	if d == nil || d.Number == "" {
		return ""
	}
	country := ""
	switch t := r.(type) {
	case *Talent:
		country = t.Nationality
	case *Expert:
		country = t.Nationality
		if t.Passport != nil && t.Passport.Country != "" {
			country = t.Passport.Country
		}
	}
	return s.pii.Index(IdentityKey(*d, country))
}
