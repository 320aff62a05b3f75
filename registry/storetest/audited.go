package storetest

import (
	"errors"
	"fmt"
	"testing"

	"talentd/registry"
)

// auditedStore is a store that writes a change and its audit entry as one
// and keeps the trail.
type auditedStore interface {
	registry.Store
	registry.AuditedStore
	registry.AuditLog
}

var auditedCases = []suiteCase{
	{"AuditedWritesChain", audited(testAuditedWrites)},
	{"AuditedRefusedWritesNothing", audited(testAuditedRefused)},
	{"AuditedInterleavesWithAppend", audited(testAuditedInterleaves)},
}

// audited runs fn on stores that implement registry.AuditedStore and skips
// the others.
func audited(fn func(t *testing.T, s auditedStore)) func(*testing.T, registry.Store) {
	return func(t *testing.T, s registry.Store) {
		if _, ok := s.(registry.AuditedStore); !ok {
			t.Skipf("%T does not implement registry.AuditedStore", s)
		}
		a, ok := s.(auditedStore)
		if !ok {
			t.Fatalf("%T implements registry.AuditedStore but not registry.AuditLog", s)
		}
		fn(t, a)
	}
}

// testAuditedWrites: a create, an update and a delete each store the
// change, its events and its entry, chained as AppendAudit chains.
func testAuditedWrites(t *testing.T, s auditedStore) {
	d := fullDoc()
	n := Next(d)
	evs := []registry.Event{NewEvent(d, "created"), NewEvent(n, "updated"), NewEvent(Next(n), "deleted")}
	entries := []registry.AuditEntry{NewAuditEntry(0, d.ID, "create"), NewAuditEntry(1, d.ID, "update"), NewAuditEntry(2, d.ID, "delete")}
	if err := s.CreateAudited(ctxOf(t), d, evs[:1], entries[0]); err != nil {
		t.Fatalf("CreateAudited: %v", err)
	}
	checkDoc(t, mustGet(t, s, d.Kind, d.ID), d)
	if err := s.UpdateAudited(ctxOf(t), n, 1, evs[1:2], entries[1]); err != nil {
		t.Fatalf("UpdateAudited: %v", err)
	}
	checkDoc(t, mustGet(t, s, d.Kind, d.ID), n)
	if err := s.DeleteAudited(ctxOf(t), d.Kind, d.ID, 2, evs[2:], entries[2]); err != nil {
		t.Fatalf("DeleteAudited: %v", err)
	}
	if _, err := s.Get(ctxOf(t), d.Kind, d.ID); !errors.Is(err, registry.ErrNotFound) {
		t.Errorf("Get after DeleteAudited: %v, want ErrNotFound", err)
	}
	checkEvents(t, pending(t, s), evs)
	checkChain(t, s, entries)
}

// checkChain checks that the trail holds exactly want, chained in order
// from the genesis, with the head on the last and the chain intact.
func checkChain(t *testing.T, s auditedStore, want []registry.AuditEntry) {
	t.Helper()
	got, err := s.ListAudit(ctxOf(t), registry.AuditQuery{})
	if err != nil || len(got) != len(want) {
		t.Fatalf("ListAudit = %d entries, %v; want %d", len(got), err, len(want))
	}
	var head registry.AuditHead
	for i, e := range want {
		chained := registry.ChainAuditEntry(e, head.Seq, head.Hash)
		checkAudit(t, got[i], chained)
		head = registry.AuditHead{Seq: chained.Seq, Hash: chained.Hash}
	}
	if h, err := s.AuditHead(ctxOf(t)); err != nil || h != head {
		t.Errorf("AuditHead = %+v, %v; want %+v", h, err, head)
	}
	if first, err := registry.VerifyAuditLog(ctxOf(t), s); first != 0 || err != nil {
		t.Errorf("VerifyAuditLog = %d, %v; want an intact chain", first, err)
	}
}

