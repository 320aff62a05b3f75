package registry

import "testing"

func ptr[T any](v T) *T { return &v }

func validForeignExpert() *Expert {
	return &Expert{
		Meta:        Meta{Area: "ZONE_HIGHTECH"},
		Name:        "John Smith",
		IDDoc:       IDDoc{Type: DocPassport, Number: "E12345678"},
		Nationality: "USA",
		Email:       "john@example.com",
		ExpertKind:  ExpertForeign,
		Employer:    Org{USCC: testUSCC, Name: "临沂某科技有限公司"},
		Engagement:  "FULL_TIME",
		WorkPermit:  &WorkPermit{Category: "A", Number: "WP1234567", ValidFrom: "2025-01-01", ValidTo: "2027-01-01"},
		Passport:    &Passport{Country: "USA", Number: "E12345678", ValidTo: "2030-01-01"},
	}
}

func TestValidateExpert(t *testing.T) {
	academician := func(r *Expert) {
		r.ExpertKind, r.Nationality, r.WorkPermit, r.Passport = ExpertAcademicianCAS, "CHN", nil, nil
		r.IDDoc = IDDoc{Type: DocCNID, Number: maleCNID}
		r.Retired = ptr(false)
	}
	runCases(t, validForeignExpert, []vcase[*Expert]{
		{name: "valid foreign expert"},
		{"valid academician", academician, nil},
		{"academician without retired", func(r *Expert) { academician(r); r.Retired = nil }, []string{"retired required"}},
		{"CAE academician without retired", func(r *Expert) {
			academician(r)
			r.ExpertKind, r.Retired = ExpertAcademicianCAE, nil
		}, []string{"retired required"}},
		{"foreign academician without retired", func(r *Expert) { r.ExpertKind = ExpertForeignAcademician }, []string{"retired required"}},
		{"domestic expert needs no retired", func(r *Expert) { academician(r); r.ExpertKind, r.Retired = ExpertDomestic, nil }, nil},
		{"academician gender mismatch", func(r *Expert) { academician(r); r.Gender, r.BirthDate = Female, "1985-06-11" }, []string{
			"gender gender_mismatch", "birth_date birth_date_mismatch"}},
		{"foreigner without passport", func(r *Expert) { r.Passport = nil }, []string{"passport required"}},
		{"foreign expert without permit", func(r *Expert) { r.WorkPermit = nil }, []string{"work_permit required"}},
		{"domestic expert without permit", func(r *Expert) { r.ExpertKind, r.WorkPermit = ExpertDomestic, nil }, nil},
		{"permit outlasts passport", func(r *Expert) { r.Passport.ValidTo = "2026-12-31" }, []string{
			"work_permit.valid_to permit_after_passport"}},
		{"permit ends with passport", func(r *Expert) { r.Passport.ValidTo = "2027-01-01" }, nil},
		{"permit ends before it starts", func(r *Expert) { r.WorkPermit.ValidTo = "2024-12-31" }, []string{
			"work_permit.valid_to after=valid_from"}},
		{"permit category unknown", func(r *Expert) { r.WorkPermit.Category = "D" }, []string{"work_permit.category oneof=A B C"}},
		{"permit number", func(r *Expert) { r.WorkPermit.Number = "WP-12" }, []string{"work_permit.number alphanum"}},
		{"passport number", func(r *Expert) { r.Passport.Number = "E1" }, []string{"passport.number passport_format"}},
		{"passport country", func(r *Expert) { r.Passport.Country = "usa" }, []string{"passport.country country"}},
		{"passport incomplete", func(r *Expert) { r.Passport = &Passport{} }, []string{
			"passport.country required", "passport.number required", "passport.valid_to required"}},
		{"kind unknown", func(r *Expert) { r.ExpertKind = "GURU" }, []string{
			"kind oneof=FOREIGN_EXPERT ACADEMICIAN_CAS ACADEMICIAN_CAE FOREIGN_ACADEMICIAN DOMESTIC_EXPERT"}},
		{"engagement unknown", func(r *Expert) { r.Engagement = "" }, []string{"engagement required"}},
		{"residence permit", func(r *Expert) { r.ResidencePermit = &ResidencePermit{ValidTo: "2027-01-01"} }, nil},
		{"residence permit empty", func(r *Expert) { r.ResidencePermit = &ResidencePermit{} }, []string{
			"residence_permit.valid_to required"}},
		{"dates", func(r *Expert) { r.EntryDate, r.ContractEnd = "2025/01/01", "2025-13-01" }, []string{
			"entry_date date", "contract_end date"}},
		{"neither mobile nor email", func(r *Expert) { r.Email = "" }, []string{
			"mobile required_without=email", "email required_without=mobile"}},
	})
}

