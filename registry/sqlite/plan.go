package sqlite

import (
	"context"
	"maps"
	"slices"

	"talentd/registry"
)

// driver is the index a query walks in newest-first order. Every table
// that can drive carries the record's (created_at, id) sort key, so the
// walk stops after one page without sorting.
type driver struct {
	from  string // FROM clause, the driving table first (alias d, or r)
	alias string // alias whose created_at and id are the sort key
	cond  string // the driver's own condition
	args  []any
	skip  string // the filter key the driver already applies
}

// rareRows is the number of matches below which a filter value drives the
// walk: reading all of its index rows costs less than walking the records
// until a page of them turns up.
const rareRows = 2000

// chooseDriver picks the walk for q: the refs index when q names a ref (few
// records point at one id), the id index when q lists ids, a filter's index
// when that filter value is rare, and otherwise the records indexes, chosen
// by SQLite (kind, area or status, then created_at, id).
func (s *Store) chooseDriver(ctx context.Context, q registry.Query) (driver, error) {
	kind := string(q.Kind)
	if q.Ref != "" {
		return driver{from: `record_refs d CROSS JOIN records r ON r.rid = d.rid`, alias: "d",
			cond: `d.kind = ? AND d.ref = ? AND r.kind = ?`, args: []any{kind, q.Ref, kind}}, nil
	}
	records := driver{from: `records r`, alias: "r", cond: `r.kind = ?`, args: []any{kind}}
	if len(q.IDs) > 0 {
		// Look the ids up and sort them, rather than walk every record.
		records.from = `records r INDEXED BY records_kind_id`
		return records, nil
	}
	if len(q.Filters) == 0 {
		return records, nil
	}
	key, n, err := s.rarestFilter(ctx, q)
	if err != nil || n >= s.rareRows {
		return records, err
	}
	return driver{from: `record_filters d CROSS JOIN records r ON r.rid = d.rid`, alias: "d",
		cond: `d.kind = ? AND d.key = ? AND d.value = ? AND r.kind = ?`,
		args: []any{kind, key, q.Filters[key], kind}, skip: key}, nil
}

// rarestFilter returns the filter of q with the fewest matching records,
// counting each only up to rareRows.
func (s *Store) rarestFilter(ctx context.Context, q registry.Query) (string, int, error) {
	best, bestN := "", s.rareRows
	for _, k := range slices.Sorted(maps.Keys(q.Filters)) {
		var n int
		if err := s.st.rareCount.QueryRowContext(ctx, string(q.Kind), k, q.Filters[k], s.rareRows).Scan(&n); err != nil {
			return "", 0, err
		}
		if n < bestN {
			best, bestN = k, n
		}
	}
	return best, bestN, nil
}
