package mongodb_test

import (
	"testing"

	"go.mongodb.org/mongo-driver/v2/mongo"

	"talentd/registry"
	"talentd/registry/mongodb"
	"talentd/registry/mongodb/mongodbtest"
	"talentd/registry/storetest"
)

// openFerret opens a store on a fresh FerretDB, one connection at a time.
func openFerret(t *testing.T) *mongodb.Store { return mongodbtest.Open(t) }

// openReal opens a store on a fresh database of the real MongoDB named by
// TALENTD_TEST_MONGO_URI, with the driver's default pool.
func openReal(t *testing.T) *mongodb.Store { return mongodbtest.OpenReal(t) }

// openRaw opens a store on a fresh database at uri and a second client's
// handle on the same database, to read or edit documents behind the
// store's back. Both close when the test ends.
func openRaw(t *testing.T, uri string, opts ...mongodb.Option) (*mongodb.Store, *mongo.Database) {
	t.Helper()
	name := mongodbtest.Database(t, uri)
	s, err := mongodb.Open(t.Context(), uri, name, opts...)
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	t.Cleanup(func() { _ = s.Close() })
	return s, mongodbtest.Client(t, uri).Database(name)
}

func TestContractFerretDB(t *testing.T) {
	storetest.Run(t, func(t *testing.T) registry.Store { return openFerret(t) })
}

func TestContractMongoDB(t *testing.T) {
	mongodbtest.RealURI(t)
	storetest.Run(t, func(t *testing.T) registry.Store { return openReal(t) })
}
