package registry

// Enclave is a talent enclave (人才飞地) the city runs in another region.
type Enclave struct {
	Meta
	Name        string       `json:"name" validate:"required,min=1,max=128"`
	Type        EnclaveType  `json:"type" validate:"required,oneof=OFFSHORE_INCUBATOR ACCELERATOR STARTUP_PARK RND_INSTITUTION"`
	BuilderKind string       `json:"builder_kind" validate:"required,oneof=GOV_DEPT PARK ENTERPRISE"`
	Builder     Org          `json:"builder" validate:"required"`
	HostRegion  string       `json:"host_region" validate:"required,oneof=JING_JIN_JI YANGTZE_DELTA GREATER_BAY_AREA OTHER_DOMESTIC OVERSEAS"`
	HostCity    string       `json:"host_city" validate:"required,min=1,max=64"`
	Address     string       `json:"address" validate:"required,min=1,max=256"`
	FloorAreaM2 float64      `json:"floor_area_m2" validate:"gt=0,lte=10000000"`
	RDStaff     int          `json:"rd_staff" validate:"gte=0,lte=1000000"`
	Contacts    []Contact    `json:"contacts" validate:"min=1,max=20,dive"`
	Recognition *Recognition `json:"recognition,omitempty"`
	ValidTo     Date         `json:"valid_to,omitempty" validate:"omitempty,date"`
}

// EnclaveType is the kind of enclave.
type EnclaveType string

// Enclave types.
const (
	EnclaveOffshoreIncubator EnclaveType = "OFFSHORE_INCUBATOR"
	EnclaveAccelerator       EnclaveType = "ACCELERATOR"
	EnclaveStartupPark       EnclaveType = "STARTUP_PARK"
	EnclaveRnDInstitution    EnclaveType = "RND_INSTITUTION"
)

// Recognition is the bureau's recognition of an enclave.
type Recognition struct {
	BatchYear    int    `json:"batch_year,omitempty" validate:"omitempty,gte=2000,lte=2100"`
	RecognizedOn Date   `json:"recognized_on,omitempty" validate:"omitempty,date"`
	DocNo        string `json:"doc_no,omitempty" validate:"omitempty,max=64"`
}

// RecognitionYears is how long a recognition holds when valid_to is not given.
const RecognitionYears = 3

// Enclave lifecycle states.
const (
	EnclaveDraft        Status = "DRAFT"
	EnclaveApplied      Status = "APPLIED"
	EnclavePublicNotice Status = "PUBLIC_NOTICE"
	EnclaveRecognized   Status = "RECOGNIZED"
	EnclaveOperating    Status = "OPERATING"
	EnclaveRejected     Status = "REJECTED"
	EnclaveRectifying   Status = "RECTIFYING"
	EnclaveRevoked      Status = "REVOKED"
	EnclaveExpired      Status = "EXPIRED"
	EnclaveExited       Status = "EXITED"
)

// Base implements Record.
func (e *Enclave) Base() *Meta { return &e.Meta }

// Kind implements Record.
func (e *Enclave) Kind() Kind { return KindEnclave }

// DisplayName implements Record.
func (e *Enclave) DisplayName() string { return e.Name }

// Identity implements Record.
func (e *Enclave) Identity() *IDDoc { return nil }

// Filters implements Record.
func (e *Enclave) Filters() map[string]string {
	return map[string]string{"type": string(e.Type), "host_region": e.HostRegion}
}

// Refs implements Record.
func (e *Enclave) Refs() []string { return nil }
