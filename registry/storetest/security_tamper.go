package storetest

import (
	"errors"
	"testing"

	"talentd/registry"
)

type tamperCase struct {
	name string
	fn   func(t *testing.T, s Security, tamper Tamper)
}

var tamperCases = []tamperCase{
	{"Modified", func(t *testing.T, s Security, tamper Tamper) {
		appendN(t, s, 6)
		tamper.Modify(t, 3)
		checkBroken(t, s, 3)
	}},
	{"ModifiedFirst", func(t *testing.T, s Security, tamper Tamper) {
		appendN(t, s, 3)
		tamper.Modify(t, 1)
		checkBroken(t, s, 1)
	}},
	{"DeletedMiddle", func(t *testing.T, s Security, tamper Tamper) {
		appendN(t, s, 6)
		tamper.Delete(t, 4)
		checkBroken(t, s, 4)
	}},
	{"DeletedLast", func(t *testing.T, s Security, tamper Tamper) {
		appendN(t, s, 6)
		tamper.Delete(t, 6)
		checkBroken(t, s, 6)
	}},
	{"ModifiedThenDeletedEarlier", func(t *testing.T, s Security, tamper Tamper) {
		appendN(t, s, 6)
		tamper.Modify(t, 5)
		tamper.Delete(t, 2)
		checkBroken(t, s, 2)
	}},
	{"AppendAfterTamperingStaysBroken", func(t *testing.T, s Security, tamper Tamper) {
		appendN(t, s, 4)
		tamper.Delete(t, 2)
		if _, err := s.AppendAudit(ctxOf(t), NewAuditEntry(9, "rec_0", "update")); err != nil {
			t.Fatalf("AppendAudit after tampering: %v", err)
		}
		checkBroken(t, s, 2)
	}},
}

// checkBroken asserts VerifyAuditLog reports seq as the first broken link.
func checkBroken(t *testing.T, s Security, seq int64) {
	t.Helper()
	first, err := registry.VerifyAuditLog(ctxOf(t), s)
	var b *registry.ChainBreak
	if first != seq || !errors.As(err, &b) || b.Seq != seq {
		t.Errorf("VerifyAuditLog = %d, %v; want the first break at %d", first, err, seq)
	}
}
