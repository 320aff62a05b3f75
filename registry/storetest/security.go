package storetest

import (
	"io"
	"testing"

	"talentd/registry"
)

// Security is what RunSecurity tests: a store's API keys and audit trail.
type Security interface {
	registry.KeyStore
	registry.AuditLog
}

// Tamper edits a store's stored audit trail behind its back, the way
// someone with write access to the database would: Modify changes the
// action of entry seq in place (hash left as it was), Delete removes entry
// seq. Both fail the test if they cannot.
type Tamper struct {
	Modify func(t *testing.T, seq int64)
	Delete func(t *testing.T, seq int64)
}

type securityCase struct {
	name string
	fn   func(t *testing.T, s Security)
}

// RunSecurity runs the KeyStore and AuditLog contract against stores made
// by open, one fresh, empty store per subtest; a store that is an
// io.Closer is closed when its subtest ends. open may register other
// clean-up but must not close the store.
func RunSecurity(t *testing.T, open func(t *testing.T) Security) {
	groups := [][]securityCase{keyCases, auditCases}
	for _, g := range groups {
		for _, c := range g {
			t.Run(c.name, func(t *testing.T) {
				s := open(t)
				closeWhenDone(t, s)
				c.fn(t, s)
			})
		}
	}
}

// RunAuditTamper checks that VerifyAuditLog finds edits made straight in
// the store's database: open returns a fresh, empty store and the means to
// tamper with it.
func RunAuditTamper(t *testing.T, open func(t *testing.T) (Security, Tamper)) {
	for _, c := range tamperCases {
		t.Run(c.name, func(t *testing.T) {
			s, tamper := open(t)
			closeWhenDone(t, s)
			c.fn(t, s, tamper)
		})
	}
}

func closeWhenDone(t *testing.T, s any) {
	if c, ok := s.(io.Closer); ok {
		t.Cleanup(func() {
			if err := c.Close(); err != nil {
				t.Errorf("Close: %v", err)
			}
		})
	}
}
