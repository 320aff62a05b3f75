package sqlite

import (
	"context"
	"fmt"
	"maps"
	"slices"
	"strings"

	"talentd/registry"
)

// where is a WHERE clause under construction: AND-ed conditions on the
// records alias r, with their arguments.
type where struct {
	conds []string
	args  []any
}

func (w *where) add(cond string, args ...any) {
	w.conds = append(w.conds, cond)
	w.args = append(w.args, args...)
}

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

func (w *where) String() string { return strings.Join(w.conds, " AND ") }

// filterWhere translates every filtering field of q (not After or Limit).
// Each condition can use an index: records (kind, area|status, created_at,
// id), record_filters (kind, key, value), record_refs (kind, ref).
func filterWhere(q registry.Query) *where {
	w := &where{}
	w.add("r.kind = ?", string(q.Kind))
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
		w.add("r.created_at >= ?", millis(q.CreatedFrom))
	}
	if !q.CreatedTo.IsZero() {
		w.add("r.created_at < ?", millis(q.CreatedTo))
	}
	for _, k := range slices.Sorted(maps.Keys(q.Filters)) {
		w.add(`r.rid IN (SELECT f.rid FROM record_filters f WHERE f.kind = ? AND f.key = ? AND f.value = ?)`,
			string(q.Kind), k, q.Filters[k])
	}
	if q.Ref != "" {
		w.add(`r.rid IN (SELECT x.rid FROM record_refs x WHERE x.kind = ? AND x.ref = ?)`, string(q.Kind), q.Ref)
	}
	return w
}

// List returns up to q.Limit documents matching q, newest first, after
// q.After when set.
func (s *Store) List(ctx context.Context, q registry.Query) ([]registry.Document, error) {
	w := filterWhere(q)
	if q.After != nil {
		w.add("(r.created_at, r.id) < (?, ?)", millis(q.After.CreatedAt), q.After.ID)
	}
	sql := `SELECT ` + docColumns + docFrom + ` WHERE ` + w.String() +
		` ORDER BY r.created_at DESC, r.id DESC`
	if q.Limit > 0 {
		sql += fmt.Sprintf(" LIMIT %d", q.Limit)
	}
	rows, err := s.read.QueryContext(ctx, sql, w.args...)
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
	w := filterWhere(q)
	var n int
	err := s.read.QueryRowContext(ctx, `SELECT count(*) FROM records r WHERE `+w.String(), w.args...).Scan(&n)
	if err != nil {
		return 0, fmt.Errorf("sqlite: count %s: %w", q.Kind, err)
	}
	return n, nil
}
