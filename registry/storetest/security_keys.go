package storetest

import (
	"errors"
	"testing"
	"time"

	"talentd/registry"
)

var keyCases = []securityCase{
	{"KeyRoundTrip", testKeyRoundTrip},
	{"KeyConflicts", testKeyConflicts},
	{"KeyListAndCount", testKeyListAndCount},
	{"KeyRevoke", testKeyRevoke},
	{"KeyAuthenticate", testKeyAuthenticate},
}

// keyAt is a new key with its secret, created at (to the millisecond) t.
func keyAt(name string, role registry.Role, at time.Time) (registry.APIKey, string) {
	r := registry.KeyRequest{Name: name, Role: role}
	switch role {
	case registry.RoleOfficer:
		r.Area = "371302"
	case registry.RoleEnclave:
		r.EnclaveID = ids.New("enc")
	}
	return registry.NewAPIKey(r, "key_creator", at, ids)
}

func mustCreateKey(t *testing.T, s Security, k registry.APIKey) {
	t.Helper()
	if err := s.CreateKey(ctxOf(t), k); err != nil {
		t.Fatalf("CreateKey %s: %v", k.Name, err)
	}
}

func checkKey(t *testing.T, got, want registry.APIKey) {
	t.Helper()
	same := got.ID == want.ID && got.Name == want.Name && got.Role == want.Role && got.Area == want.Area &&
		got.EnclaveID == want.EnclaveID && got.Hash == want.Hash && got.Prefix == want.Prefix &&
		got.CreatedAt.Equal(want.CreatedAt) && got.CreatedBy == want.CreatedBy &&
		sameTimePtr(got.ExpiresAt, want.ExpiresAt) && sameTimePtr(got.RevokedAt, want.RevokedAt)
	if !same {
		t.Errorf("key read back as\n%+v\nwant\n%+v", got, want)
	}
}

func sameTimePtr(a, b *time.Time) bool {
	return (a == nil) == (b == nil) && (a == nil || a.Equal(*b))
}

func testKeyRoundTrip(t *testing.T, s Security) {
	now := time.Now().UTC().Truncate(time.Millisecond)
	exp := now.Add(72 * time.Hour)
	for _, role := range registry.KeyRoles {
		k, _ := keyAt("k-"+string(role), role, now)
		if role == registry.RoleEnclave {
			k.ExpiresAt = &exp
		}
		mustCreateKey(t, s, k)
		got, err := s.GetKeyByHash(ctxOf(t), k.Hash)
		if err != nil {
			t.Fatalf("GetKeyByHash: %v", err)
		}
		checkKey(t, got, k)
	}
	_, missing := registry.NewAPIKeySecret()
	if _, err := s.GetKeyByHash(ctxOf(t), missing); !errors.Is(err, registry.ErrNotFound) {
		t.Errorf("GetKeyByHash of an unknown hash: %v, want ErrNotFound", err)
	}
}

func testKeyConflicts(t *testing.T, s Security) {
	now := time.Now()
	k, _ := keyAt("first", registry.RoleAdmin, now)
	mustCreateKey(t, s, k)
	sameID, _ := keyAt("same id", registry.RoleAdmin, now)
	sameID.ID = k.ID
	sameHash, _ := keyAt("same hash", registry.RoleAdmin, now)
	sameHash.Hash = k.Hash
	for _, dup := range []registry.APIKey{sameID, sameHash} {
		if err := s.CreateKey(ctxOf(t), dup); !errors.Is(err, registry.ErrConflict) {
			t.Errorf("CreateKey %q: %v, want ErrConflict", dup.Name, err)
		}
	}
	if n, err := s.CountKeys(ctxOf(t)); err != nil || n != 1 {
		t.Errorf("CountKeys after refused duplicates = %d, %v; want 1", n, err)
	}
}

