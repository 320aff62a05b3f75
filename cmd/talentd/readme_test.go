package main

import (
	"flag"
	"fmt"
	"os"
	"strings"
	"testing"
)

var updateReadme = flag.Bool("update-readme", false, "rewrite the README's configuration table")

// configTable renders the README's configuration table from settings().
func configTable() string {
	var b strings.Builder
	b.WriteString("| flag | environment | default | what it does |\n|---|---|---|---|\n")
	for _, s := range settings() {
		def := s.def
		if def == "" {
			def = "—"
		} else {
			def = "`" + def + "`"
		}
		fmt.Fprintf(&b, "| `-%s` | `%s` | %s | %s |\n", s.flag, s.env, def, s.usage)
	}
	return b.String()
}

// TestReadmeConfigTable keeps the README's configuration table equal to the
// settings talentd really reads (go test ./cmd/talentd -update-readme
// rewrites it).
func TestReadmeConfigTable(t *testing.T) {
	const path = "../../README.md"
	const open, close = "<!-- config-table: generated from cmd/talentd/config.go; a test keeps it true -->\n", "<!-- /config-table -->"
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	readme := string(b)
	i, j := strings.Index(readme, open), strings.Index(readme, close)
	if i < 0 || j < i {
		t.Fatalf("README lacks the config-table markers")
	}
	want := configTable()
	if got := readme[i+len(open) : j]; got != want {
		if *updateReadme {
			readme = readme[:i+len(open)] + want + readme[j:]
			if err := os.WriteFile(path, []byte(readme), 0o644); err != nil {
				t.Fatal(err)
			}
			return
		}
		t.Errorf("README configuration table is stale; run go test ./cmd/talentd -run TestReadmeConfigTable -update-readme\nwant:\n%s", want)
	}
}
