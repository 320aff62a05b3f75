package registry

// Talent is a high-level talent (人才) registered by an area's office.
type Talent struct {
	Meta
	Name            string           `json:"name" validate:"required,min=1,max=64"`
	IDDoc           IDDoc            `json:"id_doc" validate:"required"`
	Nationality     string           `json:"nationality" validate:"required,iso3166_1_alpha3"`
	Gender          Gender           `json:"gender,omitempty" validate:"omitempty,oneof=MALE FEMALE"`
	BirthDate       Date             `json:"birth_date,omitempty" validate:"omitempty,date"`
	Mobile          string           `json:"mobile,omitempty" validate:"required_without=Email,omitempty,mobile"`
	Email           string           `json:"email,omitempty" validate:"required_without=Mobile,omitempty,email,max=254"`
	Tier            Tier             `json:"tier" validate:"required,oneof=A B C D E UNCLASSIFIED"`
	Level           Level            `json:"level" validate:"required,oneof=NATIONAL PROVINCIAL MUNICIPAL COUNTY"`
	Origin          Origin           `json:"origin" validate:"required,oneof=DOMESTIC OVERSEAS FOREIGN"`
	Channel         Channel          `json:"channel" validate:"required,oneof=LEADER_TEAM_PROJECT CASE_BY_CASE UNI_ENTERPRISE_JOINT COMPETITION NATIONAL_PROGRAM OTHER"`
	Employment      Employment       `json:"employment" validate:"required,oneof=FULL_TIME FLEXIBLE VIA_ENCLAVE"`
	Employer        Org              `json:"employer" validate:"required"`
	CoEmployer      *Org             `json:"co_employer,omitempty" validate:"required_if=Channel UNI_ENTERPRISE_JOINT,omitempty"`
	EnclaveID       string           `json:"enclave_id,omitempty" validate:"required_if=Employment VIA_ENCLAVE,omitempty,record_id=enc"`
	Field           Field            `json:"field" validate:"required,oneof=AI LIFE_HEALTH NEW_IT MED_ELDERLY_CARE MODERN_AGRICULTURE PHOTOVOLTAIC HIGH_END_EQUIPMENT NEW_MATERIALS OTHER"`
	Team            []TeamMember     `json:"team,omitempty" validate:"omitempty,max=100,dive"`
	Project         *Project         `json:"project,omitempty"`
	Agreement       *Agreement       `json:"agreement,omitempty"`
	Competition     *Competition     `json:"competition,omitempty" validate:"required_if=Channel COMPETITION,omitempty"`
	NationalProgram *NationalProgram `json:"national_program,omitempty" validate:"required_if=Channel NATIONAL_PROGRAM,omitempty"`
}

// Gender is derived from a CN_ID or PR_CARD number.
type Gender string

// Genders.
const (
	Male   Gender = "MALE"
	Female Gender = "FEMALE"
)

// Tier is the A–E talent classification (labels are configuration).
type Tier string

// Level is the level of the programme that recognised a talent.
type Level string

// Levels; "市级以上重点人才" means MUNICIPAL or above.
const (
	LevelNational   Level = "NATIONAL"
	LevelProvincial Level = "PROVINCIAL"
	LevelMunicipal  Level = "MUNICIPAL"
	LevelCounty     Level = "COUNTY"
)

// Origin says where a talent comes from.
type Origin string

// Channel is how a talent was recruited.
type Channel string

// Recruitment channels.
const (
	ChannelLeaderTeamProject  Channel = "LEADER_TEAM_PROJECT"
	ChannelCaseByCase         Channel = "CASE_BY_CASE"
	ChannelUniEnterpriseJoint Channel = "UNI_ENTERPRISE_JOINT"
	ChannelCompetition        Channel = "COMPETITION"
	ChannelNationalProgram    Channel = "NATIONAL_PROGRAM"
	ChannelOther              Channel = "OTHER"
)

// Employment is how a talent works for the city.
type Employment string

// Employment forms.
const (
	EmploymentFullTime   Employment = "FULL_TIME"
	EmploymentFlexible   Employment = "FLEXIBLE"
	EmploymentViaEnclave Employment = "VIA_ENCLAVE"
)

// Field is a talent's industrial field.
type Field string

// TeamMember is one member of a leader's team.
type TeamMember struct {
	Name string `json:"name" validate:"required,min=1,max=64"`
	Role string `json:"role" validate:"required,min=1,max=64"`
}

// Project is the project a talent brings.
type Project struct {
	Name           string `json:"name" validate:"required,min=1,max=128"`
	InvestmentYuan int64  `json:"investment_yuan" validate:"gte=0"`
}

// Agreement is a talent's agreement term; End must be after Start.
type Agreement struct {
	Start Date `json:"start" validate:"required,date"`
	End   Date `json:"end" validate:"required,date,after=start"`
}

// Competition is the award that recruited a talent; LandingDeadline defaults
// to AwardDate plus one year.
type Competition struct {
	Event           string `json:"event" validate:"required,min=1,max=128"`
	AwardDate       Date   `json:"award_date" validate:"required,date"`
	LandingDeadline Date   `json:"landing_deadline,omitempty" validate:"omitempty,date,after=award_date"`
}

// NationalProgram is a recommendation to a national talent programme.
type NationalProgram struct {
	Program   string        `json:"program" validate:"required,min=1,max=128"`
	BatchYear int           `json:"batch_year" validate:"required,gte=2000,lte=2100"`
	Result    ProgramResult `json:"result" validate:"required,oneof=PENDING SELECTED NOT_SELECTED"`
}

// ProgramResult is the outcome of a national programme recommendation.
type ProgramResult string

// Talent lifecycle states.
const (
	TalentDraft                 Status = "DRAFT"
	TalentSubmitted             Status = "SUBMITTED"
	TalentUnderReview           Status = "UNDER_REVIEW"
	TalentRecommended           Status = "RECOMMENDED"
	TalentApproved              Status = "APPROVED"
	TalentRejected              Status = "REJECTED"
	TalentActive                Status = "ACTIVE"
	TalentSuspended             Status = "SUSPENDED"
	TalentCompleted             Status = "COMPLETED"
	TalentTerminated            Status = "TERMINATED"
	TalentAwardedPendingLanding Status = "AWARDED_PENDING_LANDING"
	TalentLapsed                Status = "LAPSED"
	TalentWithdrawn             Status = "WITHDRAWN"
)

// Base implements Record.
func (t *Talent) Base() *Meta { return &t.Meta }

// Kind implements Record.
func (t *Talent) Kind() Kind { return KindTalent }

// DisplayName implements Record.
func (t *Talent) DisplayName() string { return t.Name }

// Identity implements Record.
func (t *Talent) Identity() *IDDoc { return &t.IDDoc }

// Filters implements Record.
func (t *Talent) Filters() map[string]string {
	return map[string]string{
		"tier": string(t.Tier), "level": string(t.Level), "channel": string(t.Channel),
		"field": string(t.Field), "employment": string(t.Employment),
	}
}

// Refs implements Record.
func (t *Talent) Refs() []string {
	if t.EnclaveID == "" {
		return nil
	}
	return []string{t.EnclaveID}
}
