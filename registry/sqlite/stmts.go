package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
)

// statements are the write path's SQL, prepared once on the single write
// connection and reused by every transaction.
type statements struct {
	insertRecord, updateRecord, deleteRecord *sql.Stmt
	insertBody, updateBody                   *sql.Stmt
	deleteFilters, insertFilter              *sql.Stmt
	deleteRefs, insertRef                    *sql.Stmt
	insertEvent, version                     *sql.Stmt
	holder                                   map[string]*sql.Stmt // by unique column
}

var writeSQL = map[string]string{
	"insertRecord": `INSERT INTO records (kind, id, area, status, version, created_at, updated_at,
		name, name_fold, identity, idem_key, idem_hash, filters, filter_tags, refs)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
	"updateRecord": `UPDATE records SET area = ?, status = ?, version = ?, created_at = ?,
		updated_at = ?, name = ?, name_fold = ?, identity = ?, idem_key = ?, idem_hash = ?,
		filters = ?, filter_tags = ?, refs = ? WHERE rid = ?`,
	"deleteRecord":  `DELETE FROM records WHERE rid = ?`,
	"insertBody":    `INSERT INTO record_bodies (rid, body) VALUES (?, ?)`,
	"updateBody":    `UPDATE record_bodies SET body = ? WHERE rid = ?`,
	"deleteFilters": `DELETE FROM record_filters WHERE rid = ?`,
	"insertFilter":  `INSERT INTO record_filters (rid, key, value, kind, created_at, id) VALUES (?, ?, ?, ?, ?, ?)`,
	"deleteRefs":    `DELETE FROM record_refs WHERE rid = ?`,
	"insertRef":     `INSERT INTO record_refs (rid, ref, kind, created_at, id) VALUES (?, ?, ?, ?, ?)`,
	"insertEvent": `INSERT INTO outbox (event_id, type, kind, record_id, version, time, data)
		VALUES (?, ?, ?, ?, ?, ?, ?)`,
	"version": `SELECT rid, version FROM records WHERE kind = ? AND id = ?`,
}

// uniqueColumns are the records columns a document's unique values sit in.
var uniqueColumns = []string{"id", "identity", "idem_key"}

// prepareStatements prepares every write statement on db.
func prepareStatements(ctx context.Context, db *sql.DB) (*statements, error) {
	p := map[string]*sql.Stmt{}
	var errs []error
	for name, q := range writeSQL {
		p[name], errs = prepareOne(ctx, db, q, errs)
	}
	st := &statements{
		insertRecord: p["insertRecord"], updateRecord: p["updateRecord"], deleteRecord: p["deleteRecord"],
		insertBody: p["insertBody"], updateBody: p["updateBody"],
		deleteFilters: p["deleteFilters"], insertFilter: p["insertFilter"],
		deleteRefs: p["deleteRefs"], insertRef: p["insertRef"],
		insertEvent: p["insertEvent"], version: p["version"], holder: map[string]*sql.Stmt{},
	}
	for _, c := range uniqueColumns {
		q := `SELECT id FROM records WHERE kind = ? AND ` + c + ` = ? AND ` + c + ` <> ''`
		st.holder[c], errs = prepareOne(ctx, db, q, errs)
	}
	if err := errors.Join(errs...); err != nil {
		return nil, fmt.Errorf("sqlite: prepare: %w", err)
	}
	return st, nil
}

func prepareOne(ctx context.Context, db *sql.DB, q string, errs []error) (*sql.Stmt, []error) {
	s, err := db.PrepareContext(ctx, q)
	if err != nil {
		return nil, append(errs, err)
	}
	return s, errs
}
