package mongodb

import (
	"time"

	"go.mongodb.org/mongo-driver/v2/bson"

	"talentd/registry"
)

// eventRow is one entry of a record document's outbox array.
type eventRow struct {
	ID       string    `bson:"id"`
	Type     string    `bson:"type"`
	Kind     string    `bson:"kind"`
	RecordID string    `bson:"record_id"`
	Version  int64     `bson:"version"`
	Time     time.Time `bson:"time"`
	Data     string    `bson:"data"` // the JSON payload as text: relayed, never queried
}

func eventRows(events []registry.Event) bson.A {
	rows := make(bson.A, len(events))
	for i, e := range events {
		rows[i] = eventRow{
			ID: e.ID, Type: e.Type, Kind: string(e.Kind), RecordID: e.RecordID,
			Version: e.Version, Time: millis(e.Time), Data: string(e.Data),
		}
	}
	return rows
}

func (r eventRow) event() registry.Event {
	e := registry.Event{
		ID: r.ID, Type: r.Type, Kind: registry.Kind(r.Kind), RecordID: r.RecordID,
		Version: r.Version, Time: r.Time.UTC(),
	}
	if r.Data != "" {
		e.Data = []byte(r.Data)
	}
	return e
}

// oldest is the earliest event time, the outbox_since a write sets with
// $min so the document sorts among pending ones by its oldest event.
func oldest(events []registry.Event) time.Time {
	t := events[0].Time
	for _, e := range events[1:] {
		if e.Time.Before(t) {
			t = e.Time
		}
	}
	return millis(t)
}

// outboxUpdate is the part of an update that appends events; empty when
// there are none.
func outboxUpdate(events []registry.Event) bson.D {
	if len(events) == 0 {
		return nil
	}
	return bson.D{
		{Key: "$push", Value: bson.D{{Key: fOutbox, Value: bson.D{{Key: "$each", Value: eventRows(events)}}}}},
		{Key: "$min", Value: bson.D{{Key: fOutboxSince, Value: oldest(events)}}},
	}
}
