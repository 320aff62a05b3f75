package mongodb

import (
	"context"
	"errors"
	"fmt"
	"time"

	"go.mongodb.org/mongo-driver/v2/bson"
	"go.mongodb.org/mongo-driver/v2/mongo"
	"go.mongodb.org/mongo-driver/v2/mongo/options"

	"talentd/registry"
)

var _ registry.KeyStore = (*Store)(nil)

// collKeys holds API keys, _id the key id; hash has a unique index.
const collKeys = "api_keys"

// keyRow is an API key as stored. An absent expires_at or revoked_at means
// never expires or not revoked.
type keyRow struct {
	ID        string     `bson:"_id"`
	Name      string     `bson:"name"`
	Role      string     `bson:"role"`
	Area      string     `bson:"area"`
	EnclaveID string     `bson:"enclave_id"`
	Hash      string     `bson:"hash"`
	Prefix    string     `bson:"prefix"`
	CreatedAt time.Time  `bson:"created_at"`
	ExpiresAt *time.Time `bson:"expires_at,omitempty"`
	RevokedAt *time.Time `bson:"revoked_at,omitempty"`
	CreatedBy string     `bson:"created_by"`
}

func toKeyRow(k registry.APIKey) keyRow {
	return keyRow{ID: k.ID, Name: k.Name, Role: string(k.Role), Area: k.Area, EnclaveID: k.EnclaveID,
		Hash: k.Hash, Prefix: k.Prefix, CreatedAt: millis(k.CreatedAt), ExpiresAt: optMillis(k.ExpiresAt),
		RevokedAt: optMillis(k.RevokedAt), CreatedBy: k.CreatedBy}
}

func (r keyRow) key() registry.APIKey {
	return registry.APIKey{ID: r.ID, Name: r.Name, Role: registry.Role(r.Role), Area: r.Area, EnclaveID: r.EnclaveID,
		Hash: r.Hash, Prefix: r.Prefix, CreatedAt: r.CreatedAt.UTC(), ExpiresAt: optMillis(r.ExpiresAt),
		RevokedAt: optMillis(r.RevokedAt), CreatedBy: r.CreatedBy}
}

// optMillis is t to the millisecond in UTC, nil staying nil.
func optMillis(t *time.Time) *time.Time {
	if t == nil {
		return nil
	}
	m := millis(*t)
	return &m
}

// CreateKey implements registry.KeyStore.
func (s *Store) CreateKey(ctx context.Context, k registry.APIKey) error {
	_, err := s.db.Collection(collKeys).InsertOne(ctx, toKeyRow(k))
	if err != nil && isDuplicateKey(err) {
		return &registry.ConflictError{Reason: "id", Detail: "an API key with this id or secret exists"}
	}
	if err != nil {
		return fmt.Errorf("mongodb: create key %s: %w", k.ID, err)
	}
	return nil
}

// GetKeyByHash implements registry.KeyStore.
func (s *Store) GetKeyByHash(ctx context.Context, hash string) (registry.APIKey, error) {
	return s.findKey(ctx, bson.D{{Key: "hash", Value: hash}})
}

func (s *Store) findKey(ctx context.Context, filter bson.D) (registry.APIKey, error) {
	var r keyRow
	err := s.db.Collection(collKeys).FindOne(ctx, filter).Decode(&r)
	if errors.Is(err, mongo.ErrNoDocuments) {
		return registry.APIKey{}, fmt.Errorf("mongodb: API key: %w", registry.ErrNotFound)
	}
	if err != nil {
		return registry.APIKey{}, fmt.Errorf("mongodb: read API key: %w", err)
	}
	return r.key(), nil
}

// ListKeys implements registry.KeyStore.
func (s *Store) ListKeys(ctx context.Context) ([]registry.APIKey, error) {
	opts := options.Find().SetSort(bson.D{{Key: "created_at", Value: 1}, {Key: fID, Value: 1}})
	rows, err := findAll[keyRow](ctx, s.db.Collection(collKeys), bson.D{}, opts, "list keys")
	if err != nil {
		return nil, err
	}
	out := make([]registry.APIKey, len(rows))
	for i, r := range rows {
		out[i] = r.key()
	}
	return out, nil
}

// RevokeKey implements registry.KeyStore: only a key not yet revoked gets
// a revocation time, so the first one stays.
func (s *Store) RevokeKey(ctx context.Context, id string, at time.Time) (registry.APIKey, error) {
	f := bson.D{{Key: fID, Value: id}, {Key: "revoked_at", Value: bson.D{{Key: "$exists", Value: false}}}}
	set := bson.D{{Key: "$set", Value: bson.D{{Key: "revoked_at", Value: millis(at)}}}}
	if _, err := s.db.Collection(collKeys).UpdateOne(ctx, f, set); err != nil {
		return registry.APIKey{}, fmt.Errorf("mongodb: revoke key %s: %w", id, err)
	}
	return s.findKey(ctx, bson.D{{Key: fID, Value: id}})
}

// CountKeys implements registry.KeyStore.
func (s *Store) CountKeys(ctx context.Context) (int, error) {
	n, err := s.db.Collection(collKeys).CountDocuments(ctx, bson.D{})
	if err != nil {
		return 0, fmt.Errorf("mongodb: count keys: %w", err)
	}
	return int(n), nil
}
