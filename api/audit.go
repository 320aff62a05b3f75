package api

import (
	"encoding/base64"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/gin-gonic/gin"

	"talentd/registry"
)

// maxAuditParam is the longest record, principal or action filter.
const maxAuditParam = 128

// auditEntry is an audit entry as GET /v1/audit shows it.
type auditEntry struct {
	Seq           int64     `json:"seq"`
	ID            string    `json:"id"`
	Time          time.Time `json:"time"`
	KeyID         string    `json:"key_id"`
	KeyName       string    `json:"key_name"`
	Role          string    `json:"role"`
	Action        string    `json:"action"`
	Kind          string    `json:"kind,omitempty"`
	RecordID      string    `json:"record_id,omitempty"`
	VersionBefore int64     `json:"version_before"`
	VersionAfter  int64     `json:"version_after"`
	Fields        []string  `json:"fields"`
	RequestID     string    `json:"request_id,omitempty"`
	ClientIP      string    `json:"client_ip,omitempty"`
	PrevHash      string    `json:"prev_hash"`
	Hash          string    `json:"hash"`
}

// auditPage is the body of GET /v1/audit.
type auditPage struct {
	Items      []auditEntry `json:"items"`
	NextCursor string       `json:"next_cursor,omitempty"`
}

func auditEntryOf(e registry.AuditEntry) auditEntry {
	fields := e.Fields
	if fields == nil {
		fields = []string{}
	}
	return auditEntry{Seq: e.Seq, ID: e.ID, Time: e.Time, KeyID: e.KeyID, KeyName: e.KeyName, Role: string(e.Role),
		Action: e.Action, Kind: string(e.Kind), RecordID: e.RecordID, VersionBefore: e.VersionBefore,
		VersionAfter: e.VersionAfter, Fields: fields, RequestID: e.RequestID, ClientIP: e.ClientIP,
		PrevHash: e.PrevHash, Hash: e.Hash}
}

// listAudit handles GET /v1/audit (admin, auditor): entries oldest first,
// filtered by record, principal (key id), action, from (inclusive) and to
// (inclusive, as created_to of the record lists), in keyset pages.
func (s *server) listAudit(c *gin.Context) error {
	if !registry.Can(principalOf(c), registry.ActionAuditRead, registry.NoKind) {
		return registry.ErrForbidden
	}
	if s.audit == nil {
		return errAuditUnavailable
	}
	q, err := auditQuery(c.Request.URL.RawQuery)
	if err != nil {
		return err
	}
	limit := q.Limit
	q.Limit++ // one more tells whether another page follows
	entries, err := s.audit.ListAudit(c.Request.Context(), q)
	if err != nil {
		return err
	}
	out := auditPage{Items: make([]auditEntry, 0, min(len(entries), limit))}
	if len(entries) > limit {
		entries = entries[:limit]
		out.NextCursor = auditCursor(entries[limit-1].Seq)
	}
	for _, e := range entries {
		out.Items = append(out.Items, auditEntryOf(e))
	}
	s.writeJSON(c, http.StatusOK, out)
	return nil
}

// auditQuery reads the audit list's query parameters; unknown, repeated
// or malformed ones are 400s naming the parameter.
func auditQuery(raw string) (registry.AuditQuery, error) {
	q := registry.AuditQuery{Limit: registry.DefaultPageSize}
	err := queryParams(raw, func(name, v string, verr *registry.ValidationError) { auditParam(&q, name, v, verr) })
	return q, err
}

// auditParam applies one query parameter to q.
func auditParam(q *registry.AuditQuery, name, v string, verr *registry.ValidationError) {
	var ok bool
	switch name {
	case "record":
		q.Record = auditText(name, v, verr)
	case "principal":
		q.Principal = auditText(name, v, verr)
	case "action":
		q.Action = auditText(name, v, verr)
	case "from":
		q.From = timeParam(name, v, false, verr)
	case "to":
		q.To = timeParam(name, v, true, verr)
	case "limit":
		q.Limit = parseLimit(v, verr)
	case "cursor":
		q.After, ok = parseAuditCursor(v)
		addUnless(verr, ok, name, "cursor_invalid", "")
	default:
		verr.Add(name, "unknown_parameter", "")
	}
}

// auditText checks a text filter: 1 to maxAuditParam bytes.
func auditText(name, v string, verr *registry.ValidationError) string {
	addUnless(verr, v != "" && len(v) <= maxAuditParam, name, "range", "1-"+strconv.Itoa(maxAuditParam))
	return v
}

// errAuditUnavailable answers GET /v1/audit when no trail is wired.
var errAuditUnavailable = &problem{status: http.StatusServiceUnavailable, slug: "not-ready", failing: []string{"audit"}}

// auditCursorPrefix marks an audit cursor, so a record list's cursor is
// not taken for one.
const auditCursorPrefix = "audit:"

// auditCursor is the opaque cursor of the page after seq.
func auditCursor(seq int64) string {
	return base64.RawURLEncoding.EncodeToString([]byte(auditCursorPrefix + strconv.FormatInt(seq, 10)))
}

func parseAuditCursor(v string) (int64, bool) {
	b, err := base64.RawURLEncoding.DecodeString(v)
	if err != nil {
		return 0, false
	}
	n, ok := strings.CutPrefix(string(b), auditCursorPrefix)
	if !ok {
		return 0, false
	}
	seq, err := strconv.ParseInt(n, 10, 64)
	return seq, err == nil && seq > 0
}
