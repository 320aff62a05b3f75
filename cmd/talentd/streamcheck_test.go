package main

import (
	"context"
	"encoding/json"
	"net/url"
	"slices"
	"testing"
	"time"

	"github.com/nats-io/nats.go"
	natsjs "github.com/nats-io/nats.go/jetstream"

	"talentd/events"
	"talentd/events/eventstest"
)

// streamed is one message of the events stream, decoded.
type streamed struct {
	msgID   string
	event   events.Event
	version int64
}

// readStream returns the events stream of the prefix, in stream order,
// from the NATS server at url.
func readStream(t *testing.T, url, prefix string) []streamed {
	t.Helper()
	nc, err := nats.Connect(url)
	if err != nil {
		t.Fatal(err)
	}
	defer nc.Close()
	js, err := natsjs.New(nc)
	if err != nil {
		t.Fatal(err)
	}
	var out []streamed
	for _, m := range eventstest.Stored(t, js, prefix) {
		e, err := events.Decode(m.Data)
		if err != nil {
			t.Fatalf("stream seq %d: %v", m.Sequence, err)
		}
		var d struct {
			Version int64 `json:"version"`
		}
		if err := e.DataAs(&d); err != nil {
			t.Fatal(err)
		}
		out = append(out, streamed{msgID: m.Header.Get(natsjs.MsgIDHeader), event: e, version: d.Version})
	}
	return out
}

// streamProblems compares the stream with the records' versions as the
// store holds them: every message's Nats-Msg-Id is its event id and no
// event id appears twice; every record's versions are 1..current, each
// with at least one event, in order; no event is about another record. It
// returns what is wrong, nothing when all is well.
func streamProblems(msgs []streamed, current map[string]int64) []string {
	var bad []string
	ids := map[string]bool{}
	seen := map[string][]int64{}
	for _, m := range msgs {
		if m.msgID != m.event.ID {
			bad = append(bad, "Nats-Msg-Id "+m.msgID+" carries event "+m.event.ID)
		}
		if ids[m.event.ID] {
			bad = append(bad, "event "+m.event.ID+" is in the stream twice")
		}
		ids[m.event.ID] = true
		seen[m.event.Subject] = append(seen[m.event.Subject], m.version)
	}
	for id, vs := range seen {
		if _, ok := current[id]; !ok {
			bad = append(bad, "events of "+id+", a record the store does not hold")
		}
		if !slices.IsSorted(vs) {
			bad = append(bad, "events of "+id+" out of version order")
		}
	}
	for id, v := range current {
		if got := slices.Compact(slices.Clone(seen[id])); !slices.Equal(got, versionsUpTo(v)) {
			bad = append(bad, "record "+id+" has events of versions "+fmtInts(got)+", want 1.."+fmtInts([]int64{v}))
		}
	}
	return bad
}

func versionsUpTo(v int64) []int64 {
	out := make([]int64, 0, v)
	for i := int64(1); i <= v; i++ {
		out = append(out, i)
	}
	return out
}

func fmtInts(vs []int64) string {
	b, _ := json.Marshal(vs)
	return string(b)
}

// waitForStream waits until the stream matches the records, and fails the
// test with what is still wrong if it does not within d.
func waitForStream(t *testing.T, url, prefix string, current map[string]int64, d time.Duration) []streamed {
	t.Helper()
	deadline := time.Now().Add(d)
	for {
		msgs := readStream(t, url, prefix)
		bad := streamProblems(msgs, current)
		if len(bad) == 0 {
			return msgs
		}
		if time.Now().After(deadline) {
			t.Fatalf("after %s the stream (%d messages) still disagrees with the store: %d problems, first %q", d, len(msgs), len(bad), bad[:min(5, len(bad))])
		}
		time.Sleep(200 * time.Millisecond)
	}
}

// storedEnclaves lists every enclave the store holds (id → version),
// through the API.
func storedEnclaves(t *testing.T, c *apiClient) map[string]int64 {
	t.Helper()
	out := map[string]int64{}
	for cursor := ""; ; {
		path := "/v1/enclaves?limit=200"
		if cursor != "" {
			path += "&cursor=" + url.QueryEscape(cursor)
		}
		status, b, err := c.do(context.Background(), "GET", path, "")
		if err != nil || status != 200 {
			t.Fatalf("list enclaves: %d %v %s", status, err, b)
		}
		var page struct {
			Items      []recordState `json:"items"`
			NextCursor string        `json:"next_cursor"`
		}
		if err := json.Unmarshal(b, &page); err != nil {
			t.Fatal(err)
		}
		for _, r := range page.Items {
			out[r.ID] = r.Version
		}
		if page.NextCursor == "" {
			return out
		}
		cursor = page.NextCursor
	}
}

// TestStreamProblems checks the checker the crash and outage tests rely on.
func TestStreamProblems(t *testing.T) {
	ev := func(id, record string, version int64) streamed {
		return streamed{msgID: id, event: events.Event{ID: id, Subject: record}, version: version}
	}
	good := []streamed{ev("e1", "a", 1), ev("e2", "b", 1), ev("e3", "a", 2), ev("e4", "a", 2)}
	tests := []struct {
		name string
		msgs []streamed
		want int // problems
	}{
		{"all there once", good, 0},
		{"an event twice", append(good, ev("e2", "b", 1)), 1},
		{"a version missing", good[:2], 1},
		{"out of order", []streamed{ev("e3", "a", 2), ev("e1", "a", 1), ev("e2", "b", 1)}, 2},
		{"an unknown record", append(good, ev("e9", "z", 1)), 1},
		{"Nats-Msg-Id not the event id", append(good[:3:3], streamed{msgID: "x", event: events.Event{ID: "e4", Subject: "a"}, version: 2}), 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := streamProblems(tt.msgs, map[string]int64{"a": 2, "b": 1}); len(got) != tt.want {
				t.Fatalf("problems %q, want %d", got, tt.want)
			}
		})
	}
}
