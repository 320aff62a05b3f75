package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"time"

	"talentd/events"
	"talentd/registry"
	"talentd/registry/pii"
	"talentd/registry/sqlite"
)

// rawStore writes the create-talent scenario's talents straight into a
// SQLite store: each as the document and "created" event the service would
// write (normalised, personal numbers sealed with the data directory's key,
// identity hashed), without HTTP and without validation. Documents of the
// measured requests are made before the clock starts, as the HTTP
// scenarios' bodies are, so only the store's write is timed. With -audit
// each create is followed by the audit entry the service appends (a second
// write transaction, as in the service). Replies carry
// the status the API would give: 201, 409 on a conflict, 500 otherwise.
type rawStore struct {
	store *sqlite.Store
	keys  *pii.Keyring
	gen   talents
	audit bool // also append the create's audit entry, as the service does
	pre   []write
}

// write is one store write: a document and its events.
type write struct {
	doc    registry.Document
	events []registry.Event
}

func openRawStore(cfg config, gen talents) (*rawStore, error) {
	st, err := sqlite.Open(cfg.DataDir)
	if err != nil {
		return nil, err
	}
	keys, err := pii.LoadOrCreate(cfg.DataDir, cfg.PIIKey)
	if err != nil {
		st.Close()
		return nil, err
	}
	return &rawStore{store: st, keys: keys, gen: gen, audit: cfg.Audit}, nil
}

func (s *rawStore) prepare(_ context.Context, cfg config) error { return s.prepareWrites(cfg.Count) }

// prepareWrites builds the writes of talents 0…n-1.
func (s *rawStore) prepareWrites(n int64) error {
	s.pre = make([]write, n)
	for i := range s.pre {
		w, err := s.write(int64(i))
		if err != nil {
			return err
		}
		s.pre[i] = w
	}
	return nil
}

func (s *rawStore) worker(int) op {
	return func(ctx context.Context, i int64) (reply, error) {
		w, err := s.writeAt(i)
		if err != nil {
			return reply{}, err
		}
		err = s.store.Create(ctx, w.doc, w.events)
		if err == nil && s.audit {
			_, err = s.store.AppendAudit(ctx, auditEntry(w.doc))
		}
		switch {
		case err == nil:
			return reply{Code: http.StatusCreated}, nil
		case errors.Is(err, registry.ErrConflict):
			return reply{Code: http.StatusConflict, Problem: err.Error()}, nil
		}
		return reply{Code: http.StatusInternalServerError, Problem: err.Error()}, nil
	}
}

func (s *rawStore) writeAt(i int64) (write, error) {
	if i < int64(len(s.pre)) {
		return s.pre[i], nil
	}
	return s.write(i)
}

func (s *rawStore) close() error { return s.store.Close() }

// write is talent i as the service would store it on create, now.
func (s *rawStore) write(i int64) (write, error) {
	t := s.gen.talent(i)
	registry.Normalize(t)
	now := time.Now().UTC().Truncate(time.Millisecond)
	initial, by := t.Lifecycle().Initial, registry.System.Actor()
	t.Meta = registry.Meta{ID: registry.UUIDv7{}.New(registry.KindTalent.IDPrefix()), Area: t.Area,
		Status: initial, Version: 1, CreatedAt: now, UpdatedAt: now, CreatedBy: by,
		StatusHistory: []registry.StatusChange{{To: initial, At: now, By: by}}}
	identity := s.keys.Index(registry.IdentityKey(t.IDDoc, t.Nationality))
	ev, err := createdEvent(t)
	if err != nil {
		return write{}, err
	}
	for _, f := range registry.PersonalFields(t) {
		if *f.Value, err = s.keys.Seal(*f.Value); err != nil {
			return write{}, fmt.Errorf("talentbench: seal %s: %w", f.Path, err)
		}
	}
	body, err := registry.EncodeRecord(t)
	if err != nil {
		return write{}, err
	}
	doc := registry.Document{Kind: registry.KindTalent, ID: t.ID, Area: t.Area, Status: t.Status,
		Version: 1, CreatedAt: now, UpdatedAt: now, Name: t.DisplayName(), Filters: t.Filters(),
		Identity: identity, Refs: t.Refs(), Body: body}
	return write{doc: doc, events: []registry.Event{ev}}, nil
}

// createdEvent is the talent.talent.created event of t, as the service
// writes it to the outbox.
func createdEvent(t *registry.Talent) (registry.Event, error) {
	data, err := json.Marshal(events.RecordCreated{Record: events.Record{ID: t.ID, Kind: registry.KindTalent.Singular(),
		Area: t.Area, Version: 1, Status: string(t.Status)}, Facts: registry.FactsOf(t)})
	if err != nil {
		return registry.Event{}, fmt.Errorf("talentbench: encode event: %w", err)
	}
	return registry.Event{ID: registry.UUIDv7{}.New("evt"), Type: events.SubjectCreated(registry.KindTalent.Singular()),
		Kind: registry.KindTalent, RecordID: t.ID, Version: 1, Time: t.UpdatedAt, Data: data}, nil
}

// auditEntry is the entry the service appends after creating doc as the
// system principal.
func auditEntry(doc registry.Document) registry.AuditEntry {
	p := registry.System
	return registry.AuditEntry{ID: registry.UUIDv7{}.New("aud"), Time: time.Now().UTC().Truncate(time.Millisecond),
		KeyID: p.KeyID, KeyName: p.Name, Role: p.Role, Action: string(registry.ActionCreate),
		Kind: doc.Kind, RecordID: doc.ID, VersionAfter: doc.Version}
}
