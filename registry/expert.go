package registry

// Expert is an expert (专家), foreign experts and academicians included.
type Expert struct {
	Meta
	Name            string           `json:"name" validate:"required,min=1,max=64"`
	IDDoc           IDDoc            `json:"id_doc" validate:"required"`
	Nationality     string           `json:"nationality" validate:"required,iso3166_1_alpha3"`
	Gender          Gender           `json:"gender,omitempty" validate:"omitempty,oneof=MALE FEMALE"`
	BirthDate       Date             `json:"birth_date,omitempty" validate:"omitempty,date"`
	Mobile          string           `json:"mobile,omitempty" validate:"required_without=Email,omitempty,mobile"`
	Email           string           `json:"email,omitempty" validate:"required_without=Mobile,omitempty,email,max=254"`
	ExpertKind      ExpertKind       `json:"kind" validate:"required,oneof=FOREIGN_EXPERT ACADEMICIAN_CAS ACADEMICIAN_CAE FOREIGN_ACADEMICIAN DOMESTIC_EXPERT"`
	Retired         *bool            `json:"retired,omitempty"`
	Employer        Org              `json:"employer" validate:"required"`
	Engagement      Engagement       `json:"engagement" validate:"required,oneof=FULL_TIME FLEXIBLE SHORT_TERM"`
	WorkPermit      *WorkPermit      `json:"work_permit,omitempty" validate:"required_if=ExpertKind FOREIGN_EXPERT,omitempty"`
	Passport        *Passport        `json:"passport,omitempty"`
	ResidencePermit *ResidencePermit `json:"residence_permit,omitempty"`
	EntryDate       Date             `json:"entry_date,omitempty" validate:"omitempty,date"`
	ContractEnd     Date             `json:"contract_end,omitempty" validate:"omitempty,date"`
}

// ExpertKind classifies an expert.
type ExpertKind string

// Expert kinds.
const (
	ExpertForeign            ExpertKind = "FOREIGN_EXPERT"
	ExpertAcademicianCAS     ExpertKind = "ACADEMICIAN_CAS"
	ExpertAcademicianCAE     ExpertKind = "ACADEMICIAN_CAE"
	ExpertForeignAcademician ExpertKind = "FOREIGN_ACADEMICIAN"
	ExpertDomestic           ExpertKind = "DOMESTIC_EXPERT"
)

// IsAcademician reports whether the kind is one of the academician kinds.
func (k ExpertKind) IsAcademician() bool {
	return k == ExpertAcademicianCAS || k == ExpertAcademicianCAE || k == ExpertForeignAcademician
}

// Engagement is how an expert works for the city.
type Engagement string

// WorkPermit is a foreign expert's work permit; ValidTo may not pass the
// passport's ValidTo.
type WorkPermit struct {
	Category  string `json:"category" validate:"required,oneof=A B C"`
	Number    string `json:"number" validate:"required,min=5,max=32,alphanum"`
	ValidFrom Date   `json:"valid_from" validate:"required,date"`
	ValidTo   Date   `json:"valid_to" validate:"required,date,after=valid_from"`
}

// Passport is a foreign national's passport.
type Passport struct {
	Country string `json:"country" validate:"required,iso3166_1_alpha3"`
	Number  string `json:"number" validate:"required,passport"`
	ValidTo Date   `json:"valid_to" validate:"required,date"`
}

// ResidencePermit is a foreign national's residence permit.
type ResidencePermit struct {
	ValidTo Date `json:"valid_to" validate:"required,date"`
}

// Expert lifecycle states.
const (
	ExpertProspect      Status = "PROSPECT"
	ExpertActive        Status = "ACTIVE"
	ExpertLeft          Status = "LEFT"
	ExpertPermitExpired Status = "PERMIT_EXPIRED"
)

// Base implements Record.
func (e *Expert) Base() *Meta { return &e.Meta }

// Kind implements Record.
func (e *Expert) Kind() Kind { return KindExpert }

// DisplayName implements Record.
func (e *Expert) DisplayName() string { return e.Name }

// Identity implements Record.
func (e *Expert) Identity() *IDDoc { return &e.IDDoc }

// Filters implements Record.
func (e *Expert) Filters() map[string]string {
	return map[string]string{"kind": string(e.ExpertKind)}
}

// Refs implements Record.
func (e *Expert) Refs() []string { return nil }
