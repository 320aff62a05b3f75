package mongodb

import (
	"context"
	"sort"

	"go.mongodb.org/mongo-driver/v2/bson"
	"go.mongodb.org/mongo-driver/v2/mongo"
	"go.mongodb.org/mongo-driver/v2/mongo/options"

	"talentd/registry"
)

// ensureIndexes creates every collection's missing indexes (by name).
func (s *Store) ensureIndexes(ctx context.Context) error {
	for _, k := range registry.Kinds {
		if err := createIndexes(ctx, s.db.Collection(string(k)), kindIndexes(k)); err != nil {
			return err
		}
	}
	return s.ensureSecurityIndexes(ctx)
}

// kindIndexes are the unique keys, the outbox marker and one index per list
// filter, each ending in the newest-first keyset order.
func kindIndexes(k registry.Kind) []mongo.IndexModel {
	models := []mongo.IndexModel{
		uniqueSparse(fIdemKey),
		{Keys: bson.D{{Key: fOutboxSince, Value: 1}}, Options: options.Index().SetName("outbox_pending").SetSparse(true)},
		listIndex(""),
		listIndex(fArea),
		listIndex(fStatus),
		listIndex(fRefs),
	}
	if r := registry.NewRecord(k); r.Identity() != nil {
		models = append(models, uniqueSparse(fIdentity))
	}
	for _, f := range filterNames(k) {
		models = append(models, listIndex(fFilters+"."+f))
	}
	return models
}

// uniqueSparse is a unique index that ignores documents lacking the field.
func uniqueSparse(field string) mongo.IndexModel {
	return mongo.IndexModel{
		Keys:    bson.D{{Key: field, Value: 1}},
		Options: options.Index().SetName(field + "_unique").SetUnique(true).SetSparse(true),
	}
}

// listIndex leads with field (if any), then created_at and _id descending.
func listIndex(field string) mongo.IndexModel {
	keys := bson.D{{Key: fCreatedAt, Value: -1}, {Key: fID, Value: -1}}
	name := "list"
	if field != "" {
		keys = append(bson.D{{Key: field, Value: 1}}, keys...)
		name = "list_" + field
	}
	return mongo.IndexModel{Keys: keys, Options: options.Index().SetName(name)}
}

// filterNames are the kind's indexed filter fields, sorted.
func filterNames(k registry.Kind) []string {
	var names []string
	for name := range registry.NewRecord(k).Filters() {
		names = append(names, name)
	}
	sort.Strings(names)
	return names
}
