// Package mongodb is the registry Store and Outbox on MongoDB, for
// deployments of several talentd processes.
//
// Each record kind has its own collection (talents, experts, workstations,
// enclaves); a document looks like
//
//	{_id: "tal_…", area, status, version: int64, created_at: date, updated_at: date,
//	 name, name_lower, f: {tier: "B", …}, identity?, refs?: [ids], idem_key?, idem_hash?,
//	 body: {…} or "…",
//	 outbox: [{id, type, kind, record_id, version, time, data: "json"}], outbox_since?: date,
//	 deleted?: true}
//
// A record's pending events live in its own outbox array, so a change and
// its events are one single-document atomic write and no multi-document
// transaction is needed; outbox_since (sparse-indexed) marks documents with
// events waiting. Updates and deletes are guarded by version. A delete
// leaves a tombstone (deleted: true, record fields and unique keys unset)
// holding the outbox until its events are published. Optional unique keys
// (identity, idem_key) are never stored empty, so sparse unique indexes
// ignore their absence. Lists page by keyset on (created_at desc, _id desc)
// over compound indexes led by the filtered field. The body is a real
// sub-document when it is JSON as encoding/json writes it, else the exact
// text (see bodyValue). It does not implement registry.AuditedStore: a
// change and its audit entry live in different documents, and without
// multi-document transactions the service appends the entry after the
// change, so a crash between the two can lose the entry.
//
// The code keeps to what FerretDB 1.24 also does correctly, so the same
// contract suite runs on both (see mongodbtest): no transactions, no
// arrayFilters, no conditional $pull, no $elemMatch on sub-documents, no
// projection in findAndModify, indexes created only when missing, and
// never write concern w:0.
//
// It must not import Gin, NATS, FerretDB or another store. Only tests use
// the mongodbtest package.
package mongodb