func validWorkstation() *Workstation {
	return &Workstation{
		Meta:         Meta{Area: "371300"},
		Name:         "某院士工作站",
		Host:         Org{USCC: testUSCC, Name: "临沂某科技有限公司"},
		StationKind:  "ENTERPRISE",
		Academicians: []StationMember{{ExpertID: testExpert1, Role: "LEAD"}, {ExpertID: testExpert2, Role: "MEMBER"}},
		Agreement:    StationAgreement{SignedOn: "2025-01-01", Start: "2025-01-10", End: "2030-01-10"},
		DailyManager: Contact{Name: "王五", Mobile: "13912345678"},
	}
}

func TestValidateWorkstation(t *testing.T) {
	runCases(t, validWorkstation, []vcase[*Workstation]{
		{name: "valid"},
		{"no academicians", func(r *Workstation) { r.Academicians = nil }, []string{"academicians min=1"}},
		{"empty academicians", func(r *Workstation) { r.Academicians = []StationMember{} }, []string{"academicians min=1"}},
		{"duplicate academician", func(r *Workstation) { r.Academicians[1].ExpertID = testExpert1 }, []string{
			"academicians[1].expert_id duplicate"}},
		{"two leads", func(r *Workstation) { r.Academicians[1].Role = "LEAD" }, []string{"academicians[1].role duplicate=LEAD"}},
		{"no lead", func(r *Workstation) { r.Academicians[0].Role = "MEMBER" }, nil},
		{"academician id of a talent", func(r *Workstation) { r.Academicians[0].ExpertID = "tal_0190a3c2-6f1e-7c3a-9b2d-000000000001" }, []string{
			"academicians[0].expert_id record_id=exp"}},
		{"academician role unknown", func(r *Workstation) { r.Academicians[1].Role = "CHAIR" }, []string{
			"academicians[1].role oneof=LEAD MEMBER"}},
		{"agreement missing", func(r *Workstation) { r.Agreement = StationAgreement{} }, []string{"agreement required"}},
		{"agreement ends before start", func(r *Workstation) { r.Agreement.End = "2025-01-09" }, []string{"agreement.end after=start"}},
		{"short agreement is valid", func(r *Workstation) { r.Agreement.End = "2026-01-10" }, nil},
		{"daily manager missing", func(r *Workstation) { r.DailyManager = Contact{} }, []string{"daily_manager required"}},
		{"daily manager unreachable", func(r *Workstation) { r.DailyManager.Mobile = "" }, []string{
			"daily_manager.mobile required_without=email", "daily_manager.email required_without=mobile"}},
		{"kind unknown", func(r *Workstation) { r.StationKind = "VIRTUAL" }, []string{"kind oneof=ENTERPRISE COMPREHENSIVE"}},
		{"host uscc", func(r *Workstation) { r.Host.USCC = "91371300MA3C8QQQ0J" }, []string{"host.uscc uscc_checksum"}},
		{"filing", func(r *Workstation) { r.Filing = &Filing{SubmittedOn: "2025-03-01", FiledOn: "2025-02-30"} }, []string{
			"filing.filed_on date"}},
		{"onsite days", func(r *Workstation) {
			r.OnsiteDays = []OnsiteDays{{Year: 2025, ExpertID: testExpert1, Days: 120}, {Year: 2025, ExpertID: "x", Days: 400}}
		}, []string{"onsite_days[1].expert_id record_id=exp", "onsite_days[1].days lte=366"}},
		{"evaluations", func(r *Workstation) { r.Evaluations = []Evaluation{{Year: 2025, Kind: "ANNUAL", Grade: "A+"}} }, []string{
			"evaluations[0].grade oneof=EXCELLENT GOOD PASS FAIL"}},
	})
}

