package mongodb

import (
	"context"
	"errors"
	"fmt"

	"go.mongodb.org/mongo-driver/v2/bson"
	"go.mongodb.org/mongo-driver/v2/mongo"

	"talentd/registry"
)

// Create implements registry.Store: one insert holds the record and its
// events.
func (s *Store) Create(ctx context.Context, doc registry.Document, events []registry.Event) error {
	c, err := s.writable(doc)
	if err != nil {
		return err
	}
	set, _ := recordFields(doc)
	ins := append(bson.D{{Key: fID, Value: doc.ID}}, set...)
	ins = append(ins, bson.E{Key: fOutbox, Value: eventRows(events)})
	if len(events) > 0 {
		ins = append(ins, bson.E{Key: fOutboxSince, Value: oldest(events)})
	}
	if _, err := c.InsertOne(ctx, ins); err != nil {
		return s.writeError(ctx, c, doc, true, err)
	}
	return nil
}

// Update implements registry.Store: one update, guarded by the stored
// version, replaces the record's fields and appends its events.
func (s *Store) Update(ctx context.Context, doc registry.Document, prev int64, events []registry.Event) error {
	c, err := s.writable(doc)
	if err != nil {
		return err
	}
	set, unset := recordFields(doc)
	upd := bson.D{{Key: "$set", Value: set}}
	if len(unset) > 0 {
		upd = append(upd, bson.E{Key: "$unset", Value: unset})
	}
	upd = append(upd, outboxUpdate(events)...)
	res, err := c.UpdateOne(ctx, versioned(doc.ID, prev), upd)
	if err != nil {
		return s.writeError(ctx, c, doc, false, err)
	}
	if res.MatchedCount == 0 {
		return s.missed(ctx, doc.Kind, doc.ID)
	}
	return nil
}

// Delete implements registry.Store. The document becomes a tombstone that
// keeps only its outbox (its unique keys unset, so they are free again) and
// is removed once its events are published.
func (s *Store) Delete(ctx context.Context, kind registry.Kind, id string, prev int64, events []registry.Event) error {
	c, err := s.coll(kind)
	if err != nil {
		return err
	}
	upd := append(bson.D{
		{Key: "$set", Value: bson.D{{Key: fDeleted, Value: true}, {Key: fVersion, Value: prev + 1}}},
		{Key: "$unset", Value: tombstoneUnset},
	}, outboxUpdate(events)...)
	res, err := c.UpdateOne(ctx, versioned(id, prev), upd)
	if err != nil {
		return fmt.Errorf("mongodb: delete %s %s: %w", kind, id, err)
	}
	if res.MatchedCount == 0 {
		return s.missed(ctx, kind, id)
	}
	return s.dropTombstone(ctx, c, id)
}

// tombstoneUnset clears every record field of a deleted document.
var tombstoneUnset = bson.D{
	{Key: fArea, Value: ""}, {Key: fStatus, Value: ""}, {Key: fCreatedAt, Value: ""},
	{Key: fUpdatedAt, Value: ""}, {Key: fName, Value: ""}, {Key: fNameLower, Value: ""},
	{Key: fFilters, Value: ""}, {Key: fIdentity, Value: ""}, {Key: fRefs, Value: ""},
	{Key: fIdemKey, Value: ""}, {Key: fIdemHash, Value: ""}, {Key: fBody, Value: ""},
}

// dropTombstone removes a tombstone whose outbox is empty.
func (s *Store) dropTombstone(ctx context.Context, c *mongo.Collection, id string) error {
	f := bson.D{{Key: fID, Value: id}, {Key: fDeleted, Value: true}, {Key: fOutbox, Value: bson.D{{Key: "$size", Value: 0}}}}
	if _, err := c.DeleteOne(ctx, f); err != nil {
		return fmt.Errorf("mongodb: remove tombstone %s %s: %w", c.Name(), id, err)
	}
	return nil
}

// writable returns doc's collection once doc's filter names are checked
// to be storable field names.
func (s *Store) writable(doc registry.Document) (*mongo.Collection, error) {
	for name := range doc.Filters {
		if !storableName(name) {
			return nil, fmt.Errorf("mongodb: filter name %q: %w", name, registry.ErrInvalid)
		}
	}
	return s.coll(doc.Kind)
}

// versioned matches the live document id at version prev.
func versioned(id string, prev int64) bson.D {
	return bson.D{{Key: fID, Value: id}, {Key: fVersion, Value: prev}, live}
}

// missed explains a guarded write that matched nothing: the document is
// gone (ErrNotFound) or at another version (ErrVersionMismatch).
func (s *Store) missed(ctx context.Context, kind registry.Kind, id string) error {
	_, err := s.Get(ctx, kind, id)
	switch {
	case errors.Is(err, registry.ErrNotFound):
		return err
	case err != nil:
		return err
	}
	return fmt.Errorf("mongodb: %s %s: %w", kind, id, registry.ErrVersionMismatch)
}
