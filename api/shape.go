package api

import (
	"encoding/json"
	"reflect"
	"slices"
	"sort"
	"strconv"
	"time"

	"talentd/registry"
)

// maxProblems caps the field problems one body can produce.
const maxProblems = 100

var timeType = reflect.TypeOf(time.Time{})

// checkShape walks a generic JSON object against struct type t and names,
// by dotted path, every unknown field and every value of the wrong JSON
// type. Server fields at the top are skipped (refuseServerFields names
// them). Null is accepted anywhere: it leaves the field empty.
func checkShape(obj map[string]any, t reflect.Type, verr *registry.ValidationError) {
	checkObject("", obj, t, verr, registry.ServerFields)
}

func checkObject(path string, obj map[string]any, t reflect.Type, verr *registry.ValidationError, skip []string) {
	for _, k := range sortedKeys(obj) {
		if slices.Contains(skip, k) {
			continue
		}
		p := joinPath(path, k)
		f, ok := jsonFieldNamed(t, k)
		if !ok {
			addProblem(verr, p, "unknown_field", "")
			continue
		}
		checkValue(p, obj[k], f.typ, verr)
	}
}

// checkValue checks one JSON value against Go type t.
func checkValue(path string, v any, t reflect.Type, verr *registry.ValidationError) {
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	if v == nil || len(verr.Problems) >= maxProblems {
		return
	}
	if want := jsonTypeMismatch(v, t); want != "" {
		addProblem(verr, path, "type", want)
		return
	}
	switch t.Kind() {
	case reflect.Slice:
		for i, e := range v.([]any) {
			checkValue(path+"["+strconv.Itoa(i)+"]", e, t.Elem(), verr)
		}
	case reflect.Struct:
		if t != timeType {
			checkObject(path, v.(map[string]any), t, verr, nil)
		}
	}
}

// jsonTypeMismatch returns the JSON type t needs if v is not of it, else "".
func jsonTypeMismatch(v any, t reflect.Type) string {
	var ok bool
	want := jsonTypeName(t)
	switch want {
	case "string":
		_, ok = v.(string)
	case "boolean":
		_, ok = v.(bool)
	case "integer":
		ok = fitsInt(v, t)
	case "number":
		ok = fitsFloat(v, t)
	case "array":
		_, ok = v.([]any)
	case "object":
		_, ok = v.(map[string]any)
	default:
		ok = true
	}
	if ok {
		return ""
	}
	return want
}

// jsonTypeName is the JSON type that decodes into t ("" for any).
func jsonTypeName(t reflect.Type) string {
	switch t.Kind() {
	case reflect.String:
		return "string"
	case reflect.Bool:
		return "boolean"
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		return "integer"
	case reflect.Float32, reflect.Float64:
		return "number"
	case reflect.Slice:
		return "array"
	case reflect.Struct:
		if t == timeType {
			return "string"
		}
		return "object"
	case reflect.Map:
		return "object"
	}
	return ""
}

func fitsInt(v any, t reflect.Type) bool {
	n, ok := v.(json.Number)
	if !ok {
		return false
	}
	var err error
	if t.Kind() >= reflect.Uint && t.Kind() <= reflect.Uint64 {
		_, err = strconv.ParseUint(string(n), 10, t.Bits())
	} else {
		_, err = strconv.ParseInt(string(n), 10, t.Bits())
	}
	return err == nil
}

func fitsFloat(v any, t reflect.Type) bool {
	n, ok := v.(json.Number)
	if !ok {
		return false
	}
	_, err := strconv.ParseFloat(string(n), t.Bits())
	return err == nil
}

func addProblem(verr *registry.ValidationError, path, code, param string) {
	if len(verr.Problems) < maxProblems {
		verr.Add(path, code, param)
	}
}

func joinPath(path, key string) string {
	if path == "" {
		return key
	}
	return path + "." + key
}

func sortedKeys(m map[string]any) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
