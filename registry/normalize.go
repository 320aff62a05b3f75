package registry

import "slices"

// WarnAgreementTerm is the workstation warning for an agreement term
// shorter than three or longer than five years.
const WarnAgreementTerm = "agreement_term_outside_3_5_years"

// Normalize puts r in canonical form, in place, before validation: codes
// and numbers upper-cased without spaces, mobiles as 11 digits (when
// valid), gender and birth date derived from the identity number when
// absent, and the documented defaults filled in (competition landing
// deadline, filing authority, enclave validity, workstation warnings).
// It never fails: what it cannot canonicalise, validation reports.
func Normalize(r Record) {
	switch t := r.(type) {
	case *Talent:
		normalizeTalent(t)
	case *Expert:
		normalizeExpert(t)
	case *Workstation:
		normalizeWorkstation(t)
	case *Enclave:
		normalizeEnclave(t)
	}
}

func normalizeTalent(t *Talent) {
	if t == nil {
		return
	}
	t.Nationality = CanonicalIdent(t.Nationality)
	normalizePerson(&t.IDDoc, &t.Gender, &t.BirthDate, &t.Mobile)
	normalizeOrg(&t.Employer)
	if t.CoEmployer != nil {
		normalizeOrg(t.CoEmployer)
	}
	if c := t.Competition; c != nil && c.LandingDeadline == "" {
		if _, ok := c.AwardDate.Time(); ok {
			c.LandingDeadline = c.AwardDate.AddYears(1)
		}
	}
}

func normalizeExpert(e *Expert) {
	if e == nil {
		return
	}
	e.Nationality = CanonicalIdent(e.Nationality)
	normalizePerson(&e.IDDoc, &e.Gender, &e.BirthDate, &e.Mobile)
	normalizeOrg(&e.Employer)
	if p := e.Passport; p != nil {
		p.Country = CanonicalIdent(p.Country)
		p.Number = CanonicalIdent(p.Number)
	}
	if w := e.WorkPermit; w != nil {
		w.Number = CanonicalIdent(w.Number)
	}
}

// normalizePerson canonicalises a person's identity number and mobile and
// fills the gender and birth date the number carries, if not sent.
func normalizePerson(doc *IDDoc, gender *Gender, born *Date, mobile *string) {
	doc.Number = CanonicalIdent(doc.Number)
	normalizeMobile(mobile)
	h, err := checkIDNumber(doc.Type, doc.Number, "")
	if err != nil {
		return
	}
	if *gender == "" {
		*gender = h.Gender
	}
	if *born == "" {
		*born = h.BirthDate
	}
}

func normalizeWorkstation(w *Workstation) {
	if w == nil {
		return
	}
	normalizeOrg(&w.Host)
	normalizeMobile(&w.DailyManager.Mobile)
	if w.Filing != nil && w.Filing.Authority == "" {
		w.Filing.Authority = DefaultFilingAuthority
	}
	w.Warnings = slices.DeleteFunc(w.Warnings, func(s string) bool { return s == WarnAgreementTerm })
	if termOutside3To5Years(w.Agreement.Start, w.Agreement.End) {
		w.Warnings = append(w.Warnings, WarnAgreementTerm)
	}
	if len(w.Warnings) == 0 {
		w.Warnings = nil
	}
}

// termOutside3To5Years reports whether the term from start to end is
// shorter than three or longer than five years; false when either date
// does not parse. Agreements are written both ways, with the end day
// included (2026-02-01 to 2029-01-31) or not (to 2029-02-01): both are
// three years.
func termOutside3To5Years(start, end Date) bool {
	_, okStart := start.Time()
	_, okEnd := end.Time()
	if !okStart || !okEnd {
		return false
	}
	return end < start.AddYears(3).AddDays(-1) || end > start.AddYears(5)
}

func normalizeEnclave(e *Enclave) {
	if e == nil {
		return
	}
	normalizeOrg(&e.Builder)
	for i := range e.Contacts {
		normalizeMobile(&e.Contacts[i].Mobile)
	}
	if rec := e.Recognition; rec != nil && e.ValidTo == "" {
		if _, ok := rec.RecognizedOn.Time(); ok {
			e.ValidTo = rec.RecognizedOn.AddYears(RecognitionYears)
		}
	}
}

func normalizeOrg(o *Org) { o.USCC = CanonicalIdent(o.USCC) }

// normalizeMobile rewrites a valid mobile as its 11 digits and leaves an
// invalid one for validation to report.
func normalizeMobile(m *string) {
	if canon, err := NormalizeMobile(*m); err == nil {
		*m = canon
	}
}

// IdentityKey is the canonical string that identifies a person's document
// and is hashed for uniqueness: TYPE:NUMBER, and for a passport
// PASSPORT:COUNTRY:NUMBER, since passport numbers are unique only per
// issuing country (an expert's passport.country; a talent's nationality).
func IdentityKey(doc IDDoc, passportCountry string) string {
	number := CanonicalIdent(doc.Number)
	if doc.Type == DocPassport {
		return string(DocPassport) + ":" + CanonicalIdent(passportCountry) + ":" + number
	}
	return string(doc.Type) + ":" + number
}
