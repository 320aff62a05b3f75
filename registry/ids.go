package registry

import (
	"time"

	"github.com/google/uuid"
)

// Clock tells the time; tests inject a fixed or stepping one.
type Clock interface{ Now() time.Time }

// SystemClock is the wall clock.
type SystemClock struct{}

// Now implements Clock.
func (SystemClock) Now() time.Time { return time.Now() }

// IDs makes new identifiers.
type IDs interface {
	// New returns prefix + "_" + a new unique, time-ordered suffix.
	New(prefix string) string
}

// UUIDv7 makes ids from UUIDv7, so ids sort by creation time.
type UUIDv7 struct{}

// New implements IDs.
func (UUIDv7) New(prefix string) string {
	u, err := uuid.NewV7()
	if err != nil {
		u = uuid.New() // the random source failed to time-order; stay unique
	}
	return prefix + "_" + u.String()
}

// ValidID reports whether id is prefix_ followed by a UUID.
func ValidID(prefix, id string) bool {
	if len(id) != len(prefix)+1+36 || id[:len(prefix)+1] != prefix+"_" {
		return false
	}
	_, err := uuid.Parse(id[len(prefix)+1:])
	return err == nil
}
