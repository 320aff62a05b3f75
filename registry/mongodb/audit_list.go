package mongodb

import (
	"context"

	"go.mongodb.org/mongo-driver/v2/bson"
	"go.mongodb.org/mongo-driver/v2/mongo/options"

	"talentd/registry"
)

// ListAudit implements registry.AuditLog.
func (s *Store) ListAudit(ctx context.Context, q registry.AuditQuery) ([]registry.AuditEntry, error) {
	opts := options.Find().SetSort(bson.D{{Key: fID, Value: 1}})
	if q.Limit > 0 {
		opts.SetLimit(int64(q.Limit))
	}
	rows, err := findAll[auditRow](ctx, s.db.Collection(collAudit), auditFilter(q), opts, "audit entries")
	if err != nil {
		return nil, err
	}
	out := make([]registry.AuditEntry, len(rows))
	for i, r := range rows {
		out[i] = r.entry()
	}
	return out, nil
}

func auditFilter(q registry.AuditQuery) bson.D {
	f := bson.D{{Key: fID, Value: bson.D{{Key: "$gt", Value: q.After}}}}
	for _, eq := range []struct{ key, value string }{{"record_id", q.Record}, {"key_id", q.Principal}, {"action", q.Action}} {
		if eq.value != "" {
			f = append(f, bson.E{Key: eq.key, Value: eq.value})
		}
	}
	var at bson.D
	if !q.From.IsZero() {
		at = append(at, bson.E{Key: "$gte", Value: millis(q.From)})
	}
	if !q.To.IsZero() {
		at = append(at, bson.E{Key: "$lt", Value: millis(q.To)})
	}
	if at != nil {
		f = append(f, bson.E{Key: "time", Value: at})
	}
	return f
}

// EachAudit implements registry.AuditLog, reading a page at a time.
func (s *Store) EachAudit(ctx context.Context, fn func(registry.AuditEntry) error) error {
	return registry.EachAuditPaged(ctx, s.ListAudit, auditPage, fn)
}
