// Package registrytest holds test helpers for code that uses the registry:
// valid records of every kind, identity numbers with correct check digits,
// and a Service over a real SQLite store in a temporary directory.
//
// It is imported by tests only; production code must not import it.
package registrytest
