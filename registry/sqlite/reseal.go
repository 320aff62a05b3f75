package sqlite

import (
	"context"
	"fmt"

	"talentd/registry"
)

// ReplaceBody replaces the body of the document stored at version, keeping
// its version and indexed fields and writing no event. It is for
// re-encrypting personal numbers under a new key (talentd keys
// rotate-pii): the record's content must not otherwise change. It returns
// ErrNotFound and ErrVersionMismatch as Update does.
func (s *Store) ReplaceBody(ctx context.Context, kind registry.Kind, id string, version int64, body []byte) error {
	if body == nil {
		body = []byte{}
	}
	err := s.writeTx(ctx, func(t txn) error {
		rid, err := lockVersion(t, kind, id, version)
		if err != nil {
			return err
		}
		_, err = t.exec(t.st.updateBody, body, rid)
		return err
	})
	if err != nil {
		return fmt.Errorf("sqlite: replace body of %s: %w", id, err)
	}
	return nil
}
