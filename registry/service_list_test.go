package registry_test

import (
	"errors"
	"testing"
	"time"

	"talentd/registry"
	"talentd/registry/registrytest"
)

func TestListPagesScopesAndFilters(t *testing.T) {
	env := registrytest.NewEnv(t)
	for i := 0; i < 7; i++ {
		tal := registrytest.Talent([]string{"371302", "371321"}[i%2], 100+i)
		if i < 3 {
			tal.Tier = "A"
		}
		create(t, env, tal)
		env.Clock.At = env.Clock.At.Add(time.Second)
	}
	var seen []string
	req := registry.ListRequest{Kind: registry.KindTalent, Limit: 2}
	for {
		page, err := env.Service.List(ctx, req)
		if err != nil {
			t.Fatal(err)
		}
		for _, r := range page.Items {
			seen = append(seen, r.Base().ID)
		}
		if page.Next == "" {
			break
		}
		req.Cursor = page.Next
	}
	if len(seen) != 7 || seen[0] < seen[6] {
		t.Fatalf("paged %d ids, newest first? %v", len(seen), seen)
	}
	scoped, err := env.Service.List(ctx, registry.ListRequest{Kind: registry.KindTalent, ScopeAreas: []string{"371302"}, Area: "371321"})
	if err != nil || len(scoped.Items) != 0 {
		t.Fatalf("area outside scope leaked %d records (%v)", len(scoped.Items), err)
	}
	tierA, _ := env.Service.List(ctx, registry.ListRequest{Kind: registry.KindTalent, Filters: map[string]string{"tier": "A"}, Area: "371302"})
	if len(tierA.Items) != 2 {
		t.Fatalf("tier A in 371302 = %d, want 2", len(tierA.Items))
	}
	for _, bad := range []registry.ListRequest{{Kind: registry.KindTalent, Limit: 201}, {Kind: registry.KindTalent, Limit: -1}, {Kind: registry.KindTalent, Cursor: "!!"}} {
		if _, err := env.Service.List(ctx, bad); !errors.Is(err, registry.ErrInvalid) {
			t.Fatalf("%+v: err = %v", bad, err)
		}
	}
}
