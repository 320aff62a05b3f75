package pii

import (
	"encoding/base64"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"time"
)

// readFile reads and checks the key file: a regular file, private to its
// owner, holding at least one key.
func readFile(path string) (fileFormat, error) {
	var f fileFormat
	st, err := os.Lstat(path)
	if err != nil {
		return f, fmt.Errorf("pii: key file: %w", err)
	}
	if !st.Mode().IsRegular() {
		return f, fmt.Errorf("pii: key file %s is not a regular file", path)
	}
	if perm := st.Mode().Perm(); perm&0o077 != 0 {
		return f, fmt.Errorf("pii: key file %s has mode %04o; it must be 0600 (chmod 600 it)", path, perm)
	}
	b, err := os.ReadFile(path)
	if err != nil {
		return f, fmt.Errorf("pii: key file: %w", err)
	}
	if err := json.Unmarshal(b, &f); err != nil || f.Version != 1 || len(f.Keys) == 0 {
		return f, fmt.Errorf("pii: key file %s is not a version 1 key file with keys", path)
	}
	return f, nil
}

// create writes a new key file with one random key, unless one appears
// meanwhile (another process starting at the same time wins; its file is
// then used).
func create(dir, path string) error {
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return fmt.Errorf("pii: data directory: %w", err)
	}
	raw, err := NewKey()
	if err != nil {
		return err
	}
	f := fileFormat{Version: 1, Keys: []fileKey{{ID: KeyID(raw), Key: base64.StdEncoding.EncodeToString(raw), CreatedAt: time.Now().UTC()}}}
	tmp, err := writeTemp(dir, f)
	if err != nil {
		return err
	}
	defer os.Remove(tmp)
	if err := os.Link(tmp, path); err != nil && !os.IsExist(err) {
		return fmt.Errorf("pii: key file: %w", err)
	}
	return syncDir(dir)
}

// replace atomically replaces the key file with f.
func replace(path string, f fileFormat) error {
	dir := filepath.Dir(path)
	tmp, err := writeTemp(dir, f)
	if err != nil {
		return err
	}
	if err := os.Rename(tmp, path); err != nil {
		os.Remove(tmp)
		return fmt.Errorf("pii: key file: %w", err)
	}
	return syncDir(dir)
}

// writeTemp writes f to a new 0600 file in dir, synced, and returns its path.
func writeTemp(dir string, f fileFormat) (string, error) {
	b, err := json.MarshalIndent(f, "", "  ")
	if err != nil {
		return "", fmt.Errorf("pii: key file: %w", err)
	}
	t, err := os.CreateTemp(dir, ".pii.key-*")
	if err != nil {
		return "", fmt.Errorf("pii: key file: %w", err)
	}
	name := t.Name()
	err = t.Chmod(0o600)
	if err == nil {
		_, err = t.Write(append(b, '\n'))
	}
	if err == nil {
		err = t.Sync()
	}
	if cerr := t.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		os.Remove(name)
		return "", fmt.Errorf("pii: key file: %w", err)
	}
	return name, nil
}

func syncDir(dir string) error {
	d, err := os.Open(dir)
	if err != nil {
		return fmt.Errorf("pii: data directory: %w", err)
	}
	defer d.Close()
	if err := d.Sync(); err != nil {
		return fmt.Errorf("pii: data directory: %w", err)
	}
	return nil
}
