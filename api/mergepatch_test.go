package api

import (
	"encoding/json"
	"testing"
)

// TestMergePatch runs the examples of RFC 7396, Appendix A, and the cases
// the API relies on.
func TestMergePatch(t *testing.T) {
	cases := []struct{ target, patch, want string }{
		{`{"a":"b"}`, `{"a":"c"}`, `{"a":"c"}`},
		{`{"a":"b"}`, `{"b":"c"}`, `{"a":"b","b":"c"}`},
		{`{"a":"b"}`, `{"a":null}`, `{}`},
		{`{"a":"b","b":"c"}`, `{"a":null}`, `{"b":"c"}`},
		{`{"a":["b"]}`, `{"a":"c"}`, `{"a":"c"}`},
		{`{"a":"c"}`, `{"a":["b"]}`, `{"a":["b"]}`},
		{`{"a":{"b":"c"}}`, `{"a":{"b":"d","c":null}}`, `{"a":{"b":"d"}}`},
		{`{"a":[{"b":"c"}]}`, `{"a":[1]}`, `{"a":[1]}`},
		{`["a","b"]`, `["c","d"]`, `["c","d"]`},
		{`{"a":"b"}`, `["c"]`, `["c"]`},
		{`{"a":"foo"}`, `null`, `null`},
		{`{"a":"foo"}`, `"bar"`, `"bar"`},
		{`{"e":null}`, `{"a":1}`, `{"a":1,"e":null}`},
		{`[1,2]`, `{"a":"b","c":null}`, `{"a":"b"}`},
		{`{}`, `{"a":{"bb":{"ccc":null}}}`, `{"a":{"bb":{}}}`},
		// nested objects merge member by member; arrays of objects are replaced whole
		{`{"employer":{"uscc":"X","name":"A"},"team":[{"name":"a"},{"name":"b"}]}`,
			`{"employer":{"name":"B"},"team":[{"name":"c"}]}`,
			`{"employer":{"uscc":"X","name":"B"},"team":[{"name":"c"}]}`},
		// removing an absent member changes nothing
		{`{"a":1}`, `{"b":null}`, `{"a":1}`},
	}
	for _, c := range cases {
		var target, patch, want any
		mustUnmarshal(t, c.target, &target)
		mustUnmarshal(t, c.patch, &patch)
		mustUnmarshal(t, c.want, &want)
		before, _ := json.Marshal(target)
		got := mergePatch(target, patch)
		if g, w := mustMarshal(t, got), mustMarshal(t, want); g != w {
			t.Errorf("mergePatch(%s, %s) = %s, want %s", c.target, c.patch, g, w)
		}
		if after, _ := json.Marshal(target); string(after) != string(before) {
			t.Errorf("mergePatch(%s, %s) modified the target to %s", c.target, c.patch, after)
		}
	}
}

func mustUnmarshal(t *testing.T, s string, v any) {
	t.Helper()
	if err := json.Unmarshal([]byte(s), v); err != nil {
		t.Fatalf("unmarshal %s: %v", s, err)
	}
}

func mustMarshal(t *testing.T, v any) string {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}
