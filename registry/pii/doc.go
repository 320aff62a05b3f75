// Package pii keeps personal numbers (identity document numbers, passport
// numbers, mobiles) unreadable at rest: Keyring implements
// registry.Protector with AES-256-GCM and a keyed hash (HMAC-SHA256) for
// uniqueness and look-up, and the Mask functions hide them in responses.
//
// Keys. A keyring holds one or more 32-byte keys, oldest first; the newest
// is active (it seals), every key opens what it sealed. Each sealed value
// names its key: "pii:v1:<key id>:<base64url(nonce|ciphertext)>", where the
// key id is a fingerprint of the key, so the same key has the same id
// whether it comes from TALENTD_PII_KEY or the key file. The sealing key
// and the index key are derived from the stored keys with HKDF-SHA256, each
// for its own purpose.
//
// The index key is derived from the FIRST (oldest) key, not the active one:
// rotation adds keys but never changes an index value, so the unique
// identity index and look-ups keep working across rotations without
// re-indexing. The price is that the first key must never be removed from
// the keyring, even after every value has been resealed under a newer key.
//
// It imports only the standard library and registry; it must not import a
// driver, NATS or Gin, and it never logs or puts a clear value in an error.
package pii
