package registry

import (
	"slices"
	"strings"
)

// Action is something a principal does to a kind of record.
type Action string

// Actions. A lifecycle move is TransitionAction(to).
const (
	ActionRead           Action = "read"
	ActionCreate         Action = "create"
	ActionUpdate         Action = "update"
	ActionDelete         Action = "delete"
	ActionRevealPII      Action = "reveal_pii"      // see personal numbers in clear
	ActionUpdateContacts Action = "update_contacts" // an enclave's contacts only
	ActionApproveTranche Action = "approve_tranche"
	ActionDisburse       Action = "disburse" // record a tranche's disbursement
	ActionAuditRead      Action = "audit:read"
	ActionKeysManage     Action = "keys:manage"
	ActionDLQManage      Action = "dlq:manage"
)

// TransitionAction is the action of moving a record to the state to.
func TransitionAction(to Status) Action { return Action("transition:" + string(to)) }

// Guarded things that are not one of the four record kinds. NoKind goes
// with the actions that are about no kind (audit:read, keys:manage,
// dlq:manage).
const (
	NoKind            Kind = ""
	ResourceReports   Kind = "reports"   // enclave status reports
	ResourceSubsidies Kind = "subsidies" // subsidies and their tranches
	ResourceDeadlines Kind = "deadlines"
	ResourceTargets   Kind = "targets"
)

// ReviewTransitions are the lifecycle moves only an admin (the bureau)
// makes: the review decisions. Every other move is the area officer's
// (submit-type and running the record). Keyed by target state, since each
// of these targets is reached only by a review decision.
var ReviewTransitions = map[Kind][]Status{
	KindTalent:      {TalentApproved, TalentRejected, TalentRecommended},
	KindEnclave:     {EnclavePublicNotice, EnclaveRecognized, EnclaveRejected, EnclaveRevoked},
	KindWorkstation: {StationPublicNotice, StationFiled, StationReturned, StationRejected, StationRevoked},
}

// Grant lets Roles do Action to Kind. Officers are always held to their
// area and enclave keys to their enclave (InScope); the other roles see
// every area.
type Grant struct {
	Kind   Kind
	Action Action
	Roles  []Role
}

// Permissions is the permission matrix. Admins appear in every grant;
// RoleSystem (talentd's own work, never an API key) may do everything; an
// action not listed is refused to all. docs/security.md shows it as a
// table, checked against this data by a test.
var Permissions = buildPermissions()

func buildPermissions() []Grant {
	var g []Grant
	add := func(k Kind, a Action, roles ...Role) {
		g = append(g, Grant{Kind: k, Action: a, Roles: append([]Role{RoleAdmin}, roles...)})
	}
	for _, k := range Kinds {
		readers := []Role{RoleOfficer, RoleAuditor}
		if k == KindEnclave {
			readers = []Role{RoleOfficer, RoleEnclave, RoleAuditor}
		}
		add(k, ActionRead, readers...)
		add(k, ActionCreate, RoleOfficer)
		add(k, ActionUpdate, RoleOfficer)
		add(k, ActionDelete, RoleOfficer)
		if k == KindEnclave {
			add(k, ActionUpdateContacts, RoleOfficer, RoleEnclave)
		}
		add(k, ActionRevealPII)
		for _, to := range transitionTargets(k) {
			if slices.Contains(ReviewTransitions[k], to) {
				add(k, TransitionAction(to))
			} else {
				add(k, TransitionAction(to), RoleOfficer)
			}
		}
	}
	add(ResourceReports, ActionRead, RoleOfficer, RoleEnclave, RoleAuditor)
	add(ResourceReports, ActionCreate, RoleEnclave)
	add(ResourceSubsidies, ActionRead, RoleOfficer, RoleFinance, RoleAuditor)
	add(ResourceSubsidies, ActionUpdate)
	add(ResourceSubsidies, TransitionAction("APPROVED"))
	add(ResourceSubsidies, TransitionAction("CANCELLED"))
	add(ResourceSubsidies, ActionApproveTranche)
	add(ResourceSubsidies, ActionDisburse, RoleFinance)
	add(ResourceDeadlines, ActionRead, RoleOfficer, RoleEnclave, RoleAuditor)
	add(ResourceDeadlines, ActionUpdate) // waive
	add(ResourceTargets, ActionRead, RoleOfficer, RoleFinance, RoleAuditor)
	add(ResourceTargets, ActionUpdate)
	add(NoKind, ActionAuditRead, RoleAuditor)
	add(NoKind, ActionKeysManage)
	add(NoKind, ActionDLQManage)
	return g
}

// transitionTargets lists every state some move of k's lifecycle reaches,
// sorted.
func transitionTargets(k Kind) []Status {
	var out []Status
	for _, tos := range LifecycleOf(k).edges {
		for _, to := range tos {
			if !slices.Contains(out, to) {
				out = append(out, to)
			}
		}
	}
	slices.Sort(out)
	return out
}

// Can reports whether p's role may do a to k at all; whether the record is
// p's to touch is InScope's question.
func Can(p Principal, a Action, k Kind) bool {
	for _, g := range Permissions {
		if g.Kind == k && g.Action == a {
			return p.Role == RoleSystem || slices.Contains(g.Roles, p.Role)
		}
	}
	return false
}

// InScope reports whether a record is within p's reach: for an officer, a
// record of its area; for an enclave key, its own enclave, or something
// that belongs to it (a status report, whose scopeID is the enclave's id).
// scopeID is the record's id for enclaves and the owning enclave's id for
// things that belong to one. Other roles reach everything.
func InScope(p Principal, area, scopeID string) bool {
	switch p.Role {
	case RoleOfficer:
		return p.Area != "" && area == p.Area
	case RoleEnclave:
		return p.EnclaveID != "" && scopeID == p.EnclaveID
	case RoleAdmin, RoleAuditor, RoleFinance, RoleSystem:
		return true
	}
	return false
}

// Scope narrows a list query to what p may see: an officer's area, an
// enclave key's enclave id. Both nil means no narrowing. Call it only after
// Can(p, ActionRead, kind) allowed the list.
func Scope(p Principal) (areas []string, ids []string) {
	switch p.Role {
	case RoleOfficer:
		return []string{p.Area}, nil
	case RoleEnclave:
		return nil, []string{p.EnclaveID}
	}
	return nil, nil
}

// Authorize is Can and InScope together, answered as the API needs: a role
// that may not do a to k at all gets ErrForbidden; a record outside the
// principal's scope is ErrNotFound, so its existence does not leak.
func Authorize(p Principal, a Action, k Kind, area, scopeID string) error {
	if !Can(p, a, k) {
		return &forbidden{role: p.Role, action: a, kind: k}
	}
	if !InScope(p, area, scopeID) {
		return ErrNotFound
	}
	return nil
}

type forbidden struct {
	role   Role
	action Action
	kind   Kind
}

func (f *forbidden) Error() string {
	s := "registry: forbidden: role " + string(f.role) + " may not " + string(f.action)
	if f.kind != NoKind {
		s += " " + string(f.kind)
	}
	return strings.TrimSpace(s)
}

// Is makes errors.Is(err, ErrForbidden) true.
func (f *forbidden) Is(target error) bool { return target == ErrForbidden }
