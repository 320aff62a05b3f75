package mongodb

import (
	"fmt"
	"strings"
	"time"

	"go.mongodb.org/mongo-driver/v2/bson"

	"talentd/registry"
)

// Field names of a record document.
const (
	fID          = "_id"
	fArea        = "area"
	fStatus      = "status"
	fVersion     = "version"
	fCreatedAt   = "created_at"
	fUpdatedAt   = "updated_at"
	fName        = "name"
	fNameLower   = "name_lower"
	fFilters     = "f"
	fIdentity    = "identity"
	fRefs        = "refs"
	fIdemKey     = "idem_key"
	fIdemHash    = "idem_hash"
	fBody        = "body"
	fOutbox      = "outbox"
	fOutboxSince = "outbox_since" // present while events wait: the oldest one's time
	fDeleted     = "deleted"      // true on a tombstone kept for its events
)

// row is a record document as read back.
type row struct {
	ID        string            `bson:"_id"`
	Area      string            `bson:"area"`
	Status    string            `bson:"status"`
	Version   int64             `bson:"version"`
	CreatedAt time.Time         `bson:"created_at"`
	UpdatedAt time.Time         `bson:"updated_at"`
	Name      string            `bson:"name"`
	Filters   map[string]string `bson:"f"`
	Identity  string            `bson:"identity"`
	Refs      []string          `bson:"refs"`
	IdemKey   string            `bson:"idem_key"`
	IdemHash  string            `bson:"idem_hash"`
	Body      bson.RawValue     `bson:"body"`
}

// rowProjection leaves the outbox out of record reads.
var rowProjection = bson.D{{Key: fOutbox, Value: 0}}

// document converts a stored row into the registry's Document.
func (r *row) document(kind registry.Kind) (registry.Document, error) {
	doc := registry.Document{
		Kind: kind, ID: r.ID, Area: r.Area, Status: registry.Status(r.Status),
		Version: r.Version, CreatedAt: r.CreatedAt.UTC(), UpdatedAt: r.UpdatedAt.UTC(),
		Name: r.Name, Filters: r.Filters, Identity: r.Identity, Refs: r.Refs,
		IdemKey: r.IdemKey, IdemHash: r.IdemHash,
	}
	b, err := bodyBytes(r.Body)
	if err != nil {
		return registry.Document{}, fmt.Errorf("mongodb: %s %s: %w", kind, r.ID, err)
	}
	doc.Body = b
	return doc, nil
}

// recordFields splits a Document into the fields to $set and the optional
// ones to $unset because they are empty. Empty unique keys are never stored
// as "", so sparse unique indexes ignore them.
func recordFields(doc registry.Document) (set, unset bson.D) {
	set = bson.D{
		{Key: fArea, Value: doc.Area},
		{Key: fStatus, Value: string(doc.Status)},
		{Key: fVersion, Value: doc.Version},
		{Key: fCreatedAt, Value: millis(doc.CreatedAt)},
		{Key: fUpdatedAt, Value: millis(doc.UpdatedAt)},
		{Key: fName, Value: doc.Name},
		{Key: fNameLower, Value: strings.ToLower(doc.Name)},
	}
	set, unset = optional(set, unset, fFilters, doc.Filters, len(doc.Filters) > 0)
	set, unset = optional(set, unset, fIdentity, doc.Identity, doc.Identity != "")
	set, unset = optional(set, unset, fRefs, doc.Refs, len(doc.Refs) > 0)
	set, unset = optional(set, unset, fIdemKey, doc.IdemKey, doc.IdemKey != "")
	set, unset = optional(set, unset, fIdemHash, doc.IdemHash, doc.IdemHash != "")
	if len(doc.Body) == 0 {
		return set, append(unset, bson.E{Key: fBody, Value: ""})
	}
	return append(set, bson.E{Key: fBody, Value: bodyValue(doc.Body)}), unset
}

func optional(set, unset bson.D, key string, v any, present bool) (bson.D, bson.D) {
	if present {
		return append(set, bson.E{Key: key, Value: v}), unset
	}
	return set, append(unset, bson.E{Key: key, Value: ""})
}

// millis is t in UTC, cut to the millisecond BSON dates hold.
func millis(t time.Time) time.Time { return t.UTC().Truncate(time.Millisecond) }

// live matches documents that are not tombstones.
var live = bson.E{Key: fDeleted, Value: bson.D{{Key: "$ne", Value: true}}}
