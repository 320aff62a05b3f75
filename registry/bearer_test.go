package registry_test

import (
	"errors"
	"strings"
	"testing"

	"talentd/registry"
)

const tok = "tk_0123456789abcdefghijABCDEFGHIJ0123456789xyz"

func TestParseBearer(t *testing.T) {
	cases := []struct {
		header string
		want   string // "" = refused
	}{
		{"Bearer " + tok, tok},
		{"bearer " + tok, tok},
		{"BEARER " + tok, tok},
		{"bEaReR " + tok, tok},
		{"Bearer " + strings.Repeat("a", 30) + "==", strings.Repeat("a", 30) + "=="},
		{"Bearer a-b.c_d~e+f/" + strings.Repeat("g", 20), "a-b.c_d~e+f/" + strings.Repeat("g", 20)},
		{"", ""},
		{"Bearer", ""},
		{"Bearer ", ""},
		{"Bearer  " + tok, ""},
		{"Bearer\t" + tok, ""},
		{" Bearer " + tok, ""},
		{"Bearer " + tok + " ", ""},
		{"Bearer " + tok + "\n", ""},
		{"Basic " + tok, ""},
		{"Bearertk_" + tok, ""},
		{"Token " + tok, ""},
		{tok, ""},
		{"Bearer " + tok[:31], ""},
		{"Bearer " + strings.Repeat("a", 257), ""},
		{"Bearer =" + tok, ""},
		{"Bearer " + tok + "=a", ""},
		{"Bearer " + tok[:20] + "\x00" + tok[21:], ""},
		{"Bearer " + strings.Repeat("é", 20), ""},
		{"Bearer " + tok + "," + tok, ""},
	}
	for _, c := range cases {
		got, err := registry.ParseBearer(c.header)
		if got != c.want || (c.want == "") != (err != nil) {
			t.Errorf("ParseBearer(%q) = %q, %v; want %q", c.header, got, err, c.want)
		}
		if err != nil && (!errors.Is(err, registry.ErrUnauthenticated) || strings.Contains(err.Error(), "tk_")) {
			t.Errorf("ParseBearer(%q) error %q: not ErrUnauthenticated or shows the token", c.header, err)
		}
	}
}

func FuzzParseBearer(f *testing.F) {
	for _, s := range []string{"Bearer " + tok, "bearer abc", "Bearer  x", "Basic x", "Bearer " + strings.Repeat("=", 40)} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, header string) {
		secret, err := registry.ParseBearer(header)
		if err != nil {
			if secret != "" || !errors.Is(err, registry.ErrUnauthenticated) {
				t.Fatalf("failure returned %q, %v", secret, err)
			}
			return
		}
		if !strings.EqualFold(header[:7], "Bearer ") || header[7:] != secret {
			t.Fatalf("accepted %q as %q", header, secret)
		}
		if registry.CheckSecret(secret) != nil {
			t.Fatalf("accepted %q, which is no acceptable secret", secret)
		}
	})
}
