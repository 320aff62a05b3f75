package pii_test

import (
	"testing"

	"talentd/registry"
	"talentd/registry/pii"
)

func TestMask(t *testing.T) {
	cases := []struct {
		class registry.PersonalClass
		in    string
		want  string
	}{
		{registry.PersonalIDNumber, "371302199001011234", "3713**********1234"},
		{registry.PersonalIDNumber, "37130219900101123X", "3713**********123X"},
		{registry.PersonalIDNumber, "ABC123456789012", "ABC1*******9012"},
		{registry.PersonalIDNumber, "H1234567", "********"},
		{registry.PersonalMobile, "13800138000", "138****8000"},
		{registry.PersonalMobile, "1380013", "*******"},
		{registry.PersonalPassport, "E12345678", "E1*****78"},
		{registry.PersonalPassport, "G123456", "*******"},
		{registry.PersonalPassport, "AB12345", "*******"},
		{registry.PersonalIDNumber, "", ""},
		{registry.PersonalMobile, "", ""},
		{registry.PersonalIDNumber, "张三李四王五赵六钱七孙周", "张三李四****钱七孙周"}, // runes, not bytes
		{registry.PersonalIDNumber, "张三李四王五赵六钱七孙", "***********"},
	}
	for _, c := range cases {
		if got := pii.Mask(c.class, c.in); got != c.want {
			t.Errorf("Mask(%d, %q) = %q, want %q", c.class, c.in, got, c.want)
		}
	}
}
