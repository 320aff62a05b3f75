package api

import (
	"encoding/json"
	"net/http/httptest"
	"slices"
	"testing"

	"github.com/gin-gonic/gin"

	"talentd/registry"
)

var (
	officer = registry.Principal{KeyID: "key_o", Role: registry.RoleOfficer, Area: "371302"}
	encKey  = registry.Principal{KeyID: "key_e", Role: registry.RoleEnclave, EnclaveID: "enc_1"}
	admin   = registry.Principal{KeyID: "key_a", Role: registry.RoleAdmin}
	auditor = registry.Principal{KeyID: "key_u", Role: registry.RoleAuditor}
)

func TestPrincipalOf(t *testing.T) {
	c, _ := gin.CreateTestContext(httptest.NewRecorder())
	if p := principalOf(c); p != registry.System {
		t.Errorf("without authentication: %+v", p)
	}
	c.Set(principalKey, officer)
	if p := principalOf(c); p != officer {
		t.Errorf("with a principal: %+v", p)
	}
}

func TestScope(t *testing.T) {
	talent := &registry.Talent{Meta: registry.Meta{ID: "tal_1", Area: "371302"}}
	other := &registry.Talent{Meta: registry.Meta{ID: "tal_2", Area: "371311"}}
	enclave := &registry.Enclave{Meta: registry.Meta{ID: "enc_1", Area: "371311"}}
	cases := []struct {
		p         registry.Principal
		reads     []registry.Record
		refused   []registry.Record
		areas     []string
		ids       []string
		revealIDs bool
	}{
		{registry.System, []registry.Record{talent, other, enclave}, nil, nil, nil, true},
		{admin, []registry.Record{talent, other, enclave}, nil, nil, nil, true},
		{auditor, []registry.Record{talent, other, enclave}, nil, nil, nil, false},
		{officer, []registry.Record{talent}, []registry.Record{other, enclave}, []string{"371302"}, nil, false},
		{encKey, []registry.Record{enclave}, []registry.Record{talent, other}, nil, []string{"enc_1"}, false},
	}
	for _, c := range cases {
		for _, r := range c.reads {
			if !inScope(c.p, r) {
				t.Errorf("%s cannot read %s", c.p.Role, r.Base().ID)
			}
		}
		for _, r := range c.refused {
			if inScope(c.p, r) {
				t.Errorf("%s reads %s", c.p.Role, r.Base().ID)
			}
		}
		var req registry.ListRequest
		scopeList(c.p, &req)
		if !slices.Equal(req.ScopeAreas, c.areas) || !slices.Equal(req.ScopeIDs, c.ids) {
			t.Errorf("%s: list scope %v %v", c.p.Role, req.ScopeAreas, req.ScopeIDs)
		}
		if got := mayRevealID(c.p); got != c.revealIDs {
			t.Errorf("%s: mayRevealID %v", c.p.Role, got)
		}
	}
}

// TestConflictHidesExistingID checks that a conflict names the existing
// record only to a principal that may read every record.
func TestConflictHidesExistingID(t *testing.T) {
	err := &registry.ConflictError{Reason: "identity", ExistingID: "tal_1"}
	for _, c := range []struct {
		p    registry.Principal
		want string
	}{{registry.System, "tal_1"}, {admin, "tal_1"}, {officer, ""}} {
		out := problemOf(err).render(langZH, "req_1", c.p)
		b, _ := json.Marshal(out)
		if out.ExistingID != c.want || out.Reason != "identity" || out.Status != 409 {
			t.Errorf("%s: %s", c.p.Role, b)
		}
	}
}
