package api

import (
	"net/http/httptest"
	"testing"
)

func TestLangOf(t *testing.T) {
	cases := []struct {
		header string
		want   lang
	}{
		{"", langZH},
		{"en", langEN},
		{"en-US,en;q=0.9", langEN},
		{"zh-CN,zh;q=0.9,en;q=0.8", langZH},
		{"fr-FR,en;q=0.5", langEN},
		{"fr-FR,de;q=0.5", langZH},
		{"en;q=0.3,zh;q=0.7", langZH},
		{"zh;q=0.2, EN-gb;q=0.8", langEN},
		{"en;q=0", langZH},
		{"en;q=bogus", langZH},
		{"*", langZH},
		{"zh-Hant-TW", langZH},
	}
	for _, c := range cases {
		r := httptest.NewRequest("GET", "/", nil)
		if c.header != "" {
			r.Header.Set("Accept-Language", c.header)
		}
		if got := langOf(r); got != c.want {
			t.Errorf("langOf(%q) = %v, want %v", c.header, got, c.want)
		}
	}
}
