package sqlite

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"

	"talentd/registry"
)

var _ registry.AuditLog = (*Store)(nil)

const auditColumns = `seq, id, time, key_id, key_name, role, action, kind, record_id,
	version_before, version_after, fields, request_id, client_ip, prev_hash, hash`

// auditPage is how many entries EachAudit reads at a time.
const auditPage = 500

// AppendAudit implements registry.AuditLog: the head is read, the entry
// inserted and the head moved in one write transaction, so appends never
// fork the chain.
func (s *Store) AppendAudit(ctx context.Context, e registry.AuditEntry) (registry.AuditEntry, error) {
	if err := registry.CheckAuditEntry(e); err != nil {
		return e, err
	}
	err := s.writeTx(ctx, func(t txn) error {
		var err error
		e, err = appendAudit(t, e)
		return err
	})
	return e, err
}

// appendAudit chains e to the head inside write transaction t, inserts it
// and moves the head, returning e as stored. Writes run one at a time, so
// no other append can read the same head.
func appendAudit(t txn, e registry.AuditEntry) (registry.AuditEntry, error) {
	head, err := scanHead(t.queryRow(t.st.auditHead))
	if err != nil {
		return e, err
	}
	e = registry.ChainAuditEntry(e, head.Seq, head.Hash)
	if err := insertAudit(t, e); err != nil {
		return e, err
	}
	if _, err := t.exec(t.st.moveHead, e.Seq, e.Hash); err != nil {
		return e, fmt.Errorf("sqlite: audit head: %w", err)
	}
	return e, nil
}

func insertAudit(t txn, e registry.AuditEntry) error {
	fields, err := json.Marshal(e.Fields)
	if err != nil {
		return fmt.Errorf("sqlite: audit fields: %w", err)
	}
	_, err = t.exec(t.st.insertAudit, e.Seq, e.ID, millis(e.Time), e.KeyID, e.KeyName, e.Role, e.Action, e.Kind,
		e.RecordID, e.VersionBefore, e.VersionAfter, string(fields), e.RequestID, e.ClientIP, e.PrevHash, e.Hash)
	if errors.Is(err, registry.ErrConflict) {
		return &registry.ConflictError{Reason: "id", ExistingID: e.ID, Detail: "an audit entry with this id exists"}
	}
	if err != nil {
		return fmt.Errorf("sqlite: append audit entry: %w", err)
	}
	return nil
}

// AuditHead implements registry.AuditLog.
func (s *Store) AuditHead(ctx context.Context) (registry.AuditHead, error) {
	return scanHead(s.read.QueryRowContext(ctx, auditHeadSQL))
}

// scanHead reads the chain head row; none is the head of an empty log.
func scanHead(row *sql.Row) (registry.AuditHead, error) {
	var h registry.AuditHead
	err := row.Scan(&h.Seq, &h.Hash)
	if err != nil && !errors.Is(err, sql.ErrNoRows) {
		return h, fmt.Errorf("sqlite: audit head: %w", err)
	}
	return h, nil
}

// ListAudit implements registry.AuditLog.
func (s *Store) ListAudit(ctx context.Context, q registry.AuditQuery) ([]registry.AuditEntry, error) {
	w := &where{}
	w.add("seq > ?", q.After)
	if q.Record != "" {
		w.add("record_id = ?", q.Record)
	}
	if q.Principal != "" {
		w.add("key_id = ?", q.Principal)
	}
	if q.Action != "" {
		w.add("action = ?", q.Action)
	}
	if !q.From.IsZero() {
		w.add("time >= ?", millis(q.From))
	}
	if !q.To.IsZero() {
		w.add("time < ?", millis(q.To))
	}
	sqlq := `SELECT ` + auditColumns + ` FROM audit_log WHERE ` + w.String() + ` ORDER BY seq`
	if q.Limit > 0 {
		sqlq += fmt.Sprintf(" LIMIT %d", q.Limit)
	}
	return s.queryAudit(ctx, sqlq, w.args...)
}

// EachAudit implements registry.AuditLog, reading a page at a time.
func (s *Store) EachAudit(ctx context.Context, fn func(registry.AuditEntry) error) error {
	return registry.EachAuditPaged(ctx, s.ListAudit, auditPage, fn)
}

func (s *Store) queryAudit(ctx context.Context, q string, args ...any) ([]registry.AuditEntry, error) {
	rows, err := s.read.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, fmt.Errorf("sqlite: audit entries: %w", err)
	}
	defer rows.Close()
	var out []registry.AuditEntry
	for rows.Next() {
		e, err := scanAudit(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, e)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("sqlite: audit entries: %w", err)
	}
	return out, nil
}

func scanAudit(row scanner) (registry.AuditEntry, error) {
	var (
		e      registry.AuditEntry
		ms     int64
		fields string
	)
	err := row.Scan(&e.Seq, &e.ID, &ms, &e.KeyID, &e.KeyName, &e.Role, &e.Action, &e.Kind, &e.RecordID,
		&e.VersionBefore, &e.VersionAfter, &fields, &e.RequestID, &e.ClientIP, &e.PrevHash, &e.Hash)
	if err != nil {
		return e, fmt.Errorf("sqlite: audit entry: %w", err)
	}
	e.Time = fromMillis(ms)
	if err := json.Unmarshal([]byte(fields), &e.Fields); err != nil {
		return e, fmt.Errorf("sqlite: audit entry %d fields: %w", e.Seq, err)
	}
	return e, nil
}
