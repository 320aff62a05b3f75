package registry

import (
	"context"
	"time"
)

// RevokeKeyOnce revokes the key id at at unless it is revoked already, and
// says whether this call revoked it, so that repeating a revocation is not
// audited again (two revocations racing may both say so). An unknown id is
// ErrNotFound.
func RevokeKeyOnce(ctx context.Context, keys KeyStore, id string, at time.Time) (k APIKey, changed bool, err error) {
	all, err := keys.ListKeys(ctx)
	if err != nil {
		return APIKey{}, false, err
	}
	for _, k := range all {
		if k.ID == id && k.RevokedAt != nil {
			return k, false, nil
		}
	}
	k, err = keys.RevokeKey(ctx, id, at)
	return k, err == nil, err
}
