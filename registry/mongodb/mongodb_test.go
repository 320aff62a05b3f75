package mongodb_test

import (
	"testing"

	"talentd/registry"
	"talentd/registry/mongodb"
	"talentd/registry/mongodb/mongodbtest"
	"talentd/registry/storetest"
)

// openFerret opens a store on a fresh FerretDB, one connection at a time.
func openFerret(t *testing.T) *mongodb.Store {
	t.Helper()
	uri := mongodbtest.Start(t)
	s, err := mongodb.Open(t.Context(), uri, mongodbtest.Database(t, uri), mongodb.WithMaxPoolSize(mongodbtest.FerretDBPoolSize))
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	return s
}

// openReal opens a store on a fresh database of the real MongoDB named by
// TALENTD_TEST_MONGO_URI, with the driver's default pool.
func openReal(t *testing.T) *mongodb.Store {
	t.Helper()
	uri := mongodbtest.RealURI(t)
	s, err := mongodb.Open(t.Context(), uri, mongodbtest.Database(t, uri))
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	return s
}

func TestContractFerretDB(t *testing.T) {
	storetest.Run(t, func(t *testing.T) registry.Store { return openFerret(t) })
}

func TestContractMongoDB(t *testing.T) {
	mongodbtest.RealURI(t)
	storetest.Run(t, func(t *testing.T) registry.Store { return openReal(t) })
}
