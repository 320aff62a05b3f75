package mongodb_test

import (
	"os/exec"
	"strings"
	"testing"
)

// TestStoreImportsNoFerretDB keeps FerretDB out of production binaries: only
// the test helper package mongodbtest may bring it in.
func TestStoreImportsNoFerretDB(t *testing.T) {
	if testing.Short() {
		t.Skip("runs go list")
	}
	out, err := exec.Command("go", "list", "-deps", "talentd/registry/mongodb").CombinedOutput()
	if err != nil {
		t.Skipf("go list: %v: %s", err, out)
	}
	for _, dep := range strings.Fields(string(out)) {
		if strings.Contains(dep, "FerretDB") || strings.HasSuffix(dep, "/mongodbtest") {
			t.Fatalf("talentd/registry/mongodb depends on %s", dep)
		}
	}
}
