package registry

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"
)

// ParseBearer returns the secret of an Authorization header value of the
// form "Bearer <token68>" (RFC 6750, RFC 7235): the scheme in any case,
// exactly one space, then MinSecretLen to MaxSecretLen token68 characters.
// Anything else is ErrUnauthenticated; the error never repeats the header.
func ParseBearer(header string) (string, error) {
	const scheme = "Bearer "
	if len(header) > len(scheme)+MaxSecretLen || len(header) < len(scheme) ||
		!strings.EqualFold(header[:len(scheme)-1], scheme[:len(scheme)-1]) || header[len(scheme)-1] != ' ' {
		return "", fmt.Errorf("registry: authorization is not a bearer token: %w", ErrUnauthenticated)
	}
	secret := header[len(scheme):]
	if len(secret) < MinSecretLen || !isToken68(secret) {
		return "", fmt.Errorf("registry: malformed bearer token: %w", ErrUnauthenticated)
	}
	return secret, nil
}

// isToken68 reports whether s is 1*( ALPHA / DIGIT / "-" / "." / "_" / "~"
// / "+" / "/" ) *"=".
func isToken68(s string) bool {
	body := strings.TrimRight(s, "=")
	if body == "" {
		return false
	}
	for i := 0; i < len(body); i++ {
		c := body[i]
		ok := 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' ||
			c == '-' || c == '.' || c == '_' || c == '~' || c == '+' || c == '/'
		if !ok {
			return false
		}
	}
	return true
}

// Authenticate finds the active key an Authorization header names and
// returns its principal and key. Every failure is ErrUnauthenticated
// (wrapped with the reason, which never holds the secret), except a store
// failure, which is returned as it is.
func Authenticate(ctx context.Context, keys KeyStore, header string, now time.Time) (Principal, APIKey, error) {
	secret, err := ParseBearer(header)
	if err != nil {
		return Principal{}, APIKey{}, err
	}
	k, err := keys.GetKeyByHash(ctx, HashSecret(secret))
	switch {
	case errors.Is(err, ErrNotFound):
		return Principal{}, APIKey{}, fmt.Errorf("registry: unknown API key: %w", ErrUnauthenticated)
	case err != nil:
		return Principal{}, APIKey{}, err
	case !MatchKey(secret, k.Hash):
		return Principal{}, APIKey{}, fmt.Errorf("registry: unknown API key: %w", ErrUnauthenticated)
	case k.RevokedAt != nil:
		return Principal{}, APIKey{}, fmt.Errorf("registry: API key %s is revoked: %w", k.ID, ErrUnauthenticated)
	case !k.Active(now):
		return Principal{}, APIKey{}, fmt.Errorf("registry: API key %s has expired: %w", k.ID, ErrUnauthenticated)
	}
	return k.Principal(), k, nil
}
