package storetest

import (
	"bytes"
	"encoding/json"
	"maps"
	"reflect"
	"slices"
	"strconv"
	"testing"
	"time"

	"talentd/registry"
)

// checkDoc fails the test unless got is want as a store keeps it: every
// field equal, times to the millisecond in UTC, body bytes exact, refs as a set.
func checkDoc(t *testing.T, got, want registry.Document) {
	t.Helper()
	checkTime(t, "CreatedAt", got.CreatedAt, want.CreatedAt)
	checkTime(t, "UpdatedAt", got.UpdatedAt, want.UpdatedAt)
	type plain struct {
		Kind                                  registry.Kind
		ID, Area, Name, Identity, IdemKey, IH string
		Status                                registry.Status
		Version                               int64
	}
	g := plain{got.Kind, got.ID, got.Area, got.Name, got.Identity, got.IdemKey, got.IdemHash, got.Status, got.Version}
	w := plain{want.Kind, want.ID, want.Area, want.Name, want.Identity, want.IdemKey, want.IdemHash, want.Status, want.Version}
	if g != w {
		t.Errorf("document fields:\n got %+v\nwant %+v", g, w)
	}
	if !maps.Equal(got.Filters, want.Filters) {
		t.Errorf("Filters = %v, want %v", got.Filters, want.Filters)
	}
	if !slices.Equal(sorted(got.Refs), sorted(want.Refs)) {
		t.Errorf("Refs = %v, want %v", got.Refs, want.Refs)
	}
	if !bytes.Equal(got.Body, want.Body) {
		t.Errorf("Body = %q, want %q", got.Body, want.Body)
	}
}

// checkTime fails unless got is want truncated to the millisecond, in UTC.
func checkTime(t *testing.T, field string, got, want time.Time) {
	t.Helper()
	w := want.UTC().Truncate(time.Millisecond)
	if !got.Equal(w) || got.Location() != time.UTC {
		t.Errorf("%s = %v (%v), want %v in UTC", field, got, got.Location(), w)
	}
}

// checkEvents fails unless got are want, in order. Data is compared as JSON.
func checkEvents(t *testing.T, got, want []registry.Event) {
	t.Helper()
	if len(got) != len(want) {
		t.Fatalf("%d events %v, want %d %v", len(got), eventIDs(got), len(want), eventIDs(want))
	}
	for i := range want {
		g, w := got[i], want[i]
		checkTime(t, "event Time", g.Time, w.Time)
		if g.ID != w.ID || g.Type != w.Type || g.Kind != w.Kind || g.RecordID != w.RecordID || g.Version != w.Version {
			t.Errorf("event %d = %s %s %s %s v%d, want %s %s %s %s v%d", i,
				g.ID, g.Type, g.Kind, g.RecordID, g.Version, w.ID, w.Type, w.Kind, w.RecordID, w.Version)
		}
		if !sameJSON(g.Data, w.Data) {
			t.Errorf("event %d Data = %s, want %s", i, g.Data, w.Data)
		}
	}
}

func sameJSON(a, b []byte) bool {
	var x, y any
	if json.Unmarshal(a, &x) != nil || json.Unmarshal(b, &y) != nil {
		return bytes.Equal(a, b)
	}
	return reflect.DeepEqual(x, y)
}

func eventIDs(evs []registry.Event) []string {
	out := make([]string, len(evs))
	for i, e := range evs {
		out[i] = e.Type + "@" + e.RecordID + "/v" + itoa(e.Version)
	}
	return out
}

func docNames(ds []registry.Document) []string {
	out := make([]string, len(ds))
	for i, d := range ds {
		out[i] = d.Name
	}
	return out
}

func sorted(s []string) []string {
	c := slices.Clone(s)
	slices.Sort(c)
	return c
}

func itoa(n int64) string { return strconv.FormatInt(n, 10) }
