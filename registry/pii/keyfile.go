package pii

import (
	"crypto/rand"
	"encoding/base64"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"path/filepath"
	"strings"
	"time"
)

// FileName is the key file's name inside the data directory.
const FileName = "pii.key"

// fileFormat is the key file: keys oldest first, the last one active.
type fileFormat struct {
	Version int       `json:"version"`
	Keys    []fileKey `json:"keys"`
}

type fileKey struct {
	ID        string    `json:"id"`
	Key       string    `json:"key"` // base64 (standard, padded)
	CreatedAt time.Time `json:"created_at"`
}

// LoadOrCreate returns the keyring talentd runs with.
//
// If envKey (TALENTD_PII_KEY) is set, it holds the keys: one key, or a
// comma-separated list oldest first (the last seals, the first derives the
// index key), each 32 bytes in hex (64 digits) or base64. The key file is
// then not read. Several talentd processes sharing one MongoDB must all use
// the same TALENTD_PII_KEY.
//
// Otherwise the keys live in dataDir/pii.key, created with one new random
// key and mode 0600 on first start. A key file that group or others may
// read or write is refused.
func LoadOrCreate(dataDir, envKey string) (*Keyring, error) {
	if strings.TrimSpace(envKey) != "" {
		raws, err := ParseKeys(envKey)
		if err != nil {
			return nil, err
		}
		return New(raws...)
	}
	path := filepath.Join(dataDir, FileName)
	k := &Keyring{file: path}
	err := k.reload()
	if errors.Is(err, fs.ErrNotExist) {
		if err = create(dataDir, path); err == nil {
			err = k.reload()
		}
	}
	if err != nil {
		return nil, err
	}
	return k, nil
}

// ParseKeys reads a comma-separated list of 32-byte keys, each in hex or
// base64 (standard or URL alphabet, padded or not).
func ParseKeys(s string) ([][]byte, error) {
	var out [][]byte
	for i, part := range strings.Split(s, ",") {
		raw, err := parseKey(strings.TrimSpace(part))
		if err != nil {
			return nil, fmt.Errorf("pii: TALENTD_PII_KEY key %d: %w", i+1, err)
		}
		out = append(out, raw)
	}
	return out, nil
}

func parseKey(s string) ([]byte, error) {
	if len(s) == 2*KeySize {
		if raw, err := hex.DecodeString(s); err == nil {
			return raw, nil
		}
	}
	for _, enc := range []*base64.Encoding{base64.StdEncoding, base64.RawStdEncoding, base64.URLEncoding, base64.RawURLEncoding} {
		if raw, err := enc.DecodeString(s); err == nil && len(raw) == KeySize {
			return raw, nil
		}
	}
	return nil, fmt.Errorf("not %d bytes in hex or base64", KeySize)
}

// NewKey returns a fresh random key.
func NewKey() ([]byte, error) {
	raw := make([]byte, KeySize)
	if _, err := rand.Read(raw); err != nil {
		return nil, fmt.Errorf("pii: new key: %w", err)
	}
	return raw, nil
}

// Rotate adds a new random key, makes it the active one and saves the key
// file; it returns the new key's id. Values sealed before stay readable;
// Reseal moves them to the new key. Index values do not change. A keyring
// from TALENTD_PII_KEY returns ErrKeysFromEnv.
func (k *Keyring) Rotate() (string, error) {
	raw, err := NewKey()
	if err != nil {
		return "", err
	}
	k.mu.Lock()
	defer k.mu.Unlock()
	if k.file == "" {
		return "", ErrKeysFromEnv
	}
	f, err := readFile(k.file) // the file is the truth: keep keys others added
	if err != nil {
		return "", err
	}
	f.Keys = append(f.Keys, fileKey{ID: KeyID(raw), Key: base64.StdEncoding.EncodeToString(raw), CreatedAt: time.Now().UTC()})
	raws, err := f.raws()
	if err != nil {
		return "", err
	}
	if err := k.set(raws); err != nil {
		return "", err
	}
	return KeyID(raw), replace(k.file, f)
}

// reload reads the keyring's key file again.
func (k *Keyring) reload() error {
	f, err := readFile(k.file)
	if err != nil {
		return err
	}
	raws, err := f.raws()
	if err != nil {
		return err
	}
	k.mu.Lock()
	defer k.mu.Unlock()
	return k.set(raws)
}

func (f fileFormat) raws() ([][]byte, error) {
	out := make([][]byte, len(f.Keys))
	for i, fk := range f.Keys {
		raw, err := base64.StdEncoding.DecodeString(fk.Key)
		if err != nil || len(raw) != KeySize || KeyID(raw) != fk.ID {
			return nil, fmt.Errorf("pii: key file: key %q is damaged", fk.ID)
		}
		out[i] = raw
	}
	return out, nil
}
