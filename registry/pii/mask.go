package pii

import (
	"strings"

	"talentd/registry"
)

// minHidden is how many characters a mask hides at least; a value too short
// to keep its head and tail visible with that many hidden is masked whole.
const minHidden = 4

// Mask hides a value of the class: MaskIDNumber, MaskPassport or MaskMobile.
func Mask(c registry.PersonalClass, v string) string {
	switch c {
	case registry.PersonalMobile:
		return MaskMobile(v)
	case registry.PersonalPassport:
		return MaskPassport(v)
	}
	return MaskIDNumber(v)
}

// MaskIDNumber keeps the first 4 and last 4 characters of an identity
// document number: "371302199001011234" → "3713**********1234".
func MaskIDNumber(v string) string { return keep(v, 4, 4) }

// MaskMobile keeps the first 3 and last 4 digits of a mobile:
// "13800138000" → "138****8000".
func MaskMobile(v string) string { return keep(v, 3, 4) }

// MaskPassport keeps the first 2 and last 2 characters of a passport
// number: "E12345678" → "E1*****78". Passports are short, and the issuing
// country is shown beside them, so less is kept than of an ID number.
func MaskPassport(v string) string { return keep(v, 2, 2) }

// keep shows head and tail runes of v and stars the rest, one star per
// hidden rune; v is starred whole if fewer than minHidden runes would be
// hidden.
func keep(v string, head, tail int) string {
	r := []rune(v)
	if len(r) < head+tail+minHidden {
		return strings.Repeat("*", len(r))
	}
	return string(r[:head]) + strings.Repeat("*", len(r)-head-tail) + string(r[len(r)-tail:])
}
