package registry

import (
	"errors"
	"strings"
	"testing"
	"time"
)

// testNow is the "now" of the identifier and validation tests.
var testNow = time.Date(2026, 3, 15, 10, 0, 0, 0, Shanghai)

// codeOf is the IdentError code of err, "" for nil.
func codeOf(t *testing.T, err error) string {
	t.Helper()
	if err == nil {
		return ""
	}
	var ie *IdentError
	if !errors.As(err, &ie) {
		t.Fatalf("error %v is not an *IdentError", err)
	}
	if !errors.Is(err, ErrInvalid) {
		t.Fatalf("error %v does not match ErrInvalid", err)
	}
	return ie.Code
}

func TestCheckUSCC(t *testing.T) {
	tests := []struct {
		in, code string
	}{
		{"914403001922038216", ""},
		{"91330106MA27Y4U47R", ""},
		{"91371300MA3C8QQQ0H", ""},
		{"91110000100000000R", ""},
		{"123713000049321607", ""},
		{"91330106ma27y4u47r", ""},      // lower case is upper-cased first
		{" 9133 0106 MA27 Y4U47R ", ""}, // spaces are stripped
		{"914403001922038217", "uscc_checksum"},
		{"91330106MA27Y4U47Q", "uscc_checksum"},
		{"91110000100000000A", "uscc_checksum"},
		{"91330106MA27Y4U47", "uscc_format"},   // 17 characters
		{"91330106MA27Y4U47RR", "uscc_format"}, // 19 characters
		{"91330106MA27Y4I47R", "uscc_format"},  // I is not in the alphabet
		{"91330106MA27Y4O47R", "uscc_format"},  // nor O
		{"9133010SMA27Y4U47R", "uscc_format"},  // nor S
		{"91330106MA27Y4V47R", "uscc_format"},  // nor V
		{"91330106MA27Y4Z47R", "uscc_format"},  // nor Z
		{"91330106MA27Y4U47你", "uscc_format"},  // not ASCII
		{"", "uscc_format"},
	}
	for _, tt := range tests {
		if got := codeOf(t, CheckUSCC(tt.in)); got != tt.code {
			t.Errorf("CheckUSCC(%q) = %q, want %q", tt.in, got, tt.code)
		}
	}
}

func TestParseResidentID(t *testing.T) {
	tests := []struct {
		in     string
		code   string
		born   Date
		gender Gender
	}{
		{"11010519491231002X", "", "1949-12-31", Female},
		{"11010519491231002x", "", "1949-12-31", Female}, // lower-case x
		{"110105 19491231 002X", "", "1949-12-31", Female},
		{"371302198506123017", "", "1985-06-12", Male},
		{"371328199001010015", "", "1990-01-01", Male},
		{"440304200002290022", "", "2000-02-29", Female}, // leap day
		{"990000199001010017", "", "1990-01-01", Male},   // unknown address code: accepted
		{"371302202512310010", "", "2025-12-31", Male},
		{"110105194912310021", "cn_id_checksum", "", ""},
		{"371302198506123018", "cn_id_checksum", "", ""},
		{"110105194902300020", "cn_id_birth_date", "", ""}, // 30 February
		{"371302203001010010", "cn_id_birth_date", "", ""}, // in the future
		{"37130220260101001X", "", "2026-01-01", Male},
		{"371302189912310016", "cn_id_birth_date", "", ""}, // before 1900
		{"11010519491231002", "cn_id_format", "", ""},
		{"11010519491231002XX", "cn_id_format", "", ""},
		{"1101051949123100X2", "cn_id_format", "", ""},
		{"11010519491231002Y", "cn_id_format", "", ""},
		{"110105491231002", "cn_id_format", "", ""}, // 15-digit numbers are no longer issued
		{"", "cn_id_format", "", ""},
	}
	for _, tt := range tests {
		h, err := ParseResidentID(tt.in, testNow)
		if got := codeOf(t, err); got != tt.code {
			t.Errorf("ParseResidentID(%q) code = %q, want %q", tt.in, got, tt.code)
			continue
		}
		if h.BirthDate != tt.born || h.Gender != tt.gender {
			t.Errorf("ParseResidentID(%q) = %+v, want %s %s", tt.in, h, tt.born, tt.gender)
		}
	}
}

func TestParseResidentIDFutureIsRelativeToNow(t *testing.T) {
	const n = "37130220260101001X" // born 2026-01-01
	before := time.Date(2025, 12, 31, 23, 0, 0, 0, Shanghai)
	if _, err := ParseResidentID(n, before); codeOf(t, err) != "cn_id_birth_date" {
		t.Errorf("born tomorrow: err = %v, want cn_id_birth_date", err)
	}
	// 2025-12-31 16:30 UTC is already 2026-01-01 in Shanghai.
	if _, err := ParseResidentID(n, time.Date(2025, 12, 31, 16, 30, 0, 0, time.UTC)); err != nil {
		t.Errorf("born today in Shanghai: err = %v", err)
	}
}

