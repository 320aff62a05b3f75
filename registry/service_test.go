package registry_test

import (
	"context"
	"errors"
	"slices"
	"strings"
	"testing"

	"talentd/registry"
	"talentd/registry/registrytest"
)

var ctx = context.Background()

// clerk is the bureau (an admin): these tests are about the rules, not access.
var clerk = registry.Principal{KeyID: "key_bureau", Name: "市科技局", Role: registry.RoleAdmin}

func create(t *testing.T, env *registrytest.Env, r registry.Record) registry.Record {
	t.Helper()
	got, _, err := env.Service.Create(ctx, clerk, r, nil)
	if err != nil {
		t.Fatalf("create %s: %v", r.Kind(), err)
	}
	return got
}

func pendingTypes(t *testing.T, env *registrytest.Env, recordID string) []string {
	t.Helper()
	evs, err := env.Store.Pending(ctx, 1000)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, e := range evs {
		if e.RecordID == recordID {
			out = append(out, e.Type)
		}
	}
	return out
}

func TestCreateSetsServerFieldsAndSealsPersonalNumbers(t *testing.T) {
	env := registrytest.NewEnv(t)
	in := registrytest.Talent("371302", 1)
	in.Status, in.Version = "APPROVED", 99 // a client cannot choose these
	got := create(t, env, in).(*registry.Talent)
	m := got.Base()
	if !registry.ValidID("tal", m.ID) || m.Status != registry.TalentDraft || m.Version != 1 || m.CreatedBy != "key_bureau" {
		t.Fatalf("meta = %+v", m)
	}
	if len(m.StatusHistory) != 1 || m.StatusHistory[0].To != registry.TalentDraft {
		t.Fatalf("history = %+v", m.StatusHistory)
	}
	if got.Gender != registry.Male || got.BirthDate != "1960-01-02" {
		t.Fatalf("derived gender/birth = %s %s", got.Gender, got.BirthDate)
	}
	if got.IDDoc.Number != registrytest.PersonID(1) || got.Mobile != "13800138000" {
		t.Fatalf("created record's numbers = %s %s, want them in clear", got.IDDoc.Number, got.Mobile)
	}
	doc, err := env.Store.Get(ctx, registry.KindTalent, m.ID)
	if err != nil {
		t.Fatal(err)
	}
	for _, clear := range []string{in.IDDoc.Number, "13800138000"} {
		if strings.Contains(string(doc.Body), clear) {
			t.Fatalf("stored body holds a clear personal number: %s", doc.Body)
		}
	}
	back, err := env.Service.Get(ctx, registry.KindTalent, m.ID)
	if err != nil || back.(*registry.Talent).IDDoc.Number != in.IDDoc.Number || back.(*registry.Talent).Mobile != "13800138000" {
		t.Fatalf("get = %+v, %v", back, err)
	}
	if types := pendingTypes(t, env, m.ID); !slices.Equal(types, []string{"talent.talent.created"}) {
		t.Fatalf("events = %v", types)
	}
}

func TestCreateRefusesInvalidRecordAndWritesNothing(t *testing.T) {
	env := registrytest.NewEnv(t)
	bad := registrytest.Talent("371302", 1)
	bad.IDDoc.Number = "110105194912310021" // wrong check digit
	bad.Employer.USCC = "914403001922038217"
	_, _, err := env.Service.Create(ctx, clerk, bad, nil)
	var verr *registry.ValidationError
	if !errors.As(err, &verr) {
		t.Fatalf("err = %v, want ValidationError", err)
	}
	fields := map[string]string{}
	for _, p := range verr.Problems {
		fields[p.Field] = p.Code
	}
	if fields["id_doc.number"] != "cn_id_checksum" || fields["employer.uscc"] != "uscc_checksum" {
		t.Fatalf("problems = %+v", verr.Problems)
	}
	if n, _ := env.Store.Count(ctx, registry.Query{Kind: registry.KindTalent}); n != 0 {
		t.Fatalf("%d talents written", n)
	}
	if evs, _ := env.Store.Pending(ctx, 10); len(evs) != 0 {
		t.Fatalf("%d events written", len(evs))
	}
}

func TestDuplicateIdentityNamesExistingRecord(t *testing.T) {
	env := registrytest.NewEnv(t)
	first := create(t, env, registrytest.Talent("371302", 7))
	again := registrytest.Talent("371321", 7) // same person, another area
	again.IDDoc.Number = strings.ToLower(again.IDDoc.Number) + " "
	_, _, err := env.Service.Create(ctx, clerk, again, nil)
	var ce *registry.ConflictError
	if !errors.As(err, &ce) || ce.Reason != "identity" || ce.ExistingID != first.Base().ID {
		t.Fatalf("err = %v", err)
	}
	// The same person may be registered as an expert too.
	create(t, env, registrytest.Expert("371302", 7, registry.ExpertDomestic, false))
}

func TestIdempotentCreate(t *testing.T) {
	env := registrytest.NewEnv(t)
	idem := &registry.Idempotency{Key: "key_officer:abc", Hash: "h1"}
	first, replayed, err := env.Service.Create(ctx, clerk, registrytest.Enclave("371302", registry.EnclaveAccelerator), idem)
	if err != nil || replayed {
		t.Fatalf("first: %v %v", replayed, err)
	}
	again, replayed, err := env.Service.Create(ctx, clerk, registrytest.Enclave("371302", registry.EnclaveAccelerator), idem)
	if err != nil || !replayed || again.Base().ID != first.Base().ID {
		t.Fatalf("replay: %v %v %v", again, replayed, err)
	}
	other := &registry.Idempotency{Key: idem.Key, Hash: "h2"}
	if _, _, err := env.Service.Create(ctx, clerk, registrytest.Enclave("371302", registry.EnclaveAccelerator), other); !errors.Is(err, registry.ErrIdempotencyMismatch) {
		t.Fatalf("mismatch: %v", err)
	}
	if n, _ := env.Store.Count(ctx, registry.Query{Kind: registry.KindEnclave}); n != 1 {
		t.Fatalf("%d enclaves, want 1", n)
	}
}

func TestTalentEnclaveMustExist(t *testing.T) {
	env := registrytest.NewEnv(t)
	tal := registrytest.Talent("371302", 2)
	tal.Employment = registry.EmploymentViaEnclave
	tal.EnclaveID = "enc_0192b6c0-0000-7000-8000-000000000000"
	_, _, err := env.Service.Create(ctx, clerk, tal, nil)
	var verr *registry.ValidationError
	if !errors.As(err, &verr) || verr.Problems[0].Field != "enclave_id" || verr.Problems[0].Code != "not_found" {
		t.Fatalf("err = %v", err)
	}
	enc := create(t, env, registrytest.Enclave("371302", registry.EnclaveStartupPark))
	tal.EnclaveID = enc.Base().ID
	create(t, env, tal)
	// An enclave that a talent points at cannot be deleted.
	err = env.Service.Delete(ctx, clerk, registry.KindEnclave, enc.Base().ID, 0)
	var ce *registry.ConflictError
	if !errors.As(err, &ce) || ce.Reason != "in_use" {
		t.Fatalf("delete in use: %v", err)
	}
}
