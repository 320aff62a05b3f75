package registry

import (
	"strings"
	"time"
	"unicode"
)

// IdentError says why an identifier is invalid. Code is the stable machine
// code the API reports ("uscc_checksum", "cn_id_birth_date", …). It matches
// ErrInvalid and never holds the identifier itself.
type IdentError struct{ Code string }

func (e *IdentError) Error() string { return "registry: invalid identifier: " + e.Code }

// Is makes errors.Is(err, ErrInvalid) true.
func (e *IdentError) Is(target error) bool { return target == ErrInvalid }

func identErr(code string) error { return &IdentError{Code: code} }

// Holder is what an identity number says about its holder. Both fields are
// empty for documents that say nothing (passports, 2017 permanent resident
// cards, permits).
type Holder struct {
	BirthDate Date
	Gender    Gender
}

// CanonicalIdent upper-cases ASCII letters and drops white space and dashes:
// the form every identifier is stored, compared and hashed in.
func CanonicalIdent(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		switch {
		case unicode.IsSpace(r) || r == '-':
		case 'a' <= r && r <= 'z':
			b.WriteRune(r - 'a' + 'A')
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// CheckIDNumber checks an identity document number by the document's type
// (after CanonicalIdent) and returns what the number says about its holder.
// now bounds the birth date a number may carry.
func CheckIDNumber(t IDDocType, number string, now time.Time) (Holder, error) {
	return checkIDNumber(t, number, DateOf(now))
}

// checkIDNumber is CheckIDNumber with the latest acceptable birth date;
// an empty latest accepts any birth date.
func checkIDNumber(t IDDocType, number string, latest Date) (Holder, error) {
	switch t {
	case DocCNID:
		return parseResidentID(number, latest)
	case DocPRCard:
		return parsePRCard(number, latest)
	case DocPassport:
		_, err := NormalizePassport(number)
		return Holder{}, err
	case DocHKMO:
		return Holder{}, CheckHKMOPermit(number)
	case DocTW:
		return Holder{}, CheckTWPermit(number)
	}
	return Holder{}, identErr("id_type")
}

// knownDocType reports whether t is one of the identity document types.
func knownDocType(t IDDocType) bool {
	switch t {
	case DocCNID, DocPRCard, DocPassport, DocHKMO, DocTW:
		return true
	}
	return false
}

// ParseResidentID checks a resident ID number (居民身份证, GB 11643-1999):
// 17 digits and a check character (digit or X) by ISO 7064 MOD 11-2, a
// birth date at positions 7–14 between 1900-01-01 and now, the gender by
// the parity of position 17. Address codes are not checked: old numbers
// keep retired codes. Codes: cn_id_format, cn_id_checksum, cn_id_birth_date.
func ParseResidentID(number string, now time.Time) (Holder, error) {
	return parseResidentID(number, DateOf(now))
}

func parseResidentID(number string, latest Date) (Holder, error) {
	s := CanonicalIdent(number)
	if !mod112Shape(s) {
		return Holder{}, identErr("cn_id_format")
	}
	return mod112Holder(s, latest, "cn_id_checksum", "cn_id_birth_date")
}

// ParsePRCard checks a foreign permanent resident ID (外国人永久居留身份证).
// The 2023 format is 18 characters starting with 9, checked like a resident
// ID (MOD 11-2, birth date at positions 7–14, gender at position 17); the
// 2017 format, three letters and twelve digits, carries nothing to check or
// derive. Codes: pr_card_format, pr_card_checksum, pr_card_birth_date.
func ParsePRCard(number string, now time.Time) (Holder, error) {
	return parsePRCard(number, DateOf(now))
}

func parsePRCard(number string, latest Date) (Holder, error) {
	s := CanonicalIdent(number)
	if isPRCard2017(s) {
		return Holder{}, nil
	}
	if !mod112Shape(s) || s[0] != '9' {
		return Holder{}, identErr("pr_card_format")
	}
	return mod112Holder(s, latest, "pr_card_checksum", "pr_card_birth_date")
}

// isPRCard2017 matches ^[A-Z]{3}\d{12}$.
func isPRCard2017(s string) bool {
	if len(s) != 15 {
		return false
	}
	for i := range 3 {
		if s[i] < 'A' || s[i] > 'Z' {
			return false
		}
	}
	return allDigits(s[3:])
}

// mod112Shape matches ^\d{17}[\dX]$.
func mod112Shape(s string) bool {
	return len(s) == 18 && allDigits(s[:17]) && (isDigit(s[17]) || s[17] == 'X')
}

var mod112Weights = [17]int{7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2}

// IDCheckChar is the ISO 7064 MOD 11-2 check character of the first 17
// digits of an 18-character resident ID or 2023 permanent resident ID
// number. digits must hold at least 17 ASCII digits.
func IDCheckChar(digits string) byte {
	sum := 0
	for i, w := range mod112Weights {
		sum += int(digits[i]-'0') * w
	}
	return "10X98765432"[sum%11]
}

// mod112Holder checks the check character and the birth date of s, which
// has mod112Shape, and returns its holder; the codes name each failure.
func mod112Holder(s string, latest Date, checksumCode, birthDateCode string) (Holder, error) {
	if IDCheckChar(s[:17]) != s[17] {
		return Holder{}, identErr(checksumCode)
	}
	h, ok := holderOf(s, latest)
	if !ok {
		return Holder{}, identErr(birthDateCode)
	}
	return h, nil
}

// holderOf reads the birth date (positions 7–14) and gender (position 17)
// of an 18-character number; ok is false if the date is not a real date
// from 1900-01-01 up to latest (unbounded when latest is empty).
func holderOf(s string, latest Date) (Holder, bool) {
	born := Date(s[6:10] + "-" + s[10:12] + "-" + s[12:14])
	if _, ok := born.Time(); !ok || born < "1900-01-01" || (latest != "" && born > latest) {
		return Holder{}, false
	}
	g := Female
	if (s[16]-'0')%2 == 1 {
		g = Male
	}
	return Holder{BirthDate: born, Gender: g}, true
}

// usccChars are the characters of a USCC (GB 32100-2015): no I, O, S, V, Z.
const usccChars = "0123456789ABCDEFGHJKLMNPQRTUWXY"

var usccWeights = [17]int{1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28}

// CheckUSCC checks a unified social credit code (统一社会信用代码, GB
// 32100-2015) after CanonicalIdent: 18 characters of the code's alphabet,
// the last a weighted mod-31 check character. Codes: uscc_format,
// uscc_checksum.
func CheckUSCC(s string) error {
	s = CanonicalIdent(s)
	if len(s) != 18 {
		return identErr("uscc_format")
	}
	for i := 0; i < len(s); i++ {
		if strings.IndexByte(usccChars, s[i]) < 0 {
			return identErr("uscc_format")
		}
	}
	if usccCheck(s[:17]) != s[17] {
		return identErr("uscc_checksum")
	}
	return nil
}

// usccCheck is the check character of the first 17 characters of a USCC,
// all of them in usccChars.
func usccCheck(body string) byte {
	sum := 0
	for i, w := range usccWeights {
		sum += strings.IndexByte(usccChars, body[i]) * w
	}
	return usccChars[(31-sum%31)%31]
}

// NormalizeMobile returns the canonical 11 digits of a mainland mobile
// number: white space and dashes dropped, a +86 or 0086 prefix removed,
// then ^1[3-9]\d{9}$. Code: mobile_format.
func NormalizeMobile(s string) (string, error) {
	s = CanonicalIdent(s)
	if rest, ok := strings.CutPrefix(s, "+86"); ok {
		s = rest
	} else if rest, ok := strings.CutPrefix(s, "0086"); ok {
		s = rest
	}
	if len(s) != 11 || s[0] != '1' || s[1] < '3' || !allDigits(s) {
		return "", identErr("mobile_format")
	}
	return s, nil
}

// NormalizePassport returns the canonical passport number: upper-cased,
// white space and dashes dropped, then ^[A-Z0-9]{5,20}$. Code:
// passport_format.
func NormalizePassport(s string) (string, error) {
	s = CanonicalIdent(s)
	if len(s) < 5 || len(s) > 20 || !allAlnum(s) {
		return "", identErr("passport_format")
	}
	return s, nil
}

// CheckHKMOPermit checks a Mainland Travel Permit for Hong Kong and Macao
// Residents (港澳居民来往内地通行证): H or M and 8 or 10 digits. Code:
// hkmo_permit_format.
func CheckHKMOPermit(s string) error {
	s = CanonicalIdent(s)
	if len(s) < 1 || (s[0] != 'H' && s[0] != 'M') || !permitDigits(s[1:]) {
		return identErr("hkmo_permit_format")
	}
	return nil
}

// CheckTWPermit checks a Mainland Travel Permit for Taiwan Residents (台湾居民
// 来往大陆通行证): 8 or 10 digits. Code: tw_permit_format.
func CheckTWPermit(s string) error {
	if !permitDigits(CanonicalIdent(s)) {
		return identErr("tw_permit_format")
	}
	return nil
}

// permitDigits matches ^\d{8}(\d{2})?$.
func permitDigits(s string) bool { return (len(s) == 8 || len(s) == 10) && allDigits(s) }

func isDigit(c byte) bool { return '0' <= c && c <= '9' }

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if !isDigit(s[i]) {
			return false
		}
	}
	return true
}

func allAlnum(s string) bool {
	for i := 0; i < len(s); i++ {
		if !isDigit(s[i]) && (s[i] < 'A' || s[i] > 'Z') {
			return false
		}
	}
	return true
}
