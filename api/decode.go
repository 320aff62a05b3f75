package api

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"reflect"
	"slices"
	"strconv"
	"strings"

	"talentd/registry"
)

// parseJSON reads one JSON value (numbers kept as json.Number) and refuses
// trailing data after it.
func parseJSON(body []byte) (any, error) {
	dec := json.NewDecoder(bytes.NewReader(body))
	dec.UseNumber()
	var v any
	if err := dec.Decode(&v); err != nil {
		return nil, syntaxProblem(err, len(body))
	}
	if _, err := dec.Token(); err != io.EOF {
		return nil, invalid("", "trailing_data", strconv.FormatInt(dec.InputOffset(), 10))
	}
	return v, nil
}

// syntaxProblem is the 400 of a body that is not JSON, at its byte offset.
func syntaxProblem(err error, size int) error {
	var se *json.SyntaxError
	offset := int64(size)
	if errors.As(err, &se) {
		offset = se.Offset
	}
	return invalid("", "json_syntax", strconv.FormatInt(offset, 10))
}

// parseObject reads a JSON object.
func parseObject(body []byte) (map[string]any, error) {
	v, err := parseJSON(body)
	if err != nil {
		return nil, err
	}
	obj, ok := v.(map[string]any)
	if !ok {
		return nil, invalid("", "type", "object")
	}
	return obj, nil
}

// decodeRecord reads a new record of the kind from a request body. Server
// fields are refused (read_only); unknown fields and wrong types are named
// by their dotted path.
func decodeRecord(kind registry.Kind, body []byte) (registry.Record, error) {
	if _, err := recordObject(kind, body); err != nil {
		return nil, err
	}
	return strictDecode(kind, body)
}

// recordObject reads a body that a record of the kind is made from: an
// object that sets no server field and names only fields of the kind, with
// values of the right JSON types (null fits any field: in a merge patch it
// removes the field).
func recordObject(kind registry.Kind, body []byte) (map[string]any, error) {
	obj, err := parseObject(body)
	if err != nil {
		return nil, err
	}
	verr := &registry.ValidationError{}
	refuseServerFields(obj, verr)
	checkShape(obj, recordType(kind), verr)
	return obj, verr.Err()
}

// refuseServerFields names every server field the document sets.
func refuseServerFields(obj map[string]any, verr *registry.ValidationError) {
	for _, k := range sortedKeys(obj) {
		if slices.Contains(registry.ServerFields, k) {
			verr.Add(k, "read_only", "")
		}
	}
}

// strictDecode decodes a document already checked by checkShape; the
// errors it still maps are a backstop.
func strictDecode(kind registry.Kind, doc []byte) (registry.Record, error) {
	r := registry.NewRecord(kind)
	dec := json.NewDecoder(bytes.NewReader(doc))
	dec.DisallowUnknownFields()
	if err := dec.Decode(r); err != nil {
		return nil, decodeProblem(err, len(doc))
	}
	return r, nil
}

// decodeProblem maps an encoding/json decoding error to a 400.
func decodeProblem(err error, size int) error {
	var te *json.UnmarshalTypeError
	if errors.As(err, &te) {
		return invalid(te.Field, "type", te.Type.Kind().String())
	}
	if name, ok := strings.CutPrefix(err.Error(), "json: unknown field "); ok {
		return invalid(strings.Trim(name, `"`), "unknown_field", "")
	}
	return syntaxProblem(err, size)
}

// recordType is the struct type of the kind's records.
func recordType(kind registry.Kind) reflect.Type {
	return reflect.TypeOf(registry.NewRecord(kind)).Elem()
}
