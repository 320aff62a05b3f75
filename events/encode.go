package events

import (
	"bytes"
	"strings"
	"time"
)

// Encode validates the envelope and returns its JSON form: the attributes
// in contract order, the time in UTC (RFC 3339, as precise as it is), the
// data as given without insignificant space around it.
func Encode(e Event) ([]byte, error) {
	if err := e.Validate(); err != nil {
		return nil, err
	}
	data := bytes.TrimSpace(e.Data)
	b := make([]byte, 0, 192+len(e.ID)+len(e.Source)+len(e.Type)+len(e.Subject)+len(data))
	b = appendAttr(b, `{"specversion":`, e.SpecVersion)
	b = appendAttr(b, `,"id":`, e.ID)
	b = appendAttr(b, `,"source":`, e.Source)
	b = appendAttr(b, `,"type":`, e.Type)
	b = appendAttr(b, `,"subject":`, e.Subject)
	b = append(b, `,"time":"`...)
	b = e.Time.UTC().AppendFormat(b, time.RFC3339Nano)
	b = appendAttr(b, `","datacontenttype":`, e.DataContentType)
	b = append(b, `,"data":`...)
	b = append(b, data...)
	return append(b, '}'), nil
}

// appendAttr appends name and the value as a JSON string. Validate has
// made every value printable ASCII, so only quotes and backslashes need
// escaping.
func appendAttr(b []byte, name, v string) []byte {
	b = append(append(b, name...), '"')
	if !strings.ContainsAny(v, `"\`) {
		return append(append(b, v...), '"')
	}
	for i := 0; i < len(v); i++ {
		if v[i] == '"' || v[i] == '\\' {
			b = append(b, '\\')
		}
		b = append(b, v[i])
	}
	return append(b, '"')
}
