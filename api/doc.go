// Package api is talentd's HTTP API: Gin routes under /v1 for the four
// record kinds, problem+json errors (RFC 9457) in Chinese or English,
// ETags and If-Match, Idempotency-Key, JSON Merge Patch (RFC 7396), opaque
// list cursors, health and readiness probes and the OpenAPI 3.1 document.
//
// Handlers read straight down: decode → call the registry Service →
// respond. The one table from registry errors to HTTP problems is
// problem.go; every route is listed in routes.go.
//
// Two seams are kept narrow on purpose: every handler learns the caller
// through principalOf — the principal of the API key that authenticate
// admitted (every /v1 route needs one; a route without it has the zero
// principal, which may do nothing) — and passes it to the Service, which
// scopes reads and refuses writes; every record on its way into a
// response goes through renderRecord, which masks personal numbers unless
// an admin asked ?reveal=pii (Service.Reveal audits that). The request id
// and the peer's address reach the Service's audit trail through the
// request context.
//
// Around the routes: a per-key rate limit (429 with Retry-After),
// security headers on every response, CORS for configured origins only,
// and Prometheus metrics at /metrics labelled by route pattern. The admin
// key routes and GET /v1/audit read the store's KeyStore and AuditLog
// (Config.Keys, Config.Audit).
//
// Conventions a client relies on:
//   - A field in errors[] is the dotted JSON path (employer.uscc,
//     team[0].name). Problems with the body as a whole (empty, not JSON,
//     trailing data, not an object) name the field "".
//   - A path id that is not <prefix>_<uuid> of the route's kind is a 400
//     naming the field "id" (code record_id), never a 404.
//   - created_to is inclusive: a date includes that whole day, a timestamp
//     includes that instant.
//
// It imports registry, registry/pii (to mask), events (the DeadLetter
// type) and Gin; it must not import a store adapter, a database driver or
// NATS: cmd/talentd wires those in through Config.
package api
