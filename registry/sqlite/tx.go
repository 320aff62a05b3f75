package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"modernc.org/sqlite"
	sqlite3 "modernc.org/sqlite/lib"

	"talentd/registry"
)

// txn is a write transaction with the prepared write statements.
type txn struct {
	ctx context.Context
	tx  *sql.Tx
	st  *statements
}

// exec runs prepared statement s inside the transaction.
func (t txn) exec(s *sql.Stmt, args ...any) (sql.Result, error) {
	r, err := t.tx.StmtContext(t.ctx, s).ExecContext(t.ctx, args...)
	return r, translate(err)
}

// queryRow runs prepared query s inside the transaction.
func (t txn) queryRow(s *sql.Stmt, args ...any) *sql.Row {
	return t.tx.StmtContext(t.ctx, s).QueryRowContext(t.ctx, args...)
}

// inTx runs fn in an IMMEDIATE transaction on the single write connection
// and commits if fn succeeds. Writes therefore never interleave.
func (s *Store) inTx(ctx context.Context, fn func(tx *sql.Tx) error) error {
	return s.writeTx(ctx, func(t txn) error { return fn(t.tx) })
}

// writeTx is inTx with the prepared write statements at hand.
func (s *Store) writeTx(ctx context.Context, fn func(t txn) error) error {
	tx, err := s.write.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("sqlite: begin: %w", err)
	}
	if err := fn(txn{ctx: ctx, tx: tx, st: s.st}); err != nil {
		tx.Rollback()
		return err
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("sqlite: commit: %w", translate(err))
	}
	return nil
}

// translate maps a UNIQUE or PRIMARY KEY violation to registry.ErrConflict;
// other errors pass through. The writes check uniqueness first and name the
// holder; this is the safety net for whatever slips past.
func translate(err error) error {
	var se *sqlite.Error
	if errors.As(err, &se) {
		switch se.Code() {
		case sqlite3.SQLITE_CONSTRAINT_UNIQUE, sqlite3.SQLITE_CONSTRAINT_PRIMARYKEY:
			return fmt.Errorf("%w: %v", registry.ErrConflict, err)
		}
	}
	return err
}
