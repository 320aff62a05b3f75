package mongodb

import (
	"context"
	"errors"
	"fmt"

	"go.mongodb.org/mongo-driver/v2/bson"
	"go.mongodb.org/mongo-driver/v2/mongo"
	"go.mongodb.org/mongo-driver/v2/mongo/options"

	"talentd/registry"
)

// pendingRow is a document that has events waiting.
type pendingRow struct {
	ID     string     `bson:"_id"`
	Outbox []eventRow `bson:"outbox"`
}

// Pending implements registry.Outbox. It reads, per kind, the limit
// documents whose oldest pending event is oldest, then merges their
// outboxes by time while keeping each record's events in write (version)
// order. A limit of 0 or less returns nothing.
func (s *Store) Pending(ctx context.Context, limit int) ([]registry.Event, error) {
	if limit <= 0 {
		return nil, nil
	}
	var queues [][]registry.Event
	for _, k := range registry.Kinds {
		q, err := s.pendingOf(ctx, k, limit)
		if err != nil {
			return nil, err
		}
		queues = append(queues, q...)
	}
	return mergeByTime(queues, limit), nil
}

func (s *Store) pendingOf(ctx context.Context, kind registry.Kind, limit int) ([][]registry.Event, error) {
	c := s.db.Collection(string(kind))
	f := bson.D{{Key: fOutboxSince, Value: bson.D{{Key: "$exists", Value: true}}}}
	opts := options.Find().
		SetSort(bson.D{{Key: fOutboxSince, Value: 1}, {Key: fID, Value: 1}}).
		SetProjection(bson.D{{Key: fOutbox, Value: 1}}).
		SetLimit(int64(limit))
	cur, err := c.Find(ctx, f, opts)
	if err != nil {
		return nil, fmt.Errorf("mongodb: pending %s: %w", kind, err)
	}
	var rows []pendingRow
	if err := cur.All(ctx, &rows); err != nil {
		return nil, fmt.Errorf("mongodb: pending %s: %w", kind, err)
	}
	queues := make([][]registry.Event, 0, len(rows))
	for _, r := range rows {
		q := make([]registry.Event, len(r.Outbox))
		for i, e := range r.Outbox {
			q[i] = e.event()
		}
		queues = append(queues, q)
	}
	return queues, nil
}

// MarkPublished implements registry.Outbox. Each record's published
// entries are removed with an exact $pullAll of the stored entries (a
// conditional $pull is not portable); the pending marker goes when the
// outbox is empty, and a tombstone goes with it.
func (s *Store) MarkPublished(ctx context.Context, events []registry.Event) error {
	for _, g := range groupByRecord(events) {
		if err := s.clear(ctx, g); err != nil {
			return err
		}
	}
	return nil
}

func (s *Store) clear(ctx context.Context, g recordEvents) error {
	c, err := s.coll(g.kind)
	if err != nil {
		return err
	}
	entries, err := storedEntries(ctx, c, g)
	if err != nil || len(entries) == 0 {
		return err
	}
	byID := bson.D{{Key: fID, Value: g.id}}
	pull := bson.D{{Key: "$pullAll", Value: bson.D{{Key: fOutbox, Value: entries}}}}
	if _, err := c.UpdateOne(ctx, byID, pull); err != nil {
		return fmt.Errorf("mongodb: clear outbox of %s %s: %w", g.kind, g.id, err)
	}
	empty := append(byID, bson.E{Key: fOutbox, Value: bson.D{{Key: "$size", Value: 0}}})
	unmark := bson.D{{Key: "$unset", Value: bson.D{{Key: fOutboxSince, Value: ""}}}}
	if _, err := c.UpdateOne(ctx, empty, unmark); err != nil {
		return fmt.Errorf("mongodb: unmark outbox of %s %s: %w", g.kind, g.id, err)
	}
	return s.dropTombstone(ctx, c, g.id)
}

// storedEntries returns the outbox entries of the record, exactly as
// stored, whose ids are in g.
func storedEntries(ctx context.Context, c *mongo.Collection, g recordEvents) (bson.A, error) {
	var doc struct {
		Outbox []bson.Raw `bson:"outbox"`
	}
	opts := options.FindOne().SetProjection(bson.D{{Key: fOutbox, Value: 1}})
	err := c.FindOne(ctx, bson.D{{Key: fID, Value: g.id}}, opts).Decode(&doc)
	if errors.Is(err, mongo.ErrNoDocuments) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("mongodb: read outbox of %s %s: %w", g.kind, g.id, err)
	}
	var entries bson.A
	for _, e := range doc.Outbox {
		if id, ok := e.Lookup("id").StringValueOK(); ok && g.ids[id] {
			entries = append(entries, e)
		}
	}
	return entries, nil
}