func TestParsePRCard(t *testing.T) {
	tests := []struct {
		in     string
		code   string
		born   Date
		gender Gender
	}{
		{"911398199012310021", "", "1990-12-31", Female},
		{"911375198506123016", "", "1985-06-12", Male},
		{"911840200102290026", "pr_card_birth_date", "", ""}, // 2001 is no leap year
		{"911375199912311236", "", "1999-12-31", Male},
		{"911398199012310022", "pr_card_checksum", "", ""},
		{"811398199012310021", "pr_card_format", "", ""}, // must start with 9
		{"91139819901231002", "pr_card_format", "", ""},
		{"USA310185060123", "", "", ""}, // 2017 format: nothing derived
		{"usa310185060123", "", "", ""},
		{"US1310185060123", "pr_card_format", "", ""},
		{"USA31018506012", "pr_card_format", "", ""},
		{"USA3101850601234", "pr_card_format", "", ""},
		{"", "pr_card_format", "", ""},
	}
	for _, tt := range tests {
		h, err := ParsePRCard(tt.in, testNow)
		if got := codeOf(t, err); got != tt.code {
			t.Errorf("ParsePRCard(%q) code = %q, want %q", tt.in, got, tt.code)
			continue
		}
		if h.BirthDate != tt.born || h.Gender != tt.gender {
			t.Errorf("ParsePRCard(%q) = %+v, want %s %s", tt.in, h, tt.born, tt.gender)
		}
	}
}

func TestNormalizeMobile(t *testing.T) {
	tests := []struct {
		in, want, code string
	}{
		{"13812345678", "13812345678", ""},
		{"+8613812345678", "13812345678", ""},
		{"+86 138-1234-5678", "13812345678", ""},
		{"008613812345678", "13812345678", ""},
		{"0086 199 1234 5678", "19912345678", ""},
		{"138　1234　5678", "13812345678", ""}, // full-width spaces
		{"12812345678", "", "mobile_format"}, // second digit below 3
		{"23812345678", "", "mobile_format"},
		{"1381234567", "", "mobile_format"},
		{"138123456789", "", "mobile_format"},
		{"8613812345678", "", "mobile_format"}, // 86 without + or 00
		{"+85213812345678", "", "mobile_format"},
		{"1381234567a", "", "mobile_format"},
		{"+86", "", "mobile_format"},
		{"", "", "mobile_format"},
	}
	for _, tt := range tests {
		got, err := NormalizeMobile(tt.in)
		if code := codeOf(t, err); code != tt.code || got != tt.want {
			t.Errorf("NormalizeMobile(%q) = %q, %q; want %q, %q", tt.in, got, code, tt.want, tt.code)
		}
	}
}

func TestNormalizePassport(t *testing.T) {
	tests := []struct {
		in, want, code string
	}{
		{"E12345678", "E12345678", ""},
		{"e1234 5678", "E12345678", ""},
		{"G-1234-5678", "G12345678", ""},
		{"AB123", "AB123", ""},
		{"A1234567890123456789", "A1234567890123456789", ""},
		{"AB12", "", "passport_format"},
		{"A12345678901234567890", "", "passport_format"},
		{"E1234_5678", "", "passport_format"},
		{"E1234567ß", "", "passport_format"},
		{"", "", "passport_format"},
	}
	for _, tt := range tests {
		got, err := NormalizePassport(tt.in)
		if code := codeOf(t, err); code != tt.code || got != tt.want {
			t.Errorf("NormalizePassport(%q) = %q, %q; want %q, %q", tt.in, got, code, tt.want, tt.code)
		}
	}
}

func TestCheckPermits(t *testing.T) {
	tests := []struct {
		typ  IDDocType
		in   string
		code string
	}{
		{DocHKMO, "H12345678", ""},
		{DocHKMO, "M1234567801", ""},
		{DocHKMO, "h 1234 5678", ""},
		{DocHKMO, "H1234567", "hkmo_permit_format"},
		{DocHKMO, "H123456789", "hkmo_permit_format"},
		{DocHKMO, "K12345678", "hkmo_permit_format"},
		{DocHKMO, "12345678", "hkmo_permit_format"},
		{DocHKMO, "", "hkmo_permit_format"},
		{DocTW, "12345678", ""},
		{DocTW, "1234567801", ""},
		{DocTW, "1234567", "tw_permit_format"},
		{DocTW, "123456789", "tw_permit_format"},
		{DocTW, "T12345678", "tw_permit_format"},
		{DocTW, "", "tw_permit_format"},
	}
	for _, tt := range tests {
		_, err := CheckIDNumber(tt.typ, tt.in, testNow)
		if got := codeOf(t, err); got != tt.code {
			t.Errorf("CheckIDNumber(%s, %q) = %q, want %q", tt.typ, tt.in, got, tt.code)
		}
	}
}

func TestCheckIDNumberDispatchesByType(t *testing.T) {
	tests := []struct {
		typ  IDDocType
		in   string
		code string
	}{
		{DocCNID, "11010519491231002X", ""},
		{DocCNID, "USA310185060123", "cn_id_format"},
		{DocPRCard, "911398199012310021", ""},
		{DocPRCard, "11010519491231002X", "pr_card_format"},
		{DocPassport, "E12345678", ""},
		{DocPassport, "11010519491231002X", ""},
		{DocPassport, "E1", "passport_format"},
		{DocHKMO, "E12345678", "hkmo_permit_format"},
		{DocTW, "E12345678", "tw_permit_format"},
		{"DRIVING_LICENCE", "E12345678", "id_type"},
	}
	for _, tt := range tests {
		_, err := CheckIDNumber(tt.typ, tt.in, testNow)
		if got := codeOf(t, err); got != tt.code {
			t.Errorf("CheckIDNumber(%s, %q) = %q, want %q", tt.typ, tt.in, got, tt.code)
		}
	}
}

func TestIdentErrorHoldsNoNumber(t *testing.T) {
	const n = "110105194912310021"
	_, err := ParseResidentID(n, testNow)
	if err == nil || strings.Contains(err.Error(), n) {
		t.Errorf("error %v must exist and not contain the number", err)
	}
}
