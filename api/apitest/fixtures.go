package apitest

import (
	"time"

	"talentd/registry/registrytest"
)

// ResidentID returns the n-th of a series of distinct valid resident ID
// numbers (n from 0 to 19999): area code 371302, a birth date n days after
// 1960-01-01, a sequence number and the check character.
func ResidentID(n int) string {
	born := time.Date(1960, 1, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, n)
	return registrytest.ResidentID("371302", born.Format("20060102"), n%1000)
}

// TalentBody is a valid talent of area 371302 holding the resident ID idNumber.
func TalentBody(idNumber string) map[string]any {
	return map[string]any{
		"area": "371302", "name": "张伟",
		"id_doc":      map[string]any{"type": "CN_ID", "number": idNumber},
		"nationality": "CHN", "mobile": "13912345678",
		"tier": "C", "level": "MUNICIPAL", "origin": "DOMESTIC", "channel": "OTHER",
		"employment": "FULL_TIME", "field": "AI",
		"employer": map[string]any{"uscc": registrytest.USCC1, "name": "临沂某科技有限公司"},
	}
}

// ExpertBody is a valid academician (CAS, not retired) holding the
// resident ID idNumber.
func ExpertBody(idNumber string) map[string]any {
	return map[string]any{
		"area": "371300", "name": "李院士",
		"id_doc":      map[string]any{"type": "CN_ID", "number": idNumber},
		"nationality": "CHN", "email": "li@example.com",
		"kind": "ACADEMICIAN_CAS", "retired": false, "engagement": "FLEXIBLE",
		"employer": map[string]any{"uscc": registrytest.USCC2, "name": "某大学"},
	}
}

// ForeignExpertBody is a valid foreign expert with a passport and a work permit.
func ForeignExpertBody(passport string) map[string]any {
	return map[string]any{
		"area": "ZONE_HIGHTECH", "name": "John Smith",
		"id_doc":      map[string]any{"type": "PASSPORT", "number": passport},
		"nationality": "USA", "email": "john@example.com",
		"kind": "FOREIGN_EXPERT", "engagement": "FULL_TIME",
		"employer":    map[string]any{"uscc": registrytest.USCC1, "name": "临沂某科技有限公司"},
		"passport":    map[string]any{"country": "USA", "number": passport, "valid_to": "2031-01-01"},
		"work_permit": map[string]any{"category": "A", "number": "WP1234567", "valid_from": "2025-01-01", "valid_to": "2027-01-01"},
	}
}

// WorkstationBody is a valid workstation whose academicians are the
// experts named (the first LEAD, the others MEMBER).
func WorkstationBody(expertIDs ...string) map[string]any {
	var members []any
	for i, id := range expertIDs {
		role := "MEMBER"
		if i == 0 {
			role = "LEAD"
		}
		members = append(members, map[string]any{"expert_id": id, "role": role})
	}
	return map[string]any{
		"area": "371300", "name": "某院士工作站", "kind": "ENTERPRISE",
		"host":          map[string]any{"uscc": registrytest.USCC1, "name": "临沂某科技有限公司"},
		"academicians":  members,
		"agreement":     map[string]any{"signed_on": "2025-01-01", "start": "2025-01-10", "end": "2029-01-10"},
		"daily_manager": map[string]any{"name": "王五", "mobile": "13912345678"},
	}
}

// EnclaveBody is a valid offshore incubator in the Yangtze River Delta.
func EnclaveBody() map[string]any {
	return map[string]any{
		"area": "ZONE_HIGHTECH", "name": "临沂（上海）离岸孵化器", "type": "OFFSHORE_INCUBATOR",
		"builder_kind": "PARK", "builder": map[string]any{"uscc": registrytest.USCC2, "name": "临沂高新区管委会"},
		"host_region": "YANGTZE_DELTA", "host_city": "上海", "address": "上海市闵行区某路 1 号",
		"floor_area_m2": 1200.5, "rd_staff": 30,
		"contacts": []any{map[string]any{"name": "赵六", "mobile": "13800001111", "role": "运营"}},
	}
}
