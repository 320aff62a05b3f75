package sqlite

import (
	"context"
	"database/sql"
	"slices"

	"talentd/registry"
)

// writeIndexRows replaces the filter and ref rows of record rid with doc's.
func writeIndexRows(ctx context.Context, tx *sql.Tx, rid int64, doc registry.Document) error {
	for _, q := range []string{`DELETE FROM record_filters WHERE rid = ?`, `DELETE FROM record_refs WHERE rid = ?`} {
		if _, err := tx.ExecContext(ctx, q, rid); err != nil {
			return err
		}
	}
	for k, v := range doc.Filters {
		const q = `INSERT INTO record_filters (rid, key, value, kind) VALUES (?, ?, ?, ?)`
		if _, err := tx.ExecContext(ctx, q, rid, k, v, doc.Kind); err != nil {
			return err
		}
	}
	refs := slices.Clone(doc.Refs)
	slices.Sort(refs)
	for _, ref := range slices.Compact(refs) {
		const q = `INSERT INTO record_refs (rid, ref, kind) VALUES (?, ?, ?)`
		if _, err := tx.ExecContext(ctx, q, rid, ref, doc.Kind); err != nil {
			return err
		}
	}
	return nil
}
