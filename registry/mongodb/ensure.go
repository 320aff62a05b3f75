package mongodb

import (
	"context"
	"fmt"

	"go.mongodb.org/mongo-driver/v2/mongo"
	"go.mongodb.org/mongo-driver/v2/mongo/options"
)

// createIndexes creates the models whose names the collection lacks. It
// looks first rather than relying on createIndexes being a no-op for an
// existing index: FerretDB 1.24 drops the connection (a panic) when a
// batch mixes existing and new indexes. Every model must have a name.
func createIndexes(ctx context.Context, c *mongo.Collection, models []mongo.IndexModel) error {
	specs, err := c.Indexes().ListSpecifications(ctx)
	if err != nil {
		return fmt.Errorf("mongodb: list indexes of %s: %w", c.Name(), err)
	}
	have := make(map[string]bool, len(specs))
	for _, sp := range specs {
		have[sp.Name] = true
	}
	var missing []mongo.IndexModel
	for _, m := range models {
		if !have[indexName(m)] {
			missing = append(missing, m)
		}
	}
	if len(missing) == 0 {
		return nil
	}
	if _, err := c.Indexes().CreateMany(ctx, missing); err != nil {
		return fmt.Errorf("mongodb: indexes of %s: %w", c.Name(), err)
	}
	return nil
}

// indexName is the name a model asks for ("" if none).
func indexName(m mongo.IndexModel) string {
	if m.Options == nil {
		return ""
	}
	var o options.IndexOptions
	for _, set := range m.Options.List() {
		_ = set(&o)
	}
	if o.Name == nil {
		return ""
	}
	return *o.Name
}
