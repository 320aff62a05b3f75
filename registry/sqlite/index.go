package sqlite

import (
	"slices"

	"talentd/registry"
)

// writeIndexRows replaces the filter and ref rows of record rid with doc's.
func writeIndexRows(t txn, rid int64, doc registry.Document) error {
	if _, err := t.exec(t.st.deleteFilters, rid); err != nil {
		return err
	}
	if _, err := t.exec(t.st.deleteRefs, rid); err != nil {
		return err
	}
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
