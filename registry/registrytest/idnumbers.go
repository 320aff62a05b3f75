package registrytest

import (
	"fmt"

	"talentd/registry"
)

// ResidentID returns a valid resident ID number (GB 11643-1999) for the
// address code, birth date (YYYYMMDD) and sequence (1–999; odd is male).
func ResidentID(area, birth string, seq int) string {
	body := fmt.Sprintf("%s%s%03d", area, birth, seq)
	return body + string(registry.IDCheckChar(body))
}

// PersonID returns a distinct valid resident ID for each n, born 1980-01-01
// plus n days' worth of sequence, in Lanshan district (371302).
func PersonID(n int) string {
	day := 1 + n%28
	month := 1 + (n/28)%12
	year := 1960 + (n/336)%40
	return ResidentID("371302", fmt.Sprintf("%04d%02d%02d", year, month, day), 1+(n/13440)%999)
}

// USCC values with correct check characters.
const (
	USCC1 = "914403001922038216"
	USCC2 = "91330106MA27Y4U47R"
)
