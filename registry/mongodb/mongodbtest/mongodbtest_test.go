package mongodbtest_test

import (
	"context"
	"errors"
	"testing"
	"time"

	"talentd/registry"
	"talentd/registry/mongodb"
	"talentd/registry/mongodb/mongodbtest"
	"talentd/registry/storetest"
)

// TestRestartKeepsData stops a server and starts another on its data, as a
// crash test does, and finds the record written before.
func TestRestartKeepsData(t *testing.T) {
	dir := t.TempDir()
	first := mongodbtest.StartServer(t, dir)
	const db = "restart"
	s, err := mongodb.Open(t.Context(), first.URI, db, mongodb.WithMaxPoolSize(mongodbtest.FerretDBPoolSize))
	if err != nil {
		t.Fatal(err)
	}
	d := storetest.NewDoc(registry.KindEnclave, "kept")
	if err := s.Create(t.Context(), d, nil); err != nil {
		t.Fatal(err)
	}
	_ = s.Close()
	first.Stop()
	ctx, cancel := context.WithTimeout(t.Context(), 500*time.Millisecond)
	defer cancel()
	if _, err := mongodb.Open(ctx, first.URI, db); err == nil {
		t.Error("Open succeeded with the server stopped")
	}
	second := mongodbtest.StartServer(t, dir)
	s2, err := mongodb.Open(t.Context(), second.URI, db, mongodb.WithMaxPoolSize(mongodbtest.FerretDBPoolSize))
	if err != nil {
		t.Fatal(err)
	}
	defer s2.Close()
	if got, err := s2.Get(t.Context(), d.Kind, d.ID); err != nil || got.Name != d.Name {
		t.Fatalf("Get after restart = %q, %v; want %q", got.Name, err, d.Name)
	}
	if _, err := s2.Get(t.Context(), d.Kind, "enc_missing"); !errors.Is(err, registry.ErrNotFound) {
		t.Fatalf("Get missing after restart: %v", err)
	}
}

func TestDatabaseNamesFresh(t *testing.T) {
	uri := mongodbtest.Start(t)
	a, b := mongodbtest.Database(t, uri), mongodbtest.Database(t, uri)
	if a == b || len(a) > 63 || len(b) > 63 {
		t.Fatalf("names %q and %q: want distinct, at most 63 bytes", a, b)
	}
}
