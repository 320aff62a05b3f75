package sqlite

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"maps"
	"slices"
	"strings"
	"time"

	"talentd/registry"
)

// docColumns are the records columns a Document is read from, in scanDoc order.
const docColumns = `r.kind, r.id, r.area, r.status, r.version, r.created_at, r.updated_at,
	r.name, r.identity, r.idem_key, r.idem_hash, r.filters, r.refs, b.body`

// docFrom joins a record to its body.
const docFrom = ` FROM records r JOIN record_bodies b ON b.rid = r.rid`

// scanner is *sql.Row or *sql.Rows.
type scanner interface{ Scan(dest ...any) error }

// scanDoc reads one row of docColumns.
func scanDoc(row scanner) (registry.Document, error) {
	var (
		d                registry.Document
		created, updated int64
		filters, refs    string
	)
	err := row.Scan(&d.Kind, &d.ID, &d.Area, &d.Status, &d.Version, &created, &updated,
		&d.Name, &d.Identity, &d.IdemKey, &d.IdemHash, &filters, &refs, &d.Body)
	if err != nil {
		return d, err
	}
	d.CreatedAt, d.UpdatedAt = fromMillis(created), fromMillis(updated)
	if err := json.Unmarshal([]byte(filters), &d.Filters); err != nil {
		return d, fmt.Errorf("sqlite: decode filters of %s: %w", d.ID, err)
	}
	if err := json.Unmarshal([]byte(refs), &d.Refs); err != nil {
		return d, fmt.Errorf("sqlite: decode refs of %s: %w", d.ID, err)
	}
	return d, nil
}

// row is a Document in the form the records table stores it.
type row struct {
	registry.Document
	nameFold, filters, tags, refs string
}

// toRow encodes doc's filters and refs for storage.
func toRow(d registry.Document) (row, error) {
	if d.Filters == nil {
		d.Filters = map[string]string{}
	}
	if d.Refs == nil {
		d.Refs = []string{}
	}
	f, err := json.Marshal(d.Filters)
	if err != nil {
		return row{}, fmt.Errorf("sqlite: encode filters: %w", err)
	}
	r, err := json.Marshal(d.Refs)
	if err != nil {
		return row{}, fmt.Errorf("sqlite: encode refs: %w", err)
	}
	if d.Body == nil {
		d.Body = []byte{}
	}
	return row{Document: d, nameFold: fold(d.Name), filters: string(f), tags: filterTags(d.Filters), refs: string(r)}, nil
}

// tagEscaper escapes the characters that delimit filter tags.
var tagEscaper = strings.NewReplacer("%", "%25", "|", "%7C", "=", "%3D")

// filterTag is one filter as it appears in the filter_tags column.
func filterTag(key, value string) string {
	return "|" + tagEscaper.Replace(key) + "=" + tagEscaper.Replace(value) + "|"
}

// filterTags is the filter_tags column: "|k1=v1|k2=v2|", keys sorted, or ""
// for no filters (migration 5 builds the same, in any order).
func filterTags(filters map[string]string) string {
	var b strings.Builder
	for _, k := range slices.Sorted(maps.Keys(filters)) {
		b.WriteString(strings.TrimSuffix(filterTag(k, filters[k]), "|"))
	}
	if b.Len() == 0 {
		return ""
	}
	return b.String() + "|"
}

// fold is the case-insensitive form of a name and of a NameContains needle.
func fold(s string) string { return strings.ToLower(s) }

func millis(t time.Time) int64 { return t.UnixMilli() }

func fromMillis(ms int64) time.Time { return time.UnixMilli(ms).UTC() }

// docQuery is the query for the document where cond (on alias r) holds.
func docQuery(cond string) string { return `SELECT ` + docColumns + docFrom + ` WHERE ` + cond }

// getOne returns the document prepared query q finds with args, or
// ErrNotFound.
func getOne(ctx context.Context, q *sql.Stmt, what string, args ...any) (registry.Document, error) {
	d, err := scanDoc(q.QueryRowContext(ctx, args...))
	if errors.Is(err, sql.ErrNoRows) {
		return d, fmt.Errorf("sqlite: %s: %w", what, registry.ErrNotFound)
	}
	if err != nil {
		return d, fmt.Errorf("sqlite: %s: %w", what, err)
	}
	return d, nil
}

// Get returns the document, or ErrNotFound.
func (s *Store) Get(ctx context.Context, kind registry.Kind, id string) (registry.Document, error) {
	return getOne(ctx, s.st.get, "get "+id, kind, id)
}

// FindIdentity returns the document of the kind holding the identity hash.
func (s *Store) FindIdentity(ctx context.Context, kind registry.Kind, identity string) (registry.Document, error) {
	if identity == "" {
		return registry.Document{}, fmt.Errorf("sqlite: find identity: %w", registry.ErrNotFound)
	}
	return getOne(ctx, s.st.findIdentity, "find identity", kind, identity)
}

// FindIdemKey returns the document of the kind created under the key.
func (s *Store) FindIdemKey(ctx context.Context, kind registry.Kind, key string) (registry.Document, error) {
	if key == "" {
		return registry.Document{}, fmt.Errorf("sqlite: find idempotency key: %w", registry.ErrNotFound)
	}
	return getOne(ctx, s.st.findIdemKey, "find idempotency key", kind, key)
}
