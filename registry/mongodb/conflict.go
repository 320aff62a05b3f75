package mongodb

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"go.mongodb.org/mongo-driver/v2/bson"
	"go.mongodb.org/mongo-driver/v2/mongo"
	"go.mongodb.org/mongo-driver/v2/mongo/options"

	"talentd/registry"
)

// writeError translates a failed insert or update of doc. A duplicate key
// becomes a *registry.ConflictError naming the holder. Engines word the
// error differently (FerretDB does not name the index), so the holder is
// looked up rather than parsed from the message.
func (s *Store) writeError(ctx context.Context, c *mongo.Collection, doc registry.Document, create bool, err error) error {
	if !isDuplicateKey(err) {
		return fmt.Errorf("mongodb: write %s %s: %w", doc.Kind, doc.ID, err)
	}
	for _, k := range conflictKeys(doc, create) {
		holder, lerr := holderOf(ctx, c, k.field, k.value, doc.ID)
		if lerr != nil {
			return lerr
		}
		if holder != "" {
			return &registry.ConflictError{Reason: k.reason, ExistingID: holder, Detail: k.detail}
		}
	}
	return fmt.Errorf("mongodb: %s %s: duplicate key: %w", doc.Kind, doc.ID, registry.ErrConflict)
}

// isDuplicateKey reports a unique index violation. FerretDB 1.24 reports
// one caused by an update (not an insert) as an InternalError quoting its
// SQLite backend rather than as E11000.
func isDuplicateKey(err error) bool {
	return mongo.IsDuplicateKeyError(err) || strings.Contains(err.Error(), "UNIQUE constraint failed")
}

type conflictKey struct {
	reason, field, value, detail string
}

// conflictKeys are the unique values of doc to check, most specific first:
// a replayed request collides on its idempotency key before its identity.
func conflictKeys(doc registry.Document, create bool) []conflictKey {
	var keys []conflictKey
	if create {
		keys = append(keys, conflictKey{"id", fID, doc.ID, "a record with this id exists"})
	}
	if doc.IdemKey != "" {
		keys = append(keys, conflictKey{"idempotency_key", fIdemKey, doc.IdemKey, "a record was created under this idempotency key"})
	}
	if doc.Identity != "" {
		keys = append(keys, conflictKey{"identity", fIdentity, doc.Identity, "a record with this identity document exists"})
	}
	return keys
}

// holderOf returns the id of the document, other than self (unless the
// field is the id), whose field has value; "" if none.
func holderOf(ctx context.Context, c *mongo.Collection, field, value, self string) (string, error) {
	f := bson.D{{Key: field, Value: value}}
	if field != fID {
		f = append(f, bson.E{Key: fID, Value: bson.D{{Key: "$ne", Value: self}}})
	}
	var got struct {
		ID string `bson:"_id"`
	}
	err := c.FindOne(ctx, f, options.FindOne().SetProjection(bson.D{{Key: fID, Value: 1}})).Decode(&got)
	if errors.Is(err, mongo.ErrNoDocuments) {
		return "", nil
	}
	if err != nil {
		return "", fmt.Errorf("mongodb: look up conflicting %s: %w", field, err)
	}
	return got.ID, nil
}
