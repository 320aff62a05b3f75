// Package sqlite is the embedded registry.Store: records, their index rows
// and the transactional outbox in one SQLite database file (talentd.db)
// under the data directory, on the pure-Go modernc.org/sqlite driver.
//
// One process owns a data directory at a time (an flock on talentd.lock).
// Writes go through a single connection in IMMEDIATE transactions, so
// version checks and unique checks never race; reads use a separate
// read-only pool and see WAL snapshots. A change can carry its audit entry
// in its own transaction (registry.AuditedStore), so a crash never keeps a
// change without its entry. The statements run on every request are
// prepared once (stmts.go).
//
// It must not import Gin, NATS or another store; tests import
// registry/storetest and registry/registrytest.
package sqlite
