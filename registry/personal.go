package registry

import "fmt"

// PersonalClass says what kind of personal number a field holds, which
// decides how it is masked.
type PersonalClass int

// Classes of personal numbers.
const (
	PersonalIDNumber PersonalClass = iota // identity document number
	PersonalPassport                      // passport number
	PersonalMobile                        // mobile phone number
)

// PersonalField points at one personal number inside a record.
type PersonalField struct {
	Path  string // dotted JSON path, for messages and audit
	Class PersonalClass
	Value *string
}

// PersonalFields lists every personal number in r (ID-document numbers,
// passport numbers, mobiles), so sealing, opening and masking walk one list.
func PersonalFields(r Record) []PersonalField {
	var out []PersonalField
	add := func(path string, c PersonalClass, v *string) {
		out = append(out, PersonalField{Path: path, Class: c, Value: v})
	}
	switch t := r.(type) {
	case *Talent:
		add("id_doc.number", idClass(t.IDDoc.Type), &t.IDDoc.Number)
		add("mobile", PersonalMobile, &t.Mobile)
	case *Expert:
		add("id_doc.number", idClass(t.IDDoc.Type), &t.IDDoc.Number)
		add("mobile", PersonalMobile, &t.Mobile)
		if t.Passport != nil {
			add("passport.number", PersonalPassport, &t.Passport.Number)
		}
	case *Workstation:
		add("daily_manager.mobile", PersonalMobile, &t.DailyManager.Mobile)
	case *Enclave:
		for i := range t.Contacts {
			add(fmt.Sprintf("contacts[%d].mobile", i), PersonalMobile, &t.Contacts[i].Mobile)
		}
	}
	return out
}

func idClass(t IDDocType) PersonalClass {
	if t == DocPassport {
		return PersonalPassport
	}
	return PersonalIDNumber
}

// sealPersonal replaces every personal number of r with f(number).
func sealPersonal(r Record, f func(string) (string, error)) error {
	for _, pf := range PersonalFields(r) {
		if *pf.Value == "" {
			continue
		}
		v, err := f(*pf.Value)
		if err != nil {
			return fmt.Errorf("registry: %s: %w", pf.Path, err)
		}
		*pf.Value = v
	}
	return nil
}
