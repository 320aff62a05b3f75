package registry

import (
	"crypto/rand"
	"crypto/sha256"
	"crypto/subtle"
	"encoding/hex"
	"errors"
	"fmt"
	"slices"
	"time"
	"unicode"
	"unicode/utf8"
)

// ErrUnauthenticated is a missing, malformed, unknown, expired or revoked
// API key. The API answers it with 401 and says no more.
var ErrUnauthenticated = errors.New("registry: unauthenticated")

// APIKey is a stored API key. The secret itself is never stored: only its
// SHA-256 (Hash) and its first characters (Prefix), so a listing can tell
// keys apart.
type APIKey struct {
	ID        string // key_<uuid>
	Name      string
	Role      Role
	Area      string // an officer's area
	EnclaveID string // an enclave key's enclave
	Hash      string // hex SHA-256 of the secret
	Prefix    string // the secret's first PrefixLen characters
	CreatedAt time.Time
	ExpiresAt *time.Time // nil: never expires
	RevokedAt *time.Time // nil: not revoked
	CreatedBy string     // the Actor that created it
}

// Secret shape. A secret is SecretPrefix and SecretRandLen base62
// characters (≈256 random bits); keys from elsewhere (the bootstrap token)
// need only be a token68 of MinSecretLen to MaxSecretLen characters.
const (
	SecretPrefix  = "tk_"
	SecretRandLen = 43
	MinSecretLen  = 32
	MaxSecretLen  = 256
	PrefixLen     = len(SecretPrefix) + 8
)

const base62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"

// KeyRoles are the roles an API key may have (not RoleSystem).
var KeyRoles = []Role{RoleAdmin, RoleOfficer, RoleEnclave, RoleFinance, RoleAuditor}

// NewAPIKeySecret returns a new random secret and its hash. The secret is
// shown once and never stored.
func NewAPIKeySecret() (secret, hash string) {
	b := make([]byte, 0, len(SecretPrefix)+SecretRandLen)
	b = append(b, SecretPrefix...)
	var buf [64]byte
	for len(b) < cap(b) {
		rand.Read(buf[:]) // never returns an error; it crashes the program instead
		for _, c := range buf {
			if c < 248 && len(b) < cap(b) { // 248 = 4×62: no modulo bias
				b = append(b, base62[c%62])
			}
		}
	}
	secret = string(b)
	return secret, HashSecret(secret)
}

// HashSecret is the stored form of a secret: hex SHA-256. A plain fast hash
// is enough because secrets are high-entropy random strings (≈256 bits, or
// at least MinSecretLen characters for a chosen bootstrap token), not
// passwords: no dictionary or brute force reaches a preimage, so salting
// and a slow KDF would add cost without adding safety. Being unsalted, the
// hash is also the look-up key (KeyStore.GetKeyByHash).
func HashSecret(secret string) string {
	sum := sha256.Sum256([]byte(secret))
	return hex.EncodeToString(sum[:])
}

// MatchKey reports whether secret hashes to hash, in time that does not
// depend on where they differ.
func MatchKey(secret, hash string) bool {
	return subtle.ConstantTimeCompare([]byte(HashSecret(secret)), []byte(hash)) == 1
}

// KeyPrefix is the part of a secret that may be shown to tell keys apart.
func KeyPrefix(secret string) string {
	if len(secret) <= PrefixLen {
		return ""
	}
	return secret[:PrefixLen]
}

// Active reports whether the key may be used at now: not revoked and not
// expired.
func (k APIKey) Active(now time.Time) bool {
	return k.RevokedAt == nil && (k.ExpiresAt == nil || now.Before(*k.ExpiresAt))
}

// Principal is who a request made with the key acts as.
func (k APIKey) Principal() Principal {
	return Principal{KeyID: k.ID, Name: k.Name, Role: k.Role, Area: k.Area, EnclaveID: k.EnclaveID}
}

// KeyRequest asks for a new API key.
type KeyRequest struct {
	Name      string
	Role      Role
	Area      string     // officers only
	EnclaveID string     // enclave keys only
	ExpiresAt *time.Time // optional; must be after now
}

// Validate checks the request against the configured area codes (empty:
// DefaultAreas). Problems name the JSON fields: name, role, area,
// enclave_id, expires_at.
func (r KeyRequest) Validate(now time.Time, areas []string) error {
	if len(areas) == 0 {
		areas = AreaCodes(DefaultAreas)
	}
	v := &ValidationError{}
	checkKeyName(v, r.Name)
	switch {
	case !slices.Contains(KeyRoles, r.Role):
		v.Add("role", "oneof", "admin officer enclave finance auditor")
	case r.Role == RoleOfficer && !slices.Contains(areas, r.Area):
		v.Add("area", "area", "")
	case r.Role != RoleOfficer && r.Area != "":
		v.Add("area", "excluded", string(r.Role))
	}
	switch {
	case r.Role == RoleEnclave && !ValidID(KindEnclave.IDPrefix(), r.EnclaveID):
		v.Add("enclave_id", "record_id", KindEnclave.IDPrefix())
	case r.Role != RoleEnclave && r.EnclaveID != "":
		v.Add("enclave_id", "excluded", string(r.Role))
	}
	if r.ExpiresAt != nil && !r.ExpiresAt.After(now) {
		v.Add("expires_at", "future", "")
	}
	return v.Err()
}

func checkKeyName(v *ValidationError, name string) {
	n := utf8.RuneCountInString(name)
	switch {
	case n == 0:
		v.Add("name", "required", "")
	case n > 64:
		v.Add("name", "max", "64")
	case !utf8.ValidString(name) || slices.ContainsFunc([]rune(name), unicode.IsControl):
		v.Add("name", "printable", "")
	}
}

// NewAPIKey makes the key a validated request asks for, and its secret.
// createdBy is the creator's Actor; ids makes the key_ id.
func NewAPIKey(r KeyRequest, createdBy string, now time.Time, ids IDs) (APIKey, string) {
	secret, hash := NewAPIKeySecret()
	return KeyWithSecret(r, secret, hash, createdBy, now, ids), secret
}

// KeyWithSecret makes the key for a secret chosen elsewhere (the bootstrap
// token; check it with CheckSecret first).
func KeyWithSecret(r KeyRequest, secret, hash, createdBy string, now time.Time, ids IDs) APIKey {
	k := APIKey{
		ID: ids.New("key"), Name: r.Name, Role: r.Role, Area: r.Area, EnclaveID: r.EnclaveID,
		Hash: hash, Prefix: KeyPrefix(secret), CreatedAt: now.UTC().Truncate(time.Millisecond), CreatedBy: createdBy,
	}
	if r.ExpiresAt != nil {
		t := r.ExpiresAt.UTC().Truncate(time.Millisecond)
		k.ExpiresAt = &t
	}
	return k
}

// CheckSecret reports whether a secret chosen elsewhere is acceptable: a
// token68 (RFC 7235) of MinSecretLen to MaxSecretLen characters.
func CheckSecret(secret string) error {
	if len(secret) < MinSecretLen || len(secret) > MaxSecretLen || !isToken68(secret) {
		return fmt.Errorf("registry: an API key secret must be %d to %d characters of A-Z a-z 0-9 - . _ ~ + / (then '='): %w",
			MinSecretLen, MaxSecretLen, ErrInvalid)
	}
	return nil
}
