package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"talentd/registry"
)

// Create inserts doc and its events in one transaction.
func (s *Store) Create(ctx context.Context, doc registry.Document, events []registry.Event) error {
	return s.create(ctx, doc, events, nil)
}

// create is Create, with entry appended to the audit trail in the same
// transaction unless it is nil.
func (s *Store) create(ctx context.Context, doc registry.Document, events []registry.Event, entry *registry.AuditEntry) error {
	r, err := toRow(doc)
	if err != nil {
		return err
	}
	err = s.auditedTx(ctx, entry, func(t txn) error {
		if err := checkUnique(t, doc, true); err != nil {
			return err
		}
		res, err := t.exec(t.st.insertRecord, r.Kind, r.ID, r.Area, r.Status, r.Version,
			millis(r.CreatedAt), millis(r.UpdatedAt), r.Name, r.nameFold, r.Identity,
			r.IdemKey, r.IdemHash, r.filters, r.tags, r.refs)
		if err != nil {
			return err
		}
		rid, err := res.LastInsertId()
		if err != nil {
			return err
		}
		if _, err := t.exec(t.st.insertBody, rid, r.Body); err != nil {
			return err
		}
		return finishWrite(t, rid, doc, events)
	})
	if err != nil {
		return fmt.Errorf("sqlite: create %s: %w", doc.ID, err)
	}
	return nil
}

// Update replaces the document stored at version prev, with its events.
func (s *Store) Update(ctx context.Context, doc registry.Document, prev int64, events []registry.Event) error {
	return s.update(ctx, doc, prev, events, nil)
}

// update is Update, with entry as create has it.
func (s *Store) update(ctx context.Context, doc registry.Document, prev int64, events []registry.Event, entry *registry.AuditEntry) error {
	if doc.Version != prev+1 {
		return fmt.Errorf("sqlite: update %s: version %d does not follow %d: %w", doc.ID, doc.Version, prev, registry.ErrInvalid)
	}
	r, err := toRow(doc)
	if err != nil {
		return err
	}
	err = s.auditedTx(ctx, entry, func(t txn) error {
		rid, err := lockVersion(t, doc.Kind, doc.ID, prev)
		if err != nil {
			return err
		}
		if err := checkUnique(t, doc, false); err != nil {
			return err
		}
		_, err = t.exec(t.st.updateRecord, r.Area, r.Status, r.Version, millis(r.CreatedAt),
			millis(r.UpdatedAt), r.Name, r.nameFold, r.Identity, r.IdemKey, r.IdemHash,
			r.filters, r.tags, r.refs, rid)
		if err != nil {
			return err
		}
		if _, err := t.exec(t.st.updateBody, r.Body, rid); err != nil {
			return err
		}
		if err := clearIndexRows(t, rid); err != nil {
			return err
		}
		return finishWrite(t, rid, doc, events)
	})
	if err != nil {
		return fmt.Errorf("sqlite: update %s: %w", doc.ID, err)
	}
	return nil
}

// Delete removes the document stored at version prev and records events.
// Its body, filter and ref rows go with it (ON DELETE CASCADE).
func (s *Store) Delete(ctx context.Context, kind registry.Kind, id string, prev int64, events []registry.Event) error {
	return s.delete(ctx, kind, id, prev, events, nil)
}

// delete is Delete, with entry as create has it.
func (s *Store) delete(ctx context.Context, kind registry.Kind, id string, prev int64, events []registry.Event, entry *registry.AuditEntry) error {
	err := s.auditedTx(ctx, entry, func(t txn) error {
		rid, err := lockVersion(t, kind, id, prev)
		if err != nil {
			return err
		}
		if _, err := t.exec(t.st.deleteRecord, rid); err != nil {
			return err
		}
		return insertEvents(t, events)
	})
	if err != nil {
		return fmt.Errorf("sqlite: delete %s: %w", id, err)
	}
	return nil
}

// finishWrite writes the index rows of record rid, which has none, and
// appends events.
func finishWrite(t txn, rid int64, doc registry.Document, events []registry.Event) error {
	if err := writeIndexRows(t, rid, doc); err != nil {
		return err
	}
	return insertEvents(t, events)
}

// lockVersion returns the rowid of the record if it is stored at version
// prev; ErrNotFound or ErrVersionMismatch otherwise. Inside the write
// transaction nothing can change it before the caller writes.
func lockVersion(t txn, kind registry.Kind, id string, prev int64) (int64, error) {
	var rid, version int64
	err := t.queryRow(t.st.version, kind, id).Scan(&rid, &version)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, registry.ErrNotFound
	}
	if err != nil {
		return 0, err
	}
	if version != prev {
		return 0, fmt.Errorf("stored version %d, expected %d: %w", version, prev, registry.ErrVersionMismatch)
	}
	return rid, nil
}
