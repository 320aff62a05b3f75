package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
)

// statements are the SQL the store runs on every request, prepared once so
// SQLite does not parse it again: the write path's on the single write
// connection, reused by every transaction, and the hot reads' on the read
// pool (database/sql prepares a read statement on a pooled connection the
// first time it runs there). Close closes them all, and the cached list
// queries with them.
type statements struct {
	insertRecord, updateRecord, deleteRecord *sql.Stmt
	insertBody, updateBody                   *sql.Stmt
	deleteFilters, insertFilter              *sql.Stmt
	deleteRefs, insertRef                    *sql.Stmt
	insertEvent, version                     *sql.Stmt
	auditHead, insertAudit, moveHead         *sql.Stmt
	holder                                   map[string]*sql.Stmt // by unique column

	get, findIdentity, findIdemKey *sql.Stmt // read pool
	keyByHash, rareCount           *sql.Stmt // read pool
	lists                          *stmtCache

	all []*sql.Stmt
}

// auditHeadSQL reads the chain head; no row means an empty log.
const auditHeadSQL = `SELECT seq, hash FROM audit_head WHERE one = 1`

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
	"version":     `SELECT rid, version FROM records WHERE kind = ? AND id = ?`,
	"auditHead":   auditHeadSQL,
	"insertAudit": `INSERT INTO audit_log (` + auditColumns + `) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
	"moveHead": `INSERT INTO audit_head (one, seq, hash) VALUES (1, ?, ?)
		ON CONFLICT (one) DO UPDATE SET seq = excluded.seq, hash = excluded.hash`,
}

var readSQL = map[string]string{
	"get":          docQuery(`r.kind = ? AND r.id = ?`),
	"findIdentity": docQuery(`r.kind = ? AND r.identity = ? AND r.identity <> ''`),
	"findIdemKey":  docQuery(`r.kind = ? AND r.idem_key = ? AND r.idem_key <> ''`),
	"keyByHash":    `SELECT ` + keyColumns + ` FROM api_keys WHERE hash = ?`,
	"rareCount": `SELECT count(*) FROM (SELECT 1 FROM record_filters
		WHERE kind = ? AND key = ? AND value = ? LIMIT ?)`,
}

// uniqueColumns are the records columns a document's unique values sit in.
var uniqueColumns = []string{"id", "identity", "idem_key"}

// prepareStatements prepares every statement, the write path's on write
// and the reads' on read.
func prepareStatements(ctx context.Context, write, read *sql.DB) (*statements, error) {
	p := &preparer{ctx: ctx}
	w := p.all(write, writeSQL)
	r := p.all(read, readSQL)
	st := &statements{
		insertRecord: w["insertRecord"], updateRecord: w["updateRecord"], deleteRecord: w["deleteRecord"],
		insertBody: w["insertBody"], updateBody: w["updateBody"],
		deleteFilters: w["deleteFilters"], insertFilter: w["insertFilter"],
		deleteRefs: w["deleteRefs"], insertRef: w["insertRef"],
		insertEvent: w["insertEvent"], version: w["version"],
		auditHead: w["auditHead"], insertAudit: w["insertAudit"], moveHead: w["moveHead"],
		holder: map[string]*sql.Stmt{},
		get:    r["get"], findIdentity: r["findIdentity"], findIdemKey: r["findIdemKey"],
		keyByHash: r["keyByHash"], rareCount: r["rareCount"],
		lists: newStmtCache(read, listStatements),
	}
	for _, c := range uniqueColumns {
		st.holder[c] = p.one(write, `SELECT id FROM records WHERE kind = ? AND `+c+` = ? AND `+c+` <> ''`)
	}
	st.all = p.done
	if err := errors.Join(p.errs...); err != nil {
		st.close()
		return nil, fmt.Errorf("sqlite: prepare: %w", err)
	}
	return st, nil
}

// close closes every prepared statement.
func (st *statements) close() error {
	errs := []error{st.lists.close()}
	for _, s := range st.all {
		errs = append(errs, s.Close())
	}
	return errors.Join(errs...)
}

// preparer prepares statements, keeping those it made and the errors.
type preparer struct {
	ctx  context.Context
	done []*sql.Stmt
	errs []error
}

func (p *preparer) one(db *sql.DB, q string) *sql.Stmt {
	s, err := db.PrepareContext(p.ctx, q)
	if err != nil {
		p.errs = append(p.errs, err)
		return nil
	}
	p.done = append(p.done, s)
	return s
}

func (p *preparer) all(db *sql.DB, queries map[string]string) map[string]*sql.Stmt {
	out := make(map[string]*sql.Stmt, len(queries))
	for name, q := range queries {
		out[name] = p.one(db, q)
	}
	return out
}
