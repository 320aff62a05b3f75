package registry

import (
	"encoding/json"

	"talentd/events"
)

// event builds an outbox event about r at its current version.
func (s *Service) event(r Record, typ string, data any) Event {
	b, err := json.Marshal(data)
	if err != nil {
		panic(err) // payloads are plain structs
	}
	m := r.Base()
	return Event{ID: s.ids.New("evt"), Type: typ, Kind: r.Kind(), RecordID: m.ID,
		Version: m.Version, Time: m.UpdatedAt, Data: b}
}

func recordOf(r Record) events.Record {
	m := r.Base()
	return events.Record{ID: m.ID, Kind: r.Kind().Singular(), Area: m.Area, Version: m.Version, Status: string(m.Status)}
}

func (s *Service) createdEvent(r Record) Event {
	return s.event(r, events.SubjectCreated(r.Kind().Singular()), events.RecordCreated{
		Record: recordOf(r), By: r.Base().CreatedBy, Facts: FactsOf(r)})
}

func (s *Service) updatedEvent(p Principal, r Record, changed []string) Event {
	return s.event(r, events.SubjectUpdated(r.Kind().Singular()), events.RecordUpdated{
		Record: recordOf(r), PrevVersion: r.Base().Version - 1, Changed: changed, By: p.Actor(), Facts: FactsOf(r)})
}

func (s *Service) statusEvent(r Record, from Status, reason string) Event {
	m := r.Base()
	by := m.StatusHistory[len(m.StatusHistory)-1].By
	return s.event(r, events.SubjectStatusChanged(r.Kind().Singular()), events.RecordStatusChanged{
		Record: recordOf(r), PrevVersion: m.Version - 1, From: string(from), To: string(m.Status),
		Reason: reason, By: by, Facts: FactsOf(r)})
}

func (s *Service) deletedEvent(p Principal, r Record) Event {
	return s.event(r, events.SubjectDeleted(r.Kind().Singular()), events.RecordDeleted{Record: recordOf(r), By: p.Actor()})
}

// arrivalEvents are the named events of arriving in r's (new) status.
func (s *Service) arrivalEvents(r Record, from Status) []Event {
	m := r.Base()
	today := string(DateOf(m.UpdatedAt))
	switch t := r.(type) {
	case *Enclave:
		return s.enclaveArrival(t, today)
	case *Workstation:
		if m.Status == StationFiled {
			return []Event{s.event(r, events.WorkstationFiled, events.WorkstationFiledData{
				WorkstationID: m.ID, Kind: string(t.StationKind), Area: m.Area, Version: m.Version,
				FiledOn: string(t.Filing.FiledOn), ExpertIDs: t.Refs()})}
		}
	case *Talent:
		if m.Status == TalentApproved {
			return []Event{s.event(r, events.TalentApproved, events.TalentApprovedData{
				TalentID: m.ID, Area: m.Area, Version: m.Version, Tier: string(t.Tier), Level: string(t.Level),
				Channel: string(t.Channel), Employment: string(t.Employment), Origin: string(t.Origin),
				EnclaveID: t.EnclaveID, ApprovedOn: today})}
		}
	case *Expert:
		if m.Status == ExpertPermitExpired && t.WorkPermit != nil {
			return []Event{s.event(r, events.ExpertPermitExpired, events.PermitExpiredData{
				ExpertID: m.ID, Area: m.Area, Version: m.Version, ValidTo: string(t.WorkPermit.ValidTo)})}
		}
	}
	return nil
}

func (s *Service) enclaveArrival(e *Enclave, today string) []Event {
	m := e.Base()
	switch m.Status {
	case EnclaveRecognized:
		return []Event{s.event(e, events.EnclaveRecognized, events.EnclaveRecognizedData{
			EnclaveID: m.ID, Type: string(e.Type), Area: m.Area, Version: m.Version,
			RecognizedOn: string(e.Recognition.RecognizedOn), BatchYear: e.Recognition.BatchYear, ValidTo: string(e.ValidTo)})}
	case EnclaveRevoked:
		last := m.StatusHistory[len(m.StatusHistory)-1]
		return []Event{s.event(e, events.EnclaveRevoked, events.EnclaveRevokedData{
			EnclaveID: m.ID, Type: string(e.Type), Area: m.Area, Version: m.Version, RevokedOn: today, Reason: last.Reason})}
	}
	return nil
}

// contentEvents are the named events a content change implies: a renewed
// work permit, a new workstation evaluation.
func (s *Service) contentEvents(prev, next Record) []Event {
	switch n := next.(type) {
	case *Expert:
		return s.permitEvents(prev.(*Expert), n)
	case *Workstation:
		return s.evaluationEvents(prev.(*Workstation), n)
	}
	return nil
}

func (s *Service) permitEvents(prev, next *Expert) []Event {
	if next.WorkPermit == nil || (prev.WorkPermit != nil && next.WorkPermit.ValidTo <= prev.WorkPermit.ValidTo) {
		return nil
	}
	d := events.PermitRenewedData{ExpertID: next.ID, Area: next.Area, Version: next.Version,
		Category: next.WorkPermit.Category, ValidFrom: string(next.WorkPermit.ValidFrom), ValidTo: string(next.WorkPermit.ValidTo)}
	if prev.WorkPermit == nil {
		return nil // a first permit is not a renewal
	}
	d.PrevValidTo = string(prev.WorkPermit.ValidTo)
	return []Event{s.event(next, events.ExpertPermitRenewed, d)}
}

func (s *Service) evaluationEvents(prev, next *Workstation) []Event {
	seen := map[Evaluation]int{}
	for _, e := range prev.Evaluations {
		seen[e]++
	}
	var out []Event
	for _, e := range next.Evaluations {
		if seen[e] > 0 {
			seen[e]--
			continue
		}
		d := events.WorkstationEvaluatedData{WorkstationID: next.ID, Area: next.Area, Version: next.Version,
			Status: string(next.Status), Year: e.Year, EvalKind: e.Kind, Grade: e.Grade}
		if next.Filing != nil {
			d.FiledOn = string(next.Filing.FiledOn)
		}
		out = append(out, s.event(next, events.WorkstationEvaluated, d))
	}
	return out
}
