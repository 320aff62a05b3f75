package registry

import (
	"errors"
	"slices"
	"strings"
	"testing"
)

const (
	testUSCC     = "91371300MA3C8QQQ0H"
	testUSCC2    = "914403001922038216"
	testEnclave  = "enc_0190a3c2-6f1e-7c3a-9b2d-1f2e3d4c5b6a"
	testExpert1  = "exp_0190a3c2-6f1e-7c3a-9b2d-000000000001"
	testExpert2  = "exp_0190a3c2-6f1e-7c3a-9b2d-000000000002"
	maleCNID     = "371302198506123017" // born 1985-06-12
	femalePRCard = "911398199012310021" // born 1990-12-31
)

// vcase edits a valid record and lists the problems validation must
// report, each as "field code" or "field code=param".
type vcase[T Record] struct {
	name string
	edit func(T)
	want []string
}

func runCases[T Record](t *testing.T, fixture func() T, cases []vcase[T]) {
	t.Helper()
	v := NewValidator(nil)
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			r := fixture()
			if tc.edit != nil {
				tc.edit(r)
			}
			got := problemStrings(t, v.Validate(r, testNow))
			want := slices.Clone(tc.want)
			slices.Sort(want)
			if !slices.Equal(got, want) {
				t.Errorf("problems\n got: %q\nwant: %q", got, want)
			}
		})
	}
}

// problemStrings renders the problems of a Validate result, sorted.
func problemStrings(t *testing.T, err error) []string {
	t.Helper()
	if err == nil {
		return nil
	}
	var verr *ValidationError
	if !errors.As(err, &verr) || !errors.Is(err, ErrInvalid) {
		t.Fatalf("Validate returned %T %v, want *ValidationError", err, err)
	}
	var out []string
	for _, p := range verr.Problems {
		s := p.Field + " " + p.Code
		if p.Param != "" {
			s += "=" + p.Param
		}
		out = append(out, s)
	}
	slices.Sort(out)
	return out
}

func validTalent() *Talent {
	return &Talent{
		Meta:        Meta{Area: "371302"},
		Name:        "张三",
		IDDoc:       IDDoc{Type: DocCNID, Number: maleCNID},
		Nationality: "CHN",
		Gender:      Male,
		BirthDate:   "1985-06-12",
		Mobile:      "13812345678",
		Tier:        "B",
		Level:       LevelNational,
		Origin:      "DOMESTIC",
		Channel:     ChannelOther,
		Employment:  EmploymentFullTime,
		Employer:    Org{USCC: testUSCC, Name: "临沂某科技有限公司"},
		Field:       "AI",
	}
}

