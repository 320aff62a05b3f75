package registry_test

import (
	"errors"
	"strings"
	"testing"
	"time"

	"talentd/registry"
)

func TestNewAPIKeySecret(t *testing.T) {
	seen := map[string]bool{}
	for range 200 {
		s, h := registry.NewAPIKeySecret()
		if !strings.HasPrefix(s, registry.SecretPrefix) || len(s) != len(registry.SecretPrefix)+registry.SecretRandLen {
			t.Fatalf("secret %q has the wrong shape", s)
		}
		if _, err := registry.ParseBearer("Bearer " + s); err != nil {
			t.Fatalf("a new secret does not parse as a bearer token: %v", err)
		}
		if h != registry.HashSecret(s) || len(h) != 64 || strings.Contains(h, s[3:]) {
			t.Fatalf("hash %q is not the hex SHA-256 of the secret", h)
		}
		if seen[s] {
			t.Fatal("the same secret twice")
		}
		seen[s] = true
	}
}

func TestMatchKey(t *testing.T) {
	s, h := registry.NewAPIKeySecret()
	other, _ := registry.NewAPIKeySecret()
	cases := []struct {
		secret, hash string
		want         bool
	}{
		{s, h, true},
		{other, h, false},
		{s, strings.ToUpper(h), false},
		{s, h[:63], false},
		{s, "", false},
		{"", h, false},
	}
	for _, c := range cases {
		if got := registry.MatchKey(c.secret, c.hash); got != c.want {
			t.Errorf("MatchKey(%.8s…, %.8s…) = %v", c.secret, c.hash, got)
		}
	}
}

func TestKeyRequestValidate(t *testing.T) {
	now := time.Date(2026, 11, 27, 0, 0, 0, 0, time.UTC)
	past, future := now.Add(-time.Second), now.Add(time.Hour)
	enc := "enc_0190a4d4-0000-7000-8000-00000000000a"
	cases := []struct {
		name  string
		r     registry.KeyRequest
		field string // "" = valid
	}{
		{"admin", registry.KeyRequest{Name: "bureau", Role: registry.RoleAdmin}, ""},
		{"officer", registry.KeyRequest{Name: "兰山区人才办", Role: registry.RoleOfficer, Area: "371302"}, ""},
		{"zone officer", registry.KeyRequest{Name: "hi-tech", Role: registry.RoleOfficer, Area: "ZONE_HIGHTECH"}, ""},
		{"enclave", registry.KeyRequest{Name: "op", Role: registry.RoleEnclave, EnclaveID: enc, ExpiresAt: &future}, ""},
		{"no name", registry.KeyRequest{Role: registry.RoleAdmin}, "name"},
		{"long name", registry.KeyRequest{Name: strings.Repeat("名", 65), Role: registry.RoleAdmin}, "name"},
		{"control in name", registry.KeyRequest{Name: "a\nb", Role: registry.RoleAdmin}, "name"},
		{"system role", registry.KeyRequest{Name: "x", Role: registry.RoleSystem}, "role"},
		{"unknown role", registry.KeyRequest{Name: "x", Role: "root"}, "role"},
		{"officer without area", registry.KeyRequest{Name: "x", Role: registry.RoleOfficer}, "area"},
		{"officer unknown area", registry.KeyRequest{Name: "x", Role: registry.RoleOfficer, Area: "110105"}, "area"},
		{"officer with enclave", registry.KeyRequest{Name: "x", Role: registry.RoleOfficer, Area: "371302", EnclaveID: enc}, "enclave_id"},
		{"enclave without id", registry.KeyRequest{Name: "x", Role: registry.RoleEnclave}, "enclave_id"},
		{"enclave with talent id", registry.KeyRequest{Name: "x", Role: registry.RoleEnclave, EnclaveID: "tal_0190a4d4-0000-7000-8000-00000000000a"}, "enclave_id"},
		{"enclave with area", registry.KeyRequest{Name: "x", Role: registry.RoleEnclave, EnclaveID: enc, Area: "371302"}, "area"},
		{"finance with area", registry.KeyRequest{Name: "x", Role: registry.RoleFinance, Area: "371302"}, "area"},
		{"expired", registry.KeyRequest{Name: "x", Role: registry.RoleAuditor, ExpiresAt: &past}, "expires_at"},
		{"expires now", registry.KeyRequest{Name: "x", Role: registry.RoleAuditor, ExpiresAt: &now}, "expires_at"},
	}
	for _, c := range cases {
		err := c.r.Validate(now, nil)
		var ve *registry.ValidationError
		switch {
		case c.field == "" && err != nil:
			t.Errorf("%s: %v", c.name, err)
		case c.field != "" && !errors.As(err, &ve):
			t.Errorf("%s: err %v, want a ValidationError on %s", c.name, err, c.field)
		case c.field != "" && ve.Problems[0].Field != c.field:
			t.Errorf("%s: problems %v, want %s", c.name, ve.Problems, c.field)
		}
	}
	custom := registry.KeyRequest{Name: "x", Role: registry.RoleOfficer, Area: "110105"}
	if err := custom.Validate(now, []string{"110105"}); err != nil {
		t.Errorf("configured areas ignored: %v", err)
	}
}

func TestNewAPIKeyAndActive(t *testing.T) {
	now := time.Date(2026, 11, 27, 1, 2, 3, 456789, time.UTC)
	exp := now.Add(time.Hour)
	r := registry.KeyRequest{Name: "op", Role: registry.RoleOfficer, Area: "371302", ExpiresAt: &exp}
	k, secret := registry.NewAPIKey(r, "key_admin", now, registry.UUIDv7{})
	if !registry.ValidID("key", k.ID) || k.Prefix != secret[:registry.PrefixLen] || !registry.MatchKey(secret, k.Hash) {
		t.Fatalf("key %+v does not fit its secret", k)
	}
	p := k.Principal()
	if p.KeyID != k.ID || p.Role != registry.RoleOfficer || p.Area != "371302" || p.Name != "op" {
		t.Errorf("Principal = %+v", p)
	}
	if !k.Active(now) || k.Active(exp) {
		t.Error("a key is active until, not at, its expiry")
	}
	k.RevokedAt = &now
	if k.Active(now) {
		t.Error("a revoked key is active")
	}
}

func TestCheckSecret(t *testing.T) {
	good := []string{strings.Repeat("a", 32), "tk_" + strings.Repeat("Z9", 20), strings.Repeat("b", 30) + "==", strings.Repeat("x", 256)}
	bad := []string{strings.Repeat("a", 31), strings.Repeat("a", 257), strings.Repeat("a", 31) + " ", strings.Repeat("=", 40), strings.Repeat("ä", 20)}
	for _, s := range good {
		if err := registry.CheckSecret(s); err != nil {
			t.Errorf("%q refused: %v", s, err)
		}
	}
	for _, s := range bad {
		if err := registry.CheckSecret(s); !errors.Is(err, registry.ErrInvalid) {
			t.Errorf("%q accepted", s)
		}
	}
}
