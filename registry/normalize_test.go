package registry

import (
	"slices"
	"testing"
)

func TestNormalizeTalent(t *testing.T) {
	r := validTalent()
	r.IDDoc.Number = " 3713 0219 8506 1230 17 "
	r.Gender, r.BirthDate = "", ""
	r.Nationality = "chn"
	r.Mobile = "+86 139-1234-5678"
	r.Employer.USCC = "91371300ma3c8qqq0h "
	r.CoEmployer = &Org{USCC: "9144 0300 1922 0382 16", Name: "某大学"}
	r.Competition = &Competition{Event: "大赛", AwardDate: "2024-02-29"}
	Normalize(r)
	checks := []struct{ field, got, want string }{
		{"id_doc.number", r.IDDoc.Number, maleCNID},
		{"gender", string(r.Gender), "MALE"},
		{"birth_date", string(r.BirthDate), "1985-06-12"},
		{"nationality", r.Nationality, "CHN"},
		{"mobile", r.Mobile, "13912345678"},
		{"employer.uscc", r.Employer.USCC, testUSCC},
		{"co_employer.uscc", r.CoEmployer.USCC, testUSCC2},
		{"competition.landing_deadline", string(r.Competition.LandingDeadline), "2025-03-01"},
	}
	for _, c := range checks {
		if c.got != c.want {
			t.Errorf("%s = %q, want %q", c.field, c.got, c.want)
		}
	}
	if err := NewValidator(nil).Validate(r, testNow); err != nil {
		t.Errorf("normalised talent: %v", err)
	}
}

func TestNormalizeKeepsWhatWasSent(t *testing.T) {
	r := validTalent()
	r.Gender, r.BirthDate = Female, "1985-06-13" // wrong: validation must still see it
	r.Mobile = "138 1234"                        // invalid: left for validation
	r.Competition = &Competition{Event: "大赛", AwardDate: "2025-01-01", LandingDeadline: "2025-06-30"}
	Normalize(r)
	if r.Gender != Female || r.BirthDate != "1985-06-13" || r.Mobile != "138 1234" {
		t.Errorf("Normalize overwrote sent values: %s %s %q", r.Gender, r.BirthDate, r.Mobile)
	}
	if r.Competition.LandingDeadline != "2025-06-30" {
		t.Errorf("landing deadline = %s, want the one sent", r.Competition.LandingDeadline)
	}
	got := problemStrings(t, NewValidator(nil).Validate(r, testNow))
	want := []string{"birth_date birth_date_mismatch", "gender gender_mismatch", "mobile mobile_format"}
	if !slices.Equal(got, want) {
		t.Errorf("problems %q, want %q", got, want)
	}
}

func TestNormalizeDerivesOnlyFromNumbersThatSaySomething(t *testing.T) {
	tests := []struct {
		doc    IDDoc
		gender Gender
		born   Date
	}{
		{IDDoc{Type: DocPRCard, Number: femalePRCard}, Female, "1990-12-31"},
		{IDDoc{Type: DocPRCard, Number: "usa310185060123"}, "", ""},
		{IDDoc{Type: DocPassport, Number: "E12345678"}, "", ""},
		{IDDoc{Type: DocCNID, Number: "371302198506123018"}, "", ""}, // bad checksum
		{IDDoc{Type: DocPassport, Number: maleCNID}, "", ""},         // the type decides
	}
	for _, tt := range tests {
		r := validTalent()
		r.IDDoc, r.Gender, r.BirthDate = tt.doc, "", ""
		Normalize(r)
		if r.Gender != tt.gender || r.BirthDate != tt.born {
			t.Errorf("%v: derived %q %q, want %q %q", tt.doc, r.Gender, r.BirthDate, tt.gender, tt.born)
		}
	}
}

func TestNormalizeExpert(t *testing.T) {
	r := validForeignExpert()
	r.IDDoc.Number = "e1234-5678"
	r.Nationality = "usa"
	r.Passport.Country, r.Passport.Number = "usa", "e 1234 5678"
	r.WorkPermit.Number = "wp-1234567"
	Normalize(r)
	if r.IDDoc.Number != "E12345678" || r.Passport.Number != "E12345678" || r.Passport.Country != "USA" ||
		r.Nationality != "USA" || r.WorkPermit.Number != "WP1234567" {
		t.Errorf("not canonical: %+v %+v %s %+v", r.IDDoc, r.Passport, r.Nationality, r.WorkPermit)
	}
	if r.Gender != "" || r.BirthDate != "" {
		t.Errorf("a passport says nothing of gender or birth date: %q %q", r.Gender, r.BirthDate)
	}
	if err := NewValidator(nil).Validate(r, testNow); err != nil {
		t.Errorf("normalised expert: %v", err)
	}
}

