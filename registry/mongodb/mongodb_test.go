package mongodb_test

import (
	"testing"

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

func TestContractFerretDB(t *testing.T) {
	storetest.Run(t, func(t *testing.T) registry.Store { return openFerret(t) })
}

func TestContractMongoDB(t *testing.T) {
	mongodbtest.RealURI(t)
	storetest.Run(t, func(t *testing.T) registry.Store { return openReal(t) })
}
