package registry

import (
	"bytes"
	"errors"
	"strings"
	"testing"
)

// FuzzValidate decodes arbitrary JSON as a record of any kind, validates
// and normalises it: nothing may panic, every problem names a JSON path
// (never a Go name) and a code, and normalising twice changes nothing.
func FuzzValidate(f *testing.F) {
	for i, r := range []Record{validTalent(), validForeignExpert(), validWorkstation(), validEnclave()} {
		doc, err := EncodeRecord(r)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(uint8(i), doc)
	}
	f.Add(uint8(0), []byte(`{"id_doc":{"type":"PR_CARD","number":"911398199012310021"},"gender":"MALE","channel":"LEADER_TEAM_PROJECT","team":[{}],"agreement":{"start":"2025-01-01","end":"x"}}`))
	f.Add(uint8(0), []byte(`{"channel":"UNI_ENTERPRISE_JOINT","employment":"VIA_ENCLAVE","competition":{},"co_employer":{"uscc":"9"}}`))
	f.Add(uint8(1), []byte(`{"kind":"ACADEMICIAN_CAS","nationality":"usa","work_permit":{"valid_to":"2030-01-01"},"passport":{"valid_to":"2029-01-01"}}`))
	f.Add(uint8(2), []byte(`{"academicians":[{"expert_id":"exp_1","role":"LEAD"},{"expert_id":"exp_1","role":"LEAD"}],"filing":{}}`))
	f.Add(uint8(3), []byte(`{"contacts":[{}],"recognition":{"recognized_on":"2024-02-29"},"floor_area_m2":-1}`))
	f.Add(uint8(0), []byte(`null`))
	v := NewValidator(nil)
	f.Fuzz(func(t *testing.T, k uint8, doc []byte) {
		r, err := DecodeRecord(Kinds[int(k)%len(Kinds)], doc)
		if err != nil {
			return
		}
		checkProblems(t, v.Validate(r, testNow))
		Normalize(r)
		once, err := EncodeRecord(r)
		if err != nil {
			t.Fatal(err)
		}
		Normalize(r)
		twice, _ := EncodeRecord(r)
		if !bytes.Equal(once, twice) {
			t.Fatalf("Normalize is not idempotent:\n%s\n%s", once, twice)
		}
		checkProblems(t, v.Validate(r, testNow))
	})
}

func checkProblems(t *testing.T, err error) {
	t.Helper()
	if err == nil {
		return
	}
	var verr *ValidationError
	if !errors.As(err, &verr) || len(verr.Problems) == 0 {
		t.Fatalf("Validate returned %v", err)
	}
	for _, p := range verr.Problems {
		if p.Field == "" || p.Code == "" || strings.ToLower(p.Field) != p.Field || strings.ToLower(p.Code) != p.Code {
			t.Fatalf("problem %+v", p)
		}
	}
}