func TestValidateTalentFields(t *testing.T) {
	runCases(t, validTalent, []vcase[*Talent]{
		{name: "valid"},
		{"name missing", func(r *Talent) { r.Name = "" }, []string{"name required"}},
		{"name too long", func(r *Talent) { r.Name = strings.Repeat("名", 65) }, []string{"name max=64"}},
		{"area missing", func(r *Talent) { r.Area = "" }, []string{"area required"}},
		{"area unknown", func(r *Talent) { r.Area = "110101" }, []string{"area area"}},
		{"zone area", func(r *Talent) { r.Area = "ZONE_YIHE" }, nil},
		{"nationality missing", func(r *Talent) { r.Nationality = "" }, []string{"nationality required"}},
		{"nationality unknown", func(r *Talent) { r.Nationality = "XYZ" }, []string{"nationality country"}},
		{"gender unknown", func(r *Talent) { r.Gender = "X" }, []string{"gender oneof=MALE FEMALE"}},
		{"birth date not a date", func(r *Talent) { r.BirthDate = "1985-6-12" }, []string{"birth_date date"}},
		{"no mobile, email", func(r *Talent) { r.Mobile, r.Email = "", "zhang@example.cn" }, nil},
		{"neither mobile nor email", func(r *Talent) { r.Mobile = "" }, []string{
			"mobile required_without=email", "email required_without=mobile"}},
		{"mobile invalid", func(r *Talent) { r.Mobile = "12345" }, []string{"mobile mobile_format"}},
		{"mobile with prefix", func(r *Talent) { r.Mobile = "+86 138-1234-5678" }, nil},
		{"email invalid", func(r *Talent) { r.Email = "not-an-email" }, []string{"email email"}},
		{"tier unknown", func(r *Talent) { r.Tier = "F" }, []string{"tier oneof=A B C D E UNCLASSIFIED"}},
		{"level missing", func(r *Talent) { r.Level = "" }, []string{"level required"}},
		{"origin unknown", func(r *Talent) { r.Origin = "MARS" }, []string{"origin oneof=DOMESTIC OVERSEAS FOREIGN"}},
		{"employment unknown", func(r *Talent) { r.Employment = "PART_TIME" }, []string{
			"employment oneof=FULL_TIME FLEXIBLE VIA_ENCLAVE"}},
		{"field unknown", func(r *Talent) { r.Field = "MINING" }, []string{
			"field oneof=AI LIFE_HEALTH NEW_IT MED_ELDERLY_CARE MODERN_AGRICULTURE PHOTOVOLTAIC HIGH_END_EQUIPMENT NEW_MATERIALS OTHER"}},
		{"employer missing", func(r *Talent) { r.Employer = Org{} }, []string{"employer required"}},
		{"employer uscc checksum", func(r *Talent) { r.Employer.USCC = "914403001922038217" }, []string{"employer.uscc uscc_checksum"}},
		{"employer uscc format", func(r *Talent) { r.Employer.USCC = "91440300192203821" }, []string{"employer.uscc uscc_format"}},
		{"employer uscc lower case", func(r *Talent) { r.Employer.USCC = "91330106ma27y4u47r" }, nil},
		{"employer name missing", func(r *Talent) { r.Employer.Name = "" }, []string{"employer.name required"}},
		{"project invalid", func(r *Talent) { r.Project = &Project{InvestmentYuan: -1} }, []string{
			"project.name required", "project.investment_yuan gte=0"}},
		{"every problem at once", func(r *Talent) {
			r.Name, r.Mobile, r.Employer.USCC, r.IDDoc.Number = "", "1", "X", "110105194912310021"
		}, []string{"name required", "mobile mobile_format", "employer.uscc uscc_format", "id_doc.number cn_id_checksum"}},
	})
}

