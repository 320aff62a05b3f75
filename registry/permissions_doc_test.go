package registry_test

import (
	"os"
	"strings"
	"testing"

	"talentd/registry"
)

const (
	securityDoc = "../docs/security.md"
	tableBegin  = "<!-- permissions:begin (generated from registry.Permissions; TALENTD_UPDATE_DOCS=1 go test ./registry -run TestSecurityDocTable) -->\n"
	tableEnd    = "<!-- permissions:end -->"
)

// TestSecurityDocTable fails when docs/security.md's permission table is
// not the one registry.Permissions renders, so the two cannot drift.
// TALENTD_UPDATE_DOCS=1 rewrites the table in place.
func TestSecurityDocTable(t *testing.T) {
	b, err := os.ReadFile(securityDoc)
	if err != nil {
		t.Fatal(err)
	}
	doc := string(b)
	i, j := strings.Index(doc, tableBegin), strings.Index(doc, tableEnd)
	if i < 0 || j < i {
		t.Fatalf("%s lacks the permission table markers", securityDoc)
	}
	want := registry.PermissionTable()
	got := doc[i+len(tableBegin) : j]
	if got == want {
		return
	}
	if os.Getenv("TALENTD_UPDATE_DOCS") == "1" {
		doc = doc[:i+len(tableBegin)] + want + doc[j:]
		if err := os.WriteFile(securityDoc, []byte(doc), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	t.Errorf("%s's permission table differs from registry.Permissions; run TALENTD_UPDATE_DOCS=1 go test ./registry -run TestSecurityDocTable\nwant:\n%s", securityDoc, want)
}
