package pii

import (
	"crypto/aes"
	"crypto/cipher"
	"crypto/hkdf"
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"errors"
	"fmt"
	"strings"
	"sync"

	"talentd/registry"
)

// KeySize is the length of a keyring key in bytes (AES-256).
const KeySize = 32

const (
	prefix     = "pii:v1:"
	sealInfo   = "talentd pii seal v1"
	indexInfo  = "talentd pii index v1"
	keyIDLabel = "talentd pii key id v1"
)

// Errors. None of them carries a clear or sealed value.
var (
	// ErrUnknownKey: the sealed value names a key the keyring lacks.
	ErrUnknownKey = errors.New("pii: sealed under an unknown key")
	// ErrCorrupt: the sealed value is malformed, was altered, or does not
	// belong to the key it names.
	ErrCorrupt = errors.New("pii: sealed value is corrupt or was tampered with")
	// ErrKeysFromEnv: the keys come from TALENTD_PII_KEY, so Rotate cannot
	// add one; put the new key last in the variable instead.
	ErrKeysFromEnv = errors.New("pii: keys come from TALENTD_PII_KEY; add the new key there")
)

var _ registry.Protector = (*Keyring)(nil)

// Keyring seals and opens personal numbers and indexes them. It is safe for
// concurrent use.
type Keyring struct {
	mu    sync.RWMutex
	keys  []entry // oldest first; the last is active
	aeads map[string]cipher.AEAD
	index []byte
	file  string // the key file this keyring persists to, "" if none
}

// entry is one raw key with its id.
type entry struct {
	id  string
	raw []byte
}

// New returns a keyring over raw keys, oldest first; the last is active
// and the first derives the index key. It keeps no file.
func New(keys ...[]byte) (*Keyring, error) {
	k := &Keyring{}
	if err := k.set(keys); err != nil {
		return nil, err
	}
	return k, nil
}

// set replaces the keyring's keys; the caller holds the write lock or owns k.
func (k *Keyring) set(raws [][]byte) error {
	if len(raws) == 0 {
		return errors.New("pii: no keys")
	}
	keys := make([]entry, 0, len(raws))
	aeads := make(map[string]cipher.AEAD, len(raws))
	for i, raw := range raws {
		if len(raw) != KeySize {
			return fmt.Errorf("pii: key %d is %d bytes, want %d", i+1, len(raw), KeySize)
		}
		id := KeyID(raw)
		if _, dup := aeads[id]; dup {
			return fmt.Errorf("pii: key %s is listed twice", id)
		}
		a, err := newAEAD(raw)
		if err != nil {
			return err
		}
		keys, aeads[id] = append(keys, entry{id: id, raw: raw}), a
	}
	index, err := hkdf.Key(sha256.New, raws[0], nil, indexInfo, KeySize)
	if err != nil {
		return fmt.Errorf("pii: derive index key: %w", err)
	}
	k.keys, k.aeads, k.index = keys, aeads, index
	return nil
}

func newAEAD(raw []byte) (cipher.AEAD, error) {
	sk, err := hkdf.Key(sha256.New, raw, nil, sealInfo, KeySize)
	if err != nil {
		return nil, fmt.Errorf("pii: derive sealing key: %w", err)
	}
	block, err := aes.NewCipher(sk)
	if err != nil {
		return nil, fmt.Errorf("pii: %w", err)
	}
	return cipher.NewGCM(block)
}

// KeyID is the id that sealed values name for raw: 12 hex digits of a
// SHA-256 fingerprint. It reveals nothing usable about the key.
func KeyID(raw []byte) string {
	sum := sha256.Sum256(append([]byte(keyIDLabel), raw...))
	return hex.EncodeToString(sum[:6])
}

// ActiveKeyID is the id of the key that seals.
func (k *Keyring) ActiveKeyID() string {
	k.mu.RLock()
	defer k.mu.RUnlock()
	return k.keys[len(k.keys)-1].id
}