func TestValidateTalentIdentity(t *testing.T) {
	doc := func(typ IDDocType, n string) func(*Talent) {
		return func(r *Talent) { r.IDDoc, r.Gender, r.BirthDate = IDDoc{Type: typ, Number: n}, "", "" }
	}
	runCases(t, validTalent, []vcase[*Talent]{
		{"id_doc missing", func(r *Talent) { r.IDDoc = IDDoc{} }, []string{"id_doc required"}},
		{"number missing", func(r *Talent) { r.IDDoc.Number = "" }, []string{"id_doc.number required"}},
		{"type unknown", func(r *Talent) { r.IDDoc.Type = "SSN" }, []string{
			"id_doc.type oneof=CN_ID PR_CARD PASSPORT HKMO_PERMIT TW_PERMIT"}},
		{"cn_id vector", doc(DocCNID, "11010519491231002X"), nil},
		{"cn_id checksum", doc(DocCNID, "110105194912310021"), []string{"id_doc.number cn_id_checksum"}},
		{"cn_id 30 February", doc(DocCNID, "110105194902300020"), []string{"id_doc.number cn_id_birth_date"}},
		{"cn_id born in future", doc(DocCNID, "371302203001010010"), []string{"id_doc.number cn_id_birth_date"}},
		{"cn_id format", doc(DocCNID, "3713021985061230"), []string{"id_doc.number cn_id_format"}},
		{"pr_card 2023", doc(DocPRCard, femalePRCard), nil},
		{"pr_card 2017", doc(DocPRCard, "USA310185060123"), nil},
		{"pr_card checksum", doc(DocPRCard, "911398199012310022"), []string{"id_doc.number pr_card_checksum"}},
		{"pr_card format", doc(DocPRCard, "US310185060123"), []string{"id_doc.number pr_card_format"}},
		{"pr_card birth date", doc(DocPRCard, "911840200102290026"), []string{"id_doc.number pr_card_birth_date"}},
		{"passport", doc(DocPassport, "E1234 5678"), nil},
		{"passport format", doc(DocPassport, "E12"), []string{"id_doc.number passport_format"}},
		{"hkmo permit", doc(DocHKMO, "H1234567801"), nil},
		{"hkmo permit format", doc(DocHKMO, "X12345678"), []string{"id_doc.number hkmo_permit_format"}},
		{"tw permit", doc(DocTW, "12345678"), nil},
		{"tw permit format", doc(DocTW, "1234567"), []string{"id_doc.number tw_permit_format"}},
		{"gender mismatch", func(r *Talent) { r.Gender = Female }, []string{"gender gender_mismatch"}},
		{"birth date mismatch", func(r *Talent) { r.BirthDate = "1985-06-13" }, []string{"birth_date birth_date_mismatch"}},
		{"pr_card gender mismatch", func(r *Talent) {
			r.IDDoc = IDDoc{Type: DocPRCard, Number: femalePRCard}
			r.Gender, r.BirthDate = Male, "1990-12-31"
		}, []string{"gender gender_mismatch"}},
		{"pr_card 2017 says nothing", func(r *Talent) {
			r.IDDoc = IDDoc{Type: DocPRCard, Number: "USA310185060123"}
			r.Gender, r.BirthDate = Female, "2001-01-01"
		}, nil},
		{"invalid number: no mismatch reported", func(r *Talent) {
			r.IDDoc.Number = "371302198506123018"
			r.Gender = Female
		}, []string{"id_doc.number cn_id_checksum"}},
	})
}

