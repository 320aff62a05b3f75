package api

import (
	"net/http/httptest"
	"testing"

	"github.com/gin-gonic/gin"

	"talentd/registry"
)

func TestPrincipalOf(t *testing.T) {
	officer := registry.Principal{KeyID: "key_o", Role: registry.RoleOfficer, Area: "371302"}
	c, _ := gin.CreateTestContext(httptest.NewRecorder())
	if p := principalOf(c); p != (registry.Principal{}) || registry.Can(p, registry.ActionRead, registry.KindTalent) {
		t.Errorf("without authentication: %+v, want the zero principal that may do nothing", p)
	}
	c.Set(principalKey, officer)
	if p := principalOf(c); p != officer {
		t.Errorf("with a principal: %+v", p)
	}
}
