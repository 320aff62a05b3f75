package mongodb_test

import (
	"testing"

	"go.mongodb.org/mongo-driver/v2/bson"

	"talentd/registry"
	"talentd/registry/mongodb"
	"talentd/registry/mongodb/mongodbtest"
	"talentd/registry/storetest"
)

func TestSecurityContractFerretDB(t *testing.T) {
	storetest.RunSecurity(t, func(t *testing.T) storetest.Security { return openFerret(t) })
}

func TestSecurityContractMongoDB(t *testing.T) {
	mongodbtest.RealURI(t)
	storetest.RunSecurity(t, func(t *testing.T) storetest.Security { return openReal(t) })
}

func TestAuditTamperDetectedFerretDB(t *testing.T) {
	storetest.RunAuditTamper(t, func(t *testing.T) (storetest.Security, storetest.Tamper) {
		uri := mongodbtest.Start(t)
		return openTamperable(t, uri, mongodb.WithMaxPoolSize(mongodbtest.FerretDBPoolSize))
	})
}

func TestAuditTamperDetectedMongoDB(t *testing.T) {
	uri := mongodbtest.RealURI(t)
	storetest.RunAuditTamper(t, func(t *testing.T) (storetest.Security, storetest.Tamper) {
		return openTamperable(t, uri)
	})
}

func openTamperable(t *testing.T, uri string, opts ...mongodb.Option) (storetest.Security, storetest.Tamper) {
	s, db := openRaw(t, uri, opts...)
	return s, mongodbtest.TamperAudit(db)
}

// TestAuditHeadLagRepaired: a crash between inserting an entry and moving
// the chain head leaves the head one behind; the next append must chain
// after the stranded entry, not fork beside it.
func TestAuditHeadLagRepaired(t *testing.T) {
	uri := mongodbtest.Start(t)
	s, db := openRaw(t, uri, mongodb.WithMaxPoolSize(mongodbtest.FerretDBPoolSize))
	audit := db.Collection("audit_log")
	ctx := t.Context()
	if _, err := s.AppendAudit(ctx, storetest.NewAuditEntry(0, "rec_0", "update")); err != nil {
		t.Fatal(err)
	}
	head, err := s.AuditHead(ctx)
	if err != nil {
		t.Fatal(err)
	}
	// What a crashed append left: entry 2 stored, head still at 1.
	stranded := registry.ChainAuditEntry(storetest.NewAuditEntry(1, "rec_0", "update"), head.Seq, head.Hash)
	e := stranded
	_, err = audit.InsertOne(ctx, bson.D{{Key: "_id", Value: e.Seq}, {Key: "id", Value: e.ID}, {Key: "time", Value: e.Time},
		{Key: "key_id", Value: e.KeyID}, {Key: "key_name", Value: e.KeyName}, {Key: "role", Value: string(e.Role)},
		{Key: "action", Value: e.Action}, {Key: "kind", Value: string(e.Kind)}, {Key: "record_id", Value: e.RecordID},
		{Key: "version_before", Value: e.VersionBefore}, {Key: "version_after", Value: e.VersionAfter},
		{Key: "fields", Value: e.Fields}, {Key: "request_id", Value: e.RequestID}, {Key: "client_ip", Value: e.ClientIP},
		{Key: "prev_hash", Value: e.PrevHash}, {Key: "hash", Value: e.Hash}})
	if err != nil {
		t.Fatal(err)
	}
	next, err := s.AppendAudit(ctx, storetest.NewAuditEntry(2, "rec_0", "update"))
	if err != nil || next.Seq != 3 || next.PrevHash != stranded.Hash {
		t.Fatalf("append after a stranded entry: seq %d prev %s, %v; want 3 after %s", next.Seq, next.PrevHash, err, stranded.Hash)
	}
	if first, err := registry.VerifyAuditLog(ctx, s); first != 0 || err != nil {
		t.Errorf("chain after repair broken at %d: %v", first, err)
	}
}