func validEnclave() *Enclave {
	return &Enclave{
		Meta:        Meta{Area: "ZONE_LINGANG"},
		Name:        "临沂（上海）人才飞地",
		Type:        EnclaveOffshoreIncubator,
		BuilderKind: "PARK",
		Builder:     Org{USCC: testUSCC, Name: "临港区管委会"},
		HostRegion:  "YANGTZE_DELTA",
		HostCity:    "上海",
		Address:     "上海市浦东新区某路1号",
		FloorAreaM2: 1200.5,
		RDStaff:     30,
		Contacts:    []Contact{{Name: "赵六", Mobile: "13712345678", Role: "运营负责人"}},
	}
}

func TestValidateEnclave(t *testing.T) {
	runCases(t, validEnclave, []vcase[*Enclave]{
		{name: "valid"},
		{"no contacts", func(r *Enclave) { r.Contacts = nil }, []string{"contacts min=1"}},
		{"contact unreachable", func(r *Enclave) { r.Contacts = append(r.Contacts, Contact{Name: "钱七"}) }, []string{
			"contacts[1].mobile required_without=email", "contacts[1].email required_without=mobile"}},
		{"contact email only", func(r *Enclave) { r.Contacts[0].Mobile, r.Contacts[0].Email = "", "ops@example.cn" }, nil},
		{"contact mobile invalid", func(r *Enclave) { r.Contacts[0].Mobile = "110" }, []string{"contacts[0].mobile mobile_format"}},
		{"no floor area", func(r *Enclave) { r.FloorAreaM2 = 0 }, []string{"floor_area_m2 gt=0"}},
		{"negative floor area", func(r *Enclave) { r.FloorAreaM2 = -3 }, []string{"floor_area_m2 gt=0"}},
		{"negative staff", func(r *Enclave) { r.RDStaff = -1 }, []string{"rd_staff gte=0"}},
		{"type unknown", func(r *Enclave) { r.Type = "CAFE" }, []string{
			"type oneof=OFFSHORE_INCUBATOR ACCELERATOR STARTUP_PARK RND_INSTITUTION"}},
		{"builder missing", func(r *Enclave) { r.Builder = Org{} }, []string{"builder required"}},
		{"host region unknown", func(r *Enclave) { r.HostRegion = "MOON" }, []string{
			"host_region oneof=JING_JIN_JI YANGTZE_DELTA GREATER_BAY_AREA OTHER_DOMESTIC OVERSEAS"}},
		{"host city and address missing", func(r *Enclave) { r.HostCity, r.Address = "", "" }, []string{
			"host_city required", "address required"}},
		{"recognition", func(r *Enclave) {
			r.Recognition = &Recognition{BatchYear: 2025, RecognizedOn: "2025-06-30", DocNo: "临科发〔2025〕12号"}
			r.ValidTo = "2028-06-30"
		}, nil},
		{"recognition invalid", func(r *Enclave) {
			r.Recognition = &Recognition{BatchYear: 1999, RecognizedOn: "2025-06-31"}
			r.ValidTo = "2028"
		}, []string{"recognition.batch_year gte=2000", "recognition.recognized_on date", "valid_to date"}},
	})
}
