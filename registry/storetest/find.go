package storetest

import (
	"errors"
	"testing"

	"talentd/registry"
)

var findCases = []suiteCase{
	{"FindIdentity", testFindIdentity},
	{"FindIdemKey", testFindIdemKey},
}

func testFindIdentity(t *testing.T, s registry.Store) {
	d := mustCreate(t, s, fullDoc())
	other := NewDoc(registry.KindExpert, "expert with the same identity")
	other.Identity = d.Identity
	mustCreate(t, s, other)
	mustCreate(t, s, NewDoc(registry.KindTalent, "no identity"))
	got, err := s.FindIdentity(ctxOf(t), d.Kind, d.Identity)
	if err != nil {
		t.Fatalf("FindIdentity: %v", err)
	}
	checkDoc(t, got, d)
	for _, c := range []struct {
		kind     registry.Kind
		identity string
	}{{d.Kind, "idh_unknown"}, {registry.KindEnclave, d.Identity}, {d.Kind, ""}} {
		if _, err := s.FindIdentity(ctxOf(t), c.kind, c.identity); !errors.Is(err, registry.ErrNotFound) {
			t.Errorf("FindIdentity(%s, %q): %v, want ErrNotFound", c.kind, c.identity, err)
		}
	}
}

func testFindIdemKey(t *testing.T, s registry.Store) {
	d := mustCreate(t, s, fullDoc())
	mustCreate(t, s, NewDoc(registry.KindTalent, "no key"))
	got, err := s.FindIdemKey(ctxOf(t), d.Kind, d.IdemKey)
	if err != nil {
		t.Fatalf("FindIdemKey: %v", err)
	}
	checkDoc(t, got, d)
	for _, c := range []struct {
		kind registry.Kind
		key  string
	}{{d.Kind, "key_admin:unknown"}, {registry.KindExpert, d.IdemKey}, {d.Kind, ""}} {
		if _, err := s.FindIdemKey(ctxOf(t), c.kind, c.key); !errors.Is(err, registry.ErrNotFound) {
			t.Errorf("FindIdemKey(%s, %q): %v, want ErrNotFound", c.kind, c.key, err)
		}
	}
}
