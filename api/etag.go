package api

import (
	"net/http"
	"slices"
	"strconv"
	"strings"
)

// precondition is a request's If-Match: absent, "*", or a list of strong
// ETags (versions). Weak or unreadable tags never match (RFC 9110 compares
// If-Match strongly).
type precondition struct {
	present  bool
	any      bool
	versions []int64
}

// ifMatchOf reads the request's If-Match headers.
func ifMatchOf(r *http.Request) precondition {
	var p precondition
	for _, h := range r.Header.Values("If-Match") {
		p.present = true
		for _, tag := range strings.Split(h, ",") {
			tag = strings.TrimSpace(tag)
			if tag == "*" {
				p.any = true
			} else if v, ok := parseETag(tag); ok {
				p.versions = append(p.versions, v)
			}
		}
	}
	return p
}

// parseETag reads a strong ETag "<version>".
func parseETag(tag string) (int64, bool) {
	if len(tag) < 3 || tag[0] != '"' || tag[len(tag)-1] != '"' {
		return 0, false
	}
	v, err := strconv.ParseInt(tag[1:len(tag)-1], 10, 64)
	return v, err == nil && v > 0
}

// matches reports whether the current version satisfies the precondition.
func (p precondition) matches(version int64) bool {
	return p.any || slices.Contains(p.versions, version)
}

// single returns the version the precondition names when it names exactly
// one (and not "*"), so the service can compare it atomically.
func (p precondition) single() (int64, bool) {
	if p.any || len(p.versions) != 1 {
		return 0, false
	}
	return p.versions[0], true
}
