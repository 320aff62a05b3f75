package registry

import (
	"context"
	"strconv"
	"time"
)

// Transition moves the record kind/id, which must be at version ifMatch, to
// the state to, recording who, when and why in its status history. A move
// the lifecycle does not allow gives a *TransitionError listing the allowed
// next states.
func (s *Service) Transition(ctx context.Context, p Principal, kind Kind, id string, ifMatch int64, to Status, reason string) (Record, error) {
	r, err := s.Read(ctx, p, kind, id)
	if err != nil {
		return nil, err
	}
	if err := authorize(p, TransitionAction(to), r); err != nil {
		return nil, err
	}
	m := r.Base()
	if m.Version != ifMatch {
		return nil, ErrVersionMismatch
	}
	if !r.Lifecycle().Allows(r, to) {
		return nil, &TransitionError{From: m.Status, To: to, Allowed: r.Lifecycle().Next(r)}
	}
	now := s.Now()
	if err := s.enter(r, to, now); err != nil {
		return nil, err
	}
	from := m.Status
	m.StatusHistory = append(m.StatusHistory, StatusChange{From: from, To: to, At: now, By: p.Actor(), Reason: reason})
	m.Status, m.Version, m.UpdatedAt = to, m.Version+1, now
	evs := append([]Event{s.statusEvent(r, from, reason)}, s.arrivalEvents(r, from)...)
	e := s.auditEntry(ctx, p, string(TransitionAction(to)), r, ifMatch, []string{"status"})
	if err := s.write(ctx, r, ifMatch, evs, e); err != nil {
		return nil, err
	}
	return r, s.wrote(ctx, e)
}

// enter applies what arriving in state to implies for the record: the dates
// a recognition or filing gets, and the checks a state needs.
func (s *Service) enter(r Record, to Status, now time.Time) error {
	today := DateOf(now)
	switch t := r.(type) {
	case *Enclave:
		if to == EnclaveRecognized {
			recognize(t, today)
		}
	case *Workstation:
		enterFiling(t, to, today)
	case *Expert:
		if to == ExpertActive && t.Base().Status == ExpertPermitExpired {
			return permitRenewed(t, today)
		}
	}
	return nil
}

func recognize(e *Enclave, today Date) {
	if e.Recognition == nil {
		e.Recognition = &Recognition{}
	}
	if e.Recognition.RecognizedOn == "" {
		e.Recognition.RecognizedOn = today
	}
	if e.Recognition.BatchYear == 0 {
		y, _ := strconv.Atoi(string(e.Recognition.RecognizedOn)[:4])
		e.Recognition.BatchYear = y
	}
	if e.ValidTo == "" {
		e.ValidTo = e.Recognition.RecognizedOn.AddYears(RecognitionYears)
	}
}

func enterFiling(w *Workstation, to Status, today Date) {
	if to != StationFilingSubmitted && to != StationFiled {
		return
	}
	if w.Filing == nil {
		w.Filing = &Filing{Authority: DefaultFilingAuthority}
	}
	if to == StationFilingSubmitted {
		w.Filing.SubmittedOn = today
	} else if w.Filing.FiledOn == "" {
		w.Filing.FiledOn = today
	}
}

// permitRenewed allows PERMIT_EXPIRED → ACTIVE only with a work permit valid
// beyond today.
func permitRenewed(e *Expert, today Date) error {
	if e.WorkPermit == nil || e.WorkPermit.ValidTo <= today {
		v := &ValidationError{}
		v.Add("work_permit.valid_to", "permit_not_renewed", string(today))
		return v
	}
	return nil
}
