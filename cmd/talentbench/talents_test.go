package main

import (
	"testing"
	"time"

	"talentd/registry"
)

func TestTalentsAreValid(t *testing.T) {
	areas := registry.AreaCodes(registry.DefaultAreas)
	v := registry.NewValidator(areas)
	now := time.Date(2026, 11, 27, 10, 0, 0, 0, registry.Shanghai)
	gen := talents{seed: 5, areas: areas}
	for i := range int64(500) {
		tal := gen.talent(i)
		registry.Normalize(tal)
		if err := v.Validate(tal, now); err != nil {
			t.Fatalf("talent %d is invalid: %v", i, err)
		}
	}
}

func TestResidentIDsDistinct(t *testing.T) {
	seen := map[string]bool{}
	now := time.Now()
	indices := []int64{0, 1, 27, 28, 335, 336, 13439, 13440, 13441, warmupBase, warmupBase + 1, prefillBase, maxTalents - 1}
	for _, seed := range []uint64{1, 2, 889_999} {
		for _, i := range indices {
			id := residentID(seed, i)
			if _, err := registry.ParseResidentID(id, now); err != nil {
				t.Errorf("seed %d talent %d: %v", seed, i, err)
			}
			if seen[id] {
				t.Errorf("seed %d talent %d repeats an earlier number", seed, i)
			}
			seen[id] = true
		}
	}
	// Seeds 890,000 apart share address codes, as the -seed help says.
	if residentID(1, 5) != residentID(890_001, 5) {
		t.Errorf("seeds 1 and 890001 differ; the -seed help says they collide")
	}
}

// TestTalentDeterministic: talent i is the same whichever worker asks.
func TestTalentDeterministic(t *testing.T) {
	gen := talents{seed: 3, areas: registry.AreaCodes(registry.DefaultAreas)}
	a, b := createBody(gen.talent(42)), createBody(gen.talent(42))
	if string(a) != string(b) {
		t.Errorf("talent 42 differs between calls:\n%s\n%s", a, b)
	}
	if string(a) == string(createBody(gen.talent(43))) {
		t.Errorf("talents 42 and 43 are equal")
	}
}
