package registry

import (
	"context"
	"errors"
	"fmt"
	"reflect"
	"strings"
	"time"

	"github.com/go-playground/validator/v10"
)

// Validator checks a record against its field rules (the validate struct
// tags), the identifier rules and each kind's cross-field rules. It is safe
// for concurrent use; build one with NewValidator and share it.
type Validator struct {
	v     *validator.Validate
	areas map[string]bool
}

// NewValidator returns a validator that accepts the given area codes; nil
// or empty means the codes of DefaultAreas.
func NewValidator(areas []string) *Validator {
	if len(areas) == 0 {
		areas = AreaCodes(DefaultAreas)
	}
	val := &Validator{areas: make(map[string]bool, len(areas))}
	for _, a := range areas {
		val.areas[a] = true
	}
	v := validator.New(validator.WithRequiredStructEnabled(), validator.WithTagNameFuncBlankOmit())
	v.RegisterTagNameFunc(jsonName)
	for tag, fn := range val.fieldRules() {
		if err := v.RegisterValidation(tag, fn); err != nil {
			panic(err) // only an empty tag or a nil func fails: a bug here
		}
	}
	v.RegisterStructValidationCtx(checkIDDoc, IDDoc{})
	val.v = v
	return val
}

// fieldRules are the custom tags of the validate struct tags.
func (val *Validator) fieldRules() map[string]validator.Func {
	return map[string]validator.Func{
		"area":      func(fl validator.FieldLevel) bool { return val.areas[fl.Field().String()] },
		"uscc":      stringRule(func(s string) bool { return CheckUSCC(s) == nil }),
		"mobile":    stringRule(func(s string) bool { _, err := NormalizeMobile(s); return err == nil }),
		"passport":  stringRule(func(s string) bool { _, err := NormalizePassport(s); return err == nil }),
		"date":      stringRule(validDate),
		"record_id": func(fl validator.FieldLevel) bool { return ValidID(fl.Param(), fl.Field().String()) },
		"after":     isAfter,
	}
}

// stringRule adapts a check of a string field.
func stringRule(ok func(string) bool) validator.Func {
	return func(fl validator.FieldLevel) bool {
		return fl.Field().Kind() == reflect.String && ok(fl.Field().String())
	}
}

// validDate reports whether s is a real calendar date written YYYY-MM-DD.
func validDate(s string) bool {
	_, ok := Date(s).Time()
	return ok && len(s) == len(time.DateOnly)
}

// isAfter implements after=<json name>: a date later than the sibling
// field's date. Dates that do not parse are left to the date rule.
func isAfter(fl validator.FieldLevel) bool {
	other, ok := fieldByJSON(fl.Parent(), fl.Param())
	if !ok || other.Kind() != reflect.String {
		return false
	}
	end, start := Date(fl.Field().String()), Date(other.String())
	_, okEnd := end.Time()
	_, okStart := start.Time()
	return !okEnd || !okStart || end > start
}

// fieldByJSON returns the field of struct v whose JSON name is name.
func fieldByJSON(v reflect.Value, name string) (reflect.Value, bool) {
	v = reflect.Indirect(v)
	if v.Kind() != reflect.Struct {
		return reflect.Value{}, false
	}
	for i := range v.NumField() {
		if jsonName(v.Type().Field(i)) == name {
			return v.Field(i), true
		}
	}
	return reflect.Value{}, false
}

// jsonName is a field's JSON name; "" for embedded structs without one.
func jsonName(f reflect.StructField) string {
	name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
	if name == "-" {
		return ""
	}
	return name
}

type nowKey struct{}

// checkIDDoc checks id_doc.number by id_doc.type (a struct-level rule, so
// the code names what is wrong: cn_id_checksum, pr_card_format, …).
func checkIDDoc(ctx context.Context, sl validator.StructLevel) {
	doc, ok := sl.Current().Interface().(IDDoc)
	if !ok || doc.Number == "" || !knownDocType(doc.Type) {
		return // the field rules report these
	}
	now, _ := ctx.Value(nowKey{}).(time.Time)
	if _, err := CheckIDNumber(doc.Type, doc.Number, now); err != nil {
		sl.ReportError(nil, "number", "Number", identCode(err, "id_number"), "")
	}
}

// identCode is the code of an identifier error, or fallback.
func identCode(err error, fallback string) string {
	var ie *IdentError
	if errors.As(err, &ie) {
		return ie.Code
	}
	return fallback
}

// Validate checks r as of now (identity numbers may not carry a birth date
// after now). It returns a *ValidationError listing every problem, each at
// its dotted JSON path with a stable code, or nil if r is valid.
func (val *Validator) Validate(r Record, now time.Time) error {
	if r == nil || reflect.ValueOf(r).IsNil() {
		return &ValidationError{Problems: []FieldProblem{{Code: "required"}}}
	}
	ctx := context.WithValue(context.Background(), nowKey{}, now)
	verr := &ValidationError{}
	err := val.v.StructCtx(ctx, r)
	var fes validator.ValidationErrors
	switch {
	case errors.As(err, &fes):
		root := reflect.TypeOf(r).Elem()
		for _, fe := range fes {
			verr.Problems = append(verr.Problems, problemOf(root, fe))
		}
	case err != nil:
		return fmt.Errorf("registry: validate %s: %w", r.Kind(), err)
	}
	kindRules(r, now, verr)
	return verr.Err()
}
