package storetest

import (
	"errors"
	"testing"
	"time"

	"talentd/registry"
)

var writeCases = []suiteCase{
	{"CreateGetRoundTrip", testRoundTrip},
	{"Ping", func(t *testing.T, s registry.Store) {
		if err := s.Ping(ctxOf(t)); err != nil {
			t.Fatalf("Ping: %v", err)
		}
	}},
	{"GetMissing", testGetMissing},
	{"CreateConflicts", testCreateConflicts},
	{"IdentityScopedToKind", testIdentityPerKind},
	{"EmptyUniqueKeysNeverConflict", testEmptyKeys},
	{"Update", testUpdate},
	{"UpdateRefused", testUpdateRefused},
}

// fullDoc is a talent with every field set, times carrying nanoseconds in a
// non-UTC zone, and a body with bytes a JSON re-encoder would change.
func fullDoc() registry.Document {
	d := NewDoc(registry.KindTalent, "张伟 Zhang Wei")
	d.CreatedAt = time.Date(2026, 3, 4, 13, 14, 15, 123456789, registry.Shanghai)
	d.UpdatedAt = d.CreatedAt.Add(90 * time.Minute)
	d.Identity = "idh_3f9a0c"
	d.Refs = []string{"enc_0190a4d4-0000-7000-8000-000000000001", "enc_0190a4d4-0000-7000-8000-000000000002"}
	d.IdemKey = "key_admin:7c1e"
	d.IdemHash = "sha256:9f86d081884c7d65"
	d.Body = []byte(`{"name":"张伟 Zhang Wei", "z":1,"a":[ 2, 1 ],"html":"<b>&amp;</b>"}` + "\n")
	return d
}

func testRoundTrip(t *testing.T, s registry.Store) {
	want := fullDoc()
	mustCreate(t, s, want)
	checkDoc(t, mustGet(t, s, want.Kind, want.ID), want)
	if _, err := s.Get(ctxOf(t), registry.KindExpert, want.ID); !errors.Is(err, registry.ErrNotFound) {
		t.Errorf("Get under another kind: %v, want ErrNotFound", err)
	}
	bare := NewDoc(registry.KindEnclave, "bare")
	bare.Filters, bare.Refs = nil, nil
	mustCreate(t, s, bare)
	checkDoc(t, mustGet(t, s, bare.Kind, bare.ID), bare)
}

func testGetMissing(t *testing.T, s registry.Store) {
	if _, err := s.Get(ctxOf(t), registry.KindTalent, "tal_0190a4d4-0000-7000-8000-00000000dead"); !errors.Is(err, registry.ErrNotFound) {
		t.Fatalf("Get missing: %v, want ErrNotFound", err)
	}
}

// checkConflict fails unless err is a *ConflictError with the reason and holder.
func checkConflict(t *testing.T, err error, reason, existing string) {
	t.Helper()
	var ce *registry.ConflictError
	if !errors.As(err, &ce) || !errors.Is(err, registry.ErrConflict) {
		t.Fatalf("err = %v, want *registry.ConflictError %s", err, reason)
	}
	if ce.Reason != reason || ce.ExistingID != existing {
		t.Fatalf("conflict = {%s %s}, want {%s %s}", ce.Reason, ce.ExistingID, reason, existing)
	}
}

func testCreateConflicts(t *testing.T, s registry.Store) {
	first := fullDoc()
	mustCreate(t, s, first)
	before := pending(t, s)
	sameIdentity := NewDoc(registry.KindTalent, "same identity")
	sameIdentity.Identity = first.Identity
	sameKey := NewDoc(registry.KindTalent, "same idempotency key")
	sameKey.IdemKey = first.IdemKey
	retry := NewDoc(registry.KindTalent, "retried request")
	retry.Identity, retry.IdemKey = first.Identity, first.IdemKey
	sameID := NewDoc(registry.KindTalent, "same id")
	sameID.ID = first.ID
	cases := []struct {
		name   string
		doc    registry.Document
		reason string
	}{
		{"identity", sameIdentity, "identity"},
		{"idempotency key", sameKey, "idempotency_key"},
		{"id", sameID, "id"},
		// A retried request clashes on identity too; the idempotency key
		// must win so the caller can replay the first response.
		{"retried request", retry, "idempotency_key"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			err := s.Create(ctxOf(t), c.doc, []registry.Event{NewEvent(c.doc, "created")})
			checkConflict(t, err, c.reason, first.ID)
		})
	}
	checkDoc(t, mustGet(t, s, first.Kind, first.ID), first)
	checkEvents(t, pending(t, s), before)
	if n, err := s.Count(ctxOf(t), registry.Query{Kind: registry.KindTalent}); err != nil || n != 1 {
		t.Fatalf("Count after refused creates = %d, %v; want 1", n, err)
	}
}

