package registry_test

import (
	"errors"
	"testing"

	"talentd/registry"
	"talentd/registry/registrytest"
)

var (
	lanshan   = registry.Principal{KeyID: "key_lanshan", Name: "兰山区人才办", Role: registry.RoleOfficer, Area: "371302"}
	yinan     = registry.Principal{KeyID: "key_yinan", Name: "沂南县人才办", Role: registry.RoleOfficer, Area: "371321"}
	inspector = registry.Principal{KeyID: "key_audit", Name: "审计", Role: registry.RoleAuditor}
)

func TestOfficerIsHeldToArea(t *testing.T) {
	env := registrytest.NewEnv(t)
	own, _, err := env.Service.Create(ctx, lanshan, registrytest.Talent("371302", 30), nil)
	if err != nil {
		t.Fatal(err)
	}
	if _, _, err := env.Service.Create(ctx, lanshan, registrytest.Talent("371321", 31), nil); !errors.Is(err, registry.ErrForbidden) {
		t.Fatalf("create in another area: %v", err)
	}
	id := own.Base().ID
	if _, err := env.Service.Read(ctx, yinan, registry.KindTalent, id); !errors.Is(err, registry.ErrNotFound) {
		t.Fatalf("read across areas: %v", err)
	}
	next := registry.Clone(own)
	if _, err := env.Service.Replace(ctx, yinan, registry.KindTalent, id, 1, next); !errors.Is(err, registry.ErrNotFound) {
		t.Fatalf("replace across areas: %v", err)
	}
	if _, err := env.Service.Transition(ctx, yinan, registry.KindTalent, id, 1, "SUBMITTED", ""); !errors.Is(err, registry.ErrNotFound) {
		t.Fatalf("transition across areas: %v", err)
	}
	page, err := env.Service.ListFor(ctx, yinan, registry.ListRequest{Kind: registry.KindTalent})
	if err != nil || len(page.Items) != 0 {
		t.Fatalf("list across areas leaked %d (%v)", len(page.Items), err)
	}
	// Officers submit; only the bureau decides.
	r := move(t, env, own, "SUBMITTED")
	r = move(t, env, r, "UNDER_REVIEW")
	if _, err := env.Service.Transition(ctx, lanshan, registry.KindTalent, id, r.Base().Version, "APPROVED", ""); !errors.Is(err, registry.ErrForbidden) {
		t.Fatalf("officer approved: %v", err)
	}
	// A duplicate identity does not reveal another area's record id.
	_, _, err = env.Service.Create(ctx, yinan, registrytest.Talent("371321", 30), nil)
	var ce *registry.ConflictError
	if !errors.As(err, &ce) || ce.ExistingID != "" {
		t.Fatalf("conflict across areas: %+v", err)
	}
}

func TestEnclaveKeyMayOnlyChangeItsContacts(t *testing.T) {
	env := registrytest.NewEnv(t)
	enc := create(t, env, registrytest.Enclave("371302", registry.EnclaveAccelerator))
	other := create(t, env, registrytest.Enclave("371302", registry.EnclaveAccelerator))
	op := registry.Principal{KeyID: "key_op", Role: registry.RoleEnclave, EnclaveID: enc.Base().ID}
	if _, err := env.Service.Read(ctx, op, registry.KindEnclave, other.Base().ID); !errors.Is(err, registry.ErrNotFound) {
		t.Fatalf("read another enclave: %v", err)
	}
	next := registry.Clone(enc).(*registry.Enclave)
	next.Contacts = append(next.Contacts, registry.Contact{Name: "李娜", Email: "ln@example.cn"})
	got, err := env.Service.Replace(ctx, op, registry.KindEnclave, enc.Base().ID, 1, next)
	if err != nil || len(got.(*registry.Enclave).Contacts) != 2 {
		t.Fatalf("contacts update: %v", err)
	}
	next = registry.Clone(got).(*registry.Enclave)
	next.Name = "改名"
	if _, err := env.Service.Replace(ctx, op, registry.KindEnclave, enc.Base().ID, 2, next); !errors.Is(err, registry.ErrForbidden) {
		t.Fatalf("name change by enclave key: %v", err)
	}
	if _, err := env.Service.ListFor(ctx, op, registry.ListRequest{Kind: registry.KindTalent}); !errors.Is(err, registry.ErrForbidden) {
		t.Fatalf("enclave key listed talents: %v", err)
	}
}

func TestWritesAndRevealsAreAudited(t *testing.T) {
	env := registrytest.NewEnv(t)
	ctx := registry.WithRequest(ctx, registry.RequestInfo{ID: "req_1", ClientIP: "127.0.0.1"})
	r, _, err := env.Service.Create(ctx, lanshan, registrytest.Talent("371302", 40), nil)
	if err != nil {
		t.Fatal(err)
	}
	next := registry.Clone(r).(*registry.Talent)
	next.Tier = "B"
	if _, err := env.Service.Replace(ctx, lanshan, registry.KindTalent, r.Base().ID, 1, next); err != nil {
		t.Fatal(err)
	}
	if _, err := env.Service.Transition(ctx, lanshan, registry.KindTalent, r.Base().ID, 2, "SUBMITTED", "ready"); err != nil {
		t.Fatal(err)
	}
	if _, err := env.Service.Reveal(ctx, inspector, registry.KindTalent, r.Base().ID); !errors.Is(err, registry.ErrForbidden) {
		t.Fatalf("inspector revealed: %v", err)
	}
	if _, err := env.Service.Reveal(ctx, clerk, registry.KindTalent, r.Base().ID); err != nil {
		t.Fatal(err)
	}
	entries, err := env.Store.ListAudit(ctx, registry.AuditQuery{Record: r.Base().ID})
	if err != nil {
		t.Fatal(err)
	}
	want := []struct {
		action        string
		before, after int64
		key           string
	}{{"create", 0, 1, "key_lanshan"}, {"update", 1, 2, "key_lanshan"}, {"transition:SUBMITTED", 2, 3, "key_lanshan"}, {"reveal_pii", 3, 3, "key_bureau"}}
	if len(entries) != len(want) {
		t.Fatalf("%d audit entries, want %d: %+v", len(entries), len(want), entries)
	}
	for i, w := range want {
		e := entries[i]
		if e.Action != w.action || e.VersionBefore != w.before || e.VersionAfter != w.after || e.KeyID != w.key || e.RequestID != "req_1" || e.ClientIP != "127.0.0.1" {
			t.Errorf("entry %d = %+v, want %+v", i, e, w)
		}
	}
	if entries[1].Fields[0] != "tier" || entries[3].Fields[0] != "id_doc.number" {
		t.Errorf("fields = %v / %v", entries[1].Fields, entries[3].Fields)
	}
	if broken, err := registry.VerifyAuditLog(ctx, env.Store); err != nil || broken != 0 {
		t.Fatalf("verify: %d %v", broken, err)
	}
}
