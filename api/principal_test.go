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
	if p := principalOf(c); p != registry.System {
		t.Errorf("without authentication: %+v", p)
	}
	c.Set(principalKey, officer)
	if p := principalOf(c); p != officer {
		t.Errorf("with a principal: %+v", p)
	}
}
