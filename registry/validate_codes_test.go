package registry

import (
	"reflect"
	"slices"
	"strings"
	"testing"
)

// TestEveryTagHasACode keeps ValidationCodes complete: a rule added to a
// struct tag must map to a listed code, or the API has no message for it.
func TestEveryTagHasACode(t *testing.T) {
	tags := map[string]bool{}
	for _, k := range Kinds {
		collectTags(reflect.TypeOf(NewRecord(k)), tags, map[reflect.Type]bool{})
	}
	if !tags["area"] || !tags["uscc"] || !tags["after"] {
		t.Fatalf("tag walk missed known tags: %v", tags)
	}
	for tag := range tags {
		codes := []string{tag}
		if c, ok := tagCodes[tag]; ok {
			codes = []string{c}
		}
		if tag == "uscc" {
			codes = []string{"uscc_format", "uscc_checksum"}
		}
		for _, c := range codes {
			if !slices.Contains(ValidationCodes, c) {
				t.Errorf("tag %q reports code %q, missing from ValidationCodes", tag, c)
			}
		}
	}
}

// collectTags adds the rule names of every validate tag reachable from typ.
func collectTags(typ reflect.Type, tags map[string]bool, seen map[reflect.Type]bool) {
	for typ.Kind() == reflect.Pointer || typ.Kind() == reflect.Slice {
		typ = typ.Elem()
	}
	if typ.Kind() != reflect.Struct || seen[typ] {
		return
	}
	seen[typ] = true
	for i := range typ.NumField() {
		f := typ.Field(i)
		for _, rule := range strings.FieldsFunc(f.Tag.Get("validate"), func(r rune) bool { return r == ',' || r == '|' }) {
			name, _, _ := strings.Cut(rule, "=")
			if name != "omitempty" && name != "dive" {
				tags[name] = true
			}
		}
		collectTags(f.Type, tags, seen)
	}
}
