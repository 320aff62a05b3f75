package registry

import (
	"fmt"
	"slices"
	"strings"
)

// tableRoles are the API key roles in the table's column order.
var tableRoles = []Role{RoleAdmin, RoleOfficer, RoleEnclave, RoleFinance, RoleAuditor}

// PermissionTable renders Permissions as a Markdown table: one row per
// kind and action, one column per role. "✓" is everywhere; "area" is the
// officer's own area only; "own" is the enclave key's own enclave only.
func PermissionTable() string {
	var b strings.Builder
	b.WriteString("| kind | action |")
	for _, r := range tableRoles {
		fmt.Fprintf(&b, " %s |", r)
	}
	b.WriteString("\n|---|---|" + strings.Repeat("---|", len(tableRoles)) + "\n")
	for _, g := range Permissions {
		kind := string(g.Kind)
		if g.Kind == NoKind {
			kind = "—"
		}
		fmt.Fprintf(&b, "| %s | `%s` |", kind, g.Action)
		for _, r := range tableRoles {
			fmt.Fprintf(&b, " %s |", cell(g, r))
		}
		b.WriteString("\n")
	}
	return b.String()
}

func cell(g Grant, r Role) string {
	switch {
	case !slices.Contains(g.Roles, r):
		return ""
	case r == RoleOfficer && g.Kind != NoKind:
		return "area"
	case r == RoleEnclave && g.Kind != NoKind:
		return "own"
	}
	return "✓"
}
