package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"talentd/registry"
)

var _ registry.KeyStore = (*Store)(nil)

const keyColumns = `id, name, role, area, enclave_id, hash, prefix, created_at, expires_at, revoked_at, created_by`

// CreateKey implements registry.KeyStore.
func (s *Store) CreateKey(ctx context.Context, k registry.APIKey) error {
	const q = `INSERT INTO api_keys (` + keyColumns + `) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`
	_, err := s.write.ExecContext(ctx, q, k.ID, k.Name, k.Role, k.Area, k.EnclaveID, k.Hash, k.Prefix,
		millis(k.CreatedAt), optMillis(k.ExpiresAt), optMillis(k.RevokedAt), k.CreatedBy)
	if err = translate(err); errors.Is(err, registry.ErrConflict) {
		return &registry.ConflictError{Reason: "id", Detail: "an API key with this id or secret exists"}
	}
	if err != nil {
		return fmt.Errorf("sqlite: create key %s: %w", k.ID, err)
	}
	return nil
}

// GetKeyByHash implements registry.KeyStore.
func (s *Store) GetKeyByHash(ctx context.Context, hash string) (registry.APIKey, error) {
	return readKey(s.st.keyByHash.QueryRowContext(ctx, hash))
}

// readKey reads the one key row found, ErrNotFound for none.
func readKey(row *sql.Row) (registry.APIKey, error) {
	k, err := scanKey(row)
	if errors.Is(err, sql.ErrNoRows) {
		return k, fmt.Errorf("sqlite: API key: %w", registry.ErrNotFound)
	}
	if err != nil {
		return k, fmt.Errorf("sqlite: read API key: %w", err)
	}
	return k, nil
}

// ListKeys implements registry.KeyStore.
func (s *Store) ListKeys(ctx context.Context) ([]registry.APIKey, error) {
	rows, err := s.read.QueryContext(ctx, `SELECT `+keyColumns+` FROM api_keys ORDER BY created_at, id`)
	if err != nil {
		return nil, fmt.Errorf("sqlite: list keys: %w", err)
	}
	defer rows.Close()
	var out []registry.APIKey
	for rows.Next() {
		k, err := scanKey(rows)
		if err != nil {
			return nil, fmt.Errorf("sqlite: list keys: %w", err)
		}
		out = append(out, k)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("sqlite: list keys: %w", err)
	}
	return out, nil
}

// RevokeKey implements registry.KeyStore.
func (s *Store) RevokeKey(ctx context.Context, id string, at time.Time) (registry.APIKey, error) {
	var k registry.APIKey
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		const q = `UPDATE api_keys SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL`
		if _, err := tx.ExecContext(ctx, q, millis(at), id); err != nil {
			return fmt.Errorf("sqlite: revoke key %s: %w", id, err)
		}
		var err error
		k, err = readKey(tx.QueryRowContext(ctx, `SELECT `+keyColumns+` FROM api_keys WHERE id = ?`, id))
		return err
	})
	return k, err
}

// CountKeys implements registry.KeyStore.
func (s *Store) CountKeys(ctx context.Context) (int, error) {
	var n int
	if err := s.read.QueryRowContext(ctx, `SELECT count(*) FROM api_keys`).Scan(&n); err != nil {
		return 0, fmt.Errorf("sqlite: count keys: %w", err)
	}
	return n, nil
}

func scanKey(row scanner) (registry.APIKey, error) {
	var (
		k                registry.APIKey
		created          int64
		expires, revoked sql.NullInt64
	)
	err := row.Scan(&k.ID, &k.Name, &k.Role, &k.Area, &k.EnclaveID, &k.Hash, &k.Prefix,
		&created, &expires, &revoked, &k.CreatedBy)
	k.CreatedAt, k.ExpiresAt, k.RevokedAt = fromMillis(created), optTime(expires), optTime(revoked)
	return k, err
}

// optMillis stores an optional time as unix milliseconds or NULL.
func optMillis(t *time.Time) any {
	if t == nil {
		return nil
	}
	return millis(*t)
}

func optTime(ms sql.NullInt64) *time.Time {
	if !ms.Valid {
		return nil
	}
	t := fromMillis(ms.Int64)
	return &t
}
