package api

import (
	"encoding/json"
	"reflect"
	"slices"

	"talentd/registry"
)

var dateType = reflect.TypeOf(registry.Date(""))

// schemas generates JSON Schemas (OpenAPI 3.1 dialect) from Go types by
// their json and validate tags: required fields, enums (oneof), lengths,
// counts and bounds. Named structs become components.
type schemas struct {
	defs  map[string]any
	areas []string
}

func newSchemas(areas []string) *schemas {
	return &schemas{defs: map[string]any{}, areas: areas}
}

// ref returns a $ref to the component of a named struct type, generating
// it on first use.
func (g *schemas) ref(t reflect.Type) map[string]any {
	name := t.Name()
	if _, ok := g.defs[name]; !ok {
		g.defs[name] = map[string]any{} // placeholder against recursion
		g.defs[name] = g.object(t)
	}
	return refTo(name)
}

func refTo(name string) map[string]any { return map[string]any{"$ref": "#/components/schemas/" + name} }

// record returns a $ref to the kind's record schema: its status enum is
// the kind's lifecycle, and the server fields are read-only.
func (g *schemas) record(kind registry.Kind) map[string]any {
	t := recordType(kind)
	ref := g.ref(t)
	obj := g.defs[t.Name()].(map[string]any)
	obj["properties"].(map[string]any)["status"] = map[string]any{
		"type": "string", "enum": stateNames(kind), "readOnly": true}
	return ref
}

// object is the schema of a struct type.
func (g *schemas) object(t reflect.Type) map[string]any {
	props := map[string]any{}
	var required []string
	for _, f := range jsonFields(t) {
		own, elems := rules(f.validate)
		server := hasMeta(t) && slices.Contains(registry.ServerFields, f.name)
		s := g.schemaOf(f.typ, own, elems, !f.omitempty)
		if f.name == "area" && slices.Contains(own, "area") {
			s["enum"] = g.areas
		}
		if server {
			s["readOnly"] = true
		}
		props[f.name] = s
		if !f.omitempty && (server || slices.Contains(own, "required")) {
			required = append(required, f.name)
		}
	}
	obj := map[string]any{"type": "object", "properties": props, "additionalProperties": false}
	if len(required) > 0 {
		obj["required"] = required
	}
	return obj
}

// hasMeta reports whether t embeds registry.Meta (is a record type).
func hasMeta(t reflect.Type) bool {
	f, ok := t.FieldByName("Meta")
	return ok && f.Anonymous
}

// schemaOf is the schema of a field of type t with its own rules and its
// elements' rules; mayBeNull when encoding/json may write null for it.
func (g *schemas) schemaOf(t reflect.Type, own, elems []string, mayBeNull bool) map[string]any {
	nullable := mayBeNull && (t.Kind() == reflect.Pointer || t.Kind() == reflect.Slice || t.Kind() == reflect.Map)
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	s := g.plainSchema(t, own, elems)
	if !nullable {
		return s
	}
	if _, isRef := s["$ref"]; isRef {
		return map[string]any{"anyOf": []any{s, map[string]any{"type": "null"}}}
	}
	s["type"] = []any{s["type"], "null"}
	return s
}

// plainSchema is the schema of a non-pointer type.
func (g *schemas) plainSchema(t reflect.Type, own, elems []string) map[string]any {
	switch {
	case t == timeType:
		return map[string]any{"type": "string", "format": "date-time"}
	case t == dateType:
		return map[string]any{"type": "string", "format": "date"}
	}
	typ := jsonTypeName(t)
	s := map[string]any{"type": typ}
	switch typ {
	case "string":
		stringRules(s, own)
	case "integer", "number":
		numberRules(s, own)
	case "array":
		s["items"] = g.plainSchemaPtr(t.Elem(), elems)
		bound(s, own, "min", "minItems")
		bound(s, own, "max", "maxItems")
	case "object":
		if t.Kind() == reflect.Struct {
			return g.ref(t)
		}
	case "":
		return map[string]any{}
	}
	return s
}

func (g *schemas) plainSchemaPtr(t reflect.Type, rs []string) map[string]any {
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	return g.plainSchema(t, rs, nil)
}

func stringRules(s map[string]any, own []string) {
	if enum := enumOf(own); enum != nil {
		s["enum"] = enum
	}
	if slices.Contains(own, "email") {
		s["format"] = "email"
	}
	bound(s, own, "min", "minLength")
	bound(s, own, "max", "maxLength")
	bound(s, own, "len", "minLength")
	bound(s, own, "len", "maxLength")
}

func numberRules(s map[string]any, own []string) {
	bound(s, own, "min", "minimum")
	bound(s, own, "gte", "minimum")
	bound(s, own, "max", "maximum")
	bound(s, own, "lte", "maximum")
	bound(s, own, "gt", "exclusiveMinimum")
	bound(s, own, "lt", "exclusiveMaximum")
}

// bound sets keyword from the numeric parameter of rule, if present.
func bound(s map[string]any, own []string, rule, keyword string) {
	if p, ok := ruleParam(own, rule); ok {
		if n := json.Number(p); n.String() != "" {
			if _, err := n.Float64(); err == nil {
				s[keyword] = n
			}
		}
	}
}
