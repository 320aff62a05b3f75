package registry

import (
	"encoding/json"
	"fmt"
	"time"
)

// Status is a lifecycle state of a record.
type Status string

// Meta is what every record carries besides its own fields. The server sets
// all of it; a client never writes it directly.
type Meta struct {
	ID            string         `json:"id"`
	Area          string         `json:"area" validate:"required,area"`
	Status        Status         `json:"status"`
	Version       int64          `json:"version"`
	CreatedAt     time.Time      `json:"created_at"`
	UpdatedAt     time.Time      `json:"updated_at"`
	CreatedBy     string         `json:"created_by"`
	StatusHistory []StatusChange `json:"status_history"`
}

// StatusChange is one lifecycle step: who moved the record, from, to, when, why.
type StatusChange struct {
	From   Status    `json:"from,omitempty"`
	To     Status    `json:"to"`
	At     time.Time `json:"at"`
	By     string    `json:"by"`
	Reason string    `json:"reason,omitempty"`
}

// ServerFields are the JSON names of what the server sets: Meta, and the
// warnings normalisation derives. They are refused in input.
var ServerFields = []string{"id", "status", "version", "created_at", "updated_at", "created_by", "status_history", "warnings"}

// Record is implemented by the four record kinds.
type Record interface {
	// Base returns the record's Meta for reading and writing.
	Base() *Meta
	// Kind is the record's kind.
	Kind() Kind
	// DisplayName is the record's name, for list filters (q) and messages.
	DisplayName() string
	// Identity is the person's identity document, nil for kinds without one.
	Identity() *IDDoc
	// Filters are the record's values of the kind's indexed filter fields.
	Filters() map[string]string
	// Refs are ids of other records this one points at (enclave, experts).
	Refs() []string
	// Lifecycle is the kind's state machine.
	Lifecycle() Lifecycle
}

// DecodeRecord reads a record of the kind from its canonical JSON document.
func DecodeRecord(k Kind, doc []byte) (Record, error) {
	r := NewRecord(k)
	if r == nil {
		return nil, fmt.Errorf("registry: unknown record kind %q", k)
	}
	if err := json.Unmarshal(doc, r); err != nil {
		return nil, fmt.Errorf("registry: decode %s document: %w", k, err)
	}
	return r, nil
}

// EncodeRecord writes the record's canonical JSON document.
func EncodeRecord(r Record) ([]byte, error) {
	b, err := json.Marshal(r)
	if err != nil {
		return nil, fmt.Errorf("registry: encode %s document: %w", r.Kind(), err)
	}
	return b, nil
}

// Clone returns a deep copy of r (through its document form).
func Clone(r Record) Record {
	b, err := EncodeRecord(r)
	if err != nil {
		panic(err) // records are plain data; encoding cannot fail
	}
	c, err := DecodeRecord(r.Kind(), b)
	if err != nil {
		panic(err)
	}
	return c
}

// Org is an organisation: its unified social credit code and name.
type Org struct {
	USCC string `json:"uscc" validate:"required,uscc"`
	Name string `json:"name" validate:"required,min=1,max=128"`
}

// IDDoc is a person's identity document.
type IDDoc struct {
	Type   IDDocType `json:"type" validate:"required,oneof=CN_ID PR_CARD PASSPORT HKMO_PERMIT TW_PERMIT"`
	Number string    `json:"number" validate:"required"`
}

// IDDocType is the kind of identity document.
type IDDocType string

// Identity document types.
const (
	DocCNID     IDDocType = "CN_ID"
	DocPRCard   IDDocType = "PR_CARD"
	DocPassport IDDocType = "PASSPORT"
	DocHKMO     IDDocType = "HKMO_PERMIT"
	DocTW       IDDocType = "TW_PERMIT"
)

// Date is a calendar date without a time, YYYY-MM-DD in Asia/Shanghai.
// Its zero value is the empty string: no date.
type Date string

// Time returns the date's midnight in Asia/Shanghai; ok is false if the date
// does not parse.
func (d Date) Time() (time.Time, bool) {
	t, err := time.ParseInLocation(time.DateOnly, string(d), Shanghai)
	return t, err == nil
}

// AddDays returns the date n days later (earlier for negative n).
func (d Date) AddDays(n int) Date {
	t, ok := d.Time()
	if !ok {
		return d
	}
	return DateOf(t.AddDate(0, 0, n))
}

// AddYears returns the date n years later.
func (d Date) AddYears(n int) Date {
	t, ok := d.Time()
	if !ok {
		return d
	}
	return DateOf(t.AddDate(n, 0, 0))
}

// DateOf returns the Asia/Shanghai calendar date of t.
func DateOf(t time.Time) Date { return Date(t.In(Shanghai).Format(time.DateOnly)) }

// Shanghai is the time zone of every Date.
var Shanghai = mustZone("Asia/Shanghai")

func mustZone(name string) *time.Location {
	loc, err := time.LoadLocation(name)
	if err != nil {
		return time.FixedZone(name, 8*3600) // China has had no DST since 1991
	}
	return loc
}
