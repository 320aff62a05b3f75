package storetest

import (
	"errors"
	"fmt"
	"slices"
	"sync"
	"testing"
	"time"

	"talentd/registry"
)

var auditCases = []securityCase{
	{"AuditAppendChains", testAuditAppendChains},
	{"AuditRefused", testAuditRefused},
	{"AuditList", testAuditList},
	{"AuditEachStops", testAuditEachStops},
	{"AuditConcurrentAppends", testAuditConcurrentAppends},
}

// auditBase is when the first test entry happened.
var auditBase = time.Date(2026, 11, 27, 5, 10, 29, 123_456_789, time.UTC)

// NewAuditEntry returns an unchained entry: principal key_i, record rec,
// at auditBase + i minutes.
func NewAuditEntry(i int, rec, action string) registry.AuditEntry {
	return registry.AuditEntry{
		ID: ids.New("aud"), Time: auditBase.Add(time.Duration(i) * time.Minute),
		KeyID: fmt.Sprintf("key_%d", i%3), KeyName: "兰山区人才办", Role: registry.RoleOfficer,
		Action: action, Kind: registry.KindTalent, RecordID: rec,
		VersionBefore: int64(i), VersionAfter: int64(i + 1), Fields: []string{"mobile", "employer.name"},
		RequestID: fmt.Sprintf("req_%d", i), ClientIP: "203.0.113.7",
	}
}

// appendN appends n entries (records rec_0 and rec_1 alternately, action
// update, every third one transition:SUBMITTED) and returns them as stored.
func appendN(t *testing.T, s Security, n int) []registry.AuditEntry {
	t.Helper()
	var out []registry.AuditEntry
	for i := range n {
		action := "update"
		if i%3 == 2 {
			action = "transition:SUBMITTED"
		}
		e, err := s.AppendAudit(ctxOf(t), NewAuditEntry(i, fmt.Sprintf("rec_%d", i%2), action))
		if err != nil {
			t.Fatalf("AppendAudit %d: %v", i, err)
		}
		out = append(out, e)
	}
	return out
}

func testAuditAppendChains(t *testing.T, s Security) {
	if h, err := s.AuditHead(ctxOf(t)); err != nil || h != (registry.AuditHead{}) {
		t.Fatalf("AuditHead of an empty log = %+v, %v", h, err)
	}
	stored := appendN(t, s, 4)
	prev := registry.AuditHead{}
	for i, e := range stored {
		want := registry.ChainAuditEntry(NewAuditEntry(i, e.RecordID, e.Action), prev.Seq, prev.Hash)
		want.ID = e.ID
		want.Hash = registry.AuditHash(want)
		if e.Seq != int64(i+1) || e.Hash != want.Hash || e.Hash != registry.AuditHash(e) {
			t.Errorf("entry %d: seq %d hash %s, want seq %d hash %s", i, e.Seq, e.Hash, i+1, want.Hash)
		}
		prev = registry.AuditHead{Seq: e.Seq, Hash: e.Hash}
	}
	read, err := s.ListAudit(ctxOf(t), registry.AuditQuery{})
	if err != nil || len(read) != len(stored) {
		t.Fatalf("ListAudit = %d entries, %v", len(read), err)
	}
	for i := range stored {
		checkAudit(t, read[i], stored[i])
	}
	if h, err := s.AuditHead(ctxOf(t)); err != nil || h != prev {
		t.Errorf("AuditHead = %+v, %v; want %+v", h, err, prev)
	}
	if first, err := registry.VerifyAuditLog(ctxOf(t), s); first != 0 || err != nil {
		t.Errorf("VerifyAuditLog of an untouched log = %d, %v", first, err)
	}
}

// checkAudit compares every field, times to the millisecond.
func checkAudit(t *testing.T, got, want registry.AuditEntry) {
	t.Helper()
	same := got.Seq == want.Seq && got.ID == want.ID && got.Time.Equal(want.Time) &&
		got.KeyID == want.KeyID && got.KeyName == want.KeyName && got.Role == want.Role &&
		got.Action == want.Action && got.Kind == want.Kind && got.RecordID == want.RecordID &&
		got.VersionBefore == want.VersionBefore && got.VersionAfter == want.VersionAfter &&
		slices.Equal(got.Fields, want.Fields) && got.RequestID == want.RequestID &&
		got.ClientIP == want.ClientIP && got.PrevHash == want.PrevHash && got.Hash == want.Hash
	if !same {
		t.Errorf("audit entry read back as\n%+v\nwant\n%+v", got, want)
	}
}

