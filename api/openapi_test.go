package api_test

import (
	"context"
	"net/http"
	"regexp"
	"strings"
	"testing"

	"github.com/getkin/kin-openapi/openapi3"
	"github.com/gin-gonic/gin"

	"talentd/api/apitest"
)

// loadOpenAPI fetches /openapi.json from the handler and loads it with
// kin-openapi, failing the test unless it is a valid OpenAPI 3.1 document.
func loadOpenAPI(t testing.TB, env *apitest.Env) *openapi3.T {
	t.Helper()
	rec := env.Do(t, http.MethodGet, "/openapi.json", nil)
	if rec.Code != http.StatusOK {
		t.Fatalf("GET /openapi.json: %d", rec.Code)
	}
	doc, err := openapi3.NewLoader().LoadFromData(rec.Body.Bytes())
	if err != nil {
		t.Fatalf("load: %v", err)
	}
	if doc.OpenAPI != "3.1.0" {
		t.Errorf("openapi %q, want 3.1.0", doc.OpenAPI)
	}
	if err := doc.Validate(context.Background()); err != nil {
		t.Fatalf("validate: %v", err)
	}
	return doc
}

var ginParam = regexp.MustCompile(`:([a-z_]+)`)

// TestOpenAPIDescribesEveryRoute checks that every route Gin serves is an
// operation of the document, and every operation a route.
func TestOpenAPIDescribesEveryRoute(t *testing.T) {
	env := apitest.New(t)
	doc := loadOpenAPI(t, env)
	routes := env.Handler.(*gin.Engine).Routes()
	served := map[string]bool{}
	for _, r := range routes {
		path := ginParam.ReplaceAllString(r.Path, "{$1}")
		served[r.Method+" "+path] = true
		item := doc.Paths.Find(path)
		if item == nil || item.GetOperation(r.Method) == nil {
			t.Errorf("%s %s is not in the document", r.Method, path)
		}
	}
	for path, item := range doc.Paths.Map() {
		for method := range item.Operations() {
			if !served[method+" "+path] {
				t.Errorf("the document describes %s %s, which is not served", method, path)
			}
		}
	}
	// health, readiness, the document and metrics; six per record kind and
	// a look-up for the two kinds of people; three for API keys, one for the
	// audit trail, two for dead letters.
	if want := 4 + 4*6 + 2 + 3 + 1 + 2; len(routes) != want {
		t.Errorf("%d routes, want %d", len(routes), want)
	}
}

// TestOpenAPIRecordSchemas checks what the generator reads from the tags.
func TestOpenAPIRecordSchemas(t *testing.T) {
	env := apitest.New(t)
	doc := loadOpenAPI(t, env)
	talent := doc.Components.Schemas["Talent"].Value
	for _, f := range []string{"id", "area", "status", "version", "name", "id_doc", "tier", "employer"} {
		if !contains(talent.Required, f) {
			t.Errorf("Talent.required lacks %s: %v", f, talent.Required)
		}
	}
	for _, f := range []string{"team", "mobile", "co_employer"} {
		if contains(talent.Required, f) {
			t.Errorf("Talent.required has optional %s", f)
		}
	}
	if got := talent.Properties["tier"].Value.Enum; len(got) != 6 {
		t.Errorf("Talent.tier enum %v", got)
	}
	if !talent.Properties["version"].Value.ReadOnly || talent.Properties["name"].Value.ReadOnly {
		t.Error("version must be read-only, name not")
	}
	status := talent.Properties["status"].Value.Enum
	if len(status) != 13 || status[0] != "DRAFT" {
		t.Errorf("Talent.status enum %v", status)
	}
	if got := *talent.Properties["name"].Value.MaxLength; got != 64 {
		t.Errorf("Talent.name maxLength %d", got)
	}
	ws := doc.Components.Schemas["Workstation"].Value
	if got := ws.Properties["academicians"].Value.MinItems; got != 1 {
		t.Errorf("Workstation.academicians minItems %d", got)
	}
	if got := strings.Join(doc.Components.Schemas["Expert"].Value.Properties["kind"].Value.Type.Slice(), ","); got != "string" {
		t.Errorf("Expert.kind type %s", got)
	}
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
