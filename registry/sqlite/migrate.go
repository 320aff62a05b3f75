package sqlite

import (
	"context"
	"database/sql"
	"fmt"
	"time"
)

// migrate brings db's schema up to the last of migrations.
func migrate(ctx context.Context, db *sql.DB) error { return migrateTo(ctx, db, migrations) }

// migrateTo applies the steps of ms that db has not seen.
func migrateTo(ctx context.Context, db *sql.DB, ms []migration) error {
	const track = `CREATE TABLE IF NOT EXISTS schema_migrations (
	version    INTEGER PRIMARY KEY,
	name       TEXT    NOT NULL,
	applied_at INTEGER NOT NULL
)`
	if _, err := db.ExecContext(ctx, track); err != nil {
		return fmt.Errorf("sqlite: create schema_migrations: %w", err)
	}
	var have int
	if err := db.QueryRowContext(ctx, `SELECT coalesce(max(version), 0) FROM schema_migrations`).Scan(&have); err != nil {
		return fmt.Errorf("sqlite: read schema version: %w", err)
	}
	last := ms[len(ms)-1].version
	if have > last {
		return fmt.Errorf("sqlite: database schema version %d is newer than this program's %d", have, last)
	}
	for i, m := range ms {
		if m.version != i+1 {
			return fmt.Errorf("sqlite: migration %q has version %d, want %d", m.name, m.version, i+1)
		}
		if m.version > have {
			if err := apply(ctx, db, m); err != nil {
				return err
			}
		}
	}
	return nil
}

// apply runs one migration and records it, atomically.
func apply(ctx context.Context, db *sql.DB, m migration) error {
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("sqlite: migration %d %s: %w", m.version, m.name, err)
	}
	defer tx.Rollback()
	if _, err := tx.ExecContext(ctx, m.sql); err != nil {
		return fmt.Errorf("sqlite: migration %d %s: %w", m.version, m.name, err)
	}
	const done = `INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)`
	if _, err := tx.ExecContext(ctx, done, m.version, m.name, time.Now().UnixMilli()); err != nil {
		return fmt.Errorf("sqlite: record migration %d: %w", m.version, err)
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("sqlite: commit migration %d: %w", m.version, err)
	}
	return nil
}
