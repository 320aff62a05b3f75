package sqlite

import (
	"testing"

	"talentd/registry"
	"talentd/registry/storetest"
)

// TestStoreContractWalks runs the contract once per walk a filtered list
// can take, since the fixtures are too small to reach rareRows either way.
func TestStoreContractWalks(t *testing.T) {
	for _, c := range []struct {
		name string
		rare int
	}{{"records drive", 0}, {"any filter drives", 1 << 30}} {
		t.Run(c.name, func(t *testing.T) {
			storetest.Run(t, func(t *testing.T) registry.Store {
				s, err := Open(t.TempDir())
				if err != nil {
					t.Fatalf("Open: %v", err)
				}
				s.rareRows = c.rare
				return s
			})
		})
	}
}
