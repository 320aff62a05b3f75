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
		SetSort(bson.D{{Key: fOutboxSince, Value: 1}}). // the sparse index's order
		SetProjection(bson.D{{Key: fOutbox, Value: 1}}).
		SetLimit(int64(limit))
	rows, err := findAll[pendingRow](ctx, c, f, opts, "pending "+string(kind))
	if err != nil {
		return nil, err
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

// MarkPublished implements registry.Outbox. A conditional $pull is not
// portable (FerretDB ignores it), so each record's entries are removed with
// an exact $pullAll: first of the entries rebuilt from the events, which
// match what Pending returned, and, should any be left (the caller changed
// an event), of the entries as stored. When the outbox is empty the pending
// marker goes, and a tombstone goes with it.
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
	left, err := pullEntries(ctx, c, g.id, eventRows(g.events))
	if err != nil || left == nil {
		return err
	}
	if left.holdsAny(g.ids) {
		entries, err := storedEntries(ctx, c, g)
		if err != nil || len(entries) == 0 {
			return err
		}
		if left, err = pullEntries(ctx, c, g.id, entries); err != nil || left == nil {
			return err
		}
	}
	if len(left.Outbox) > 0 {
		return nil
	}
	return s.unmark(ctx, c, g.id, left.Deleted)
}

// outboxLeft is a record's outbox after a pull.
type outboxLeft struct {
	Outbox []struct {
		ID string `bson:"id"`
	} `bson:"outbox"`
	Deleted bool `bson:"deleted"`
}

func (l *outboxLeft) holdsAny(ids map[string]bool) bool {
	for _, e := range l.Outbox {
		if ids[e.ID] {
			return true
		}
	}
	return false
}

// pullEntries removes the exact entries from the record's outbox and
// returns what is left; nil if the record is gone.
func pullEntries(ctx context.Context, c *mongo.Collection, id string, entries bson.A) (*outboxLeft, error) {
	pull := bson.D{{Key: "$pullAll", Value: bson.D{{Key: fOutbox, Value: entries}}}}
	// No projection: FerretDB's findAndModify does not implement one.
	opts := options.FindOneAndUpdate().SetReturnDocument(options.After)
	var left outboxLeft
	err := c.FindOneAndUpdate(ctx, bson.D{{Key: fID, Value: id}}, pull, opts).Decode(&left)
	if errors.Is(err, mongo.ErrNoDocuments) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("mongodb: clear outbox of %s %s: %w", c.Name(), id, err)
	}
	return &left, nil
}

// unmark drops the pending marker of a record whose outbox is empty, or the
// whole document if it is a tombstone. The empty-outbox guard leaves alone
// a record that got new events meanwhile.
func (s *Store) unmark(ctx context.Context, c *mongo.Collection, id string, tombstone bool) error {
	if tombstone {
		return s.dropTombstone(ctx, c, id)
	}
	empty := bson.D{{Key: fID, Value: id}, {Key: fOutbox, Value: bson.D{{Key: "$size", Value: 0}}}}
	unset := bson.D{{Key: "$unset", Value: bson.D{{Key: fOutboxSince, Value: ""}}}}
	if _, err := c.UpdateOne(ctx, empty, unset); err != nil {
		return fmt.Errorf("mongodb: unmark outbox of %s %s: %w", c.Name(), id, err)
	}
	return nil
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
