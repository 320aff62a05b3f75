package registry_test

import (
	"errors"
	"strings"
	"testing"

	"talentd/registry"
	"talentd/registry/registrytest"
)

func TestLookupFindsARegisteredPerson(t *testing.T) {
	env := registrytest.NewEnv(t)
	tal := create(t, env, registrytest.Talent("371302", 50))
	exp := create(t, env, registrytest.ForeignExpert("371302", 51)).(*registry.Expert)
	number := tal.(*registry.Talent).IDDoc.Number

	// Spaces and lower case as an officer might type them.
	got, err := env.Service.Lookup(ctx, lanshan, registry.KindTalent,
		registry.IDDoc{Type: registry.DocCNID, Number: " " + strings.ToLower(number[:6]) + " " + number[6:]}, "")
	if err != nil || got.Base().ID != tal.Base().ID {
		t.Fatalf("lookup talent: %v %v", got, err)
	}
	passport := registry.IDDoc{Type: registry.DocPassport, Number: exp.IDDoc.Number}
	if got, err := env.Service.Lookup(ctx, lanshan, registry.KindExpert, passport, "deu"); err != nil || got.Base().ID != exp.ID {
		t.Fatalf("lookup expert by passport: %v %v", got, err)
	}
	// The same passport number of another country is another person.
	if _, err := env.Service.Lookup(ctx, lanshan, registry.KindExpert, passport, "FRA"); !errors.Is(err, registry.ErrNotFound) {
		t.Fatalf("other country: %v", err)
	}
	// Not registered as an expert; outside Yinan's area: both not found.
	doc := registry.IDDoc{Type: registry.DocCNID, Number: number}
	if _, err := env.Service.Lookup(ctx, lanshan, registry.KindExpert, doc, ""); !errors.Is(err, registry.ErrNotFound) {
		t.Fatalf("talent looked up as expert: %v", err)
	}
	if _, err := env.Service.Lookup(ctx, yinan, registry.KindTalent, doc, ""); !errors.Is(err, registry.ErrNotFound) {
		t.Fatalf("lookup across areas: %v", err)
	}
}

func TestLookupRefusesBadDocuments(t *testing.T) {
	env := registrytest.NewEnv(t)
	cases := []struct {
		kind        registry.Kind
		doc         registry.IDDoc
		country     string
		field, code string
	}{
		{registry.KindTalent, registry.IDDoc{Type: "SSN", Number: "1"}, "", "id_doc.type", "oneof"},
		{registry.KindTalent, registry.IDDoc{Type: registry.DocCNID}, "", "id_doc.number", "required"},
		{registry.KindTalent, registry.IDDoc{Type: registry.DocCNID, Number: "110105194912310021"}, "", "id_doc.number", "cn_id_checksum"},
		{registry.KindExpert, registry.IDDoc{Type: registry.DocPassport, Number: "E12345678"}, "", "country", "iso3166_1_alpha3"},
		{registry.KindEnclave, registry.IDDoc{Type: registry.DocCNID, Number: "11010519491231002X"}, "", "id_doc", "not_applicable"},
	}
	for _, c := range cases {
		_, err := env.Service.Lookup(ctx, clerk, c.kind, c.doc, c.country)
		var verr *registry.ValidationError
		if !errors.As(err, &verr) || verr.Problems[0].Field != c.field || verr.Problems[0].Code != c.code {
			t.Errorf("%+v: %v, want %s %s", c.doc, err, c.field, c.code)
		}
	}
	op := registry.Principal{KeyID: "key_op", Role: registry.RoleEnclave, EnclaveID: "enc_x"}
	if _, err := env.Service.Lookup(ctx, op, registry.KindTalent, cases[2].doc, ""); !errors.Is(err, registry.ErrForbidden) {
		t.Errorf("enclave key looked up a talent: %v", err)
	}
}
