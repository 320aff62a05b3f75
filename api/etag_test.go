package api

import (
	"net/http/httptest"
	"slices"
	"testing"
)

func TestIfMatch(t *testing.T) {
	cases := []struct {
		headers []string
		present bool
		matches []int64 // versions that match (of 1..4)
		single  int64   // 0: not single
	}{
		{nil, false, nil, 0},
		{[]string{`"3"`}, true, []int64{3}, 3},
		{[]string{`"1", "3"`}, true, []int64{1, 3}, 0},
		{[]string{`"1"`, `"2"`}, true, []int64{1, 2}, 0},
		{[]string{`*`}, true, []int64{1, 2, 3, 4}, 0},
		{[]string{`W/"3"`}, true, nil, 0},
		{[]string{`3`}, true, nil, 0},
		{[]string{`"abc"`}, true, nil, 0},
		{[]string{`"0"`}, true, nil, 0},
		{[]string{`""`}, true, nil, 0},
		{[]string{`W/"2", "4"`}, true, []int64{4}, 4},
	}
	for _, c := range cases {
		r := httptest.NewRequest("PATCH", "/", nil)
		for _, h := range c.headers {
			r.Header.Add("If-Match", h)
		}
		p := ifMatchOf(r)
		if p.present != c.present {
			t.Errorf("%q: present %v, want %v", c.headers, p.present, c.present)
		}
		for v := int64(1); v <= 4; v++ {
			if got, want := p.matches(v), slices.Contains(c.matches, v); got != want {
				t.Errorf("%q: matches(%d) = %v, want %v", c.headers, v, got, want)
			}
		}
		if v, ok := p.single(); (c.single != 0) != ok || v != c.single {
			t.Errorf("%q: single() = %d, %v, want %d", c.headers, v, ok, c.single)
		}
	}
}

func TestETag(t *testing.T) {
	if got := etag(12); got != `"12"` {
		t.Errorf("etag(12) = %s", got)
	}
	if v, ok := parseETag(etag(12)); !ok || v != 12 {
		t.Errorf("parseETag(etag(12)) = %d, %v", v, ok)
	}
}