func testKeyListAndCount(t *testing.T, s Security) {
	if n, err := s.CountKeys(ctxOf(t)); err != nil || n != 0 {
		t.Fatalf("CountKeys of an empty store = %d, %v", n, err)
	}
	base := time.Now().UTC().Truncate(time.Millisecond)
	var want []registry.APIKey
	for i, role := range []registry.Role{registry.RoleAuditor, registry.RoleAdmin, registry.RoleOfficer} {
		k, _ := keyAt("k"+itoa(int64(i)), role, base.Add(time.Duration(i)*time.Second))
		want = append(want, k)
	}
	for _, i := range []int{2, 0, 1} { // stored out of order
		mustCreateKey(t, s, want[i])
	}
	got, err := s.ListKeys(ctxOf(t))
	if err != nil || len(got) != len(want) {
		t.Fatalf("ListKeys = %d keys, %v; want %d", len(got), err, len(want))
	}
	for i := range want {
		checkKey(t, got[i], want[i])
	}
	if n, err := s.CountKeys(ctxOf(t)); err != nil || n != 3 {
		t.Errorf("CountKeys = %d, %v; want 3", n, err)
	}
}

func testKeyRevoke(t *testing.T, s Security) {
	k, _ := keyAt("to revoke", registry.RoleFinance, time.Now())
	other, _ := keyAt("kept", registry.RoleFinance, time.Now())
	mustCreateKey(t, s, k)
	mustCreateKey(t, s, other)
	at := time.Now().UTC().Truncate(time.Millisecond)
	got, err := s.RevokeKey(ctxOf(t), k.ID, at)
	if err != nil || got.RevokedAt == nil || !got.RevokedAt.Equal(at) || got.ID != k.ID {
		t.Fatalf("RevokeKey = %+v, %v", got, err)
	}
	again, err := s.RevokeKey(ctxOf(t), k.ID, at.Add(time.Hour))
	if err != nil || again.RevokedAt == nil || !again.RevokedAt.Equal(at) {
		t.Errorf("revoking again moved the revocation time: %+v, %v", again.RevokedAt, err)
	}
	if stored, _ := s.GetKeyByHash(ctxOf(t), k.Hash); stored.RevokedAt == nil || !stored.RevokedAt.Equal(at) {
		t.Errorf("stored key after revocation: %+v", stored.RevokedAt)
	}
	if kept, _ := s.GetKeyByHash(ctxOf(t), other.Hash); kept.RevokedAt != nil {
		t.Error("revoking one key revoked another")
	}
	if _, err := s.RevokeKey(ctxOf(t), ids.New("key"), at); !errors.Is(err, registry.ErrNotFound) {
		t.Errorf("RevokeKey of an unknown id: %v, want ErrNotFound", err)
	}
}

// testKeyAuthenticate: a key works until it is revoked, and from the next
// request on it does not.
func testKeyAuthenticate(t *testing.T, s Security) {
	now := time.Now()
	k, secret := keyAt("officer", registry.RoleOfficer, now)
	mustCreateKey(t, s, k)
	p, _, err := registry.Authenticate(ctxOf(t), s, "Bearer "+secret, now)
	if err != nil || p.KeyID != k.ID || p.Area != "371302" {
		t.Fatalf("Authenticate = %+v, %v", p, err)
	}
	if _, err := s.RevokeKey(ctxOf(t), k.ID, now); err != nil {
		t.Fatal(err)
	}
	if _, _, err := registry.Authenticate(ctxOf(t), s, "Bearer "+secret, now); !errors.Is(err, registry.ErrUnauthenticated) {
		t.Errorf("Authenticate with a revoked key: %v, want ErrUnauthenticated", err)
	}
	exp := now.Add(time.Hour)
	short, shortSecret := keyAt("short-lived", registry.RoleAuditor, now)
	short.ExpiresAt = &exp
	mustCreateKey(t, s, short)
	if _, _, err := registry.Authenticate(ctxOf(t), s, "Bearer "+shortSecret, now.Add(2*time.Hour)); !errors.Is(err, registry.ErrUnauthenticated) {
		t.Errorf("Authenticate with an expired key: %v, want ErrUnauthenticated", err)
	}
	other, _ := registry.NewAPIKeySecret()
	if _, _, err := registry.Authenticate(ctxOf(t), s, "Bearer "+other, now); !errors.Is(err, registry.ErrUnauthenticated) {
		t.Errorf("Authenticate with an unknown key: %v, want ErrUnauthenticated", err)
	}
}
