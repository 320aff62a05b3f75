package mongodb

import (
	"context"
	"fmt"

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
	cur, err := s.db.Collection(collAudit).Find(ctx, auditFilter(q), opts)
	if err != nil {
		return nil, fmt.Errorf("mongodb: audit entries: %w", err)
	}
	var rows []auditRow
	if err := cur.All(ctx, &rows); err != nil {
		return nil, fmt.Errorf("mongodb: audit entries: %w", err)
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
	for after := int64(0); ; {
		page, err := s.ListAudit(ctx, registry.AuditQuery{After: after, Limit: auditPage})
		if err != nil {
			return err
		}
		for _, e := range page {
			if err := fn(e); err != nil {
				return err
			}
		}
		if len(page) < auditPage {
			return nil
		}
		after = page[len(page)-1].Seq
	}
}
