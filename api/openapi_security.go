package api

import (
	"reflect"
	"strings"

	"talentd/registry"
)

// securitySchemes names the one way to authenticate: a bearer API key.
func securitySchemes() obj {
	return obj{"bearer": obj{"type": "http", "scheme": "bearer",
		"description": "An API key: Authorization: Bearer <key>. Keys are created by an admin (POST /v1/admin/keys) or by `talentd keys create`."}}
}

// secureV1 marks every /v1 operation as needing a bearer key, and adds the
// answers any of them may give: 401 (no valid key), 403 (the role may not)
// and 429 (the key's rate limit).
func secureV1(paths obj) {
	for path, item := range paths {
		if !strings.HasPrefix(path, "/v1/") {
			continue
		}
		for method, op := range item.(obj) {
			if method == "parameters" {
				continue
			}
			o := op.(obj)
			o["security"] = []any{obj{"bearer": []any{}}}
			withProblems(o["responses"].(obj), 401, 403, 429)
		}
	}
}

// securityPaths adds /metrics, the admin key routes and the audit trail.
func securityPaths(paths obj, g *schemas) {
	g.defs["KeyRequest"] = g.object(reflect.TypeOf(keyRequest{}))
	g.defs["Key"] = g.object(reflect.TypeOf(keyView{}))
	g.defs["NewKey"] = g.object(reflect.TypeOf(newKey{}))
	g.defs["KeyList"] = g.object(reflect.TypeOf(keyList{}))
	g.defs["AuditEntry"] = g.object(reflect.TypeOf(auditEntry{}))
	g.defs["AuditPage"] = g.object(reflect.TypeOf(auditPage{}))
	paths["/metrics"] = obj{"get": operation("metrics", "Prometheus metrics (text exposition format); no key needed", nil, nil,
		obj{"200": obj{"description": "Metrics", "content": obj{"text/plain": obj{"schema": obj{"type": "string"}}}}})}
	paths["/v1/admin/keys"] = obj{
		"post": operation("createKey", "Create an API key (admin); the response carries its secret in key, shown this once",
			nil, jsonBody(refTo("KeyRequest")), withProblems(obj{"201": obj{"description": "Created", "headers": requestIDHeader(),
				"content": obj{"application/json": obj{"schema": refTo("NewKey")}}}}, 400, 413, 415)),
		"get": operation("listKeys", "List every API key (admin), oldest first; never a secret or hash", nil, nil,
			withProblems(okJSON(refTo("KeyList")))),
	}
	paths["/v1/admin/keys/{id}"] = obj{
		"parameters": []any{obj{"name": "id", "in": "path", "required": true,
			"schema": obj{"type": "string", "pattern": "^key_[0-9a-fA-F-]{36}$"}}},
		"delete": operation("revokeKey", "Revoke an API key (admin): refused from the next request on", nil, nil,
			withProblems(okJSON(refTo("Key")), 400, 404)),
	}
	paths["/v1/audit"] = obj{"get": operation("listAudit",
		"Read the audit trail (admin, auditor), oldest first", auditParams(), nil,
		withProblems(okJSON(refTo("AuditPage")), 400))}
}

// auditParams are the audit list's query parameters.
func auditParams() []any {
	str := obj{"type": "string", "minLength": 1, "maxLength": maxAuditParam}
	return []any{
		queryParam("record", withDesc(str, "record id (or key id, for key changes)")),
		queryParam("principal", withDesc(str, "key id of who acted")),
		queryParam("action", withDesc(str, "create, update, delete, transition:<STATE>, reveal_pii, keys:create, keys:revoke, dlq:replay")),
		queryParam("from", obj{"type": "string", "description": "RFC 3339 time or YYYY-MM-DD, inclusive"}),
		queryParam("to", obj{"type": "string", "description": "RFC 3339 time or YYYY-MM-DD, inclusive"}),
		queryParam("limit", obj{"type": "integer", "minimum": 1, "maximum": registry.MaxPageSize, "default": registry.DefaultPageSize}),
		queryParam("cursor", obj{"type": "string", "description": "next_cursor of the previous page"}),
	}
}

// revealParam is ?reveal=pii on a record read.
func revealParam() obj {
	return queryParam("reveal", obj{"type": "string", "enum": []string{revealPII},
		"description": "pii: show personal numbers in clear (admin only; audited). Otherwise they are masked."})
}

// problemHeaders are the headers of a problem response of the status
// beyond the request id.
func problemHeaders(status int) obj {
	h := requestIDHeader()
	switch status {
	case 401:
		h["WWW-Authenticate"] = headerRef("WWWAuthenticate")
	case 429:
		h["Retry-After"] = headerRef("RetryAfter")
	}
	return h
}