func TestNormalizeWorkstation(t *testing.T) {
	tests := []struct {
		name       string
		start, end Date
		before     []string
		want       []string
	}{
		{"five years", "2025-01-10", "2030-01-10", nil, nil},
		{"three years", "2025-01-10", "2028-01-10", nil, nil},
		{"three years, end day included", "2025-01-10", "2028-01-09", nil, nil},
		{"one day short of three", "2025-01-10", "2028-01-08", nil, []string{WarnAgreementTerm}},
		{"one day past five", "2025-01-10", "2030-01-11", nil, []string{WarnAgreementTerm}},
		{"warned once", "2025-01-10", "2026-01-10", []string{WarnAgreementTerm}, []string{WarnAgreementTerm}},
		{"fixed", "2025-01-10", "2029-01-10", []string{WarnAgreementTerm}, nil},
		{"other warnings stay", "2025-01-10", "2029-01-10", []string{"other", WarnAgreementTerm}, []string{"other"}},
		{"unparsable dates", "2025-01-10", "never", nil, nil},
	}
	for _, tt := range tests {
		r := validWorkstation()
		r.Agreement.Start, r.Agreement.End, r.Warnings = tt.start, tt.end, tt.before
		Normalize(r)
		if !slices.Equal(r.Warnings, tt.want) {
			t.Errorf("%s: warnings %q, want %q", tt.name, r.Warnings, tt.want)
		}
	}
}

func TestNormalizeWorkstationFilingAndContacts(t *testing.T) {
	r := validWorkstation()
	r.Host.USCC = "91371300 ma3c8qqq0h"
	r.DailyManager.Mobile = "0086-139-1234-5678"
	Normalize(r)
	if r.Filing != nil {
		t.Errorf("no filing: got %+v", r.Filing)
	}
	if r.Host.USCC != testUSCC || r.DailyManager.Mobile != "13912345678" {
		t.Errorf("not canonical: %s %s", r.Host.USCC, r.DailyManager.Mobile)
	}
	r.Filing = &Filing{Batch: "2025-1"}
	Normalize(r)
	if r.Filing.Authority != DefaultFilingAuthority {
		t.Errorf("authority = %q, want the default", r.Filing.Authority)
	}
	r.Filing.Authority = "山东省科学技术协会"
	Normalize(r)
	if r.Filing.Authority != "山东省科学技术协会" {
		t.Errorf("authority sent was replaced: %q", r.Filing.Authority)
	}
}

func TestNormalizeEnclave(t *testing.T) {
	r := validEnclave()
	r.Builder.USCC = "91371300ma3c8qqq0h"
	r.Contacts[0].Mobile = "+86 137 1234 5678"
	Normalize(r)
	if r.ValidTo != "" {
		t.Errorf("valid_to without recognition: %q", r.ValidTo)
	}
	if r.Builder.USCC != testUSCC || r.Contacts[0].Mobile != "13712345678" {
		t.Errorf("not canonical: %s %s", r.Builder.USCC, r.Contacts[0].Mobile)
	}
	r.Recognition = &Recognition{RecognizedOn: "2025-06-30"}
	Normalize(r)
	if r.ValidTo != "2028-06-30" {
		t.Errorf("valid_to = %q, want recognized_on + %d years", r.ValidTo, RecognitionYears)
	}
	r.Recognition.RecognizedOn, r.ValidTo = "2025-07-01", "2027-01-01"
	Normalize(r)
	if r.ValidTo != "2027-01-01" {
		t.Errorf("valid_to sent was replaced: %q", r.ValidTo)
	}
}

func TestNormalizeNilRecords(t *testing.T) {
	for _, r := range []Record{nil, (*Talent)(nil), (*Expert)(nil), (*Workstation)(nil), (*Enclave)(nil)} {
		Normalize(r) // must not panic
	}
}

func TestIdentityKey(t *testing.T) {
	tests := []struct {
		doc     IDDoc
		country string
		want    string
	}{
		{IDDoc{Type: DocCNID, Number: "11010519491231002x"}, "", "CN_ID:11010519491231002X"},
		{IDDoc{Type: DocCNID, Number: "110105 19491231 002X"}, "CHN", "CN_ID:11010519491231002X"},
		{IDDoc{Type: DocPRCard, Number: femalePRCard}, "KAZ", "PR_CARD:" + femalePRCard},
		{IDDoc{Type: DocPassport, Number: "e1234-5678"}, "chn", "PASSPORT:CHN:E12345678"},
		{IDDoc{Type: DocPassport, Number: "E12345678"}, "USA", "PASSPORT:USA:E12345678"},
		{IDDoc{Type: DocHKMO, Number: "h12345678"}, "CHN", "HKMO_PERMIT:H12345678"},
		{IDDoc{Type: DocTW, Number: "12345678"}, "CHN", "TW_PERMIT:12345678"},
	}
	for _, tt := range tests {
		if got := IdentityKey(tt.doc, tt.country); got != tt.want {
			t.Errorf("IdentityKey(%v, %q) = %q, want %q", tt.doc, tt.country, got, tt.want)
		}
	}
}