func testIdentityPerKind(t *testing.T, s registry.Store) {
	for _, k := range registry.Kinds {
		d := NewDoc(k, "same identity, kind "+string(k))
		d.Identity = "idh_shared"
		d.IdemKey = "key_admin:shared"
		mustCreate(t, s, d)
	}
	for _, k := range registry.Kinds {
		if n, err := s.Count(ctxOf(t), registry.Query{Kind: k}); err != nil || n != 1 {
			t.Errorf("Count %s = %d, %v; want 1", k, n, err)
		}
	}
}

func testEmptyKeys(t *testing.T, s registry.Store) {
	for i := range 3 {
		d := NewDoc(registry.KindTalent, "no identity "+itoa(int64(i)))
		mustCreate(t, s, d)
	}
	if n, err := s.Count(ctxOf(t), registry.Query{Kind: registry.KindTalent}); err != nil || n != 3 {
		t.Fatalf("Count = %d, %v; want 3", n, err)
	}
}

func testUpdate(t *testing.T, s registry.Store) {
	d := mustCreate(t, s, fullDoc())
	n := Next(d)
	n.Name, n.Status, n.Area = "Zhang Wei (renamed)", "SUBMITTED", "ZONE_HIGHTECH"
	n.Filters["tier"] = "A"
	n.Refs = []string{"enc_0190a4d4-0000-7000-8000-000000000003"}
	n.Identity = "idh_corrected"
	if err := s.Update(ctxOf(t), n, d.Version, []registry.Event{NewEvent(n, "updated")}); err != nil {
		t.Fatalf("Update: %v", err)
	}
	got := mustGet(t, s, d.Kind, d.ID)
	if got.Version != 2 {
		t.Errorf("Version after update = %d, want 2", got.Version)
	}
	checkDoc(t, got, n)
	checkFindsOnly(t, s, n, []registry.Query{
		{Kind: n.Kind, Ref: n.Refs[0]}, {Kind: n.Kind, Filters: map[string]string{"tier": "A"}},
		{Kind: n.Kind, Areas: []string{n.Area}}, {Kind: n.Kind, Status: n.Status},
		{Kind: n.Kind, NameContains: "renamed"},
	})
	checkFindsOnly(t, s, registry.Document{}, []registry.Query{
		{Kind: n.Kind, Ref: d.Refs[0]}, {Kind: n.Kind, Filters: map[string]string{"tier": d.Filters["tier"]}},
		{Kind: n.Kind, Areas: []string{d.Area}}, {Kind: n.Kind, Status: d.Status},
	})
	if _, err := s.FindIdentity(ctxOf(t), d.Kind, d.Identity); !errors.Is(err, registry.ErrNotFound) {
		t.Errorf("FindIdentity of the replaced identity: %v, want ErrNotFound", err)
	}
	n2 := Next(n)
	if err := s.Update(ctxOf(t), n2, n.Version, nil); err != nil {
		t.Fatalf("second Update: %v", err)
	}
	checkDoc(t, mustGet(t, s, d.Kind, d.ID), n2)
}

func testUpdateRefused(t *testing.T, s registry.Store) {
	holder := fullDoc()
	mustCreate(t, s, holder)
	v1 := mustCreate(t, s, NewDoc(registry.KindTalent, "other"))
	d := Next(v1)
	if err := s.Update(ctxOf(t), d, 1, nil); err != nil {
		t.Fatalf("Update: %v", err)
	}
	before := pending(t, s)
	missing := Next(NewDoc(registry.KindTalent, "missing"))
	taken := Next(d)
	taken.Identity = holder.Identity
	cases := []struct {
		name string
		doc  registry.Document
		prev int64
		want error
	}{
		{"stale version", Next(v1), 1, registry.ErrVersionMismatch},
		{"version ahead", Next(Next(d)), 3, registry.ErrVersionMismatch},
		{"missing", missing, 1, registry.ErrNotFound},
		{"identity held by another", taken, 2, registry.ErrConflict},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			err := s.Update(ctxOf(t), c.doc, c.prev, []registry.Event{NewEvent(c.doc, "updated")})
			if !errors.Is(err, c.want) {
				t.Fatalf("Update: %v, want %v", err, c.want)
			}
			if c.want == registry.ErrConflict {
				checkConflict(t, err, "identity", holder.ID)
			}
		})
	}
	checkDoc(t, mustGet(t, s, d.Kind, d.ID), d)
	checkEvents(t, pending(t, s), before)
	if _, err := s.Get(ctxOf(t), missing.Kind, missing.ID); !errors.Is(err, registry.ErrNotFound) {
		t.Errorf("Get after update of missing: %v, want ErrNotFound", err)
	}
}

// checkFindsOnly fails unless each query lists exactly want (none when
// want has no id).
func checkFindsOnly(t *testing.T, s registry.Store, want registry.Document, qs []registry.Query) {
	t.Helper()
	for _, q := range qs {
		got, err := s.List(ctxOf(t), q)
		if err != nil {
			t.Fatalf("List %+v: %v", q, err)
		}
		if (want.ID == "" && len(got) != 0) || (want.ID != "" && (len(got) != 1 || got[0].ID != want.ID)) {
			t.Errorf("List %+v = %q, want [%s]", q, docNames(got), want.Name)
		}
	}
}
