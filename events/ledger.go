package events

import (
	"context"
	"fmt"
	"sync"
)

// Ledger remembers which event ids a consumer has applied.
type Ledger interface {
	// Seen reports whether the id was recorded.
	Seen(ctx context.Context, id string) (bool, error)
	// Record notes the id as applied.
	Record(ctx context.Context, id string) error
}

// Once wraps h so that an event whose id the ledger has seen is acknowledged
// without running h again, and a successful run is recorded. The id is
// recorded after h succeeds, so a crash between the two can still apply an
// event twice: a handler whose effect must never repeat keeps its own unique
// key in the same write as the effect. Once saves the work of a replay.
func Once(l Ledger, h Handler) Handler {
	return func(ctx context.Context, e Event) error {
		seen, err := l.Seen(ctx, e.ID)
		if err != nil {
			return fmt.Errorf("events: ledger: %w", err)
		}
		if seen {
			return nil
		}
		if err := h(ctx, e); err != nil {
			return err
		}
		if err := l.Record(ctx, e.ID); err != nil {
			return fmt.Errorf("events: ledger: %w", err)
		}
		return nil
	}
}

// MemoryLedger is a Ledger in memory that keeps the newest Size ids (all
// when Size is 0). It is forgotten on restart; events/jetstream has a
// durable one.
type MemoryLedger struct {
	Size int

	mu    sync.Mutex
	seen  map[string]struct{}
	order []string
}

// Seen implements Ledger.
func (m *MemoryLedger) Seen(_ context.Context, id string) (bool, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	_, ok := m.seen[id]
	return ok, nil
}

// Record implements Ledger.
func (m *MemoryLedger) Record(_ context.Context, id string) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.seen == nil {
		m.seen = map[string]struct{}{}
	}
	if _, ok := m.seen[id]; ok {
		return nil
	}
	m.seen[id] = struct{}{}
	m.order = append(m.order, id)
	if m.Size > 0 && len(m.order) > m.Size {
		delete(m.seen, m.order[0])
		m.order = m.order[1:]
	}
	return nil
}
