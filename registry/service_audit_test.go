package registry_test

import (
	"errors"
	"slices"
	"testing"

	"talentd/registry"
	"talentd/registry/registrytest"
	"talentd/registry/sqlite"
)

// repeatedAuditIDs makes fresh ids until repeat is set; from then on every
// audit entry gets the id of the last one, which the trail refuses.
type repeatedAuditIDs struct {
	registry.UUIDv7
	last   string
	repeat bool
}

func (r *repeatedAuditIDs) New(prefix string) string {
	if prefix != "aud" {
		return r.UUIDv7.New(prefix)
	}
	if !r.repeat {
		r.last = r.UUIDv7.New(prefix)
	}
	return r.last
}

// trailOnly is a store's audit trail apart from the store, so the service
// cannot write an entry in its change's write and appends it afterwards.
type trailOnly struct{ registry.AuditLog }

// TestChangeAndAuditEntry: every change is audited whether the entry goes
// into the change's write (the store keeps the trail) or is appended after
// it; when the entry is refused, the first way keeps no change either, the
// second keeps the change (the crash window of stores without that write).
func TestChangeAndAuditEntry(t *testing.T) {
	cases := []struct {
		name   string
		trail  func(s *sqlite.Store) registry.AuditLog
		kept   int // talents stored after a create whose entry is refused
		writes int // OnWrite calls by then
	}{
		{"entry in the change's write", func(s *sqlite.Store) registry.AuditLog { return s }, 1, 5},
		{"entry appended after the change", func(s *sqlite.Store) registry.AuditLog { return trailOnly{s} }, 2, 6},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			env := registrytest.NewEnv(t)
			ids, writes := &repeatedAuditIDs{}, 0
			svc := registry.NewService(registry.ServiceConfig{
				Store: env.Store, Checker: registry.NewValidator(registry.AreaCodes(registry.DefaultAreas)),
				Protector: env.Keys, Clock: env.Clock, IDs: ids, Audit: c.trail(env.Store),
				OnWrite: func() { writes++ },
			})
			changeEverything(t, svc)
			ids.repeat = true
			if _, _, err := svc.Create(ctx, lanshan, registrytest.Talent("371302", 3), nil); !errors.Is(err, registry.ErrConflict) {
				t.Fatalf("create with a refused audit entry: %v, want ErrConflict", err)
			}
			if n, err := env.Store.Count(ctx, registry.Query{Kind: registry.KindTalent}); err != nil || n != c.kept {
				t.Errorf("%d talents stored, %v; want %d", n, err, c.kept)
			}
			if writes != c.writes {
				t.Errorf("OnWrite called %d times, want %d", writes, c.writes)
			}
			checkTrail(t, env.Store, "create", "update", "create", "delete", "transition:SUBMITTED")
		})
	}
}

// changeEverything creates a talent, replaces it, creates and deletes
// another, and moves the first to SUBMITTED.
func changeEverything(t *testing.T, svc *registry.Service) {
	t.Helper()
	a, _, err := svc.Create(ctx, lanshan, registrytest.Talent("371302", 1), nil)
	if err != nil {
		t.Fatal(err)
	}
	next := registry.Clone(a).(*registry.Talent)
	next.Tier = "B"
	if _, err := svc.Replace(ctx, lanshan, registry.KindTalent, a.Base().ID, 1, next); err != nil {
		t.Fatal(err)
	}
	b, _, err := svc.Create(ctx, lanshan, registrytest.Talent("371302", 2), nil)
	if err != nil {
		t.Fatal(err)
	}
	if err := svc.Delete(ctx, lanshan, registry.KindTalent, b.Base().ID, 1); err != nil {
		t.Fatal(err)
	}
	if _, err := svc.Transition(ctx, lanshan, registry.KindTalent, a.Base().ID, 2, "SUBMITTED", "ready"); err != nil {
		t.Fatal(err)
	}
}

// checkTrail checks the trail's actions, in order, and that it is intact.
func checkTrail(t *testing.T, log registry.AuditLog, actions ...string) {
	t.Helper()
	entries, err := log.ListAudit(ctx, registry.AuditQuery{})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, e := range entries {
		got = append(got, e.Action)
	}
	if !slices.Equal(got, actions) {
		t.Errorf("audit actions %v, want %v", got, actions)
	}
	if broken, err := registry.VerifyAuditLog(ctx, log); err != nil || broken != 0 {
		t.Errorf("verify: broken at %d, %v", broken, err)
	}
}
