package mongodbtest

import (
	"testing"

	"talentd/registry/mongodb"
)

// Open returns a store on a fresh database of a FerretDB started for the
// test, with the one-connection pool FerretDB needs. It closes when the
// test ends.
func Open(t testing.TB) *mongodb.Store {
	t.Helper()
	return OpenAt(t, Start(t), FerretDBPoolSize)
}

// OpenReal returns a store on a fresh database of the real MongoDB named by
// TALENTD_TEST_MONGO_URI (the driver's default pool), or skips the test.
func OpenReal(t testing.TB) *mongodb.Store {
	t.Helper()
	return OpenAt(t, RealURI(t), 0)
}

// OpenAt returns a store on a fresh database at uri, with at most pool
// connections (0: the driver's default). It closes when the test ends.
func OpenAt(t testing.TB, uri string, pool uint64) *mongodb.Store {
	t.Helper()
	var opts []mongodb.Option
	if pool > 0 {
		opts = append(opts, mongodb.WithMaxPoolSize(pool))
	}
	s, err := mongodb.Open(t.Context(), uri, Database(t, uri), opts...)
	if err != nil {
		t.Fatalf("mongodbtest: open store: %v", err)
	}
	t.Cleanup(func() { _ = s.Close() })
	return s
}