// testAuditedRefused: a write the store refuses, or whose entry it
// refuses, leaves no record change, no event and no entry behind.
func testAuditedRefused(t *testing.T, s auditedStore) {
	holder := mustCreate(t, s, fullDoc())
	other := mustCreate(t, s, NewDoc(registry.KindTalent, "other"))
	first := NewAuditEntry(0, holder.ID, "create")
	if _, err := s.AppendAudit(ctxOf(t), first); err != nil {
		t.Fatalf("AppendAudit: %v", err)
	}
	before := pending(t, s)
	fresh := NewDoc(registry.KindTalent, "fresh")
	cases := refusedWrites(t, s, holder, other, fresh, first)
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			e := NewAuditEntry(1, c.name, "change")
			if c.entry != nil {
				c.entry(&e)
			}
			if err := c.write(e); !errors.Is(err, c.want) {
				t.Fatalf("err = %v, want %v", err, c.want)
			}
			if _, err := s.Get(ctxOf(t), fresh.Kind, fresh.ID); !errors.Is(err, registry.ErrNotFound) {
				t.Errorf("Get of a refused create: %v, want ErrNotFound", err)
			}
			checkDoc(t, mustGet(t, s, holder.Kind, holder.ID), holder)
			checkDoc(t, mustGet(t, s, other.Kind, other.ID), other)
			checkEvents(t, pending(t, s), before)
			checkChain(t, s, []registry.AuditEntry{first})
		})
	}
	next := NewAuditEntry(2, fresh.ID, "create")
	if err := s.CreateAudited(ctxOf(t), fresh, nil, next); err != nil {
		t.Fatalf("CreateAudited after refusals: %v", err)
	}
	checkChain(t, s, []registry.AuditEntry{first, next})
}

type refusedWrite struct {
	name  string
	entry func(e *registry.AuditEntry) // spoils the entry, if set
	write func(e registry.AuditEntry) error
	want  error
}

// refusedWrites are audited writes that must fail: on the record, or on
// the entry only.
func refusedWrites(t *testing.T, s auditedStore, holder, other, fresh registry.Document, first registry.AuditEntry) []refusedWrite {
	create := func(d registry.Document) func(registry.AuditEntry) error {
		return func(e registry.AuditEntry) error {
			return s.CreateAudited(ctxOf(t), d, []registry.Event{NewEvent(d, "created")}, e)
		}
	}
	update := func(d registry.Document, prev int64) func(registry.AuditEntry) error {
		return func(e registry.AuditEntry) error {
			return s.UpdateAudited(ctxOf(t), d, prev, []registry.Event{NewEvent(d, "updated")}, e)
		}
	}
	del := func(id string, prev int64) func(registry.AuditEntry) error {
		return func(e registry.AuditEntry) error {
			return s.DeleteAudited(ctxOf(t), other.Kind, id, prev, []registry.Event{NewEvent(Next(other), "deleted")}, e)
		}
	}
	sameIdentity, sameID := Copy(fresh), NewDoc(registry.KindTalent, "same id")
	sameIdentity.Identity, sameID.ID = holder.Identity, holder.ID
	taken := Next(other)
	taken.Identity = holder.Identity
	const missing = "tal_0190a4d4-0000-7000-8000-00000000dead"
	reuseID := func(e *registry.AuditEntry) { e.ID = first.ID }
	noAction := func(e *registry.AuditEntry) { e.Action = "" }
	return []refusedWrite{
		{"create identity taken", nil, create(sameIdentity), registry.ErrConflict},
		{"create id taken", nil, create(sameID), registry.ErrConflict},
		{"create entry id used", reuseID, create(fresh), registry.ErrConflict},
		{"create entry without action", noAction, create(fresh), registry.ErrInvalid},
		{"update stale version", nil, update(Next(Next(other)), 2), registry.ErrVersionMismatch},
		{"update missing", nil, update(Next(NewDoc(registry.KindTalent, "missing")), 1), registry.ErrNotFound},
		{"update identity taken", nil, update(taken, 1), registry.ErrConflict},
		{"update entry id used", reuseID, update(Next(other), 1), registry.ErrConflict},
		{"delete stale version", nil, del(other.ID, 2), registry.ErrVersionMismatch},
		{"delete missing", nil, del(missing, 1), registry.ErrNotFound},
		{"delete entry id used", reuseID, del(other.ID, 1), registry.ErrConflict},
	}
}

// testAuditedInterleaves: audited writes and plain appends, one after the
// other and racing, share one unbroken chain.
func testAuditedInterleaves(t *testing.T, s auditedStore) {
	const writers, each = 4, 6
	inParallel(t, writers, each, func(i int) error { return interleavedWrite(t, s, i) })
	for _, e := range checkIntact(t, s, writers*each) {
		if e.Action == "create" {
			mustGet(t, s, registry.KindTalent, e.RecordID)
		}
	}
}

// interleavedWrite is write i of testAuditedInterleaves: an audited create
// for even i, a plain append for odd i.
func interleavedWrite(t *testing.T, s auditedStore, i int) error {
	d := NewDoc(registry.KindTalent, fmt.Sprintf("interleaved %d", i))
	if i%2 == 1 {
		_, err := s.AppendAudit(ctxOf(t), NewAuditEntry(i, d.ID, "update"))
		return err
	}
	return s.CreateAudited(ctxOf(t), d, []registry.Event{NewEvent(d, "created")}, NewAuditEntry(i, d.ID, "create"))
}
