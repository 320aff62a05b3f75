package api

import (
	"net/http"
	"strconv"
	"strings"
)

// lang is a language the API writes messages in.
type lang int

const (
	langZH lang = iota // the default
	langEN
)

// tag is the language's BCP 47 tag, for Content-Language.
func (l lang) tag() string {
	if l == langEN {
		return "en"
	}
	return "zh-CN"
}

// langOf picks Chinese or English by the request's Accept-Language: the
// acceptable language with the highest weight, first listed on a tie.
// Chinese when the header is absent or names neither.
func langOf(r *http.Request) lang {
	best, bestQ := langZH, 0.0
	for _, part := range strings.Split(r.Header.Get("Accept-Language"), ",") {
		tag, q := parseLangRange(part)
		var l lang
		switch primarySubtag(tag) {
		case "zh":
			l = langZH
		case "en":
			l = langEN
		default:
			continue
		}
		if q > bestQ {
			best, bestQ = l, q
		}
	}
	return best
}

// parseLangRange splits "en-GB;q=0.8" into its tag and weight (1 when
// absent, 0 when unreadable).
func parseLangRange(s string) (string, float64) {
	tag, params, _ := strings.Cut(s, ";")
	q := 1.0
	if v, ok := strings.CutPrefix(strings.TrimSpace(params), "q="); ok {
		f, err := strconv.ParseFloat(strings.TrimSpace(v), 64)
		if err != nil || f < 0 || f > 1 {
			f = 0
		}
		q = f
	}
	return strings.TrimSpace(tag), q
}

func primarySubtag(tag string) string {
	p, _, _ := strings.Cut(tag, "-")
	return strings.ToLower(p)
}
