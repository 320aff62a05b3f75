package api

import (
	"slices"
	"strconv"
	"strings"
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
	req := registry.ListRequest{Kind: kind, Limit: registry.DefaultPageSize}
	filters := filterEnums(kind)
	err := queryParams(c.Request.URL.RawQuery, func(name, v string, verr *registry.ValidationError) {
		s.listParam(&req, name, v, filters, verr)
	})
	return req, err
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
		req.CreatedFrom = timeParam(name, v, false, verr)
	case "created_to":
		req.CreatedTo = timeParam(name, v, true, verr)
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
