// Command talentbench is a load generator for talentd's HTTP API. It runs
// one scenario (create-talent, list, get) at a fixed concurrency for a
// duration or a request count, and prints one summary line: throughput,
// latency percentiles and a count per status code. Its raw-store scenario
// writes the same talents straight into a SQLite store, without HTTP or
// validation, so the API's overhead over the store is measured by the same
// tool in the same way.
//
// main only wires; the flags are in config.go, the scenarios in
// scenario_*.go, the worker loop in runner.go, the output in result.go.
// It talks to talentd over HTTP only; for raw-store it imports registry,
// registry/sqlite, registry/pii and events, as talentd's service would use
// them. It must not import api, cmd/talentd or a test package.
package main
