package registry_test

import (
	"errors"
	"slices"
	"testing"

	"talentd/registry"
	"talentd/registry/registrytest"
)

func move(t *testing.T, env *registrytest.Env, r registry.Record, to registry.Status) registry.Record {
	t.Helper()
	m := r.Base()
	got, err := env.Service.Transition(ctx, clerk, r.Kind(), m.ID, m.Version, to, "test")
	if err != nil {
		t.Fatalf("%s → %s: %v", m.Status, to, err)
	}
	return got
}

func TestTalentReviewPathAndApprovedEvent(t *testing.T) {
	env := registrytest.NewEnv(t)
	r := create(t, env, registrytest.Talent("371302", 3))
	for _, to := range []registry.Status{"SUBMITTED", "UNDER_REVIEW", "APPROVED", "ACTIVE", "SUSPENDED", "ACTIVE", "COMPLETED"} {
		r = move(t, env, r, to)
	}
	m := r.Base()
	if m.Version != 8 || len(m.StatusHistory) != 8 || m.StatusHistory[3].From != "UNDER_REVIEW" || m.StatusHistory[3].By != "key_bureau" {
		t.Fatalf("meta = %+v", m)
	}
	types := pendingTypes(t, env, m.ID)
	if !slices.Contains(types, "talent.talent.approved") || len(types) != 9 {
		t.Fatalf("events = %v", types)
	}
}

func TestIllegalTransitionListsAllowedStates(t *testing.T) {
	env := registrytest.NewEnv(t)
	r := create(t, env, registrytest.Talent("371302", 4))
	_, err := env.Service.Transition(ctx, clerk, registry.KindTalent, r.Base().ID, 1, "APPROVED", "")
	var te *registry.TransitionError
	if !errors.As(err, &te) || !slices.Equal(te.Allowed, []registry.Status{"SUBMITTED", "WITHDRAWN"}) {
		t.Fatalf("err = %v", err)
	}
	// RECOMMENDED is for national programmes only.
	for _, to := range []registry.Status{"SUBMITTED", "UNDER_REVIEW"} {
		r = move(t, env, r, to)
	}
	if _, err := env.Service.Transition(ctx, clerk, registry.KindTalent, r.Base().ID, 3, "RECOMMENDED", ""); !errors.Is(err, registry.ErrInvalidTransition) {
		t.Fatalf("recommended for channel OTHER: %v", err)
	}
	if _, err := env.Service.Transition(ctx, clerk, registry.KindTalent, r.Base().ID, 1, "APPROVED", ""); !errors.Is(err, registry.ErrVersionMismatch) {
		t.Fatalf("stale version: %v", err)
	}
}

func TestCompetitionWinnerMustLand(t *testing.T) {
	env := registrytest.NewEnv(t)
	tal := registrytest.Talent("371302", 5)
	tal.Channel = registry.ChannelCompetition
	tal.Competition = &registry.Competition{Event: "创客中国", AwardDate: "2026-06-01"}
	r := create(t, env, tal)
	if got := r.(*registry.Talent).Competition.LandingDeadline; got != "2027-06-01" {
		t.Fatalf("landing deadline = %s", got)
	}
	for _, to := range []registry.Status{"SUBMITTED", "UNDER_REVIEW", "APPROVED"} {
		r = move(t, env, r, to)
	}
	if got := r.Lifecycle().Next(r); !slices.Equal(got, []registry.Status{"AWARDED_PENDING_LANDING", "WITHDRAWN"}) {
		t.Fatalf("next = %v", got)
	}
	r = move(t, env, r, "AWARDED_PENDING_LANDING")
	move(t, env, r, "LAPSED")
}

func TestEnclaveRecognitionDefaultsAndEvents(t *testing.T) {
	env := registrytest.NewEnv(t)
	r := create(t, env, registrytest.Enclave("ZONE_HIGHTECH", registry.EnclaveOffshoreIncubator))
	for _, to := range []registry.Status{"APPLIED", "PUBLIC_NOTICE", "RECOGNIZED", "OPERATING", "RECTIFYING", "REVOKED"} {
		r = move(t, env, r, to)
	}
	e := r.(*registry.Enclave)
	if e.Recognition.RecognizedOn != "2026-11-27" || e.Recognition.BatchYear != 2026 || e.ValidTo != "2029-11-27" {
		t.Fatalf("recognition = %+v valid_to %s", e.Recognition, e.ValidTo)
	}
	types := pendingTypes(t, env, e.ID)
	for _, want := range []string{"talent.enclave.recognized", "talent.enclave.revoked"} {
		if !slices.Contains(types, want) {
			t.Fatalf("events %v lack %s", types, want)
		}
	}
}

func TestDeleteOnlyInFirstState(t *testing.T) {
	env := registrytest.NewEnv(t)
	r := create(t, env, registrytest.Enclave("371302", registry.EnclaveAccelerator))
	r = move(t, env, r, "APPLIED")
	var ce *registry.ConflictError
	if err := env.Service.Delete(ctx, clerk, registry.KindEnclave, r.Base().ID, 0); !errors.As(err, &ce) || ce.Reason != "not_deletable" {
		t.Fatalf("delete applied: %v", err)
	}
	d := create(t, env, registrytest.Enclave("371302", registry.EnclaveAccelerator))
	if err := env.Service.Delete(ctx, clerk, registry.KindEnclave, d.Base().ID, 1); err != nil {
		t.Fatal(err)
	}
	if _, err := env.Service.Get(ctx, registry.KindEnclave, d.Base().ID); !errors.Is(err, registry.ErrNotFound) {
		t.Fatalf("after delete: %v", err)
	}
	if types := pendingTypes(t, env, d.Base().ID); !slices.Contains(types, "talent.enclave.deleted") {
		t.Fatalf("events = %v", types)
	}
}
