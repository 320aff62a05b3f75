package api

import (
	"maps"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/gin-gonic/gin"

	"talentd/registry"
)

// maxQuery is the longest name fragment q may hold, in characters.
const maxQuery = 128

// listRequest reads a list's query parameters: area, status, q,
// created_from, created_to, limit, cursor and the kind's filters. Unknown
// or repeated parameters and values outside an enum are 400s naming the
// parameter.
func (s *server) listRequest(c *gin.Context, kind registry.Kind) (registry.ListRequest, error) {
	vals, err := url.ParseQuery(c.Request.URL.RawQuery)
	if err != nil {
		return registry.ListRequest{}, invalid("", "query_syntax", "")
	}
	req := registry.ListRequest{Kind: kind, Limit: registry.DefaultPageSize}
	filters := filterEnums(kind)
	verr := &registry.ValidationError{}
	for _, name := range slices.Sorted(maps.Keys(vals)) {
		if len(vals[name]) > 1 {
			verr.Add(name, "repeated", "")
			continue
		}
		s.listParam(&req, name, vals[name][0], filters, verr)
	}
	return req, verr.Err()
}

// listParam applies one query parameter to req.
func (s *server) listParam(req *registry.ListRequest, name, v string, filters map[string][]string, verr *registry.ValidationError) {
	var ok bool
	switch name {
	case "area":
		req.Area, ok = v, slices.Contains(s.areas, v)
		addUnless(verr, ok, name, "oneof", strings.Join(s.areas, " "))
	case "status":
		states := stateNames(req.Kind)
		req.Status, ok = registry.Status(v), slices.Contains(states, v)
		addUnless(verr, ok, name, "oneof", strings.Join(states, " "))
	case "q":
		req.NameContains = v
		addUnless(verr, utf8.RuneCountInString(v) <= maxQuery, name, "max", strconv.Itoa(maxQuery))
	case "created_from":
		req.CreatedFrom, ok = parseTimeParam(v, false)
		addUnless(verr, ok, name, "datetime", "")
	case "created_to":
		req.CreatedTo, ok = parseTimeParam(v, true)
		addUnless(verr, ok, name, "datetime", "")
	case "limit":
		req.Limit = parseLimit(v, verr)
	case "cursor":
		req.Cursor = v
	default:
		filterParam(req, name, v, filters, verr)
	}
}

// filterParam applies one of the kind's filters (tier, kind, type, …).
func filterParam(req *registry.ListRequest, name, v string, filters map[string][]string, verr *registry.ValidationError) {
	enum, known := filters[name]
	switch {
	case !known:
		verr.Add(name, "unknown_parameter", "")
	case v == "" || (len(enum) > 0 && !slices.Contains(enum, v)):
		verr.Add(name, "oneof", strings.Join(enum, " "))
	default:
		if req.Filters == nil {
			req.Filters = map[string]string{}
		}
		req.Filters[name] = v
	}
}

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

// filterEnums maps each filter of the kind to its allowed values (from the
// field's oneof rule; nil when any value goes).
func filterEnums(kind registry.Kind) map[string][]string {
	t := recordType(kind)
	out := map[string][]string{}
	for name := range registry.NewRecord(kind).Filters() {
		f, _ := jsonFieldNamed(t, name)
		own, _ := rules(f.validate)
		out[name] = enumOf(own)
	}
	return out
}

// stateNames lists the kind's lifecycle states.
func stateNames(k registry.Kind) []string {
	var out []string
	for _, st := range registry.LifecycleOf(k).States() {
		out = append(out, string(st))
	}
	return out
}

func addUnless(verr *registry.ValidationError, ok bool, field, code, param string) {
	if !ok {
		verr.Add(field, code, param)
	}
}
