package mongodb

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strconv"

	"go.mongodb.org/mongo-driver/v2/bson"
)

// bodyToBSON turns a record's canonical JSON object into a BSON document
// with the same field order, so the body is a real, queryable sub-document.
// Integers become int64 and other numbers doubles.
func bodyToBSON(body []byte) (bson.D, error) {
	dec := json.NewDecoder(bytes.NewReader(body))
	dec.UseNumber()
	v, err := readJSONValue(dec)
	if err != nil {
		return nil, fmt.Errorf("mongodb: body: %w", err)
	}
	d, ok := v.(bson.D)
	if !ok {
		return nil, errors.New("mongodb: body: not a JSON object")
	}
	if _, err := dec.Token(); err != io.EOF {
		return nil, errors.New("mongodb: body: trailing data after the JSON object")
	}
	return d, nil
}

func readJSONValue(dec *json.Decoder) (any, error) {
	tok, err := dec.Token()
	if err != nil {
		return nil, err
	}
	switch t := tok.(type) {
	case json.Delim:
		if t == '{' {
			return readJSONObject(dec)
		}
		return readJSONArray(dec)
	case json.Number:
		return jsonNumber(t)
	default: // string, bool, nil
		return t, nil
	}
}

func readJSONObject(dec *json.Decoder) (bson.D, error) {
	d := bson.D{}
	for dec.More() {
		tok, err := dec.Token()
		if err != nil {
			return nil, err
		}
		key := tok.(string) // the decoder only yields string keys here
		if !storableName(key) {
			return nil, fmt.Errorf("field name %q cannot be stored", key)
		}
		v, err := readJSONValue(dec)
		if err != nil {
			return nil, err
		}
		d = append(d, bson.E{Key: key, Value: v})
	}
	_, err := dec.Token() // '}'
	return d, err
}

func readJSONArray(dec *json.Decoder) (bson.A, error) {
	a := bson.A{}
	for dec.More() {
		v, err := readJSONValue(dec)
		if err != nil {
			return nil, err
		}
		a = append(a, v)
	}
	_, err := dec.Token() // ']'
	return a, err
}

func jsonNumber(n json.Number) (any, error) {
	if i, err := strconv.ParseInt(string(n), 10, 64); err == nil {
		return i, nil
	}
	f, err := strconv.ParseFloat(string(n), 64)
	if err != nil {
		return nil, fmt.Errorf("number %s out of range", n)
	}
	return f, nil
}

// bodyToJSON writes a stored body back as compact JSON the way
// encoding/json writes it, so a body that json.Marshal produced comes back
// byte for byte.
func bodyToJSON(raw bson.Raw) ([]byte, error) {
	var buf bytes.Buffer
	if err := writeJSONDocument(&buf, raw); err != nil {
		return nil, fmt.Errorf("mongodb: body: %w", err)
	}
	return buf.Bytes(), nil
}

func writeJSONDocument(buf *bytes.Buffer, raw bson.Raw) error {
	elems, err := raw.Elements()
	if err != nil {
		return err
	}
	buf.WriteByte('{')
	for i, e := range elems {
		if i > 0 {
			buf.WriteByte(',')
		}
		writeJSONString(buf, e.Key())
		buf.WriteByte(':')
		if err := writeJSONValue(buf, e.Value()); err != nil {
			return err
		}
	}
	buf.WriteByte('}')
	return nil
}

func writeJSONArray(buf *bytes.Buffer, arr bson.RawArray) error {
	vals, err := arr.Values()
	if err != nil {
		return err
	}
	buf.WriteByte('[')
	for i, v := range vals {
		if i > 0 {
			buf.WriteByte(',')
		}
		if err := writeJSONValue(buf, v); err != nil {
			return err
		}
	}
	buf.WriteByte(']')
	return nil
}

func writeJSONValue(buf *bytes.Buffer, v bson.RawValue) error {
	switch v.Type {
	case bson.TypeEmbeddedDocument:
		return writeJSONDocument(buf, v.Document())
	case bson.TypeArray:
		return writeJSONArray(buf, v.Array())
	case bson.TypeString:
		writeJSONString(buf, v.StringValue())
	case bson.TypeInt32, bson.TypeInt64:
		buf.WriteString(strconv.FormatInt(v.AsInt64(), 10))
	case bson.TypeDouble:
		b, err := json.Marshal(v.Double())
		if err != nil {
			return err
		}
		buf.Write(b)
	case bson.TypeBoolean:
		buf.WriteString(strconv.FormatBool(v.Boolean()))
	case bson.TypeNull:
		buf.WriteString("null")
	default:
		return fmt.Errorf("unexpected BSON type %s in a body", v.Type)
	}
	return nil
}

func writeJSONString(buf *bytes.Buffer, s string) {
	b, _ := json.Marshal(s) // a Go string always encodes
	buf.Write(b)
}
