package registry

import (
	"fmt"
	"time"
)

// kindRules adds the problems no struct tag can express: rules that depend
// on several fields of one record.
func kindRules(r Record, now time.Time, verr *ValidationError) {
	switch t := r.(type) {
	case *Talent:
		talentRules(t, now, verr)
	case *Expert:
		expertRules(t, now, verr)
	case *Workstation:
		workstationRules(t, verr)
	}
}

// talentRules: an agreement for flexible employment and case-by-case
// recruitment, a team for the leader-team channel, and gender and birth
// date as the identity number says. (co_employer, enclave_id, competition
// and national_program are conditional struct tags.)
func talentRules(t *Talent, now time.Time, verr *ValidationError) {
	if (t.Employment == EmploymentFlexible || t.Channel == ChannelCaseByCase) && t.Agreement == nil {
		verr.Add("agreement", "required", "")
	}
	if t.Channel == ChannelLeaderTeamProject && len(t.Team) == 0 {
		verr.Add("team", "min", "1")
	}
	holderRules(t.IDDoc, t.Gender, t.BirthDate, now, verr)
}

// expertRules: retired is stated for academicians, a passport for foreign
// nationals, a work permit that ends no later than the passport, and gender
// and birth date as the identity number says. (work_permit for foreign
// experts is a conditional struct tag.)
func expertRules(e *Expert, now time.Time, verr *ValidationError) {
	if e.ExpertKind.IsAcademician() && e.Retired == nil {
		verr.Add("retired", "required", "")
	}
	if e.Nationality != "" && e.Nationality != "CHN" && e.Passport == nil {
		verr.Add("passport", "required", "")
	}
	if e.WorkPermit != nil && e.Passport != nil && permitOutlastsPassport(e.WorkPermit.ValidTo, e.Passport.ValidTo) {
		verr.Add("work_permit.valid_to", "permit_after_passport", "")
	}
	holderRules(e.IDDoc, e.Gender, e.BirthDate, now, verr)
}

// permitOutlastsPassport reports whether the permit ends after the
// passport; false when either date does not parse (the date rule says so).
func permitOutlastsPassport(permit, passport Date) bool {
	_, okPermit := permit.Time()
	_, okPassport := passport.Time()
	return okPermit && okPassport && permit > passport
}

// holderRules compares the gender and birth date sent with those a valid
// CN_ID or 2023 PR_CARD number carries.
func holderRules(doc IDDoc, gender Gender, born Date, now time.Time, verr *ValidationError) {
	h, err := CheckIDNumber(doc.Type, doc.Number, now)
	if err != nil {
		return // reported at id_doc.number
	}
	if h.Gender != "" && (gender == Male || gender == Female) && gender != h.Gender {
		verr.Add("gender", "gender_mismatch", "")
	}
	if h.BirthDate != "" && validDate(string(born)) && born != h.BirthDate {
		verr.Add("birth_date", "birth_date_mismatch", "")
	}
}

// workstationRules: each academician once, and at most one LEAD.
func workstationRules(w *Workstation, verr *ValidationError) {
	seen := make(map[string]bool, len(w.Academicians))
	lead := false
	for i, a := range w.Academicians {
		if a.ExpertID != "" && seen[a.ExpertID] {
			verr.Add(fmt.Sprintf("academicians[%d].expert_id", i), "duplicate", "")
		}
		seen[a.ExpertID] = true
		if a.Role == "LEAD" {
			if lead {
				verr.Add(fmt.Sprintf("academicians[%d].role", i), "duplicate", "LEAD")
			}
			lead = true
		}
	}
}
