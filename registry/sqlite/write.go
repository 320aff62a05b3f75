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
	r, err := toRow(doc)
	if err != nil {
		return err
	}
	err = s.inTx(ctx, func(tx *sql.Tx) error {
		if err := checkUnique(ctx, tx, doc, true); err != nil {
			return err
		}
		rid, err := insertRecord(ctx, tx, r)
		if err != nil {
			return err
		}
		if err := writeIndexRows(ctx, tx, rid, doc); err != nil {
			return err
		}
		return insertEvents(ctx, tx, events)
	})
	if err != nil {
		return fmt.Errorf("sqlite: create %s: %w", doc.ID, err)
	}
	return nil
}

// Update replaces the document stored at version prev, with its events.
func (s *Store) Update(ctx context.Context, doc registry.Document, prev int64, events []registry.Event) error {
	if doc.Version != prev+1 {
		return fmt.Errorf("sqlite: update %s: version %d does not follow %d: %w", doc.ID, doc.Version, prev, registry.ErrInvalid)
	}
	r, err := toRow(doc)
	if err != nil {
		return err
	}
	err = s.inTx(ctx, func(tx *sql.Tx) error {
		rid, err := lockVersion(ctx, tx, doc.Kind, doc.ID, prev)
		if err != nil {
			return err
		}
		if err := checkUnique(ctx, tx, doc, false); err != nil {
			return err
		}
		if err := updateRecord(ctx, tx, rid, r); err != nil {
			return err
		}
		if err := writeIndexRows(ctx, tx, rid, doc); err != nil {
			return err
		}
		return insertEvents(ctx, tx, events)
	})
	if err != nil {
		return fmt.Errorf("sqlite: update %s: %w", doc.ID, err)
	}
	return nil
}

// Delete removes the document stored at version prev and records events.
func (s *Store) Delete(ctx context.Context, kind registry.Kind, id string, prev int64, events []registry.Event) error {
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		rid, err := lockVersion(ctx, tx, kind, id, prev)
		if err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM records WHERE rid = ?`, rid); err != nil {
			return err
		}
		return insertEvents(ctx, tx, events)
	})
	if err != nil {
		return fmt.Errorf("sqlite: delete %s: %w", id, err)
	}
	return nil
}

// lockVersion returns the rowid of the record if it is stored at version
// prev; ErrNotFound or ErrVersionMismatch otherwise. Inside the write
// transaction nothing can change it before the caller writes.
func lockVersion(ctx context.Context, tx *sql.Tx, kind registry.Kind, id string, prev int64) (int64, error) {
	var rid, version int64
	err := tx.QueryRowContext(ctx, `SELECT rid, version FROM records WHERE kind = ? AND id = ?`, kind, id).Scan(&rid, &version)
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

const insertSQL = `INSERT INTO records (kind, id, area, status, version, created_at, updated_at,
	name, name_fold, identity, idem_key, idem_hash, filters, refs, body)
	VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`

func insertRecord(ctx context.Context, tx *sql.Tx, r row) (int64, error) {
	res, err := tx.ExecContext(ctx, insertSQL, r.Kind, r.ID, r.Area, r.Status, r.Version,
		millis(r.CreatedAt), millis(r.UpdatedAt), r.Name, r.nameFold, r.Identity,
		r.IdemKey, r.IdemHash, r.filters, r.refs, r.Body)
	if err != nil {
		return 0, translate(err)
	}
	return res.LastInsertId()
}

const updateSQL = `UPDATE records SET area = ?, status = ?, version = ?, created_at = ?,
	updated_at = ?, name = ?, name_fold = ?, identity = ?, idem_key = ?, idem_hash = ?,
	filters = ?, refs = ?, body = ? WHERE rid = ?`

func updateRecord(ctx context.Context, tx *sql.Tx, rid int64, r row) error {
	_, err := tx.ExecContext(ctx, updateSQL, r.Area, r.Status, r.Version, millis(r.CreatedAt),
		millis(r.UpdatedAt), r.Name, r.nameFold, r.Identity, r.IdemKey, r.IdemHash,
		r.filters, r.refs, r.Body, rid)
	return translate(err)
}
