package registry

import (
	"reflect"
	"strings"

	"github.com/go-playground/validator/v10"
)

// ValidationCodes lists every FieldProblem code Validate reports, so the
// API can keep a message for each:
//
//   - field rules: required, required_without (Param: the other field),
//     min, max, gt, gte, lte (Param: the bound), oneof (Param: the allowed
//     values, space-separated), email, country (ISO 3166-1 alpha-3), alphanum,
//     date (YYYY-MM-DD), area, record_id (Param: the id prefix), after
//     (Param: the earlier date's field);
//   - identifiers: uscc_format, uscc_checksum, cn_id_format, cn_id_checksum,
//     cn_id_birth_date, pr_card_format, pr_card_checksum,
//     pr_card_birth_date, passport_format, hkmo_permit_format,
//     tw_permit_format, mobile_format;
//   - cross-field rules: gender_mismatch, birth_date_mismatch,
//     permit_after_passport, duplicate (Param: the duplicated value, if not
//     personal).
var ValidationCodes = []string{
	"required", "required_without", "min", "max", "gt", "gte", "lte", "oneof",
	"email", "country", "alphanum", "date", "area", "record_id", "after",
	"uscc_format", "uscc_checksum", "cn_id_format", "cn_id_checksum", "cn_id_birth_date",
	"pr_card_format", "pr_card_checksum", "pr_card_birth_date", "passport_format",
	"hkmo_permit_format", "tw_permit_format", "mobile_format",
	"gender_mismatch", "birth_date_mismatch", "permit_after_passport", "duplicate",
}

// tagCodes renames the validate tags whose name is not their code.
var tagCodes = map[string]string{
	"required_if":          "required",
	"required_unless":      "required",
	"required_with":        "required",
	"required_with_all":    "required",
	"required_without_all": "required",
	"iso3166_1_alpha3":     "country",
	"mobile":               "mobile_format",
	"passport":             "passport_format",
}

// problemOf turns a validator error into a FieldProblem: the path without
// the type name, and the tag turned into a stable code.
func problemOf(root reflect.Type, fe validator.FieldError) FieldProblem {
	_, field, _ := strings.Cut(fe.Namespace(), ".")
	tag, param := fe.Tag(), fe.Param()
	code, renamed := tagCodes[tag]
	if !renamed {
		code = tag
	}
	switch {
	case tag == "uscc":
		s, _ := fe.Value().(string)
		code = identCode(CheckUSCC(s), "uscc_format")
	case tag == "required_without":
		param = jsonNameAt(root, fe.StructNamespace(), param)
	case renamed && code == "required":
		param = "" // the condition names Go fields
	}
	return FieldProblem{Field: field, Code: code, Param: param}
}

// jsonNameAt returns the JSON name of the Go field goName that sits beside
// the field at structNs (Go names, "Talent.Contacts[0].Mobile").
func jsonNameAt(root reflect.Type, structNs, goName string) string {
	parts := strings.Split(structNs, ".")
	if len(parts) < 2 {
		return ""
	}
	t := root
	for _, p := range parts[1 : len(parts)-1] {
		p, _, _ = strings.Cut(p, "[")
		f, ok := t.FieldByName(p)
		if !ok {
			return ""
		}
		t = f.Type
		for t.Kind() == reflect.Pointer || t.Kind() == reflect.Slice {
			t = t.Elem()
		}
	}
	if f, ok := t.FieldByName(goName); ok {
		return jsonName(f)
	}
	return ""
}
