// Command talentd is the registry of talents, experts, academician
// workstations and talent enclaves: its HTTP API, outbox relay and workers
// in one binary. `talentd` serves; `talentd help` lists the other commands.
//
// It only wires: config.go is the one list of settings (flags and
// TALENTD_* variables); app.go, bus.go and serve.go open the store, the
// event bus and the HTTP server from it; each sub-command (keys, audit,
// dlq, rotate-pii) has a file of its own. Rules belong in registry, HTTP
// in api, NATS in events/jetstream: the NATS client appears here only to
// hand a connection to events/jetstream.
//
// It imports api, registry and its store adapters, events and
// events/jetstream; it must not import a test-helper package (…test) or
// cmd/talentbench.
package main
