package events

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"
	"time"
)

// MaxSize is the largest encoded envelope Decode accepts.
const MaxSize = 1 << 20

// ErrInvalid marks an envelope that does not follow the contract.
var ErrInvalid = errors.New("events: invalid event")

// Event is a CloudEvents 1.0 envelope in JSON form. Subject is the id of the
// record (or other thing) the event is about; Data is the JSON payload.
type Event struct {
	SpecVersion     string          `json:"specversion"`
	ID              string          `json:"id"`
	Source          string          `json:"source"`
	Type            string          `json:"type"`
	Subject         string          `json:"subject"`
	Time            time.Time       `json:"time"`
	DataContentType string          `json:"datacontenttype"`
	Data            json.RawMessage `json:"data"`
}

// New returns an envelope of the type about subject, with data encoded as
// JSON; the time is kept to the millisecond in UTC.
func New(id, typ, subject string, at time.Time, data any) (Event, error) {
	b, err := json.Marshal(data)
	if err != nil {
		return Event{}, fmt.Errorf("events: encode %s data: %w", typ, err)
	}
	e := Event{SpecVersion: SpecVersion, ID: id, Source: Source, Type: typ, Subject: subject,
		Time: at.UTC().Truncate(time.Millisecond), DataContentType: ContentType, Data: b}
	return e, e.Validate()
}

// DataAs decodes the payload into v. Unknown payload fields are ignored, so
// a consumer keeps working when a producer adds one.
func (e Event) DataAs(v any) error {
	if err := json.Unmarshal(e.Data, v); err != nil {
		return fmt.Errorf("events: decode %s data: %w", e.Type, err)
	}
	return nil
}

// isToken reports whether s is 1–128 printable ASCII characters, no space.
func isToken(s string) bool {
	if len(s) == 0 || len(s) > 128 {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '!' || s[i] > '~' {
			return false
		}
	}
	return true
}

// isType reports whether s is talent.<word>.<word>, each word 1–40 of
// [a-z0-9_].
func isType(s string) bool {
	rest, ok := strings.CutPrefix(s, Root+".")
	kind, event, ok2 := strings.Cut(rest, ".")
	return ok && ok2 && isWord(kind) && isWord(event)
}

func isWord(s string) bool {
	if len(s) == 0 || len(s) > 40 {
		return false
	}
	for i := 0; i < len(s); i++ {
		if c := s[i]; !('a' <= c && c <= 'z' || '0' <= c && c <= '9' || c == '_') {
			return false
		}
	}
	return true
}

// Validate checks the envelope against the contract: every attribute set,
// spec version 1.0, a talent.<kind>.<event> type, JSON data that is an object.
func (e Event) Validate() error {
	switch {
	case e.SpecVersion != SpecVersion:
		return fmt.Errorf("%w: specversion %q", ErrInvalid, e.SpecVersion)
	case !isToken(e.ID):
		return fmt.Errorf("%w: id", ErrInvalid)
	case !isToken(e.Source):
		return fmt.Errorf("%w: source", ErrInvalid)
	case !isType(e.Type):
		return fmt.Errorf("%w: type %q", ErrInvalid, e.Type)
	case !isToken(e.Subject):
		return fmt.Errorf("%w: subject", ErrInvalid)
	case e.Time.IsZero() || e.Time.UTC().Year() > 9999:
		return fmt.Errorf("%w: time", ErrInvalid)
	case e.DataContentType != ContentType:
		return fmt.Errorf("%w: datacontenttype %q", ErrInvalid, e.DataContentType)
	}
	d := bytes.TrimSpace(e.Data)
	if len(d) == 0 || d[0] != '{' || !json.Valid(d) {
		return fmt.Errorf("%w: data is not a JSON object", ErrInvalid)
	}
	return nil
}

// Decode reads one envelope strictly: one JSON object, no unknown, missing,
// duplicated or differently-cased attribute, nothing after it, at most
// MaxSize bytes, and valid as Validate says. Errors match ErrInvalid.
func Decode(b []byte) (Event, error) {
	if len(b) > MaxSize {
		return Event{}, fmt.Errorf("%w: %d bytes is over %d", ErrInvalid, len(b), MaxSize)
	}
	attrs, err := readObject(b)
	if err != nil {
		return Event{}, err
	}
	var e Event
	if err := fill(&e, attrs); err != nil {
		return Event{}, err
	}
	return e, e.Validate()
}

var attrNames = []string{"specversion", "id", "source", "type", "subject", "time", "datacontenttype", "data"}

// readObject splits a top-level JSON object into its attributes, refusing
// duplicates, names outside the contract and trailing bytes.
func readObject(b []byte) (map[string]json.RawMessage, error) {
	dec := json.NewDecoder(bytes.NewReader(b))
	if t, err := dec.Token(); err != nil || t != json.Delim('{') {
		return nil, fmt.Errorf("%w: not a JSON object", ErrInvalid)
	}
	attrs := make(map[string]json.RawMessage, len(attrNames))
	for dec.More() {
		t, err := dec.Token()
		if err != nil {
			return nil, fmt.Errorf("%w: %v", ErrInvalid, err)
		}
		name, _ := t.(string)
		if _, dup := attrs[name]; dup || !known(name) {
			return nil, fmt.Errorf("%w: attribute %q unknown or repeated", ErrInvalid, name)
		}
		var raw json.RawMessage
		if err := dec.Decode(&raw); err != nil {
			return nil, fmt.Errorf("%w: attribute %q: %v", ErrInvalid, name, err)
		}
		attrs[name] = raw
	}
	if t, err := dec.Token(); err != nil || t != json.Delim('}') {
		return nil, fmt.Errorf("%w: unterminated object", ErrInvalid)
	}
	if _, err := dec.Token(); err != io.EOF {
		return nil, fmt.Errorf("%w: data after the object", ErrInvalid)
	}
	return attrs, nil
}

func known(name string) bool {
	for _, n := range attrNames {
		if n == name {
			return true
		}
	}
	return false
}

// fill sets e's attributes from their raw JSON values; all are required.
func fill(e *Event, attrs map[string]json.RawMessage) error {
	strs := map[string]*string{"specversion": &e.SpecVersion, "id": &e.ID, "source": &e.Source,
		"type": &e.Type, "subject": &e.Subject, "datacontenttype": &e.DataContentType}
	for name, dst := range strs {
		if err := decodeAttr(attrs, name, dst); err != nil {
			return err
		}
	}
	if err := decodeAttr(attrs, "time", &e.Time); err != nil {
		return err
	}
	raw, ok := attrs["data"]
	if !ok {
		return fmt.Errorf("%w: data missing", ErrInvalid)
	}
	e.Data = raw
	return nil
}

func decodeAttr(attrs map[string]json.RawMessage, name string, dst any) error {
	raw, ok := attrs[name]
	if !ok || string(raw) == "null" {
		return fmt.Errorf("%w: %s missing", ErrInvalid, name)
	}
	if err := json.Unmarshal(raw, dst); err != nil {
		return fmt.Errorf("%w: %s: %v", ErrInvalid, name, err)
	}
	return nil
}
