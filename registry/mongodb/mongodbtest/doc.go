// Package mongodbtest starts MongoDB-wire engines for tests: an in-process
// FerretDB (on SQLite, in a temp dir) and, when TALENTD_TEST_MONGO_URI is
// set, a real MongoDB. Each test gets a database of its own; Open, OpenReal
// and OpenAt return a ready registry/mongodb store on one, Client a client
// of the test's own, TamperAudit a way to edit a store's audit trail
// behind its back.
//
// Only tests may import it: it pulls FerretDB into the binary. Production
// code must not import it. It imports registry/mongodb, storetest, the
// MongoDB driver and FerretDB; it must not import NATS, Gin, api or
// another store.
package mongodbtest
