package mongodb

import (
	"context"
	"errors"
	"fmt"
	"time"

	"go.mongodb.org/mongo-driver/v2/mongo"
	"go.mongodb.org/mongo-driver/v2/mongo/options"
	"go.mongodb.org/mongo-driver/v2/mongo/readpref"
	"go.mongodb.org/mongo-driver/v2/mongo/writeconcern"

	"talentd/registry"
)

// Store is the registry Store and Outbox on one MongoDB database.
type Store struct {
	client *mongo.Client
	db     *mongo.Database
}

var (
	_ registry.Store  = (*Store)(nil)
	_ registry.Outbox = (*Store)(nil)
)

// Option adjusts how Open connects.
type Option func(*options.ClientOptions)

// WithMaxPoolSize caps the connections per server. FerretDB needs 1: it
// applies updates without a lock, so concurrent connections lose writes.
func WithMaxPoolSize(n uint64) Option {
	return func(o *options.ClientOptions) { o.SetMaxPoolSize(n) }
}

// WithTimeout sets the client-wide operation timeout.
func WithTimeout(d time.Duration) Option {
	return func(o *options.ClientOptions) { o.SetTimeout(d) }
}

// Open connects to the MongoDB at uri, checks that it answers and ensures
// the collections' indexes (idempotently). Writes wait for a majority.
func Open(ctx context.Context, uri, dbName string, opts ...Option) (*Store, error) {
	co := options.Client().ApplyURI(uri).SetWriteConcern(writeconcern.Majority())
	for _, o := range opts {
		o(co)
	}
	client, err := mongo.Connect(co)
	if err != nil {
		return nil, fmt.Errorf("mongodb: connect: %w", err)
	}
	s := &Store{client: client, db: client.Database(dbName)}
	if err := s.Ping(ctx); err != nil {
		_ = client.Disconnect(context.Background())
		return nil, err
	}
	if err := s.ensureIndexes(ctx); err != nil {
		_ = client.Disconnect(context.Background())
		return nil, err
	}
	return s, nil
}

// Ping implements registry.Store.
func (s *Store) Ping(ctx context.Context) error {
	if err := s.client.Ping(ctx, readpref.Primary()); err != nil {
		return fmt.Errorf("mongodb: ping: %w", err)
	}
	return nil
}

// Close implements registry.Store. Closing twice is harmless.
func (s *Store) Close() error {
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if err := s.client.Disconnect(ctx); err != nil && !errors.Is(err, mongo.ErrClientDisconnected) {
		return fmt.Errorf("mongodb: close: %w", err)
	}
	return nil
}

// coll is the collection of a record kind.
func (s *Store) coll(kind registry.Kind) (*mongo.Collection, error) {
	if registry.NewRecord(kind) == nil {
		return nil, fmt.Errorf("mongodb: unknown record kind %q: %w", kind, registry.ErrInvalid)
	}
	return s.db.Collection(string(kind)), nil
}
