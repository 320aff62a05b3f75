package pii_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"talentd/registry/pii"
)

func TestKeyFileCreatedPrivate(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "data")
	k, err := pii.LoadOrCreate(dir, "")
	if err != nil {
		t.Fatal(err)
	}
	st, err := os.Stat(filepath.Join(dir, pii.FileName))
	if err != nil {
		t.Fatal(err)
	}
	if st.Mode().Perm() != 0o600 {
		t.Errorf("key file mode %04o, want 0600", st.Mode().Perm())
	}
	again, err := pii.LoadOrCreate(dir, "")
	if err != nil || again.ActiveKeyID() != k.ActiveKeyID() {
		t.Errorf("second start made another key: %v", err)
	}
	if leftovers, _ := filepath.Glob(filepath.Join(dir, ".pii.key-*")); len(leftovers) != 0 {
		t.Errorf("temporary files left: %v", leftovers)
	}
}

func TestKeyFileWithLooseModeRefused(t *testing.T) {
	for _, mode := range []os.FileMode{0o640, 0o604, 0o660, 0o666} {
		dir := t.TempDir()
		if _, err := pii.LoadOrCreate(dir, ""); err != nil {
			t.Fatal(err)
		}
		path := filepath.Join(dir, pii.FileName)
		if err := os.Chmod(path, mode); err != nil {
			t.Fatal(err)
		}
		if _, err := pii.LoadOrCreate(dir, ""); err == nil || !strings.Contains(err.Error(), "0600") {
			t.Errorf("mode %04o: err %v, want a refusal naming 0600", mode, err)
		}
	}
}

func TestKeyFileDamageRefused(t *testing.T) {
	cases := map[string]string{
		"not json":   "{",
		"no keys":    `{"version":1,"keys":[]}`,
		"wrong id":   `{"version":1,"keys":[{"id":"000000000000","key":"AQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQE="}]}`,
		"short key":  `{"version":1,"keys":[{"id":"x","key":"AQE="}]}`,
		"version 2?": `{"version":2,"keys":[{"id":"x","key":"AQE="}]}`,
	}
	for name, body := range cases {
		dir := t.TempDir()
		if err := os.WriteFile(filepath.Join(dir, pii.FileName), []byte(body), 0o600); err != nil {
			t.Fatal(err)
		}
		if _, err := pii.LoadOrCreate(dir, ""); err == nil {
			t.Errorf("%s: accepted", name)
		}
	}
}

func TestEnvKeyFormats(t *testing.T) {
	want := pii.KeyID(key(1))
	good := []string{
		strings.Repeat("01", 32),
		"AQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQE=",
		"AQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQE",
		" AQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQE= ",
	}
	for _, s := range good {
		k, err := pii.LoadOrCreate(t.TempDir(), s)
		if err != nil || k.ActiveKeyID() != want {
			t.Errorf("%q: %v", s, err)
		}
	}
	for _, s := range []string{"short", strings.Repeat("0", 62), "AQEB,", strings.Repeat("zz", 32)} {
		if _, err := pii.LoadOrCreate(t.TempDir(), s); err == nil {
			t.Errorf("%q accepted", s)
		}
	}
}

func TestEnvKeyLeavesNoFile(t *testing.T) {
	dir := t.TempDir()
	if _, err := pii.LoadOrCreate(dir, strings.Repeat("01", 32)); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(dir, pii.FileName)); !os.IsNotExist(err) {
		t.Errorf("a key file was written despite TALENTD_PII_KEY: %v", err)
	}
}
