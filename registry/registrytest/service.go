package registrytest

import (
	"testing"
	"time"

	"talentd/registry"
	"talentd/registry/pii"
	"talentd/registry/sqlite"
)

// FixedClock is a Clock that says At until moved.
type FixedClock struct{ At time.Time }

// Now implements registry.Clock.
func (c *FixedClock) Now() time.Time { return c.At }

// Env is a Service over a real SQLite store in a temporary directory.
type Env struct {
	Service *registry.Service
	Store   *sqlite.Store
	Keys    *pii.Keyring
	Clock   *FixedClock
	Dir     string
}

// NewEnv opens a fresh SQLite store and keyring under t.TempDir() and wires a
// Service with the default areas and a clock fixed at 2026-11-27 10:00 in
// Shanghai. The store is closed when the test ends.
func NewEnv(t testing.TB) *Env {
	t.Helper()
	dir := t.TempDir()
	st := SQLite(t, dir)
	keys, err := pii.LoadOrCreate(dir, "")
	if err != nil {
		t.Fatal(err)
	}
	clock := &FixedClock{At: time.Date(2026, 11, 27, 10, 0, 0, 0, registry.Shanghai)}
	svc := registry.NewService(registry.ServiceConfig{
		Store: st, Checker: registry.NewValidator(registry.AreaCodes(registry.DefaultAreas)),
		Protector: keys, Clock: clock, Audit: st,
	})
	return &Env{Service: svc, Store: st, Keys: keys, Clock: clock, Dir: dir}
}

// SQLite opens the SQLite store in dir (t.TempDir(), as a rule) and closes
// it when the test ends.
func SQLite(t testing.TB, dir string) *sqlite.Store {
	t.Helper()
	st, err := sqlite.Open(dir)
	if err != nil {
		t.Fatalf("registrytest: open SQLite store: %v", err)
	}
	t.Cleanup(func() { st.Close() })
	return st
}