func TestValidateTalentChannelRules(t *testing.T) {
	runCases(t, validTalent, []vcase[*Talent]{
		{"joint without co_employer", func(r *Talent) { r.Channel = ChannelUniEnterpriseJoint }, []string{"co_employer required"}},
		{"joint with co_employer", func(r *Talent) {
			r.Channel, r.CoEmployer = ChannelUniEnterpriseJoint, &Org{USCC: testUSCC2, Name: "某大学"}
		}, nil},
		{"co_employer checked", func(r *Talent) { r.CoEmployer = &Org{USCC: "X", Name: "某大学"} }, []string{"co_employer.uscc uscc_format"}},
		{"enclave without id", func(r *Talent) { r.Employment = EmploymentViaEnclave }, []string{"enclave_id required"}},
		{"enclave with id", func(r *Talent) { r.Employment, r.EnclaveID = EmploymentViaEnclave, testEnclave }, nil},
		{"enclave id of an expert", func(r *Talent) { r.Employment, r.EnclaveID = EmploymentViaEnclave, testExpert1 }, []string{
			"enclave_id record_id=enc"}},
		{"enclave id malformed", func(r *Talent) { r.EnclaveID = "enc_123" }, []string{"enclave_id record_id=enc"}},
		{"leader team without team", func(r *Talent) { r.Channel = ChannelLeaderTeamProject }, []string{"team min=1"}},
		{"leader team with empty team", func(r *Talent) { r.Channel, r.Team = ChannelLeaderTeamProject, []TeamMember{} }, []string{"team min=1"}},
		{"leader team with team", func(r *Talent) {
			r.Channel, r.Team = ChannelLeaderTeamProject, []TeamMember{{Name: "李四", Role: "CTO"}}
		}, nil},
		{"team member incomplete", func(r *Talent) { r.Team = []TeamMember{{Name: "李四", Role: "CTO"}, {}} }, []string{
			"team[1].name required", "team[1].role required"}},
		{"flexible without agreement", func(r *Talent) { r.Employment = EmploymentFlexible }, []string{"agreement required"}},
		{"case by case without agreement", func(r *Talent) { r.Channel = ChannelCaseByCase }, []string{"agreement required"}},
		{"flexible with agreement", func(r *Talent) {
			r.Employment, r.Agreement = EmploymentFlexible, &Agreement{Start: "2025-01-01", End: "2028-01-01"}
		}, nil},
		{"agreement ends on its start", func(r *Talent) { r.Agreement = &Agreement{Start: "2025-01-01", End: "2025-01-01"} }, []string{
			"agreement.end after=start"}},
		{"agreement ends before start", func(r *Talent) { r.Agreement = &Agreement{Start: "2025-01-01", End: "2024-12-31"} }, []string{
			"agreement.end after=start"}},
		{"agreement dates invalid", func(r *Talent) { r.Agreement = &Agreement{Start: "2025-02-30", End: "soon"} }, []string{
			"agreement.start date", "agreement.end date"}},
		{"agreement empty", func(r *Talent) { r.Agreement = &Agreement{} }, []string{
			"agreement.start required", "agreement.end required"}},
		{"competition missing", func(r *Talent) { r.Channel = ChannelCompetition }, []string{"competition required"}},
		{"competition", func(r *Talent) {
			r.Channel, r.Competition = ChannelCompetition, &Competition{Event: "创新创业大赛", AwardDate: "2025-10-01"}
		}, nil},
		{"landing before award", func(r *Talent) {
			r.Competition = &Competition{Event: "大赛", AwardDate: "2025-10-01", LandingDeadline: "2025-09-01"}
		}, []string{"competition.landing_deadline after=award_date"}},
		{"national program missing", func(r *Talent) { r.Channel = ChannelNationalProgram }, []string{"national_program required"}},
		{"national program", func(r *Talent) {
			r.Channel = ChannelNationalProgram
			r.NationalProgram = &NationalProgram{Program: "国家级人才计划", BatchYear: 2025, Result: "PENDING"}
		}, nil},
		{"national program invalid", func(r *Talent) {
			r.NationalProgram = &NationalProgram{Program: "计划", BatchYear: 1999, Result: "MAYBE"}
		}, []string{"national_program.batch_year gte=2000", "national_program.result oneof=PENDING SELECTED NOT_SELECTED"}},
	})
}

func TestValidateAreasAreConfigured(t *testing.T) {
	v := NewValidator([]string{"110105", "ZONE_CBD"})
	r := validTalent()
	r.Area = "ZONE_CBD"
	if err := v.Validate(r, testNow); err != nil {
		t.Errorf("configured area: %v", err)
	}
	r.Area = "371302"
	if got := problemStrings(t, v.Validate(r, testNow)); !slices.Equal(got, []string{"area area"}) {
		t.Errorf("area outside the configured list: %q", got)
	}
}

func TestValidateNilRecord(t *testing.T) {
	v := NewValidator(nil)
	for _, r := range []Record{nil, (*Talent)(nil), (*Enclave)(nil)} {
		if err := v.Validate(r, testNow); !errors.Is(err, ErrInvalid) {
			t.Errorf("Validate(%#v) = %v, want ErrInvalid", r, err)
		}
	}
}

func TestValidationErrorHoldsNoPersonalNumbers(t *testing.T) {
	r := validTalent()
	r.IDDoc.Number, r.Mobile = "371302198506123018", "1381234567"
	err := NewValidator(nil).Validate(r, testNow)
	if err == nil {
		t.Fatal("want an error")
	}
	for _, n := range []string{r.IDDoc.Number, r.Mobile} {
		if strings.Contains(err.Error(), n) {
			t.Errorf("error %q holds a personal number", err)
		}
	}
}
