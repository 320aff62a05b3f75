package registry

import (
	"context"
	"encoding/base64"
	"encoding/json"
	"time"
)

// ListRequest is a page request over one kind. Zero fields do not filter.
type ListRequest struct {
	Kind         Kind
	Area         string
	Status       Status
	NameContains string
	CreatedFrom  time.Time
	CreatedTo    time.Time
	Filters      map[string]string
	Limit        int    // 1–200; 0 means DefaultPageSize
	Cursor       string // opaque, from an earlier page's Next
	// Scope narrows the result to what the principal may see; set by the
	// caller from the principal's role.
	ScopeAreas []string
	ScopeIDs   []string
}

// Page sizes.
const (
	DefaultPageSize = 50
	MaxPageSize     = 200
)

// Page is one page of records; Next is empty on the last page.
type Page struct {
	Items []Record
	Next  string
}

// List returns a page of records, newest first.
func (s *Service) List(ctx context.Context, req ListRequest) (Page, error) {
	q, err := req.query()
	if err != nil {
		return Page{}, err
	}
	q.Limit++ // one more tells whether a next page exists
	docs, err := s.store.List(ctx, q)
	if err != nil {
		return Page{}, err
	}
	var page Page
	if len(docs) == q.Limit {
		docs = docs[:len(docs)-1]
		last := docs[len(docs)-1]
		page.Next = encodeCursor(Cursor{CreatedAt: last.CreatedAt, ID: last.ID})
	}
	for _, d := range docs {
		r, err := s.open(d)
		if err != nil {
			return Page{}, err
		}
		page.Items = append(page.Items, r)
	}
	return page, nil
}

func (req ListRequest) query() (Query, error) {
	verr := &ValidationError{}
	limit := req.Limit
	if limit == 0 {
		limit = DefaultPageSize
	}
	if limit < 1 || limit > MaxPageSize {
		verr.Add("limit", "range", "1-200")
	}
	q := Query{Kind: req.Kind, Status: req.Status, NameContains: req.NameContains,
		CreatedFrom: req.CreatedFrom, CreatedTo: req.CreatedTo, Filters: req.Filters,
		Limit: limit, Areas: req.ScopeAreas, IDs: req.ScopeIDs}
	if req.Area != "" {
		q.Areas = narrow(req.ScopeAreas, req.Area)
	}
	if req.Cursor != "" {
		c, ok := decodeCursor(req.Cursor)
		if !ok {
			verr.Add("cursor", "cursor_invalid", "")
		}
		q.After = &c
	}
	return q, verr.Err()
}

// narrow intersects a scope with one asked-for area; an empty scope allows
// any area. An area outside the scope yields a set that matches nothing.
func narrow(scope []string, area string) []string {
	if len(scope) == 0 {
		return []string{area}
	}
	for _, a := range scope {
		if a == area {
			return []string{area}
		}
	}
	return []string{"\x00none"}
}

type cursorJSON struct {
	C int64  `json:"c"`
	I string `json:"i"`
}

func encodeCursor(c Cursor) string {
	b, _ := json.Marshal(cursorJSON{C: c.CreatedAt.UnixMilli(), I: c.ID})
	return base64.RawURLEncoding.EncodeToString(b)
}

func decodeCursor(s string) (Cursor, bool) {
	b, err := base64.RawURLEncoding.DecodeString(s)
	if err != nil {
		return Cursor{}, false
	}
	var c cursorJSON
	if err := json.Unmarshal(b, &c); err != nil || c.I == "" || c.C <= 0 {
		return Cursor{}, false
	}
	return Cursor{CreatedAt: time.UnixMilli(c.C).UTC(), ID: c.I}, true
}
