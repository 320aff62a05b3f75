package registrytest

import (
	"fmt"

	"talentd/registry"
)

// Talent returns a valid FULL_TIME talent of the area; n picks a distinct
// identity number.
func Talent(area string, n int) *registry.Talent {
	return &registry.Talent{
		Meta: registry.Meta{Area: area}, Name: fmt.Sprintf("人才%d", n),
		IDDoc:       registry.IDDoc{Type: registry.DocCNID, Number: PersonID(n)},
		Nationality: "CHN", Mobile: "13800138000", Tier: "C", Level: registry.LevelProvincial,
		Origin: "DOMESTIC", Channel: registry.ChannelOther, Employment: registry.EmploymentFullTime,
		Employer: registry.Org{USCC: USCC1, Name: "临沂智能科技有限公司"}, Field: "AI",
	}
}

// Expert returns a valid expert of the kind; academicians get Retired set.
func Expert(area string, n int, kind registry.ExpertKind, retired bool) *registry.Expert {
	e := &registry.Expert{
		Meta: registry.Meta{Area: area}, Name: fmt.Sprintf("专家%d", n),
		IDDoc:       registry.IDDoc{Type: registry.DocCNID, Number: PersonID(n)},
		Nationality: "CHN", Email: fmt.Sprintf("expert%d@example.cn", n), ExpertKind: kind,
		Employer: registry.Org{USCC: USCC2, Name: "某大学"}, Engagement: "FLEXIBLE",
	}
	if kind.IsAcademician() {
		e.Retired = &retired
	}
	return e
}

// ForeignExpert returns a valid foreign expert with passport and work permit.
func ForeignExpert(area string, n int) *registry.Expert {
	return &registry.Expert{
		Meta: registry.Meta{Area: area}, Name: fmt.Sprintf("Expert %d", n),
		IDDoc:       registry.IDDoc{Type: registry.DocPassport, Number: fmt.Sprintf("E%08d", n)},
		Nationality: "DEU", Email: fmt.Sprintf("foreign%d@example.de", n), ExpertKind: registry.ExpertForeign,
		Employer: registry.Org{USCC: USCC2, Name: "某大学"}, Engagement: "FULL_TIME",
		Passport:   &registry.Passport{Country: "DEU", Number: fmt.Sprintf("E%08d", n), ValidTo: "2031-06-30"},
		WorkPermit: &registry.WorkPermit{Category: "A", Number: fmt.Sprintf("WP%08d", n), ValidFrom: "2026-01-01", ValidTo: "2028-12-31"},
	}
}

// Workstation returns a valid workstation with the academicians (the first
// is LEAD).
func Workstation(area string, expertIDs ...string) *registry.Workstation {
	w := &registry.Workstation{
		Meta: registry.Meta{Area: area}, Name: "院士工作站",
		Host:         registry.Org{USCC: USCC1, Name: "临沂智能科技有限公司"},
		StationKind:  "ENTERPRISE",
		Agreement:    registry.StationAgreement{SignedOn: "2026-01-10", Start: "2026-02-01", End: "2029-01-31"},
		DailyManager: registry.Contact{Name: "赵强", Mobile: "13700137000"},
	}
	for i, id := range expertIDs {
		role := "MEMBER"
		if i == 0 {
			role = "LEAD"
		}
		w.Academicians = append(w.Academicians, registry.StationMember{ExpertID: id, Role: role})
	}
	return w
}

// Enclave returns a valid enclave of the type.
func Enclave(area string, typ registry.EnclaveType) *registry.Enclave {
	return &registry.Enclave{
		Meta: registry.Meta{Area: area}, Name: "临沂(深圳)离岸孵化器", Type: typ, BuilderKind: "PARK",
		Builder:    registry.Org{USCC: USCC1, Name: "临沂高新区管委会"},
		HostRegion: "GREATER_BAY_AREA", HostCity: "深圳", Address: "南山区科技园",
		FloorAreaM2: 1200, RDStaff: 35,
		Contacts: []registry.Contact{{Name: "王敏", Mobile: "13800138000", Role: "运营"}},
	}
}

// EventIDs are the ids of the events, in order.
func EventIDs(evs []registry.Event) []string {
	var out []string
	for _, e := range evs {
		out = append(out, e.ID)
	}
	return out
}
