package registry_test

import (
	"errors"
	"testing"

	"talentd/registry"
	"talentd/registry/registrytest"
)

func TestWorkstationNeedsAcademicians(t *testing.T) {
	env := registrytest.NewEnv(t)
	plain := create(t, env, registrytest.Expert("371300", 20, registry.ExpertDomestic, false))
	_, _, err := env.Service.Create(ctx, clerk, registrytest.Workstation("371300", plain.Base().ID), nil)
	var verr *registry.ValidationError
	if !errors.As(err, &verr) || verr.Problems[0].Field != "academicians[0].expert_id" || verr.Problems[0].Code != "not_academician" {
		t.Fatalf("err = %v", err)
	}
}

func TestAcademicianWorkstationLimit(t *testing.T) {
	env := registrytest.NewEnv(t)
	working := create(t, env, registrytest.Expert("371300", 21, registry.ExpertAcademicianCAS, false)).Base().ID
	retired := create(t, env, registrytest.Expert("371300", 22, registry.ExpertAcademicianCAE, true)).Base().ID

	first := create(t, env, registrytest.Workstation("371300", working))
	assertLimit(t, env, registrytest.Workstation("371302", working))

	for i := 0; i < 3; i++ {
		create(t, env, registrytest.Workstation("371300", retired))
	}
	assertLimit(t, env, registrytest.Workstation("371302", retired))

	// A rejected station no longer counts.
	first = move(t, env, first, "FILING_SUBMITTED")
	move(t, env, first, "REJECTED")
	create(t, env, registrytest.Workstation("371302", working))
}

func assertLimit(t *testing.T, env *registrytest.Env, w *registry.Workstation) {
	t.Helper()
	_, _, err := env.Service.Create(ctx, clerk, w, nil)
	var ce *registry.ConflictError
	if !errors.As(err, &ce) || ce.Reason != "workstation_limit" || ce.ExistingID != w.Academicians[0].ExpertID {
		t.Fatalf("err = %v, want workstation_limit", err)
	}
}
