package registry_test

import (
	"errors"
	"slices"
	"strings"
	"testing"

	"talentd/registry"
	"talentd/registry/registrytest"
)

func TestReplaceKeepsServerFieldsAndReportsChangedFields(t *testing.T) {
	env := registrytest.NewEnv(t)
	r := create(t, env, registrytest.Talent("371302", 8))
	next := registry.Clone(r).(*registry.Talent)
	next.Tier, next.Name = "B", "张伟"
	next.Status, next.Version, next.ID = "ACTIVE", 42, "tal_forged"
	got, err := env.Service.Replace(ctx, clerk, registry.KindTalent, r.Base().ID, 1, next)
	if err != nil {
		t.Fatal(err)
	}
	m := got.Base()
	if m.Status != registry.TalentDraft || m.Version != 2 || m.ID != r.Base().ID {
		t.Fatalf("meta = %+v", m)
	}
	evs, _ := env.Store.Pending(ctx, 10)
	last := evs[len(evs)-1]
	if last.Type != "talent.talent.updated" || string(last.Data) == "" || !containsAll(string(last.Data), `"changed":["name","tier"]`, `"prev_version":1`) {
		t.Fatalf("event = %s %s", last.Type, last.Data)
	}
	if _, err := env.Service.Replace(ctx, clerk, registry.KindTalent, r.Base().ID, 1, next); !errors.Is(err, registry.ErrVersionMismatch) {
		t.Fatalf("stale: %v", err)
	}
	same, err := env.Service.Replace(ctx, clerk, registry.KindTalent, r.Base().ID, 2, registry.Clone(got))
	if err != nil || same.Base().Version != 2 {
		t.Fatalf("no-op replace bumped the version: %v %v", same.Base().Version, err)
	}
}

func containsAll(s string, parts ...string) bool {
	for _, p := range parts {
		if !strings.Contains(s, p) {
			return false
		}
	}
	return true
}

func TestPermitRenewalAndExpiry(t *testing.T) {
	env := registrytest.NewEnv(t)
	r := create(t, env, registrytest.ForeignExpert("371302", 1))
	r = move(t, env, r, "ACTIVE")
	r = move(t, env, r, "PERMIT_EXPIRED")
	// Back to ACTIVE needs a permit valid beyond today.
	e := registry.Clone(r).(*registry.Expert)
	e.WorkPermit.ValidTo = "2026-11-01"
	r, err := env.Service.Replace(ctx, clerk, registry.KindExpert, e.ID, e.Version, e)
	if err != nil {
		t.Fatal(err)
	}
	var verr *registry.ValidationError
	if _, err := env.Service.Transition(ctx, clerk, registry.KindExpert, e.ID, r.Base().Version, "ACTIVE", ""); !errors.As(err, &verr) {
		t.Fatalf("expired permit reactivated: %v", err)
	}
	e = registry.Clone(r).(*registry.Expert)
	e.WorkPermit.ValidTo = "2029-06-30"
	r, err = env.Service.Replace(ctx, clerk, registry.KindExpert, e.ID, e.Version, e)
	if err != nil {
		t.Fatal(err)
	}
	move(t, env, r, "ACTIVE")
	types := pendingTypes(t, env, e.ID)
	for _, want := range []string{"talent.expert.permit_expired", "talent.expert.permit_renewed"} {
		if !slices.Contains(types, want) {
			t.Fatalf("events %v lack %s", types, want)
		}
	}
}
