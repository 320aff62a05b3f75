package registry

// Role is what a principal may do.
type Role string

// Roles.
const (
	RoleAdmin   Role = "admin"
	RoleOfficer Role = "officer"
	RoleEnclave Role = "enclave"
	RoleFinance Role = "finance"
	RoleAuditor Role = "auditor"
	// RoleSystem is talentd itself (workers, command-line chores).
	RoleSystem Role = "system"
)

// Principal is who makes a request: an API key's holder, or talentd itself.
type Principal struct {
	KeyID     string
	Name      string
	Role      Role
	Area      string // an officer's area
	EnclaveID string // an enclave key's enclave
}

// System is the principal of talentd's own work.
var System = Principal{KeyID: "system", Name: "talentd", Role: RoleSystem}

// Actor is how the principal is named in status_history and created_by.
func (p Principal) Actor() string {
	if p.KeyID == "" {
		return p.Name
	}
	return p.KeyID
}
