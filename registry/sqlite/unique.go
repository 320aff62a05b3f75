package sqlite

import (
	"context"
	"database/sql"
	"errors"

	"talentd/registry"
)

// uniqueKey is one unique value of a document, in the order conflicts are
// reported: a retried request (same idempotency key) must be told so even
// though its identity and id may clash too.
type uniqueKey struct {
	reason, column, value string
}

// checkUnique returns a *registry.ConflictError naming the record that
// already holds one of doc's unique values. For an update (creating false)
// the record itself does not count, and its id is not checked.
func checkUnique(ctx context.Context, tx *sql.Tx, doc registry.Document, creating bool) error {
	keys := []uniqueKey{{"idempotency_key", "idem_key", doc.IdemKey}, {"identity", "identity", doc.Identity}}
	if creating {
		keys = append(keys, uniqueKey{"id", "id", doc.ID})
	}
	for _, k := range keys {
		if k.value == "" {
			continue
		}
		holder, err := holderOf(ctx, tx, doc.Kind, k.column, k.value)
		if err != nil {
			return err
		}
		if holder != "" && (creating || holder != doc.ID) {
			return &registry.ConflictError{Reason: k.reason, ExistingID: holder}
		}
	}
	return nil
}

// holderOf returns the id of the record of the kind whose column has value,
// or "" if none. column is one of the constants above, never user input.
func holderOf(ctx context.Context, tx *sql.Tx, kind registry.Kind, column, value string) (string, error) {
	var id string
	q := `SELECT id FROM records WHERE kind = ? AND ` + column + ` = ? AND ` + column + ` <> ''`
	err := tx.QueryRowContext(ctx, q, kind, value).Scan(&id)
	if errors.Is(err, sql.ErrNoRows) {
		return "", nil
	}
	return id, err
}
