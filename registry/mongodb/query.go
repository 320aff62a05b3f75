package mongodb

import (
	"fmt"
	"regexp"
	"sort"
	"strings"

	"go.mongodb.org/mongo-driver/v2/bson"

	"talentd/registry"
)

// newestFirst is the list order, matched by every list index.
var newestFirst = bson.D{{Key: fCreatedAt, Value: -1}, {Key: fID, Value: -1}}

// filterOf builds the filter of a query (Limit ignored). Tombstones never
// match.
func filterOf(q registry.Query) (bson.D, error) {
	f := bson.D{live}
	add := func(key string, v any) { f = append(f, bson.E{Key: key, Value: v}) }
	if len(q.IDs) > 0 {
		add(fID, bson.D{{Key: "$in", Value: q.IDs}})
	}
	if len(q.Areas) > 0 {
		add(fArea, bson.D{{Key: "$in", Value: q.Areas}})
	}
	if st := statusFilter(q); len(st) > 0 {
		add(fStatus, st)
	}
	if q.NameContains != "" {
		add(fNameLower, bson.Regex{Pattern: regexp.QuoteMeta(strings.ToLower(q.NameContains))})
	}
	if cr := createdFilter(q); len(cr) > 0 {
		add(fCreatedAt, cr)
	}
	if q.Ref != "" {
		add(fRefs, q.Ref)
	}
	for _, name := range sortedKeys(q.Filters) {
		if !storableName(name) {
			return nil, fmt.Errorf("mongodb: filter name %q: %w", name, registry.ErrInvalid)
		}
		add(fFilters+"."+name, q.Filters[name])
	}
	if q.After != nil {
		add("$nor", notAfter(*q.After))
	}
	return f, nil
}

func statusFilter(q registry.Query) bson.D {
	var d bson.D
	if q.Status != "" {
		d = append(d, bson.E{Key: "$eq", Value: string(q.Status)})
	}
	if len(q.StatusNotIn) > 0 {
		nin := make(bson.A, len(q.StatusNotIn))
		for i, s := range q.StatusNotIn {
			nin[i] = string(s)
		}
		d = append(d, bson.E{Key: "$nin", Value: nin})
	}
	return d
}

// createdFilter bounds created_at by the query's range and, when paging,
// by the cursor's time, so the index scan starts at the cursor.
func createdFilter(q registry.Query) bson.D {
	var d bson.D
	if !q.CreatedFrom.IsZero() {
		d = append(d, bson.E{Key: "$gte", Value: millis(q.CreatedFrom)})
	}
	if !q.CreatedTo.IsZero() {
		d = append(d, bson.E{Key: "$lt", Value: millis(q.CreatedTo)})
	}
	if q.After != nil {
		d = append(d, bson.E{Key: "$lte", Value: millis(q.After.CreatedAt)})
	}
	return d
}

// notAfter excludes, among documents created at the cursor's time, those
// at or before the cursor in newest-first order. With createdFilter's $lte
// this is the keyset condition (created_at, _id) < (c.CreatedAt, c.ID),
// written so one index range serves it rather than an $or of two.
func notAfter(c registry.Cursor) bson.A {
	return bson.A{bson.D{
		{Key: fCreatedAt, Value: millis(c.CreatedAt)},
		{Key: fID, Value: bson.D{{Key: "$gte", Value: c.ID}}},
	}}
}

// storableName reports whether name can be a field name of the f
// sub-document: not empty, no dot, no leading $.
func storableName(name string) bool {
	return name != "" && !strings.HasPrefix(name, "$") && !strings.Contains(name, ".")
}

func sortedKeys(m map[string]string) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
