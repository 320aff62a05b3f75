package mongodb

import (
	"bytes"
	"encoding/json"
	"math"
	"testing"

	"go.mongodb.org/mongo-driver/v2/bson"
)

// roundTrip stores body the way a record document holds it and reads it
// back, returning the bytes and whether it was kept as a sub-document.
func roundTrip(t *testing.T, body []byte) ([]byte, bool) {
	t.Helper()
	raw, err := bson.Marshal(bson.D{{Key: fBody, Value: bodyValue(body)}})
	if err != nil {
		t.Fatalf("marshal: %v", err)
	}
	v := bson.Raw(raw).Lookup(fBody)
	back, err := bodyBytes(v)
	if err != nil {
		t.Fatalf("bodyBytes: %v", err)
	}
	return back, v.Type == bson.TypeEmbeddedDocument
}

func TestBodyRoundTrip(t *testing.T) {
	marshal := func(v any) []byte {
		b, err := json.Marshal(v)
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	cases := []struct {
		name   string
		body   []byte
		asBSON bool
	}{
		{"record-like", marshal(map[string]any{"name": "张伟", "version": 3, "team": []any{map[string]any{"role": "LEAD"}}, "x": nil, "ok": true}), true},
		{"field order kept", []byte(`{"z":1,"a":2,"m":{"y":[],"b":{}}}`), true},
		{"html escapes", marshal(map[string]string{"h": "<b>&amp;</b>", "q": "\"\\\u2028"}), true},
		{"floats", marshal(map[string]float64{"a": 1200.5, "b": 1e21, "c": 1e-7, "d": 0.1, "e": 1200, "f": -0.0, "g": math.MaxFloat64}), true},
		{"big integers", []byte(`{"i":9007199254740993,"j":-9223372036854775808,"k":100000000000000000000}`), true},
		{"spaces and newline", []byte(`{"name":"张伟", "z":1,"a":[ 2, 1 ]}` + "\n"), false},
		{"unescaped html", []byte(`{"html":"<b>"}`), false},
		{"number spelling", []byte(`{"a":1.0,"b":1E2}`), false},
		{"dotted key", []byte(`{"a.b":1}`), false},
		{"dollar key", []byte(`{"$date":1}`), false},
		{"not an object", []byte(`[1,2]`), false},
		{"not JSON", []byte(`hello`), false},
		{"two objects", []byte(`{}{}`), false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			back, asBSON := roundTrip(t, c.body)
			if !bytes.Equal(back, c.body) {
				t.Fatalf("round trip = %q, want %q", back, c.body)
			}
			if asBSON != c.asBSON {
				t.Fatalf("stored as sub-document = %v, want %v", asBSON, c.asBSON)
			}
		})
	}
}

func TestBodyIntegersStayInt64(t *testing.T) {
	d, err := bodyToBSON([]byte(`{"yuan":9007199254740993,"area":1.5}`))
	if err != nil {
		t.Fatal(err)
	}
	if v, ok := d[0].Value.(int64); !ok || v != 9007199254740993 {
		t.Fatalf("yuan = %#v, want int64 9007199254740993", d[0].Value)
	}
	if v, ok := d[1].Value.(float64); !ok || v != 1.5 {
		t.Fatalf("area = %#v, want float64 1.5", d[1].Value)
	}
}

// FuzzBody checks that any body, JSON or not, comes back byte for byte,
// and that what encoding/json writes is kept as a sub-document.
func FuzzBody(f *testing.F) {
	for _, s := range []string{`{"a":1}`, `{"a":[1,{"b":null}],"c":"\u003c"}`, `{"x":1e+21}`, `{ }`, `{"a":"\ud800"}`} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, body []byte) {
		back, _ := roundTrip(t, body)
		if !bytes.Equal(back, body) {
			t.Fatalf("round trip = %q, want %q", back, body)
		}
		var v map[string]any
		if json.Unmarshal(body, &v) != nil {
			return
		}
		canon, err := json.Marshal(v)
		if err != nil {
			return
		}
		if _, asBSON := roundTrip(t, canon); !asBSON && storableKeys(v) {
			t.Fatalf("canonical body %q stored as a string", canon)
		}
	})
}

func storableKeys(v any) bool {
	switch x := v.(type) {
	case map[string]any:
		for k, e := range x {
			if !storableName(k) || !storableKeys(e) {
				return false
			}
		}
	case []any:
		for _, e := range x {
			if !storableKeys(e) {
				return false
			}
		}
	}
	return true
}
