// Package registry is talentd's vocabulary: the four record kinds (talents,
// experts, academician workstations and talent enclaves), their validation,
// lifecycles and cross-record rules, the Service that applies them, and the
// narrow Store interface that storage adapters implement.
//
// It must not import Gin, a database driver or NATS; it imports events for
// the event contract (subjects and payloads) only. Adapters live in
// subpackages named after their technology (registry/sqlite,
// registry/mongodb); the contract every Store must pass is registry/storetest.
//
// Records carry json tags: JSON is their one canonical document form, shared
// by the API, the SQLite body column and the MongoDB document (see
// docs/architecture.md, "Records have one document form").
package registry
