package sqlite

import (
	"context"
	"fmt"
	"strings"

	"talentd/registry"
)

// insertEvents appends events to the outbox inside the write transaction;
// seq keeps them in write order.
func insertEvents(t txn, events []registry.Event) error {
	for _, e := range events {
		data := e.Data
		if data == nil {
			data = []byte{}
		}
		if _, err := t.exec(t.st.insertEvent, e.ID, e.Type, e.Kind, e.RecordID, e.Version, millis(e.Time), data); err != nil {
			return fmt.Errorf("outbox event %s: %w", e.ID, err)
		}
	}
	return nil
}

// Pending returns up to limit unpublished events in the order they were
// written.
func (s *Store) Pending(ctx context.Context, limit int) ([]registry.Event, error) {
	const q = `SELECT event_id, type, kind, record_id, version, time, data
		FROM outbox ORDER BY seq LIMIT ?`
	return s.pending(ctx, q, limit)
}

// PendingAfter returns up to limit unpublished events written after the
// event with the id, in the order they were written: the page after one
// that Pending returned, read while that page is still being published.
// When that event is no longer in the outbox it reads from the start, as
// Pending does.
func (s *Store) PendingAfter(ctx context.Context, id string, limit int) ([]registry.Event, error) {
	const q = `SELECT event_id, type, kind, record_id, version, time, data
		FROM outbox WHERE seq > coalesce((SELECT seq FROM outbox WHERE event_id = ?), 0)
		ORDER BY seq LIMIT ?`
	return s.pending(ctx, q, limit, id)
}

// pending runs a query for outbox rows whose last parameter is the limit.
func (s *Store) pending(ctx context.Context, q string, limit int, args ...any) ([]registry.Event, error) {
	if limit <= 0 {
		return nil, nil
	}
	rows, err := s.read.QueryContext(ctx, q, append(args, limit)...)
	if err != nil {
		return nil, fmt.Errorf("sqlite: pending events: %w", err)
	}
	defer rows.Close()
	out := make([]registry.Event, 0, min(limit, 1024))
	for rows.Next() {
		var (
			e  registry.Event
			ms int64
		)
		if err := rows.Scan(&e.ID, &e.Type, &e.Kind, &e.RecordID, &e.Version, &ms, &e.Data); err != nil {
			return nil, fmt.Errorf("sqlite: pending events: %w", err)
		}
		e.Time = fromMillis(ms)
		out = append(out, e)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("sqlite: pending events: %w", err)
	}
	return out, nil
}

// MarkPublished deletes the events from the outbox; events already gone
// are ignored.
func (s *Store) MarkPublished(ctx context.Context, events []registry.Event) error {
	const batch = 500
	for start := 0; start < len(events); start += batch {
		part := events[start:min(start+batch, len(events))]
		ids := make([]any, len(part))
		for i, e := range part {
			ids[i] = e.ID
		}
		q := `DELETE FROM outbox WHERE event_id IN (` + placeholders(len(ids)) + `)`
		if _, err := s.write.ExecContext(ctx, q, ids...); err != nil {
			return fmt.Errorf("sqlite: mark published: %w", err)
		}
	}
	return nil
}

// placeholders returns n comma-separated question marks.
func placeholders(n int) string {
	return strings.TrimSuffix(strings.Repeat("?,", n), ",")
}
