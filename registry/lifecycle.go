package registry

import "slices"

// Lifecycle is a kind's state machine.
type Lifecycle struct {
	// Initial is the state a new record starts in; only there may it be deleted.
	Initial Status
	// edges lists, per state, the states it may move to.
	edges map[Status][]Status
	// guard, if set, narrows the edges for a particular record.
	guard func(r Record, from, to Status) bool
}

// Next returns the states r may move to from its current status, in a
// stable order.
func (l Lifecycle) Next(r Record) []Status {
	from := r.Base().Status
	var out []Status
	for _, to := range l.edges[from] {
		if l.guard == nil || l.guard(r, from, to) {
			out = append(out, to)
		}
	}
	return out
}

// Allows reports whether r may move to the state to.
func (l Lifecycle) Allows(r Record, to Status) bool { return slices.Contains(l.Next(r), to) }

// States lists every state of the lifecycle.
func (l Lifecycle) States() []Status {
	seen := []Status{l.Initial}
	for from, tos := range l.edges {
		for _, s := range append([]Status{from}, tos...) {
			if !slices.Contains(seen, s) {
				seen = append(seen, s)
			}
		}
	}
	slices.Sort(seen[1:])
	return seen
}

// talentLifecycle: DRAFT → SUBMITTED → UNDER_REVIEW → APPROVED | REJECTED;
// UNDER_REVIEW → RECOMMENDED → APPROVED | REJECTED (national programmes);
// APPROVED → ACTIVE → COMPLETED | TERMINATED; ACTIVE ⇄ SUSPENDED; the
// competition path APPROVED → AWARDED_PENDING_LANDING → ACTIVE | LAPSED; any
// state before ACTIVE → WITHDRAWN.
var talentLifecycle = Lifecycle{
	Initial: TalentDraft,
	edges: map[Status][]Status{
		TalentDraft:                 {TalentSubmitted, TalentWithdrawn},
		TalentSubmitted:             {TalentUnderReview, TalentWithdrawn},
		TalentUnderReview:           {TalentApproved, TalentRejected, TalentRecommended, TalentWithdrawn},
		TalentRecommended:           {TalentApproved, TalentRejected, TalentWithdrawn},
		TalentApproved:              {TalentActive, TalentAwardedPendingLanding, TalentWithdrawn},
		TalentAwardedPendingLanding: {TalentActive, TalentLapsed, TalentWithdrawn},
		TalentActive:                {TalentCompleted, TalentTerminated, TalentSuspended},
		TalentSuspended:             {TalentActive},
	},
	guard: func(r Record, from, to Status) bool {
		t := r.(*Talent)
		competition := t.Channel == ChannelCompetition
		switch {
		case to == TalentRecommended:
			return t.Channel == ChannelNationalProgram
		case from == TalentApproved && to == TalentActive:
			return !competition // a competition winner must land first
		case to == TalentAwardedPendingLanding:
			return competition
		}
		return true
	},
}

// expertLifecycle: PROSPECT → ACTIVE → LEFT; ACTIVE → PERMIT_EXPIRED when
// the work permit lapses unrenewed; PERMIT_EXPIRED → ACTIVE on a renewed
// permit.
var expertLifecycle = Lifecycle{
	Initial: ExpertProspect,
	edges: map[Status][]Status{
		ExpertProspect:      {ExpertActive},
		ExpertActive:        {ExpertLeft, ExpertPermitExpired},
		ExpertPermitExpired: {ExpertActive},
	},
}

// workstationLifecycle: PLANNED → FILING_SUBMITTED → PUBLIC_NOTICE → FILED
// → OPERATING; the review states → RETURNED → FILING_SUBMITTED and →
// REJECTED; OPERATING → RECTIFYING → OPERATING | REVOKED; OPERATING → ENDED.
var workstationLifecycle = Lifecycle{
	Initial: StationPlanned,
	edges: map[Status][]Status{
		StationPlanned:         {StationFilingSubmitted},
		StationFilingSubmitted: {StationPublicNotice, StationReturned, StationRejected},
		StationPublicNotice:    {StationFiled, StationReturned, StationRejected},
		StationReturned:        {StationFilingSubmitted},
		StationFiled:           {StationOperating},
		StationOperating:       {StationRectifying, StationEnded},
		StationRectifying:      {StationOperating, StationRevoked},
	},
}

// enclaveLifecycle: DRAFT → APPLIED → PUBLIC_NOTICE → RECOGNIZED →
// OPERATING; APPLIED → REJECTED; OPERATING → RECTIFYING → OPERATING |
// REVOKED; OPERATING → EXPIRED | EXITED.
var enclaveLifecycle = Lifecycle{
	Initial: EnclaveDraft,
	edges: map[Status][]Status{
		EnclaveDraft:        {EnclaveApplied},
		EnclaveApplied:      {EnclavePublicNotice, EnclaveRejected},
		EnclavePublicNotice: {EnclaveRecognized},
		EnclaveRecognized:   {EnclaveOperating},
		EnclaveOperating:    {EnclaveRectifying, EnclaveExpired, EnclaveExited},
		EnclaveRectifying:   {EnclaveOperating, EnclaveRevoked},
	},
}

// Lifecycle implements Record.
func (t *Talent) Lifecycle() Lifecycle { return talentLifecycle }

// Lifecycle implements Record.
func (e *Expert) Lifecycle() Lifecycle { return expertLifecycle }

// Lifecycle implements Record.
func (w *Workstation) Lifecycle() Lifecycle { return workstationLifecycle }

// Lifecycle implements Record.
func (e *Enclave) Lifecycle() Lifecycle { return enclaveLifecycle }

// LifecycleOf returns the kind's lifecycle.
func LifecycleOf(k Kind) Lifecycle { return NewRecord(k).Lifecycle() }
