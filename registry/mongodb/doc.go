// Package mongodb is the registry Store and Outbox on MongoDB, for
// deployments of several talentd processes.
//
// Each record kind has its own collection (talents, experts, workstations,
// enclaves) whose _id is the record id. A record's pending events live in
// its own document (the outbox array), so a change and its events are one
// single-document atomic write and no multi-document transaction is needed.
// Writes are guarded by the version field; uniqueness (identity hash,
// idempotency key) is enforced by sparse unique indexes; lists page by
// keyset on (created_at desc, _id desc) over compound indexes.
//
// The code keeps to what FerretDB 1.24 also does correctly, so the same
// contract suite runs on both (see mongodbtest): no transactions, no
// arrayFilters, no conditional $pull, no $elemMatch on sub-documents, and
// never write concern w:0.
//
// It must not import Gin, NATS, FerretDB or another store. Only tests use
// the mongodbtest package.
package mongodb
