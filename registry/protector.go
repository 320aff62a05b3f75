package registry

// Protector keeps personal numbers (identity document numbers, passport
// numbers, mobiles) unreadable at rest and findable by a keyed hash.
type Protector interface {
	// Seal encrypts a clear value; sealing "" gives "".
	Seal(plain string) (string, error)
	// Open decrypts a sealed value; opening "" gives "".
	Open(sealed string) (string, error)
	// Index returns a keyed hash of value, the same for the same value.
	Index(value string) string
}
