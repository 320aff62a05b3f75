package registry_test

import (
	"testing"

	"talentd/registry/registrytest"
)

// BenchmarkServiceCreate is Service.Create of a talent on SQLite as the API
// calls it, without HTTP: validation, sealing, identity hash, the store
// write with its outbox event and, in the same transaction, its audit
// entry.
func BenchmarkServiceCreate(b *testing.B) {
	env := registrytest.NewEnv(b)
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		if _, _, err := env.Service.Create(ctx, lanshan, registrytest.Talent("371302", i), nil); err != nil {
			b.Fatal(err)
		}
	}
}
