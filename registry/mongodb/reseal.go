package mongodb

import (
	"context"
	"fmt"

	"go.mongodb.org/mongo-driver/v2/bson"

	"talentd/registry"
)

// ReplaceBody replaces the body of the document stored at version, keeping
// its version and indexed fields and writing no event, in one update
// guarded by the version. It is for re-encrypting personal numbers under a
// new key (talentd keys rotate-pii): the record's content must not
// otherwise change. It returns ErrNotFound and ErrVersionMismatch as
// Update does.
func (s *Store) ReplaceBody(ctx context.Context, kind registry.Kind, id string, version int64, body []byte) error {
	c, err := s.coll(kind)
	if err != nil {
		return err
	}
	upd := bson.D{{Key: "$set", Value: bson.D{{Key: fBody, Value: bodyValue(body)}}}}
	res, err := c.UpdateOne(ctx, versioned(id, version), upd)
	if err != nil {
		return fmt.Errorf("mongodb: replace body of %s %s: %w", kind, id, err)
	}
	if res.MatchedCount == 0 {
		return s.missed(ctx, kind, id)
	}
	return nil
}
