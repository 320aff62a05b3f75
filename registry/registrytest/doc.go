// Package registrytest holds test helpers for code that uses the registry:
// valid records of every kind, identity numbers with correct check digits,
// a real SQLite store in a temporary directory and a Service over one, a
// way to edit that store's audit trail behind its back, and the ids of
// events.
//
// It is imported by tests only; production code must not import it. It
// imports registry, registry/pii, registry/sqlite and registry/storetest;
// it must not import Gin, NATS, MongoDB or api.
package registrytest
