package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"sync"
)

// listStatements is how many list and count query shapes stay prepared.
// A shape is the SQL text: which filters a query sets and how many values
// its IN lists hold. A handful of shapes serve nearly every request.
const listStatements = 128

// stmtCache keeps prepared statements for the SQL that List and Count build
// per query, by its text. It holds at most max of them and never evicts one
// (so none is closed while a query uses it): a shape first seen when it is
// full runs unprepared, as every query did before.
type stmtCache struct {
	db  *sql.DB
	max int

	mu     sync.Mutex
	stmts  map[string]*sql.Stmt
	closed bool
}

func newStmtCache(db *sql.DB, max int) *stmtCache {
	return &stmtCache{db: db, max: max, stmts: map[string]*sql.Stmt{}}
}

// query runs q with args, prepared when the cache has or takes it.
func (c *stmtCache) query(ctx context.Context, q string, args ...any) (*sql.Rows, error) {
	if s := c.stmt(ctx, q); s != nil {
		return s.QueryContext(ctx, args...)
	}
	return c.db.QueryContext(ctx, q, args...)
}

// queryRow is query for one row.
func (c *stmtCache) queryRow(ctx context.Context, q string, args ...any) *sql.Row {
	if s := c.stmt(ctx, q); s != nil {
		return s.QueryRowContext(ctx, args...)
	}
	return c.db.QueryRowContext(ctx, q, args...)
}

// stmt returns the statement of q, preparing it if there is room, or nil.
// A statement that fails to prepare is not kept; running q unprepared then
// reports the error.
func (c *stmtCache) stmt(ctx context.Context, q string) *sql.Stmt {
	c.mu.Lock()
	defer c.mu.Unlock()
	if s, ok := c.stmts[q]; ok || c.closed || len(c.stmts) >= c.max {
		return s
	}
	s, err := c.db.PrepareContext(ctx, q)
	if err != nil {
		return nil
	}
	c.stmts[q] = s
	return s
}

// close closes every cached statement; later queries run unprepared.
func (c *stmtCache) close() error {
	c.mu.Lock()
	defer c.mu.Unlock()
	var errs []error
	for _, s := range c.stmts {
		errs = append(errs, s.Close())
	}
	c.stmts, c.closed = nil, true
	return errors.Join(errs...)
}
