package mongodb

import (
	"context"
	"errors"
	"fmt"

	"go.mongodb.org/mongo-driver/v2/bson"
	"go.mongodb.org/mongo-driver/v2/mongo"
	"go.mongodb.org/mongo-driver/v2/mongo/options"

	"talentd/registry"
)

// Get implements registry.Store.
func (s *Store) Get(ctx context.Context, kind registry.Kind, id string) (registry.Document, error) {
	return s.findOne(ctx, kind, fID, id)
}

// FindIdentity implements registry.Store.
func (s *Store) FindIdentity(ctx context.Context, kind registry.Kind, identity string) (registry.Document, error) {
	if identity == "" {
		return registry.Document{}, fmt.Errorf("mongodb: %s: empty identity: %w", kind, registry.ErrNotFound)
	}
	return s.findOne(ctx, kind, fIdentity, identity)
}

// FindIdemKey implements registry.Store.
func (s *Store) FindIdemKey(ctx context.Context, kind registry.Kind, key string) (registry.Document, error) {
	if key == "" {
		return registry.Document{}, fmt.Errorf("mongodb: %s: empty idempotency key: %w", kind, registry.ErrNotFound)
	}
	return s.findOne(ctx, kind, fIdemKey, key)
}

func (s *Store) findOne(ctx context.Context, kind registry.Kind, field, value string) (registry.Document, error) {
	c, err := s.coll(kind)
	if err != nil {
		return registry.Document{}, err
	}
	var r row
	opts := options.FindOne().SetProjection(rowProjection)
	err = c.FindOne(ctx, bson.D{{Key: field, Value: value}, live}, opts).Decode(&r)
	if errors.Is(err, mongo.ErrNoDocuments) {
		return registry.Document{}, fmt.Errorf("mongodb: %s %s: %w", kind, field, registry.ErrNotFound)
	}
	if err != nil {
		return registry.Document{}, fmt.Errorf("mongodb: find %s by %s: %w", kind, field, err)
	}
	return r.document(kind)
}

// List implements registry.Store.
func (s *Store) List(ctx context.Context, q registry.Query) ([]registry.Document, error) {
	c, err := s.coll(q.Kind)
	if err != nil {
		return nil, err
	}
	f, err := filterOf(q)
	if err != nil {
		return nil, err
	}
	opts := options.Find().SetSort(newestFirst).SetProjection(rowProjection)
	if q.Limit > 0 {
		opts.SetLimit(int64(q.Limit))
	}
	rows, err := findAll[row](ctx, c, f, opts, "list "+string(q.Kind))
	if err != nil {
		return nil, err
	}
	docs := make([]registry.Document, 0, len(rows))
	for i := range rows {
		d, err := rows[i].document(q.Kind)
		if err != nil {
			return nil, err
		}
		docs = append(docs, d)
	}
	return docs, nil
}

// Count implements registry.Store.
func (s *Store) Count(ctx context.Context, q registry.Query) (int, error) {
	c, err := s.coll(q.Kind)
	if err != nil {
		return 0, err
	}
	q.After = nil
	f, err := filterOf(q)
	if err != nil {
		return 0, err
	}
	n, err := c.CountDocuments(ctx, f)
	if err != nil {
		return 0, fmt.Errorf("mongodb: count %s: %w", q.Kind, err)
	}
	return int(n), nil
}

// findAll runs a find on c and decodes every document it returns as an R;
// what names the read in errors ("mongodb: what: …").
func findAll[R any](ctx context.Context, c *mongo.Collection, filter any, opts *options.FindOptionsBuilder, what string) ([]R, error) {
	cur, err := c.Find(ctx, filter, opts)
	if err != nil {
		return nil, fmt.Errorf("mongodb: %s: %w", what, err)
	}
	var rows []R
	if err := cur.All(ctx, &rows); err != nil {
		return nil, fmt.Errorf("mongodb: %s: %w", what, err)
	}
	return rows, nil
}
