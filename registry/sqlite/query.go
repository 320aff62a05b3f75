package sqlite

import (
	"context"
	"fmt"
	"maps"
	"slices"
	"strings"

	"talentd/registry"
)

// where is a WHERE clause under construction: AND-ed conditions with their
// arguments.
type where struct {
	conds []string
	args  []any
}

func (w *where) add(cond string, args ...any) {
	w.conds = append(w.conds, cond)
	w.args = append(w.args, args...)
}

func (w *where) String() string { return strings.Join(w.conds, " AND ") }

// in adds "column IN (…)" (or NOT IN) for values.
func in[T ~string](w *where, column string, not bool, values []T) {
	args := make([]any, len(values))
	for i, v := range values {
		args[i] = string(v)
	}
	op := " IN ("
	if not {
		op = " NOT IN ("
	}
	w.add(column+op+placeholders(len(args))+")", args...)
}

// filterWhere adds every filtering field of q except what the driver
// applies itself (q.Ref always drives; dr.skip names a driving filter), and
// the time range on the driver's sort key.
func filterWhere(w *where, q registry.Query, dr driver) {
	if len(q.IDs) > 0 {
		in(w, "r.id", false, q.IDs)
	}
	if len(q.Areas) > 0 {
		in(w, "r.area", false, q.Areas)
	}
	if q.Status != "" {
		w.add("r.status = ?", string(q.Status))
	}
	if len(q.StatusNotIn) > 0 {
		in(w, "r.status", true, q.StatusNotIn)
	}
	if q.NameContains != "" {
		w.add("instr(r.name_fold, ?) > 0", fold(q.NameContains))
	}
	if !q.CreatedFrom.IsZero() {
		w.add(dr.alias+".created_at >= ?", millis(q.CreatedFrom))
	}
	if !q.CreatedTo.IsZero() {
		w.add(dr.alias+".created_at < ?", millis(q.CreatedTo))
	}
	for _, k := range slices.Sorted(maps.Keys(q.Filters)) {
		if k != dr.skip {
			w.add(`instr(r.filter_tags, ?) > 0`, filterTag(k, q.Filters[k]))
		}
	}
}

// selectRIDs returns the query for the rowids of the page q asks for, in
// newest-first order, and its arguments.
func selectRIDs(q registry.Query, dr driver) (string, []any) {
	w := &where{}
	w.add(dr.cond, dr.args...)
	filterWhere(w, q, dr)
	if q.After != nil {
		w.add("("+dr.alias+".created_at, "+dr.alias+".id) < (?, ?)", millis(q.After.CreatedAt), q.After.ID)
	}
	s := `SELECT r.rid FROM ` + dr.from + ` WHERE ` + w.String() +
		` ORDER BY ` + dr.alias + `.created_at DESC, ` + dr.alias + `.id DESC`
	if q.Limit > 0 {
		// A literal, not a parameter: SQLite plans the ordered walk
		// knowing how many rows it needs.
		s += fmt.Sprintf(" LIMIT %d", q.Limit)
	}
	return s, w.args
}

// List returns up to q.Limit documents matching q, newest first, after
// q.After when set. The page's rowids are found on indexes alone; only
// then are the page's rows and bodies read. The SQL depends only on which
// fields q sets, so it is prepared once per shape (see stmtCache).
func (s *Store) List(ctx context.Context, q registry.Query) ([]registry.Document, error) {
	dr, err := s.chooseDriver(ctx, q)
	if err != nil {
		return nil, fmt.Errorf("sqlite: list %s: %w", q.Kind, err)
	}
	page, args := selectRIDs(q, dr)
	rows, err := s.st.lists.query(ctx, `SELECT `+docColumns+docFrom+` WHERE r.rid IN (`+page+
		`) ORDER BY r.created_at DESC, r.id DESC`, args...)
	if err != nil {
		return nil, fmt.Errorf("sqlite: list %s: %w", q.Kind, err)
	}
	defer rows.Close()
	var out []registry.Document
	for rows.Next() {
		d, err := scanDoc(rows)
		if err != nil {
			return nil, fmt.Errorf("sqlite: list %s: %w", q.Kind, err)
		}
		out = append(out, d)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("sqlite: list %s: %w", q.Kind, err)
	}
	return out, nil
}

// Count returns how many documents match q; Limit and After are ignored.
func (s *Store) Count(ctx context.Context, q registry.Query) (int, error) {
	q.Limit, q.After = 0, nil
	dr, err := s.chooseDriver(ctx, q)
	if err != nil {
		return 0, fmt.Errorf("sqlite: count %s: %w", q.Kind, err)
	}
	w := &where{}
	w.add(dr.cond, dr.args...)
	filterWhere(w, q, dr)
	var n int
	err = s.st.lists.queryRow(ctx, `SELECT count(*) FROM `+dr.from+` WHERE `+w.String(), w.args...).Scan(&n)
	if err != nil {
		return 0, fmt.Errorf("sqlite: count %s: %w", q.Kind, err)
	}
	return n, nil
}
