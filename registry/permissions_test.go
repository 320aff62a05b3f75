package registry_test

import (
	"errors"
	"testing"

	"talentd/registry"
)

var (
	admin   = registry.Principal{KeyID: "key_a", Role: registry.RoleAdmin}
	officer = registry.Principal{KeyID: "key_o", Role: registry.RoleOfficer, Area: "371302"}
	encl    = registry.Principal{KeyID: "key_e", Role: registry.RoleEnclave, EnclaveID: "enc_1"}
	finance = registry.Principal{KeyID: "key_f", Role: registry.RoleFinance}
	auditor = registry.Principal{KeyID: "key_u", Role: registry.RoleAuditor}
	nobody  = registry.Principal{KeyID: "key_x", Role: "guest"}
)

func TestCan(t *testing.T) {
	tr := registry.TransitionAction
	cases := []struct {
		p    registry.Principal
		a    registry.Action
		k    registry.Kind
		want bool
	}{
		{officer, registry.ActionCreate, registry.KindTalent, true},
		{officer, tr(registry.TalentSubmitted), registry.KindTalent, true},
		{officer, tr(registry.TalentUnderReview), registry.KindTalent, true},
		{officer, tr(registry.TalentWithdrawn), registry.KindTalent, true},
		{officer, tr(registry.TalentApproved), registry.KindTalent, false},
		{officer, tr(registry.TalentRejected), registry.KindTalent, false},
		{officer, tr(registry.TalentRecommended), registry.KindTalent, false},
		{admin, tr(registry.TalentApproved), registry.KindTalent, true},
		{officer, tr(registry.EnclaveApplied), registry.KindEnclave, true},
		{officer, tr(registry.EnclaveRecognized), registry.KindEnclave, false},
		{officer, tr(registry.EnclaveRevoked), registry.KindEnclave, false},
		{officer, tr(registry.StationFilingSubmitted), registry.KindWorkstation, true},
		{officer, tr(registry.StationFiled), registry.KindWorkstation, false},
		{officer, tr(registry.ExpertActive), registry.KindExpert, true},
		{officer, registry.ActionRevealPII, registry.KindTalent, false},
		{admin, registry.ActionRevealPII, registry.KindTalent, true},
		{auditor, registry.ActionRevealPII, registry.KindTalent, false},
		{auditor, registry.ActionRead, registry.KindWorkstation, true},
		{auditor, registry.ActionUpdate, registry.KindWorkstation, false},
		{auditor, registry.ActionAuditRead, registry.NoKind, true},
		{officer, registry.ActionAuditRead, registry.NoKind, false},
		{encl, registry.ActionRead, registry.KindEnclave, true},
		{encl, registry.ActionRead, registry.KindTalent, false},
		{encl, registry.ActionUpdate, registry.KindEnclave, false},
		{encl, registry.ActionUpdateContacts, registry.KindEnclave, true},
		{encl, registry.ActionCreate, registry.ResourceReports, true},
		{finance, registry.ActionRead, registry.ResourceSubsidies, true},
		{finance, registry.ActionDisburse, registry.ResourceSubsidies, true},
		{finance, registry.ActionApproveTranche, registry.ResourceSubsidies, false},
		{finance, registry.ActionRead, registry.KindTalent, false},
		{admin, registry.ActionKeysManage, registry.NoKind, true},
		{auditor, registry.ActionKeysManage, registry.NoKind, false},
		{admin, registry.ActionDLQManage, registry.NoKind, true},
		{registry.System, registry.ActionDisburse, registry.ResourceSubsidies, true},
		{nobody, registry.ActionRead, registry.KindTalent, false},
		// Unknown actions and kinds are refused to everyone, admins included.
		{admin, "transition:NOWHERE", registry.KindTalent, false},
		{admin, registry.ActionRead, "widgets", false},
		{registry.System, "launch", registry.KindTalent, false},
	}
	for _, c := range cases {
		if got := registry.Can(c.p, c.a, c.k); got != c.want {
			t.Errorf("Can(%s, %s, %s) = %v, want %v", c.p.Role, c.a, c.k, got, c.want)
		}
	}
}

func TestAdminMayDoEveryListedAction(t *testing.T) {
	for _, g := range registry.Permissions {
		if !registry.Can(admin, g.Action, g.Kind) {
			t.Errorf("admin may not %s %s", g.Action, g.Kind)
		}
	}
}

func TestEveryLifecycleMoveHasAGrant(t *testing.T) {
	for _, k := range registry.Kinds {
		for _, s := range registry.LifecycleOf(k).States()[1:] {
			if !registry.Can(admin, registry.TransitionAction(s), k) {
				t.Errorf("no grant for %s transition to %s", k, s)
			}
		}
	}
}

func TestInScopeAndScope(t *testing.T) {
	cases := []struct {
		p               registry.Principal
		area, id        string
		want            bool
		wantAreas, wIDs []string
	}{
		{officer, "371302", "tal_1", true, []string{"371302"}, nil},
		{officer, "371311", "tal_1", false, []string{"371302"}, nil},
		{registry.Principal{Role: registry.RoleOfficer}, "", "tal_1", false, []string{""}, nil},
		{encl, "371302", "enc_1", true, nil, []string{"enc_1"}},
		{encl, "371302", "enc_2", false, nil, []string{"enc_1"}},
		{registry.Principal{Role: registry.RoleEnclave}, "", "", false, nil, []string{""}},
		{admin, "371311", "x", true, nil, nil},
		{auditor, "371311", "x", true, nil, nil},
		{finance, "371311", "x", true, nil, nil},
		{nobody, "371302", "enc_1", false, nil, nil},
	}
	for _, c := range cases {
		if got := registry.InScope(c.p, c.area, c.id); got != c.want {
			t.Errorf("InScope(%+v, %s, %s) = %v", c.p, c.area, c.id, got)
		}
		areas, ids := registry.Scope(c.p)
		if !equal(areas, c.wantAreas) || !equal(ids, c.wIDs) {
			t.Errorf("Scope(%+v) = %v, %v", c.p, areas, ids)
		}
	}
}

func equal(a, b []string) bool {
	if len(a) != len(b) || (a == nil) != (b == nil) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

func TestAuthorize(t *testing.T) {
	if err := registry.Authorize(officer, registry.ActionUpdate, registry.KindTalent, "371311", "tal_1"); !errors.Is(err, registry.ErrNotFound) {
		t.Errorf("another area's record: %v, want ErrNotFound", err)
	}
	if err := registry.Authorize(finance, registry.ActionRead, registry.KindTalent, "371302", "tal_1"); !errors.Is(err, registry.ErrForbidden) {
		t.Errorf("finance reading talents: %v, want ErrForbidden", err)
	}
	if err := registry.Authorize(encl, registry.ActionCreate, registry.ResourceReports, "371302", "enc_2"); !errors.Is(err, registry.ErrNotFound) {
		t.Errorf("report for another enclave: %v, want ErrNotFound", err)
	}
	if err := registry.Authorize(officer, registry.ActionUpdate, registry.KindTalent, "371302", "tal_1"); err != nil {
		t.Errorf("own area: %v", err)
	}
}
