package sqlite

import (
	"slices"

	"talentd/registry"
)

// clearIndexRows deletes the filter and ref rows of record rid, before an
// update writes the new ones.
func clearIndexRows(t txn, rid int64) error {
	if _, err := t.exec(t.st.deleteFilters, rid); err != nil {
		return err
	}
	_, err := t.exec(t.st.deleteRefs, rid)
	return err
}

// writeIndexRows inserts the filter and ref rows of record rid from doc;
// the record has none yet.
func writeIndexRows(t txn, rid int64, doc registry.Document) error {
	created := millis(doc.CreatedAt)
	for k, v := range doc.Filters {
		if _, err := t.exec(t.st.insertFilter, rid, k, v, doc.Kind, created, doc.ID); err != nil {
			return err
		}
	}
	refs := slices.Clone(doc.Refs)
	slices.Sort(refs)
	for _, ref := range slices.Compact(refs) {
		if _, err := t.exec(t.st.insertRef, rid, ref, doc.Kind, created, doc.ID); err != nil {
			return err
		}
	}
	return nil
}
