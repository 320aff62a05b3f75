package events_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"strings"
	"testing"
	"time"

	"talentd/events"
)

const valid = `{"specversion":"1.0","id":"evt_01","source":"talentd","type":"talent.enclave.recognized",` +
	`"subject":"enc_01","time":"2026-11-27T05:10:29.123Z","datacontenttype":"application/json",` +
	`"data":{"enclave_id":"enc_01","type":"OFFSHORE_INCUBATOR","area":"ZONE_HIGHTECH","version":4,"recognized_on":"2026-11-27"}}`

func TestDecodeValid(t *testing.T) {
	e, err := events.Decode([]byte(valid))
	if err != nil {
		t.Fatal(err)
	}
	var d events.EnclaveRecognizedData
	if err := e.DataAs(&d); err != nil {
		t.Fatal(err)
	}
	want := events.EnclaveRecognizedData{EnclaveID: "enc_01", Type: "OFFSHORE_INCUBATOR", Area: "ZONE_HIGHTECH", Version: 4, RecognizedOn: "2026-11-27"}
	if e.Type != events.EnclaveRecognized || e.Subject != "enc_01" || d != want {
		t.Fatalf("decoded %+v data %+v", e, d)
	}
	if !e.Time.Equal(time.Date(2026, 11, 27, 5, 10, 29, 123e6, time.UTC)) {
		t.Fatalf("time %v", e.Time)
	}
}

func TestDecodeRejects(t *testing.T) {
	tests := []struct{ name, in string }{
		{"empty", ``},
		{"array", `[]`},
		{"trailing", valid + `{}`},
		{"unknown attribute", strings.Replace(valid, `"source"`, `"extra":1,"source"`, 1)},
		{"other case", strings.Replace(valid, `"id"`, `"ID"`, 1)},
		{"repeated", strings.Replace(valid, `"source":"talentd"`, `"source":"talentd","source":"x"`, 1)},
		{"missing id", strings.Replace(valid, `"id":"evt_01",`, ``, 1)},
		{"null subject", strings.Replace(valid, `"subject":"enc_01"`, `"subject":null`, 1)},
		{"spec 0.3", strings.Replace(valid, `"1.0"`, `"0.3"`, 1)},
		{"type outside talent", strings.Replace(valid, `talent.enclave.recognized`, `other.enclave.recognized`, 1)},
		{"type too short", strings.Replace(valid, `talent.enclave.recognized`, `talent.enclave`, 1)},
		{"id with space", strings.Replace(valid, `evt_01`, `evt 01`, 1)},
		{"bad time", strings.Replace(valid, `2026-11-27T05:10:29.123Z`, `yesterday`, 1)},
		{"numeric id", strings.Replace(valid, `"evt_01"`, `17`, 1)},
		{"xml", strings.Replace(valid, `application/json`, `application/xml`, 1)},
		{"data string", valid[:strings.Index(valid, `"data"`)] + `"data":"x"}`},
		{"data null", valid[:strings.Index(valid, `"data"`)] + `"data":null}`},
		{"data missing", valid[:strings.Index(valid, `,"data"`)] + `}`},
		{"too big", `{"id":"` + strings.Repeat("a", events.MaxSize) + `"}`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if _, err := events.Decode([]byte(tt.in)); !errors.Is(err, events.ErrInvalid) {
				t.Fatalf("Decode = %v, want ErrInvalid", err)
			}
		})
	}
}

func TestNewEncodeDecode(t *testing.T) {
	at := time.Date(2026, 1, 2, 11, 4, 5, 678912345, time.FixedZone("CST", 8*3600))
	data := events.RecordCreated{Record: events.Record{ID: "tal_1", Kind: events.KindTalent, Area: "371302", Version: 1, Status: "DRAFT"},
		Facts: events.Facts{Tier: "B", Channel: "COMPETITION", Dates: map[string]string{"competition.landing_deadline": "2027-01-02"}}}
	e, err := events.New("evt_1", events.SubjectCreated(events.KindTalent), "tal_1", at, data)
	if err != nil {
		t.Fatal(err)
	}
	b, err := events.Encode(e)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(b, []byte(`"time":"2026-01-02T03:04:05.678Z"`)) {
		t.Fatalf("time not UTC milliseconds: %s", b)
	}
	back, err := events.Decode(b)
	if err != nil {
		t.Fatal(err)
	}
	var got events.RecordCreated
	if err := back.DataAs(&got); err != nil || got.Facts.Dates["competition.landing_deadline"] != "2027-01-02" || got.Facts.Tier != "B" {
		t.Fatalf("round trip: %+v %v", got, err)
	}
}

func TestEncodeRefusesInvalid(t *testing.T) {
	e, _ := events.Decode([]byte(valid))
	e.Type = "talent.enclave"
	if _, err := events.Encode(e); !errors.Is(err, events.ErrInvalid) {
		t.Fatalf("Encode = %v, want ErrInvalid", err)
	}
}

// FuzzDecode: Decode never panics; what it accepts encodes, and encoding is
// stable from then on.
func FuzzDecode(f *testing.F) {
	f.Add([]byte(valid))
	f.Add([]byte(`{"specversion":"1.0"}`))
	f.Add([]byte(strings.Replace(valid, `"evt_01"`, `"evt_\"0\\1"`, 1)))
	f.Add([]byte(strings.Replace(valid, `"data":{`, `"data": {"z":"\u00e9<&>"} , "x":{`, 1)))
	f.Add([]byte(strings.Replace(valid, `{"enclave_id"`, `{"a":[1,{"b":"\u003c"}],"enclave_id"`, 1)))
	f.Fuzz(func(t *testing.T, b []byte) {
		e, err := events.Decode(b)
		if err != nil {
			if !errors.Is(err, events.ErrInvalid) {
				t.Fatalf("error %v does not match ErrInvalid", err)
			}
			return
		}
		b1, err := events.Encode(e)
		if err != nil {
			t.Fatalf("accepted event does not encode: %v", err)
		}
		var std events.Event
		if err := json.Unmarshal(b1, &std); err != nil || std.ID != e.ID || std.Subject != e.Subject || !std.Time.Equal(e.Time) {
			t.Fatalf("encoding/json reads %s as %+v (%v)", b1, std, err)
		}
		e2, err := events.Decode(b1)
		if err != nil {
			t.Fatalf("encoded event does not decode: %v\n%s", err, b1)
		}
		if b2, _ := events.Encode(e2); !bytes.Equal(b1, b2) {
			t.Fatalf("unstable encoding:\n%s\n%s", b1, b2)
		}
	})
}
