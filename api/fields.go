package api

import (
	"reflect"
	"strings"
	"sync"
)

// jsonField is one field of a struct as JSON sees it.
type jsonField struct {
	name      string
	omitempty bool
	typ       reflect.Type
	validate  string // the validate struct tag
}

var fieldCache sync.Map // reflect.Type → []jsonField

// jsonFields lists the JSON fields of struct type t in declaration order,
// embedded structs without a JSON name flattened in (as encoding/json does).
func jsonFields(t reflect.Type) []jsonField {
	if v, ok := fieldCache.Load(t); ok {
		return v.([]jsonField)
	}
	var out []jsonField
	for i := range t.NumField() {
		f := t.Field(i)
		tag := f.Tag.Get("json")
		name, opts, _ := strings.Cut(tag, ",")
		switch {
		case name == "-" || (!f.IsExported() && !f.Anonymous):
			continue
		case f.Anonymous && name == "" && f.Type.Kind() == reflect.Struct:
			out = append(out, jsonFields(f.Type)...)
			continue
		case name == "":
			name = f.Name
		}
		out = append(out, jsonField{name: name, omitempty: hasOpt(opts, "omitempty"), typ: f.Type, validate: f.Tag.Get("validate")})
	}
	fieldCache.Store(t, out)
	return out
}

// jsonFieldNamed returns the field of struct type t with the JSON name.
func jsonFieldNamed(t reflect.Type, name string) (jsonField, bool) {
	for _, f := range jsonFields(t) {
		if f.name == name {
			return f, true
		}
	}
	return jsonField{}, false
}

func hasOpt(opts, want string) bool {
	for _, o := range strings.Split(opts, ",") {
		if o == want {
			return true
		}
	}
	return false
}

// rules splits a validate tag into the rules for the field itself and,
// after "dive", for its elements.
func rules(tag string) (own, elems []string) {
	parts := strings.Split(tag, ",")
	for i, p := range parts {
		if p == "dive" {
			return parts[:i], parts[i+1:]
		}
	}
	return parts, nil
}

// ruleParam returns the parameter of rule name among rs ("oneof=A B" → "A B").
func ruleParam(rs []string, name string) (string, bool) {
	for _, r := range rs {
		n, p, _ := strings.Cut(r, "=")
		if n == name {
			return p, true
		}
	}
	return "", false
}

// enumOf is the allowed values a oneof rule names, or nil.
func enumOf(rs []string) []string {
	p, ok := ruleParam(rs, "oneof")
	if !ok {
		return nil
	}
	return strings.Fields(p)
}
