package registry

import "fmt"

// Kind names a record kind. Its value is the plural used in URLs and as the
// store's collection name.
type Kind string

// The four record kinds.
const (
	KindTalent      Kind = "talents"
	KindExpert      Kind = "experts"
	KindWorkstation Kind = "workstations"
	KindEnclave     Kind = "enclaves"
)

// Kinds lists every record kind in a stable order.
var Kinds = []Kind{KindTalent, KindExpert, KindWorkstation, KindEnclave}

// ParseKind returns the Kind named by s (the plural form).
func ParseKind(s string) (Kind, error) {
	for _, k := range Kinds {
		if string(k) == s {
			return k, nil
		}
	}
	return "", fmt.Errorf("registry: unknown record kind %q", s)
}

// Singular is the kind's name in event subjects: talent.<singular>.<event>.
func (k Kind) Singular() string {
	switch k {
	case KindTalent:
		return "talent"
	case KindExpert:
		return "expert"
	case KindWorkstation:
		return "workstation"
	case KindEnclave:
		return "enclave"
	}
	return string(k)
}

// IDPrefix is the typed prefix of the kind's record ids (tal_, exp_, aws_, enc_).
func (k Kind) IDPrefix() string {
	switch k {
	case KindTalent:
		return "tal"
	case KindExpert:
		return "exp"
	case KindWorkstation:
		return "aws"
	case KindEnclave:
		return "enc"
	}
	return "rec"
}

// KindOfID returns the kind whose prefix the id carries.
func KindOfID(id string) (Kind, bool) {
	for _, k := range Kinds {
		p := k.IDPrefix() + "_"
		if len(id) > len(p) && id[:len(p)] == p {
			return k, true
		}
	}
	return "", false
}

// NewRecord returns an empty record of the kind.
func NewRecord(k Kind) Record {
	switch k {
	case KindTalent:
		return &Talent{}
	case KindExpert:
		return &Expert{}
	case KindWorkstation:
		return &Workstation{}
	case KindEnclave:
		return &Enclave{}
	}
	return nil
}
