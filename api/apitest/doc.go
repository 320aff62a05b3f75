// Package apitest builds the API over a real registry Service for tests:
// an SQLite store (also the audit trail) and a personal-data keyring in a
// temporary directory, the registry's validator, and request, log and
// fixture helpers (valid record bodies of every kind, resident ID numbers
// with a correct check digit). Its Client talks to a running talentd over
// TCP and checks every response against the served openapi.json;
// EndToEnd and EndToEndRules are the scenarios it runs.
//
// It is for tests only; nothing outside _test.go files should import it.
// It imports api, registry, registry/pii, registry/sqlite, registrytest
// and kin-openapi; it must not import NATS or MongoDB.
package apitest
