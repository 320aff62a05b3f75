package api

import (
	"reflect"
	"strings"

	"talentd/registry"
)

// obj is a JSON object of the OpenAPI document.
type obj = map[string]any

// openAPIDocument describes every route: an OpenAPI 3.1 document whose
// record schemas are generated from the registry's types.
func openAPIDocument(areas []string) obj {
	g := newSchemas(areas)
	paths := obj{
		"/healthz":      obj{"get": operation("health", "Liveness: 200 while the process serves HTTP", nil, nil, okJSON(refTo("Status")))},
		"/readyz":       obj{"get": operation("ready", "Readiness: 200 when every check passes, else 503", nil, nil, withProblems(okJSON(refTo("Status")), 503))},
		"/openapi.json": obj{"get": operation("openapi", "This document", nil, nil, okJSON(obj{"type": "object"}))},
	}
	for _, k := range registry.Kinds {
		kindPaths(paths, g, k)
	}
	securityPaths(paths, g)
	deadLetterPaths(paths, g)
	secureV1(paths)
	g.defs["Status"] = obj{"type": "object", "required": []string{"status"}, "properties": obj{"status": obj{"type": "string"}}}
	g.defs["Problem"] = problemSchema()
	return obj{
		"openapi": "3.1.0",
		"info": obj{"title": "talentd", "version": "1",
			"description": "Registry of talents, experts, academician workstations and talent enclaves. Errors are application/problem+json (RFC 9457)."},
		"paths": paths,
		"components": obj{"schemas": g.defs, "responses": problemResponses(), "headers": headerDefs(),
			"securitySchemes": securitySchemes()},
	}
}

// kindPaths adds the six operations on one record kind.
func kindPaths(paths obj, g *schemas, k registry.Kind) {
	name := strings.ToUpper(k.Singular()[:1]) + k.Singular()[1:]
	rec := g.record(k)
	page := name + "Page"
	g.defs[page] = obj{"type": "object", "required": []string{"items"}, "properties": obj{
		"items": obj{"type": "array", "items": rec}, "next_cursor": obj{"type": "string"}}}
	g.defs[name+"Transition"] = transitionSchema(k)
	base := "/v1/" + string(k)
	idParam := obj{"name": "id", "in": "path", "required": true,
		"schema": obj{"type": "string", "pattern": "^" + k.IDPrefix() + "_[0-9a-fA-F-]{36}$"}}
	paths[base] = obj{
		"post": operation("create"+name, "Register a "+k.Singular()+" in its first state",
			[]any{headerParam(HeaderIdempotencyKey, false)}, jsonBody(rec),
			withProblems(created(rec), 400, 409, 413, 415, 422)),
		"get": operation("list"+name+"s", "List "+string(k)+", newest first",
			listParams(g, k), nil, withProblems(okJSON(refTo(page)), 400)),
	}
	paths[base+"/{id}"] = obj{
		"parameters": []any{idParam},
		"get": operation("get"+name, "Read a "+k.Singular()+"; personal numbers are masked unless an admin asks ?reveal=pii",
			[]any{revealParam()}, nil,
			withProblems(okRecord(rec), 400, 404)),
		"patch": operation("patch"+name, "Change a "+k.Singular()+" with a JSON Merge Patch (RFC 7396)",
			[]any{headerParam("If-Match", true)}, mergePatchBody(),
			withProblems(okRecord(rec), 400, 404, 409, 412, 413, 415, 428)),
		"delete": operation("delete"+name, "Delete a "+k.Singular()+" still in its first state",
			[]any{headerParam("If-Match", false)}, nil,
			withProblems(obj{"204": obj{"description": "Deleted", "headers": requestIDHeader()}}, 400, 404, 409, 412)),
	}
	if registry.NewRecord(k).Identity() != nil {
		lookupPath(paths, g, k, name, rec)
	}
	paths[base+"/{id}/transitions"] = obj{
		"parameters": []any{idParam},
		"post": operation("transition"+name, "Move a "+k.Singular()+" to another state",
			[]any{headerParam("If-Match", true)}, jsonBody(refTo(name+"Transition")),
			withProblems(okRecord(rec), 400, 404, 409, 412, 413, 415, 428)),
	}
}

// lookupPath adds POST /v1/<kind>/lookup for the kinds that register people.
func lookupPath(paths obj, g *schemas, k registry.Kind, name string, rec obj) {
	g.defs["Lookup"] = g.object(reflect.TypeOf(lookupRequest{}))
	paths["/v1/"+string(k)+"/lookup"] = obj{
		"post": operation("lookup"+name, "Find the "+k.Singular()+" registered under an identity document (404 if none the caller may see); the number goes in the body, never in a URL",
			nil, jsonBody(refTo("Lookup")), withProblems(okRecord(rec), 400, 404, 413, 415)),
	}
}

// listParams are a list's query parameters, the kind's filters included.
func listParams(g *schemas, k registry.Kind) []any {
	ps := []any{
		queryParam("area", obj{"type": "string", "enum": g.areas}),
		queryParam("status", obj{"type": "string", "enum": stateNames(k)}),
		queryParam("q", obj{"type": "string", "maxLength": maxQuery}),
		queryParam("created_from", obj{"type": "string", "description": "RFC 3339 time or YYYY-MM-DD, inclusive"}),
		queryParam("created_to", obj{"type": "string", "description": "RFC 3339 time or YYYY-MM-DD, inclusive"}),
		queryParam("limit", obj{"type": "integer", "minimum": 1, "maximum": registry.MaxPageSize, "default": registry.DefaultPageSize}),
		queryParam("cursor", obj{"type": "string", "description": "next_cursor of the previous page"}),
	}
	filters := filterEnums(k)
	for _, name := range sortedKeys(toAny(filters)) {
		s := obj{"type": "string"}
		if filters[name] != nil {
			s["enum"] = filters[name]
		}
		ps = append(ps, queryParam(name, s))
	}
	return ps
}

func transitionSchema(k registry.Kind) obj {
	s := newSchemas(nil).object(reflect.TypeOf(transitionRequest{}))
	s["properties"].(obj)["to"] = obj{"type": "string", "enum": stateNames(k)}
	return s
}

func problemSchema() obj {
	str := obj{"type": "string"}
	return obj{"type": "object", "required": []string{"type", "title", "status", "detail", "instance"},
		"properties": obj{
			"type": str, "title": str, "status": obj{"type": "integer"}, "detail": str, "instance": str,
			"errors": obj{"type": "array", "items": obj{"type": "object", "required": []string{"field", "code", "message"},
				"properties": obj{"field": str, "code": str, "message": str}}},
			"reason": str, "existing_id": str,
			"allowed": obj{"type": "array", "items": str},
			"failing": obj{"type": "array", "items": str},
		}}
}

func toAny(m map[string][]string) map[string]any {
	out := make(map[string]any, len(m))
	for k, v := range m {
		out[k] = v
	}
	return out
}
