package registry

import "talentd/events"

// FactsOf returns the non-personal facts of r that event consumers branch
// on: classifications, references and deadline anchor dates.
func FactsOf(r Record) events.Facts {
	var f events.Facts
	dates := map[string]string{}
	put := func(path string, d Date) {
		if d != "" {
			dates[path] = string(d)
		}
	}
	switch t := r.(type) {
	case *Talent:
		f = events.Facts{Tier: string(t.Tier), Level: string(t.Level), Channel: string(t.Channel),
			Employment: string(t.Employment), Origin: string(t.Origin), EnclaveID: t.EnclaveID}
		if t.Agreement != nil {
			put("agreement.end", t.Agreement.End)
		}
		if t.Competition != nil {
			put("competition.landing_deadline", t.Competition.LandingDeadline)
		}
	case *Expert:
		f = expertFacts(t, put)
	case *Workstation:
		f = events.Facts{Type: string(t.StationKind), ExpertIDs: t.Refs()}
		put("agreement.end", t.Agreement.End)
	case *Enclave:
		f = events.Facts{Type: string(t.Type), HostRegion: t.HostRegion}
		put("valid_to", t.ValidTo)
		if t.Recognition != nil {
			put("recognition.recognized_on", t.Recognition.RecognizedOn)
		}
	}
	if len(dates) > 0 {
		f.Dates = dates
	}
	return f
}

func expertFacts(e *Expert, put func(string, Date)) events.Facts {
	f := events.Facts{Type: string(e.ExpertKind), Employment: string(e.Engagement)}
	if e.WorkPermit != nil {
		put("work_permit.valid_to", e.WorkPermit.ValidTo)
	}
	if e.Passport != nil {
		put("passport.valid_to", e.Passport.ValidTo)
	}
	if e.ResidencePermit != nil {
		put("residence_permit.valid_to", e.ResidencePermit.ValidTo)
	}
	put("contract_end", e.ContractEnd)
	return f
}