// KeyIDs lists the ids of every key, oldest first.
func (k *Keyring) KeyIDs() []string {
	k.mu.RLock()
	defer k.mu.RUnlock()
	ids := make([]string, len(k.keys))
	for i, e := range k.keys {
		ids[i] = e.id
	}
	return ids
}

// Seal encrypts plain under the active key; sealing "" gives "".
func (k *Keyring) Seal(plain string) (string, error) {
	if plain == "" {
		return "", nil
	}
	k.mu.RLock()
	id := k.keys[len(k.keys)-1].id
	a := k.aeads[id]
	k.mu.RUnlock()
	head := prefix + id
	nonce := make([]byte, a.NonceSize(), a.NonceSize()+len(plain)+a.Overhead())
	if _, err := rand.Read(nonce); err != nil {
		return "", fmt.Errorf("pii: nonce: %w", err)
	}
	sealed := a.Seal(nonce, nonce, []byte(plain), []byte(head))
	return head + ":" + base64.RawURLEncoding.EncodeToString(sealed), nil
}

// Open decrypts a value Seal made; opening "" gives "". It returns
// ErrUnknownKey or ErrCorrupt, never the value, on failure.
func (k *Keyring) Open(sealed string) (string, error) {
	if sealed == "" {
		return "", nil
	}
	id, body, ok := split(sealed)
	if !ok {
		return "", ErrCorrupt
	}
	a, err := k.aead(id)
	if err != nil {
		return "", err
	}
	raw, err := base64.RawURLEncoding.DecodeString(body)
	if err != nil || len(raw) < a.NonceSize()+a.Overhead() {
		return "", ErrCorrupt
	}
	n := a.NonceSize()
	plain, err := a.Open(nil, raw[:n], raw[n:], []byte(prefix+id))
	if err != nil {
		return "", ErrCorrupt
	}
	return string(plain), nil
}

// aead returns the cipher of key id, reloading the key file once if the id
// is unknown (another process may have rotated).
func (k *Keyring) aead(id string) (cipher.AEAD, error) {
	k.mu.RLock()
	a, ok := k.aeads[id]
	file := k.file
	k.mu.RUnlock()
	if ok {
		return a, nil
	}
	if file != "" && k.reload() == nil {
		k.mu.RLock()
		a, ok = k.aeads[id]
		k.mu.RUnlock()
		if ok {
			return a, nil
		}
	}
	return nil, ErrUnknownKey
}

// split parses "pii:v1:<id>:<body>".
func split(sealed string) (id, body string, ok bool) {
	rest, found := strings.CutPrefix(sealed, prefix)
	if !found {
		return "", "", false
	}
	id, body, found = strings.Cut(rest, ":")
	return id, body, found && id != "" && body != ""
}

// SealedKeyID returns the key id a sealed value names, ok false if it is
// not a sealed value.
func SealedKeyID(sealed string) (id string, ok bool) {
	id, _, ok = split(sealed)
	return id, ok
}

// Index returns the hex HMAC-SHA256 of value under the index key. It is the
// same for the same value under every rotation of the keyring.
func (k *Keyring) Index(value string) string {
	k.mu.RLock()
	m := hmac.New(sha256.New, k.index)
	k.mu.RUnlock()
	m.Write([]byte(value))
	return hex.EncodeToString(m.Sum(nil))
}

// Reseal re-encrypts sealed under the active key if it names another key;
// changed is false (and out == sealed) when it already uses the active key
// or is "".
func (k *Keyring) Reseal(sealed string) (out string, changed bool, err error) {
	id, _, ok := split(sealed)
	if sealed == "" || (ok && id == k.ActiveKeyID()) {
		return sealed, false, nil
	}
	plain, err := k.Open(sealed)
	if err != nil {
		return "", false, err
	}
	out, err = k.Seal(plain)
	return out, err == nil, err
}