func testAuditRefused(t *testing.T, s Security) {
	first := appendN(t, s, 1)[0]
	dupID := NewAuditEntry(1, "rec_0", "update")
	dupID.ID = first.ID
	if _, err := s.AppendAudit(ctxOf(t), dupID); !errors.Is(err, registry.ErrConflict) {
		t.Errorf("AppendAudit with a used id: %v, want ErrConflict", err)
	}
	noID := NewAuditEntry(1, "rec_0", "update")
	noID.ID = ""
	if _, err := s.AppendAudit(ctxOf(t), noID); !errors.Is(err, registry.ErrInvalid) {
		t.Errorf("AppendAudit without an id: %v, want ErrInvalid", err)
	}
	next, err := s.AppendAudit(ctxOf(t), NewAuditEntry(2, "rec_0", "update"))
	if err != nil || next.Seq != 2 || next.PrevHash != first.Hash {
		t.Errorf("append after refusals: seq %d, %v; want 2 linked to 1", next.Seq, err)
	}
}

func testAuditList(t *testing.T, s Security) {
	all := appendN(t, s, 9)
	pick := func(keep func(registry.AuditEntry) bool) []registry.AuditEntry {
		var out []registry.AuditEntry
		for _, e := range all {
			if keep(e) {
				out = append(out, e)
			}
		}
		return out
	}
	cases := []struct {
		name string
		q    registry.AuditQuery
		want []registry.AuditEntry
	}{
		{"record", registry.AuditQuery{Record: "rec_1"}, pick(func(e registry.AuditEntry) bool { return e.RecordID == "rec_1" })},
		{"principal", registry.AuditQuery{Principal: "key_2"}, pick(func(e registry.AuditEntry) bool { return e.KeyID == "key_2" })},
		{"action", registry.AuditQuery{Action: "transition:SUBMITTED"}, pick(func(e registry.AuditEntry) bool { return e.Action == "transition:SUBMITTED" })},
		{"from-to", registry.AuditQuery{From: all[2].Time, To: all[5].Time}, all[2:5]},
		{"after", registry.AuditQuery{After: 6}, all[6:]},
		{"limit", registry.AuditQuery{After: 2, Limit: 3}, all[2:5]},
		{"combined", registry.AuditQuery{Record: "rec_0", Action: "update", After: 1}, pick(func(e registry.AuditEntry) bool {
			return e.RecordID == "rec_0" && e.Action == "update" && e.Seq > 1
		})},
		{"none", registry.AuditQuery{Record: "rec_9"}, nil},
	}
	for _, c := range cases {
		got, err := s.ListAudit(ctxOf(t), c.q)
		if err != nil {
			t.Fatalf("%s: %v", c.name, err)
		}
		if !slices.Equal(seqs(got), seqs(c.want)) {
			t.Errorf("%s: seqs %v, want %v", c.name, seqs(got), seqs(c.want))
		}
	}
}

func seqs(es []registry.AuditEntry) []int64 {
	out := []int64{}
	for _, e := range es {
		out = append(out, e.Seq)
	}
	return out
}

func testAuditEachStops(t *testing.T, s Security) {
	appendN(t, s, 5)
	stop := errors.New("enough")
	var seen []int64
	err := s.EachAudit(ctxOf(t), func(e registry.AuditEntry) error {
		seen = append(seen, e.Seq)
		if e.Seq == 3 {
			return stop
		}
		return nil
	})
	if !errors.Is(err, stop) || !slices.Equal(seen, []int64{1, 2, 3}) {
		t.Errorf("EachAudit = %v after %v; want the callback's error after 1 2 3", err, seen)
	}
}

// testAuditConcurrentAppends: appenders racing never fork the chain.
func testAuditConcurrentAppends(t *testing.T, s Security) {
	const writers, each = 6, 8
	inParallel(t, writers, each, func(i int) error {
		if _, err := s.AppendAudit(ctxOf(t), NewAuditEntry(i, "rec_race", "update")); err != nil {
			return fmt.Errorf("concurrent AppendAudit: %w", err)
		}
		return nil
	})
	checkIntact(t, s, writers*each)
}

// inParallel runs write(i) for every i below writers×each: writers
// goroutines, each making each writes in turn. It fails the test at the
// first error a write returned.
func inParallel(t *testing.T, writers, each int, write func(i int) error) {
	t.Helper()
	var wg sync.WaitGroup
	errs := make(chan error, writers*each)
	for w := range writers {
		wg.Go(func() {
			for i := range each {
				errs <- write(w*each + i)
			}
		})
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		if err != nil {
			t.Fatal(err)
		}
	}
}

// checkIntact checks that the trail holds n entries and its chain is
// unbroken, and returns the entries.
func checkIntact(t *testing.T, s registry.AuditLog, n int) []registry.AuditEntry {
	t.Helper()
	got, err := s.ListAudit(ctxOf(t), registry.AuditQuery{})
	if err != nil || len(got) != n {
		t.Fatalf("ListAudit = %d entries, %v; want %d", len(got), err, n)
	}
	if first, err := registry.VerifyAuditLog(ctxOf(t), s); first != 0 || err != nil {
		t.Errorf("VerifyAuditLog = %d, %v; want an intact chain", first, err)
	}
	return got
}
