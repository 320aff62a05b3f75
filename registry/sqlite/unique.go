package sqlite

import (
	"database/sql"
	"errors"

	"talentd/registry"
)

// uniqueKey is one unique value of a document.
type uniqueKey struct {
	reason, column, value string
}

// checkUnique returns a *registry.ConflictError naming the record that
// already holds one of doc's unique values. The idempotency key is checked
// first: a retried request clashes on identity and maybe id too, and must be
// told it is a retry. For an update (creating false) the record itself does
// not count, and its id is not checked.
func checkUnique(t txn, doc registry.Document, creating bool) error {
	keys := []uniqueKey{{"idempotency_key", "idem_key", doc.IdemKey}, {"identity", "identity", doc.Identity}}
	if creating {
		keys = append(keys, uniqueKey{"id", "id", doc.ID})
	}
	for _, k := range keys {
		if k.value == "" {
			continue
		}
		var holder string
		err := t.queryRow(t.st.holder[k.column], doc.Kind, k.value).Scan(&holder)
		if errors.Is(err, sql.ErrNoRows) {
			continue
		}
		if err != nil {
			return err
		}
		if creating || holder != doc.ID {
			return &registry.ConflictError{Reason: k.reason, ExistingID: holder}
		}
	}
	return nil
}
