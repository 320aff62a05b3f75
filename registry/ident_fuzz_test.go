package registry

import (
	"strings"
	"testing"
)

// The identifier checks read untrusted input: they must never panic, and
// what they accept must be consistent with the rule they implement.

func FuzzCheckUSCC(f *testing.F) {
	for _, s := range []string{"914403001922038216", "91330106MA27Y4U47R", "914403001922038217",
		"91330106ma27y4u47r", " 9133 0106 MA27 Y4U47R", "", "ÿ", "91330106MA27Y4I47R"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		err := CheckUSCC(s)
		if err != nil {
			if c := codeOf(t, err); c != "uscc_format" && c != "uscc_checksum" {
				t.Fatalf("code %q", c)
			}
			return
		}
		c := CanonicalIdent(s)
		if len(c) != 18 || CheckUSCC(c) != nil {
			t.Fatalf("accepted %q, canonical %q is not", s, c)
		}
		for i := 0; i < len(usccChars); i++ { // exactly one check character fits
			if x := usccChars[i]; x != c[17] && CheckUSCC(c[:17]+string(x)) == nil {
				t.Fatalf("%q and check %c both accepted", c, x)
			}
		}
	})
}

func FuzzParseResidentID(f *testing.F) {
	for _, s := range []string{"11010519491231002X", "110105194912310021", "110105194902300020",
		"371302203001010010", "11010519491231002x", "", "000000000000000000", "99999999999999999X"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		h, err := ParseResidentID(s, testNow)
		if err != nil {
			if c := codeOf(t, err); !strings.HasPrefix(c, "cn_id_") {
				t.Fatalf("code %q", c)
			}
			return
		}
		checkMod112Holder(t, CanonicalIdent(s), h, DocCNID)
	})
}

func FuzzParsePRCard(f *testing.F) {
	for _, s := range []string{"911398199012310021", "911398199012310022", "USA310185060123",
		"usa310185060123", "911840200102290026", "", "9"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		h, err := ParsePRCard(s, testNow)
		if err != nil {
			if c := codeOf(t, err); !strings.HasPrefix(c, "pr_card_") {
				t.Fatalf("code %q", c)
			}
			return
		}
		c := CanonicalIdent(s)
		if isPRCard2017(c) {
			if h != (Holder{}) {
				t.Fatalf("2017 card %q derived %+v", c, h)
			}
			return
		}
		if c[0] != '9' {
			t.Fatalf("accepted %q not starting with 9", c)
		}
		checkMod112Holder(t, c, h, DocPRCard)
	})
}

// checkMod112Holder checks an accepted 18-character number: its derived
// holder matches its digits and any other check character is refused.
func checkMod112Holder(t *testing.T, c string, h Holder, typ IDDocType) {
	t.Helper()
	if !mod112Shape(c) {
		t.Fatalf("accepted %q of the wrong shape", c)
	}
	if string(h.BirthDate) != c[6:10]+"-"+c[10:12]+"-"+c[12:14] || h.BirthDate > DateOf(testNow) {
		t.Fatalf("%q: birth date %q", c, h.BirthDate)
	}
	if male := (c[16]-'0')%2 == 1; male != (h.Gender == Male) {
		t.Fatalf("%q: gender %q", c, h.Gender)
	}
	for _, x := range "0123456789X" {
		if byte(x) != c[17] {
			if _, err := CheckIDNumber(typ, c[:17]+string(x), testNow); err == nil {
				t.Fatalf("%q and check %c both accepted", c, x)
			}
		}
	}
}

func FuzzNormalizeMobile(f *testing.F) {
	for _, s := range []string{"13812345678", "+86 138-1234-5678", "008613812345678", "12812345678",
		"+86", "0086", "", "１３８１２３４５６７８"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		m, err := NormalizeMobile(s)
		if err != nil {
			if codeOf(t, err) != "mobile_format" || m != "" {
				t.Fatalf("%q: %q, %v", s, m, err)
			}
			return
		}
		if len(m) != 11 || m[0] != '1' || m[1] < '3' || !allDigits(m) {
			t.Fatalf("%q gave %q", s, m)
		}
		for _, again := range []string{m, "+86" + m, "0086 " + m} {
			if got, err := NormalizeMobile(again); err != nil || got != m {
				t.Fatalf("NormalizeMobile(%q) = %q, %v; want %q", again, got, err, m)
			}
		}
	})
}

func FuzzNormalizePassport(f *testing.F) {
	for _, s := range []string{"E12345678", "e1234 5678", "G-1234-5678", "AB12", "ſ1234", "ı1234", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		p, err := NormalizePassport(s)
		if err != nil {
			if codeOf(t, err) != "passport_format" || p != "" {
				t.Fatalf("%q: %q, %v", s, p, err)
			}
			return
		}
		if len(p) < 5 || len(p) > 20 || !allAlnum(p) {
			t.Fatalf("%q gave %q", s, p)
		}
		if again, err := NormalizePassport(p); err != nil || again != p {
			t.Fatalf("not idempotent: %q gave %q then %q, %v", s, p, again, err)
		}
	})
}

func FuzzCheckHKMOPermit(f *testing.F) {
	for _, s := range []string{"H12345678", "M1234567801", "h 1234 5678", "K12345678", "H", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if err := CheckHKMOPermit(s); err != nil {
			if codeOf(t, err) != "hkmo_permit_format" {
				t.Fatalf("%q: %v", s, err)
			}
			return
		}
		c := CanonicalIdent(s)
		if (c[0] != 'H' && c[0] != 'M') || !permitDigits(c[1:]) {
			t.Fatalf("accepted %q", c)
		}
	})
}

func FuzzCheckTWPermit(f *testing.F) {
	for _, s := range []string{"12345678", "1234567801", "1234 5678", "123456789", "T12345678", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if err := CheckTWPermit(s); err != nil {
			if codeOf(t, err) != "tw_permit_format" {
				t.Fatalf("%q: %v", s, err)
			}
			return
		}
		if c := CanonicalIdent(s); (len(c) != 8 && len(c) != 10) || !allDigits(c) {
			t.Fatalf("accepted %q", c)
		}
	})
}
