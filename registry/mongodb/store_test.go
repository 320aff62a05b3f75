package mongodb_test

import (
	"errors"
	"testing"
	"time"

	"go.mongodb.org/mongo-driver/v2/bson"
	"go.mongodb.org/mongo-driver/v2/mongo"

	"talentd/registry"
	"talentd/registry/mongodb"
	"talentd/registry/mongodb/mongodbtest"
	"talentd/registry/storetest"
)

// rawStore is openRaw on a fresh FerretDB, one connection at a time.
func rawStore(t *testing.T) (*mongodb.Store, *mongo.Database) {
	t.Helper()
	return openRaw(t, mongodbtest.Start(t), mongodb.WithMaxPoolSize(mongodbtest.FerretDBPoolSize))
}

func rawDoc(t *testing.T, db *mongo.Database, kind registry.Kind, id string) bson.Raw {
	t.Helper()
	raw, err := db.Collection(string(kind)).FindOne(t.Context(), bson.D{{Key: "_id", Value: id}}).Raw()
	if errors.Is(err, mongo.ErrNoDocuments) {
		return nil
	}
	if err != nil {
		t.Fatalf("find %s: %v", id, err)
	}
	return raw
}

// identified is a talent with identity, idempotency key and a pending event.
func identified(t *testing.T, s registry.Store, name, identity, key string) (registry.Document, registry.Event) {
	t.Helper()
	d := storetest.NewDoc(registry.KindTalent, name)
	d.Identity, d.IdemKey = identity, key
	ev := storetest.NewEvent(d, "created")
	if err := s.Create(t.Context(), d, []registry.Event{ev}); err != nil {
		t.Fatalf("Create: %v", err)
	}
	return d, ev
}

func TestDeleteKeepsTombstoneUntilPublished(t *testing.T) {
	s, db := rawStore(t)
	d, created := identified(t, s, "to delete", "idh_1", "key_a:1")
	deleted := storetest.NewEvent(storetest.Next(d), "deleted")
	if err := s.Delete(t.Context(), d.Kind, d.ID, 1, []registry.Event{deleted}); err != nil {
		t.Fatalf("Delete: %v", err)
	}
	tomb := rawDoc(t, db, d.Kind, d.ID)
	for _, f := range []string{"identity", "idem_key", "body", "name", "created_at"} {
		if _, err := tomb.LookupErr(f); err == nil {
			t.Errorf("tombstone keeps %s", f)
		}
	}
	if n, _ := tomb.Lookup("outbox").Array().Values(); len(n) != 2 {
		t.Fatalf("tombstone outbox has %d events, want 2", len(n))
	}
	if _, err := s.FindIdemKey(t.Context(), d.Kind, d.IdemKey); !errors.Is(err, registry.ErrNotFound) {
		t.Errorf("FindIdemKey of deleted: %v, want ErrNotFound", err)
	}
	identified(t, s, "same keys again", "idh_1", "key_a:1")
	if err := s.MarkPublished(t.Context(), []registry.Event{created}); err != nil {
		t.Fatal(err)
	}
	if rawDoc(t, db, d.Kind, d.ID) == nil {
		t.Fatal("tombstone removed while an event was still pending")
	}
	if err := s.MarkPublished(t.Context(), []registry.Event{deleted}); err != nil {
		t.Fatal(err)
	}
	if rawDoc(t, db, d.Kind, d.ID) != nil {
		t.Fatal("tombstone left after its events were published")
	}
}

func TestDeleteWithNothingPendingRemoves(t *testing.T) {
	s, db := rawStore(t)
	d, created := identified(t, s, "published", "idh_2", "")
	if err := s.MarkPublished(t.Context(), []registry.Event{created}); err != nil {
		t.Fatal(err)
	}
	if _, err := rawDoc(t, db, d.Kind, d.ID).LookupErr("outbox_since"); err == nil {
		t.Error("pending marker left after the outbox was cleared")
	}
	if err := s.Delete(t.Context(), d.Kind, d.ID, 1, nil); err != nil {
		t.Fatalf("Delete: %v", err)
	}
	if rawDoc(t, db, d.Kind, d.ID) != nil {
		t.Fatal("document left behind by a delete with no events to keep")
	}
	if err := s.Delete(t.Context(), d.Kind, d.ID, 1, nil); !errors.Is(err, registry.ErrNotFound) {
		t.Fatalf("second Delete: %v, want ErrNotFound", err)
	}
}

