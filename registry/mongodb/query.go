package mongodb

import (
	"fmt"
	"regexp"
	"sort"
	"strings"
	"time"

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
	if cr := createdFilter(q.CreatedFrom, q.CreatedTo); len(cr) > 0 {
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
		add("$or", after(*q.After))
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

func createdFilter(from, to time.Time) bson.D {
	var d bson.D
	if !from.IsZero() {
		d = append(d, bson.E{Key: "$gte", Value: millis(from)})
	}
	if !to.IsZero() {
		d = append(d, bson.E{Key: "$lt", Value: millis(to)})
	}
	return d
}

// after is the keyset condition for the page after c in newest-first order.
func after(c registry.Cursor) bson.A {
	t := millis(c.CreatedAt)
	return bson.A{
		bson.D{{Key: fCreatedAt, Value: bson.D{{Key: "$lt", Value: t}}}},
		bson.D{{Key: fCreatedAt, Value: t}, {Key: fID, Value: bson.D{{Key: "$lt", Value: c.ID}}}},
	}
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
