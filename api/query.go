package api

import (
	"maps"
	"net/url"
	"slices"
	"strconv"
	"time"

	"talentd/registry"
)

// queryParams reads a raw query string and hands apply each parameter, in
// name order, with what apply finds wrong collected in verr. A parameter
// given more than once is not applied but reported as "repeated"; a query
// that does not parse is a 400 with code query_syntax. It returns nil or
// one 400 naming every parameter at fault.
func queryParams(raw string, apply func(name, v string, verr *registry.ValidationError)) error {
	vals, err := url.ParseQuery(raw)
	if err != nil {
		return invalid("", "query_syntax", "")
	}
	verr := &registry.ValidationError{}
	for _, name := range slices.Sorted(maps.Keys(vals)) {
		if len(vals[name]) > 1 {
			verr.Add(name, "repeated", "")
			continue
		}
		apply(name, vals[name][0], verr)
	}
	return verr.Err()
}

// parseLimit reads limit: 1 to registry.MaxPageSize.
func parseLimit(v string, verr *registry.ValidationError) int {
	n, err := strconv.Atoi(v)
	switch {
	case err != nil:
		verr.Add("limit", "type", "integer")
	case n < 1 || n > registry.MaxPageSize:
		verr.Add("limit", "range", "1-"+strconv.Itoa(registry.MaxPageSize))
	}
	return n
}

// timeParam reads a time bound (end: the upper one) with parseTimeParam,
// adding a datetime problem to verr when it does not parse.
func timeParam(name, v string, end bool, verr *registry.ValidationError) time.Time {
	t, ok := parseTimeParam(v, end)
	addUnless(verr, ok, name, "datetime", "")
	return t
}

// parseTimeParam reads an RFC 3339 time or a YYYY-MM-DD date (Asia/Shanghai).
// An end bound is made exclusive for the store: a date moves to the next
// midnight, a time to the next millisecond (stores keep milliseconds).
func parseTimeParam(v string, end bool) (time.Time, bool) {
	if t, err := time.Parse(time.RFC3339Nano, v); err == nil {
		if end {
			t = t.Truncate(time.Millisecond).Add(time.Millisecond)
		}
		return t.UTC(), true
	}
	t, err := time.ParseInLocation(time.DateOnly, v, registry.Shanghai)
	if err != nil {
		return time.Time{}, false
	}
	if end {
		t = t.AddDate(0, 0, 1)
	}
	return t.UTC(), true
}

// addUnless adds the problem to verr unless ok.
func addUnless(verr *registry.ValidationError, ok bool, field, code, param string) {
	if !ok {
		verr.Add(field, code, param)
	}
}
