package events

// Payloads: the data of each event type, JSON in snake_case. They carry ids
// and facts (id, area, version, status, type/tier/channel, dates), never a
// personal number: no identity document, passport, permit or mobile number,
// no name or e-mail. A consumer that needs more reads the record by id.

// Record identifies the record an event is about, at the version the event
// belongs to.
type Record struct {
	ID      string `json:"id"`
	Kind    string `json:"kind"` // talent, expert, workstation, enclave
	Area    string `json:"area"`
	Version int64  `json:"version"`
	Status  string `json:"status"`
}

// Facts are the non-personal classification facts and dates of a record
// that consumers branch on. Fields a kind lacks stay empty.
type Facts struct {
	// Type is the enclave type, the expert kind or the workstation kind.
	Type       string   `json:"type,omitempty"`
	Tier       string   `json:"tier,omitempty"`       // talent
	Level      string   `json:"level,omitempty"`      // talent
	Channel    string   `json:"channel,omitempty"`    // talent
	Employment string   `json:"employment,omitempty"` // talent; expert engagement
	Origin     string   `json:"origin,omitempty"`     // talent
	EnclaveID  string   `json:"enclave_id,omitempty"` // talent via an enclave
	ExpertIDs  []string `json:"expert_ids,omitempty"` // workstation academicians
	HostRegion string   `json:"host_region,omitempty"`
	// Dates are the record's deadline anchors by JSON path, YYYY-MM-DD:
	// "agreement.end", "work_permit.valid_to", "passport.valid_to",
	// "residence_permit.valid_to", "competition.landing_deadline",
	// "valid_to", "recognition.recognized_on".
	Dates map[string]string `json:"dates,omitempty"`
}

// RecordCreated is the data of talent.<kind>.created.
type RecordCreated struct {
	Record
	By    string `json:"by,omitempty"` // the principal (API key id)
	Facts Facts  `json:"facts"`
}

// RecordUpdated is the data of talent.<kind>.updated: which top-level
// fields changed between PrevVersion and Version (field names only, never
// their values).
type RecordUpdated struct {
	Record
	PrevVersion int64    `json:"prev_version"`
	Changed     []string `json:"changed"`
	By          string   `json:"by,omitempty"` // the principal (API key id)
	Facts       Facts    `json:"facts"`
}

// RecordStatusChanged is the data of talent.<kind>.status_changed.
type RecordStatusChanged struct {
	Record
	PrevVersion int64  `json:"prev_version"`
	From        string `json:"from"`
	To          string `json:"to"`
	Reason      string `json:"reason,omitempty"`
	By          string `json:"by,omitempty"` // the principal (API key id)
	Facts       Facts  `json:"facts"`
}

// RecordDeleted is the data of talent.<kind>.deleted. Version is the last
// version the record had.
type RecordDeleted struct {
	Record
	By string `json:"by,omitempty"` // the principal (API key id)
}

// EnclaveRecognizedData is the data of talent.enclave.recognized.
type EnclaveRecognizedData struct {
	EnclaveID    string `json:"enclave_id"`
	Type         string `json:"type"`
	Area         string `json:"area"`
	Version      int64  `json:"version"`
	RecognizedOn string `json:"recognized_on"`
	BatchYear    int    `json:"batch_year,omitempty"`
	ValidTo      string `json:"valid_to,omitempty"`
}

// EnclaveRevokedData is the data of talent.enclave.revoked.
type EnclaveRevokedData struct {
	EnclaveID string `json:"enclave_id"`
	Type      string `json:"type"`
	Area      string `json:"area"`
	Version   int64  `json:"version"`
	RevokedOn string `json:"revoked_on"`
	Reason    string `json:"reason,omitempty"`
}

// WorkstationFiledData is the data of talent.workstation.filed.
type WorkstationFiledData struct {
	WorkstationID string   `json:"workstation_id"`
	Kind          string   `json:"kind"` // ENTERPRISE, COMPREHENSIVE
	Area          string   `json:"area"`
	Version       int64    `json:"version"`
	FiledOn       string   `json:"filed_on"`
	ExpertIDs     []string `json:"expert_ids,omitempty"`
}

// WorkstationEvaluatedData is the data of talent.workstation.evaluated: one
// evaluation was added (the excellent-evaluation subsidy keys on it).
type WorkstationEvaluatedData struct {
	WorkstationID string `json:"workstation_id"`
	Area          string `json:"area"`
	Version       int64  `json:"version"`
	Status        string `json:"status"` // the station's status at the time
	Year          int    `json:"year"`
	EvalKind      string `json:"eval_kind"` // ANNUAL, COMPREHENSIVE
	Grade         string `json:"grade"`     // EXCELLENT, GOOD, PASS, FAIL
	FiledOn       string `json:"filed_on,omitempty"`
}

// TalentApprovedData is the data of talent.talent.approved.
type TalentApprovedData struct {
	TalentID   string `json:"talent_id"`
	Area       string `json:"area"`
	Version    int64  `json:"version"`
	Tier       string `json:"tier"`
	Level      string `json:"level"`
	Channel    string `json:"channel"`
	Employment string `json:"employment"`
	Origin     string `json:"origin,omitempty"`
	EnclaveID  string `json:"enclave_id,omitempty"`
	ApprovedOn string `json:"approved_on"`
}

// PermitRenewedData is the data of talent.expert.permit_renewed. The permit
// number is personal and never sent.
type PermitRenewedData struct {
	ExpertID    string `json:"expert_id"`
	Area        string `json:"area"`
	Version     int64  `json:"version"`
	Category    string `json:"category"` // A, B, C
	ValidFrom   string `json:"valid_from"`
	ValidTo     string `json:"valid_to"`
	PrevValidTo string `json:"prev_valid_to,omitempty"`
}

// PermitExpiredData is the data of talent.expert.permit_expired.
type PermitExpiredData struct {
	ExpertID string `json:"expert_id"`
	Area     string `json:"area"`
	Version  int64  `json:"version"`
	ValidTo  string `json:"valid_to"`
}
