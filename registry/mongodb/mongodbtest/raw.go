package mongodbtest

import (
	"context"
	"testing"

	"go.mongodb.org/mongo-driver/v2/bson"
	"go.mongodb.org/mongo-driver/v2/mongo"
	"go.mongodb.org/mongo-driver/v2/mongo/options"

	"talentd/registry/storetest"
)

// Client connects a client of the test's own to uri, one connection at a
// time, to read or edit documents behind a store's back. It disconnects
// when the test ends.
func Client(t testing.TB, uri string) *mongo.Client {
	t.Helper()
	c, err := mongo.Connect(options.Client().ApplyURI(uri).SetMaxPoolSize(1))
	if err != nil {
		t.Fatalf("mongodbtest: connect: %v", err)
	}
	t.Cleanup(func() { _ = c.Disconnect(context.Background()) })
	return c
}

// TamperAudit edits the audit trail a registry/mongodb store keeps in db
// (its audit_log collection) behind the store's back: Modify changes an
// entry's action in place, Delete removes the entry.
func TamperAudit(db *mongo.Database) storetest.Tamper {
	audit := db.Collection("audit_log")
	return storetest.Tamper{
		Modify: func(t *testing.T, seq int64) {
			res, err := audit.UpdateOne(t.Context(), bson.D{{Key: "_id", Value: seq}},
				bson.D{{Key: "$set", Value: bson.D{{Key: "action", Value: "read"}}}})
			if err != nil || res.ModifiedCount != 1 {
				t.Fatalf("mongodbtest: modify audit entry %d: %v %+v", seq, err, res)
			}
		},
		Delete: func(t *testing.T, seq int64) {
			res, err := audit.DeleteOne(t.Context(), bson.D{{Key: "_id", Value: seq}})
			if err != nil || res.DeletedCount != 1 {
				t.Fatalf("mongodbtest: delete audit entry %d: %v %+v", seq, err, res)
			}
		},
	}
}
