package registry

// Workstation is an academician workstation (院士工作站).
type Workstation struct {
	Meta
	Name         string           `json:"name" validate:"required,min=1,max=128"`
	Host         Org              `json:"host" validate:"required"`
	StationKind  WorkstationKind  `json:"kind" validate:"required,oneof=ENTERPRISE COMPREHENSIVE"`
	Academicians []StationMember  `json:"academicians" validate:"min=1,max=20,dive"`
	Agreement    StationAgreement `json:"agreement" validate:"required"`
	Filing       *Filing          `json:"filing,omitempty"`
	OnsiteDays   []OnsiteDays     `json:"onsite_days,omitempty" validate:"omitempty,max=200,dive"`
	Evaluations  []Evaluation     `json:"evaluations,omitempty" validate:"omitempty,max=100,dive"`
	DailyManager Contact          `json:"daily_manager" validate:"required"`
	Warnings     []string         `json:"warnings,omitempty"`
}

// WorkstationKind is the kind of a workstation.
type WorkstationKind string

// StationMember is an academician serving at a workstation.
type StationMember struct {
	ExpertID string `json:"expert_id" validate:"required,record_id=exp"`
	Role     string `json:"role" validate:"required,oneof=LEAD MEMBER"`
}

// StationAgreement is a workstation's agreement; a term outside 3–5 years is
// accepted with a warning.
type StationAgreement struct {
	SignedOn Date `json:"signed_on" validate:"required,date"`
	Start    Date `json:"start" validate:"required,date"`
	End      Date `json:"end" validate:"required,date,after=start"`
}

// Filing is a workstation's filing with the provincial authority.
type Filing struct {
	Authority   string `json:"authority,omitempty" validate:"omitempty,max=128"`
	Batch       string `json:"batch,omitempty" validate:"omitempty,max=64"`
	SubmittedOn Date   `json:"submitted_on,omitempty" validate:"omitempty,date"`
	FiledOn     Date   `json:"filed_on,omitempty" validate:"omitempty,date"`
}

// DefaultFilingAuthority is the authority a filing goes to when none is named.
const DefaultFilingAuthority = "山东省科学技术厅"

// OnsiteDays is an academician's days on site in a year (at least 90 expected).
type OnsiteDays struct {
	Year     int    `json:"year" validate:"required,gte=2000,lte=2100"`
	ExpertID string `json:"expert_id" validate:"required,record_id=exp"`
	Days     int    `json:"days" validate:"gte=0,lte=366"`
}

// Evaluation is a workstation's yearly or comprehensive evaluation.
type Evaluation struct {
	Year  int    `json:"year" validate:"required,gte=2000,lte=2100"`
	Kind  string `json:"kind" validate:"required,oneof=ANNUAL COMPREHENSIVE"`
	Grade string `json:"grade" validate:"required,oneof=EXCELLENT GOOD PASS FAIL"`
}

// Contact is a named person with a way to reach them.
type Contact struct {
	Name   string `json:"name" validate:"required,min=1,max=64"`
	Mobile string `json:"mobile,omitempty" validate:"required_without=Email,omitempty,mobile"`
	Email  string `json:"email,omitempty" validate:"required_without=Mobile,omitempty,email,max=254"`
	Role   string `json:"role,omitempty" validate:"omitempty,max=64"`
}

// Workstation lifecycle states.
const (
	StationPlanned         Status = "PLANNED"
	StationFilingSubmitted Status = "FILING_SUBMITTED"
	StationPublicNotice    Status = "PUBLIC_NOTICE"
	StationFiled           Status = "FILED"
	StationOperating       Status = "OPERATING"
	StationReturned        Status = "RETURNED"
	StationRejected        Status = "REJECTED"
	StationRectifying      Status = "RECTIFYING"
	StationRevoked         Status = "REVOKED"
	StationEnded           Status = "ENDED"
)

// StationInactive are the states that do not count towards an academician's
// workstation limit.
var StationInactive = []Status{StationEnded, StationRevoked, StationRejected}

// Base implements Record.
func (w *Workstation) Base() *Meta { return &w.Meta }

// Kind implements Record.
func (w *Workstation) Kind() Kind { return KindWorkstation }

// DisplayName implements Record.
func (w *Workstation) DisplayName() string { return w.Name }

// Identity implements Record.
func (w *Workstation) Identity() *IDDoc { return nil }

// Filters implements Record.
func (w *Workstation) Filters() map[string]string {
	return map[string]string{"kind": string(w.StationKind)}
}

// Refs implements Record: the academicians' expert ids.
func (w *Workstation) Refs() []string {
	ids := make([]string, 0, len(w.Academicians))
	for _, a := range w.Academicians {
		ids = append(ids, a.ExpertID)
	}
	return ids
}
