package api

import (
	"crypto/sha256"
	"encoding/hex"

	"github.com/gin-gonic/gin"

	"talentd/registry"
)

// HeaderIdempotencyKey lets a client retry a create safely.
const HeaderIdempotencyKey = "Idempotency-Key"

// maxIdempotencyKey is the longest Idempotency-Key accepted.
const maxIdempotencyKey = 255

// idempotencyOf reads the request's Idempotency-Key, scoped by the caller
// (two callers may use the same key) and bound to the sha256 of the raw
// body; nil when the header is absent.
func idempotencyOf(c *gin.Context, p registry.Principal, body []byte) (*registry.Idempotency, error) {
	key := c.GetHeader(HeaderIdempotencyKey)
	if key == "" {
		return nil, nil
	}
	if !visibleASCII(key) || len(key) > maxIdempotencyKey {
		return nil, invalid(HeaderIdempotencyKey, "idempotency_key", "")
	}
	sum := sha256.Sum256(body)
	return &registry.Idempotency{Key: p.Actor() + ":" + key, Hash: hex.EncodeToString(sum[:])}, nil
}

func visibleASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < 0x20 || s[i] > 0x7e {
			return false
		}
	}
	return true
}
