package mongodb

import (
	"context"

	"go.mongodb.org/mongo-driver/v2/bson"
	"go.mongodb.org/mongo-driver/v2/mongo"
	"go.mongodb.org/mongo-driver/v2/mongo/options"
)

// ensureSecurityIndexes creates the indexes of the API key and audit
// collections; ensureIndexes calls it at Open.
func (s *Store) ensureSecurityIndexes(ctx context.Context) error {
	sets := map[string][]mongo.IndexModel{
		collKeys: {{Keys: bson.D{{Key: "hash", Value: 1}}, Options: options.Index().SetName("hash_unique").SetUnique(true)}},
		collAudit: {
			{Keys: bson.D{{Key: "id", Value: 1}}, Options: options.Index().SetName("id_unique").SetUnique(true)},
			{Keys: bson.D{{Key: "record_id", Value: 1}, {Key: fID, Value: 1}}, Options: options.Index().SetName("record")},
			{Keys: bson.D{{Key: "key_id", Value: 1}, {Key: fID, Value: 1}}, Options: options.Index().SetName("principal")},
			{Keys: bson.D{{Key: "time", Value: 1}}, Options: options.Index().SetName("time")},
		},
	}
	for coll, models := range sets {
		if err := createIndexes(ctx, s.db.Collection(coll), models); err != nil {
			return err
		}
	}
	return nil
}
