package events_test

import (
	"strings"
	"testing"

	"talentd/events"
)

func TestSubjectsUnderPrefix(t *testing.T) {
	tests := []struct {
		prefix, typ, subject string
	}{
		{"", events.EnclaveRecognized, "talent.enclave.recognized"},
		{"acme", events.EnclaveRecognized, "acme.talent.enclave.recognized"},
		{"acme", events.SubjectStatusChanged(events.KindExpert), "acme.talent.expert.status_changed"},
	}
	for _, tt := range tests {
		got := events.Subject(tt.prefix, tt.typ)
		if got != tt.subject {
			t.Errorf("Subject(%q, %q) = %q, want %q", tt.prefix, tt.typ, got, tt.subject)
		}
		if typ, ok := events.TypeOf(tt.prefix, got); !ok || typ != tt.typ {
			t.Errorf("TypeOf(%q, %q) = %q %v", tt.prefix, got, typ, ok)
		}
	}
	if _, ok := events.TypeOf("acme", "other.talent.enclave.recognized"); ok {
		t.Error("TypeOf accepted another prefix's subject")
	}
}

func TestValidPrefix(t *testing.T) {
	for p, ok := range map[string]bool{"": true, "acme": true, "t_1-x": true, "a.b": false, "talent": false,
		"talentdlq": false, "a>": false, "a b": false, strings.Repeat("a", 33): false} {
		if err := events.ValidPrefix(p); (err == nil) != ok {
			t.Errorf("ValidPrefix(%q) = %v", p, err)
		}
	}
}

func TestTypesFollowTheContract(t *testing.T) {
	seen := map[string]bool{}
	for _, typ := range events.Types() {
		if seen[typ] {
			t.Errorf("%s listed twice", typ)
		}
		seen[typ] = true
		parts := strings.Split(typ, ".")
		if len(parts) != 3 || parts[0] != events.Root {
			t.Errorf("%s is not talent.<kind>.<event>", typ)
		}
	}
	if len(seen) != 4*4+7 {
		t.Errorf("%d types, want 23", len(seen))
	}
}
