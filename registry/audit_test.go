package registry_test

import (
	"errors"
	"iter"
	"slices"
	"testing"
	"time"

	"talentd/registry"
)

// chain builds n chained entries as a store would.
func chain(n int) []registry.AuditEntry {
	var out []registry.AuditEntry
	prev := registry.AuditHead{}
	for i := range n {
		e := registry.AuditEntry{
			ID: "aud_" + string(rune('a'+i)), Time: time.Date(2026, 11, 27, 5, 0, i, 123456789, time.FixedZone("CST", 8*3600)),
			KeyID: "key_1", KeyName: "bureau", Role: registry.RoleAdmin, Action: "update", Kind: registry.KindTalent,
			RecordID: "tal_1", VersionBefore: int64(i), VersionAfter: int64(i + 1), Fields: []string{"mobile"},
			RequestID: "req_1", ClientIP: "10.0.0.1",
		}
		e = registry.ChainAuditEntry(e, prev.Seq, prev.Hash)
		prev = registry.AuditHead{Seq: e.Seq, Hash: e.Hash}
		out = append(out, e)
	}
	return out
}

func seq(es []registry.AuditEntry) iter.Seq2[registry.AuditEntry, error] {
	return func(yield func(registry.AuditEntry, error) bool) {
		for _, e := range es {
			if !yield(e, nil) {
				return
			}
		}
	}
}

func headOf(es []registry.AuditEntry) registry.AuditHead {
	l := es[len(es)-1]
	return registry.AuditHead{Seq: l.Seq, Hash: l.Hash}
}

func TestChainAuditEntry(t *testing.T) {
	es := chain(2)
	if es[0].Seq != 1 || es[0].PrevHash != registry.AuditGenesis || es[1].Seq != 2 || es[1].PrevHash != es[0].Hash {
		t.Fatalf("links: %+v", es)
	}
	if es[0].Time.Location() != time.UTC || es[0].Time.Nanosecond() != 123000000 {
		t.Errorf("time not kept to the millisecond in UTC: %v", es[0].Time)
	}
	// Every field is under the hash.
	mods := map[string]func(*registry.AuditEntry){
		"seq": func(e *registry.AuditEntry) { e.Seq++ }, "id": func(e *registry.AuditEntry) { e.ID += "x" },
		"time":     func(e *registry.AuditEntry) { e.Time = e.Time.Add(time.Millisecond) },
		"key id":   func(e *registry.AuditEntry) { e.KeyID += "x" },
		"key name": func(e *registry.AuditEntry) { e.KeyName += "x" },
		"role":     func(e *registry.AuditEntry) { e.Role = registry.RoleAuditor },
		"action":   func(e *registry.AuditEntry) { e.Action = "delete" },
		"kind":     func(e *registry.AuditEntry) { e.Kind = registry.KindExpert },
		"record":   func(e *registry.AuditEntry) { e.RecordID += "x" },
		"before":   func(e *registry.AuditEntry) { e.VersionBefore++ },
		"after":    func(e *registry.AuditEntry) { e.VersionAfter++ },
		"fields":   func(e *registry.AuditEntry) { e.Fields = append(e.Fields, "name") },
		"no field": func(e *registry.AuditEntry) { e.Fields = nil },
		"request":  func(e *registry.AuditEntry) { e.RequestID += "x" },
		"client":   func(e *registry.AuditEntry) { e.ClientIP += "x" },
		"prev":     func(e *registry.AuditEntry) { e.PrevHash = es[0].PrevHash },
		"shifted":  func(e *registry.AuditEntry) { e.KeyID, e.KeyName = e.KeyID+e.KeyName[:1], e.KeyName[1:] },
	}
	for name, mod := range mods {
		e := es[1]
		e.Fields = slices.Clone(e.Fields)
		mod(&e)
		if registry.AuditHash(e) == es[1].Hash {
			t.Errorf("changing %s keeps the hash", name)
		}
	}
}

func TestVerifyChain(t *testing.T) {
	es := chain(6)
	modified := slices.Clone(es)
	modified[2].Action = "read"
	rehashed := slices.Clone(es)
	rehashed[2].ClientIP = "1.2.3.4"
	rehashed[2].Hash = registry.AuditHash(rehashed[2])
	swapped := slices.Clone(es)
	swapped[2], swapped[3] = swapped[3], swapped[2]
	dup := append(slices.Clone(es[:3]), es[2:]...)
	cases := []struct {
		name    string
		entries []registry.AuditEntry
		head    registry.AuditHead
		want    int64
	}{
		{"intact", es, headOf(es), 0},
		{"intact, head unknown", es, registry.AuditHead{}, 0},
		{"empty", nil, registry.AuditHead{}, 0},
		{"modified", modified, headOf(es), 3},
		{"modified and rehashed", rehashed, headOf(es), 4},
		{"deleted middle", slices.Delete(slices.Clone(es), 3, 4), headOf(es), 4},
		{"deleted first", es[1:], headOf(es), 1},
		{"deleted last", es[:5], headOf(es), 6},
		{"all deleted", nil, headOf(es), 1},
		{"swapped", swapped, headOf(es), 3},
		{"duplicated", dup, headOf(es), 3},
		{"head moved", es, registry.AuditHead{Seq: 6, Hash: es[4].Hash}, 6},
		{"head behind (append in flight)", es, headOf(es[:5]), 0},
	}
	for _, c := range cases {
		got, err := registry.VerifyChain(seq(c.entries), c.head)
		var b *registry.ChainBreak
		switch {
		case got != c.want:
			t.Errorf("%s: first broken %d (%v), want %d", c.name, got, err, c.want)
		case c.want == 0 && err != nil:
			t.Errorf("%s: %v", c.name, err)
		case c.want != 0 && (!errors.As(err, &b) || b.Seq != c.want || !errors.Is(err, registry.ErrChainBroken)):
			t.Errorf("%s: err %v, want a ChainBreak at %d", c.name, err, c.want)
		}
	}
}

func TestVerifyChainReadError(t *testing.T) {
	boom := errors.New("disk")
	entries := func(yield func(registry.AuditEntry, error) bool) {
		if yield(chain(1)[0], nil) {
			yield(registry.AuditEntry{}, boom)
		}
	}
	if got, err := registry.VerifyChain(entries, registry.AuditHead{}); got != 0 || !errors.Is(err, boom) {
		t.Errorf("VerifyChain = %d, %v; want 0, the read error", got, err)
	}
}
