package storetest

import (
	"encoding/json"
	"maps"
	"slices"
	"time"

	"talentd/registry"
)

// ids makes the ids of test documents and events.
var ids registry.UUIDv7

// NewDoc returns a document of the kind at version 1, created now (to the
// millisecond, UTC), with a fresh id, area 371302, the kind's initial
// status, realistic filters and a small JSON body. Identity, IdemKey and
// Refs are empty; set them as a test needs.
func NewDoc(kind registry.Kind, name string) registry.Document {
	now := time.Now().UTC().Truncate(time.Millisecond)
	d := registry.Document{
		Kind:      kind,
		ID:        ids.New(kind.IDPrefix()),
		Area:      "371302",
		Status:    initialStatus(kind),
		Version:   1,
		CreatedAt: now,
		UpdatedAt: now,
		Name:      name,
		Filters:   sampleFilters(kind),
	}
	d.Body = Body(d)
	return d
}

// Body returns a small canonical-looking JSON body for doc's fields.
func Body(d registry.Document) []byte {
	b, err := json.Marshal(map[string]any{
		"id": d.ID, "area": d.Area, "status": d.Status, "version": d.Version,
		"created_at": d.CreatedAt, "updated_at": d.UpdatedAt, "name": d.Name,
	})
	if err != nil {
		panic(err) // plain strings and times always encode
	}
	return b
}

// Next returns a deep copy of d one version on, updated a millisecond later,
// with its body rewritten: the document an Update at prev = d.Version writes.
func Next(d registry.Document) registry.Document {
	n := Copy(d)
	n.Version++
	n.UpdatedAt = d.UpdatedAt.Add(time.Millisecond)
	n.Body = Body(n)
	return n
}

// Copy returns a deep copy of d.
func Copy(d registry.Document) registry.Document {
	d.Filters = maps.Clone(d.Filters)
	d.Refs = slices.Clone(d.Refs)
	d.Body = slices.Clone(d.Body)
	return d
}

// NewEvent returns an event of type talent.<kind>.<name> about doc at its
// version, happening at doc.UpdatedAt.
func NewEvent(d registry.Document, name string) registry.Event {
	data, err := json.Marshal(map[string]any{"id": d.ID, "version": d.Version, "area": d.Area})
	if err != nil {
		panic(err)
	}
	return registry.Event{
		ID:       ids.New("evt"),
		Type:     "talent." + d.Kind.Singular() + "." + name,
		Kind:     d.Kind,
		RecordID: d.ID,
		Version:  d.Version,
		Time:     d.UpdatedAt,
		Data:     data,
	}
}

func initialStatus(k registry.Kind) registry.Status {
	if r := registry.NewRecord(k); r != nil {
		return r.Lifecycle().Initial
	}
	return "DRAFT"
}

func sampleFilters(k registry.Kind) map[string]string {
	switch k {
	case registry.KindTalent:
		return map[string]string{"tier": "B", "level": "MUNICIPAL", "channel": "CASE_BY_CASE",
			"field": "AI", "employment": "FULL_TIME"}
	case registry.KindEnclave:
		return map[string]string{"type": "ACCELERATOR", "host_region": "YANGTZE_DELTA"}
	}
	return map[string]string{"kind": "ACADEMICIAN"}
}
