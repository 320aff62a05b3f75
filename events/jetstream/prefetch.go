package jetstream

import (
	"context"

	"talentd/registry"
)

// pagedOutbox is an Outbox that can read the events written after a given
// one (registry/sqlite implements it). With it the relay reads its next
// batch while the current one is being published, instead of after.
type pagedOutbox interface {
	PendingAfter(ctx context.Context, id string, limit int) ([]registry.Event, error)
}

// batchReader returns the relay's next batch.
type batchReader func() ([]registry.Event, error)

// firstBatch reads the oldest pending events.
func (r *Relay) firstBatch(ctx context.Context) batchReader {
	return func() ([]registry.Event, error) { return r.outbox.Pending(ctx, r.cfg.Batch) }
}

// nextBatch returns the reader of the batch after cur. A paged outbox is
// read at once, in the background, while cur is being published; the
// relay uses that batch only after cur is acknowledged and cleared whole,
// so each record's events still reach the stream in order. Other outboxes
// are read from the start when the reader is called.
func (r *Relay) nextBatch(ctx context.Context, cur []registry.Event) batchReader {
	paged, ok := r.outbox.(pagedOutbox)
	if !ok {
		return r.firstBatch(ctx)
	}
	type result struct {
		evs []registry.Event
		err error
	}
	ch := make(chan result, 1) // a batch never waited for does not block
	go func() {
		evs, err := paged.PendingAfter(ctx, cur[len(cur)-1].ID, r.cfg.Batch)
		ch <- result{evs, err}
	}()
	return func() ([]registry.Event, error) {
		res := <-ch
		return res.evs, res.err
	}
}