func TestUpdateConflicts(t *testing.T) {
	s, _ := rawStore(t)
	holder, _ := identified(t, s, "holder", "idh_h", "key_a:h")
	other, _ := identified(t, s, "other", "idh_o", "key_a:o")
	cases := []struct {
		name, reason string
		change       func(*registry.Document)
	}{
		{"identity", "identity", func(d *registry.Document) { d.Identity = holder.Identity }},
		{"idempotency key", "idempotency_key", func(d *registry.Document) { d.IdemKey = holder.IdemKey }},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			n := storetest.Next(other)
			c.change(&n)
			err := s.Update(t.Context(), n, other.Version, nil)
			var ce *registry.ConflictError
			if !errors.As(err, &ce) || ce.Reason != c.reason || ce.ExistingID != holder.ID {
				t.Fatalf("Update: %v, want conflict %s held by %s", err, c.reason, holder.ID)
			}
		})
	}
}

func TestCanonicalBodyStoredAsDocument(t *testing.T) {
	s, db := rawStore(t)
	d := storetest.NewDoc(registry.KindEnclave, "recognised")
	if err := s.Create(t.Context(), d, nil); err != nil {
		t.Fatal(err)
	}
	body := rawDoc(t, db, d.Kind, d.ID).Lookup("body")
	if body.Type != bson.TypeEmbeddedDocument || body.Document().Lookup("name").StringValue() != d.Name {
		t.Fatalf("body stored as %s %v, want a sub-document with the name", body.Type, body)
	}
}

func TestUnstorableFilterName(t *testing.T) {
	s, _ := rawStore(t)
	d := storetest.NewDoc(registry.KindTalent, "bad filter")
	d.Filters["a.b"] = "x"
	if err := s.Create(t.Context(), d, nil); !errors.Is(err, registry.ErrInvalid) {
		t.Fatalf("Create with filter a.b: %v, want ErrInvalid", err)
	}
	q := registry.Query{Kind: registry.KindTalent, Filters: map[string]string{"$where": "1"}}
	if _, err := s.List(t.Context(), q); !errors.Is(err, registry.ErrInvalid) {
		t.Fatalf("List by $where: %v, want ErrInvalid", err)
	}
}

func TestOpenAgainKeepsIndexes(t *testing.T) {
	uri := mongodbtest.Start(t)
	name := mongodbtest.Database(t, uri)
	for range 2 {
		s, err := mongodb.Open(t.Context(), uri, name, mongodb.WithMaxPoolSize(1))
		if err != nil {
			t.Fatalf("Open: %v", err)
		}
		_ = s.Close()
	}
	c := mongodbtest.Client(t, uri)
	for kind, wantIdentity := range map[registry.Kind]bool{registry.KindTalent: true, registry.KindExpert: true, registry.KindEnclave: false} {
		specs, err := c.Database(name).Collection(string(kind)).Indexes().ListSpecifications(t.Context())
		if err != nil {
			t.Fatal(err)
		}
		unique := map[string]bool{}
		for _, sp := range specs {
			if sp.Unique != nil && *sp.Unique {
				unique[sp.Name] = true
			}
		}
		if !unique["idem_key_unique"] || unique["identity_unique"] != wantIdentity {
			t.Errorf("%s unique indexes %v, want idem_key_unique and identity_unique=%v", kind, unique, wantIdentity)
		}
	}
}

// TestMarkPublishedChangedCopies clears events even when the caller's
// copies differ from what Pending returned (data re-encoded, time in
// another zone): entries are cleared by event id.
func TestMarkPublishedChangedCopies(t *testing.T) {
	s, db := rawStore(t)
	d, created := identified(t, s, "relayed", "idh_3", "")
	created.Data = append([]byte(" "), created.Data...)
	created.Time = created.Time.In(registry.Shanghai).Add(time.Microsecond)
	if err := s.MarkPublished(t.Context(), []registry.Event{created}); err != nil {
		t.Fatal(err)
	}
	if evs, err := s.Pending(t.Context(), 10); err != nil || len(evs) != 0 {
		t.Fatalf("Pending = %d events, %v; want none", len(evs), err)
	}
	if _, err := rawDoc(t, db, d.Kind, d.ID).LookupErr("outbox_since"); err == nil {
		t.Error("pending marker left after the outbox was cleared")
	}
}
