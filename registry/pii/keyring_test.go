package pii_test

import (
	"bytes"
	"encoding/base64"
	"errors"
	"strings"
	"testing"

	"talentd/registry/pii"
)

func key(b byte) []byte { return bytes.Repeat([]byte{b}, pii.KeySize) }

func mustNew(t *testing.T, keys ...[]byte) *pii.Keyring {
	t.Helper()
	k, err := pii.New(keys...)
	if err != nil {
		t.Fatalf("New: %v", err)
	}
	return k
}

func mustSeal(t *testing.T, k *pii.Keyring, v string) string {
	t.Helper()
	s, err := k.Seal(v)
	if err != nil {
		t.Fatalf("Seal: %v", err)
	}
	return s
}

func TestSealOpenRoundTrip(t *testing.T) {
	k := mustNew(t, key(1))
	for _, v := range []string{"371302199001011234", "13800138000", "E12345678", "张", ""} {
		s := mustSeal(t, k, v)
		got, err := k.Open(s)
		if err != nil || got != v {
			t.Errorf("Open(Seal(%q)) = %q, %v", v, got, err)
		}
	}
}

func TestSealedFormHidesTheValue(t *testing.T) {
	k := mustNew(t, key(1))
	v := "371302199001011234"
	a, b := mustSeal(t, k, v), mustSeal(t, k, v)
	if a == b {
		t.Error("sealing twice gave the same text; nonces must differ")
	}
	for _, s := range []string{a, b} {
		if !strings.HasPrefix(s, "pii:v1:"+k.ActiveKeyID()+":") {
			t.Errorf("sealed %q does not name the active key", s)
		}
		raw, _ := base64.RawURLEncoding.DecodeString(s[strings.LastIndex(s, ":")+1:])
		if strings.Contains(s, "1234") || bytes.Contains(raw, []byte(v)) || bytes.Contains(raw, []byte("19900101")) {
			t.Errorf("sealed form %q shows part of the clear value", s)
		}
	}
}

func TestOpenRefusesTampering(t *testing.T) {
	k := mustNew(t, key(1))
	s := mustSeal(t, k, "13800138000")
	id, _ := pii.SealedKeyID(s)
	body := s[strings.LastIndex(s, ":")+1:]
	raw, _ := base64.RawURLEncoding.DecodeString(body)
	flip := func(i int) string {
		c := bytes.Clone(raw)
		c[i] ^= 1
		return "pii:v1:" + id + ":" + base64.RawURLEncoding.EncodeToString(c)
	}
	cases := map[string]string{
		"nonce bit":      flip(0),
		"ciphertext bit": flip(14),
		"tag bit":        flip(len(raw) - 1),
		"truncated":      s[:len(s)-4],
		"no prefix":      strings.TrimPrefix(s, "pii:"),
		"clear value":    "13800138000",
		"bad base64":     "pii:v1:" + id + ":!!!",
		"empty body":     "pii:v1:" + id + ":",
	}
	for name, bad := range cases {
		t.Run(name, func(t *testing.T) {
			got, err := k.Open(bad)
			if !errors.Is(err, pii.ErrCorrupt) || got != "" {
				t.Fatalf("Open = %q, %v; want ErrCorrupt", got, err)
			}
			if strings.Contains(err.Error(), "138") {
				t.Errorf("error %q shows the value", err)
			}
		})
	}
}

func TestOpenWithWrongKey(t *testing.T) {
	s := mustSeal(t, mustNew(t, key(1)), "13800138000")
	other := mustNew(t, key(2))
	if _, err := other.Open(s); !errors.Is(err, pii.ErrUnknownKey) {
		t.Errorf("Open under another keyring: %v, want ErrUnknownKey", err)
	}
	// A value relabelled with the other key's id still does not open.
	relabelled := strings.Replace(s, mustNew(t, key(1)).ActiveKeyID(), other.ActiveKeyID(), 1)
	if _, err := other.Open(relabelled); !errors.Is(err, pii.ErrCorrupt) {
		t.Errorf("Open relabelled: %v, want ErrCorrupt", err)
	}
}

func TestIndex(t *testing.T) {
	k := mustNew(t, key(1))
	a, b := k.Index("CN_ID:371302199001011234"), k.Index("CN_ID:371302199001011234")
	if a != b || len(a) != 64 {
		t.Fatalf("Index not stable 64-hex: %q %q", a, b)
	}
	if a == k.Index("CN_ID:371302199001011235") {
		t.Error("different values share an index")
	}
	if a == mustNew(t, key(2)).Index("CN_ID:371302199001011234") {
		t.Error("index does not depend on the key")
	}
	if strings.Contains(a, "371302") {
		t.Error("index shows the value")
	}
}

func TestNewRefusesBadKeys(t *testing.T) {
	cases := map[string][][]byte{
		"none":      nil,
		"short":     {make([]byte, 16)},
		"duplicate": {key(1), key(1)},
	}
	for name, keys := range cases {
		if _, err := pii.New(keys...); err == nil {
			t.Errorf("%s: New accepted", name)
		}
	}
}
