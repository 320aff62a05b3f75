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

var _ registry.AuditLog = (*Store)(nil)

// The audit trail: entries in collAudit with _id = seq (so the seq is
// unique and FerretDB's one usable index serves paging), and the chain head
// as the single document headID of collHead.
const (
	collAudit = "audit_log"
	collHead  = "audit_head"
	headID    = "head"
	auditPage = 500
	// maxAppendTries bounds the retries of one append; each retry means
	// another append won, so racing appenders all finish long before.
	maxAppendTries = 1000
)

type auditRow struct {
	Seq           int64     `bson:"_id"`
	ID            string    `bson:"id"`
	Time          time.Time `bson:"time"`
	KeyID         string    `bson:"key_id"`
	KeyName       string    `bson:"key_name"`
	Role          string    `bson:"role"`
	Action        string    `bson:"action"`
	Kind          string    `bson:"kind"`
	RecordID      string    `bson:"record_id"`
	VersionBefore int64     `bson:"version_before"`
	VersionAfter  int64     `bson:"version_after"`
	Fields        []string  `bson:"fields"`
	RequestID     string    `bson:"request_id"`
	ClientIP      string    `bson:"client_ip"`
	PrevHash      string    `bson:"prev_hash"`
	Hash          string    `bson:"hash"`
}

func toAuditRow(e registry.AuditEntry) auditRow {
	return auditRow{Seq: e.Seq, ID: e.ID, Time: e.Time, KeyID: e.KeyID, KeyName: e.KeyName, Role: string(e.Role),
		Action: e.Action, Kind: string(e.Kind), RecordID: e.RecordID, VersionBefore: e.VersionBefore,
		VersionAfter: e.VersionAfter, Fields: e.Fields, RequestID: e.RequestID, ClientIP: e.ClientIP,
		PrevHash: e.PrevHash, Hash: e.Hash}
}

func (r auditRow) entry() registry.AuditEntry {
	fields := r.Fields
	if fields == nil {
		fields = []string{}
	}
	return registry.AuditEntry{Seq: r.Seq, ID: r.ID, Time: r.Time.UTC(), KeyID: r.KeyID, KeyName: r.KeyName,
		Role: registry.Role(r.Role), Action: r.Action, Kind: registry.Kind(r.Kind), RecordID: r.RecordID,
		VersionBefore: r.VersionBefore, VersionAfter: r.VersionAfter, Fields: fields, RequestID: r.RequestID,
		ClientIP: r.ClientIP, PrevHash: r.PrevHash, Hash: r.Hash}
}

// AppendAudit implements registry.AuditLog without a transaction: it
// chains e to the head, inserts it under the unique seq (_id), then moves
// the head with a compare-and-set on its seq. Losing the insert race (the
// seq is taken) means the head lags behind the entry that won: it is moved
// to that entry and the append retried. A crash between insert and head
// move leaves the same lag, repaired by the next append the same way.
func (s *Store) AppendAudit(ctx context.Context, e registry.AuditEntry) (registry.AuditEntry, error) {
	if err := registry.CheckAuditEntry(e); err != nil {
		return e, err
	}
	for range maxAppendTries {
		head, err := s.AuditHead(ctx)
		if err != nil {
			return e, err
		}
		chained := registry.ChainAuditEntry(e, head.Seq, head.Hash)
		_, err = s.db.Collection(collAudit).InsertOne(ctx, toAuditRow(chained))
		if err == nil {
			s.moveHead(ctx, head, chained) // a failure leaves a lag the next append repairs
			return chained, nil
		}
		if !isDuplicateKey(err) {
			return e, fmt.Errorf("mongodb: append audit entry: %w", err)
		}
		if err := s.repairHead(ctx, head, e.ID); err != nil {
			return e, err
		}
	}
	return e, fmt.Errorf("mongodb: append audit entry: gave up after %d tries", maxAppendTries)
}

// repairHead handles a duplicate key on insert after head: if the next seq
// is taken, the head is moved to that entry; otherwise the entry id itself
// is in use, a conflict.
func (s *Store) repairHead(ctx context.Context, head registry.AuditHead, id string) error {
	var taken auditRow
	err := s.db.Collection(collAudit).FindOne(ctx, bson.D{{Key: fID, Value: head.Seq + 1}}).Decode(&taken)
	if errors.Is(err, mongo.ErrNoDocuments) {
		return &registry.ConflictError{Reason: "id", ExistingID: id, Detail: "an audit entry with this id exists"}
	}
	if err != nil {
		return fmt.Errorf("mongodb: audit entry %d: %w", head.Seq+1, err)
	}
	return s.moveHead(ctx, head, taken.entry())
}

// moveHead sets the head to e if it is still at from. The head document is
// upserted, so a missing one is created; losing the race to another mover
// (a duplicate _id on upsert, or no match) is not an error: the head only
// ever moves to an entry that exists, so whoever won set the same value
// or a later one.
func (s *Store) moveHead(ctx context.Context, from registry.AuditHead, e registry.AuditEntry) error {
	f := bson.D{{Key: fID, Value: headID}, {Key: "seq", Value: from.Seq}}
	set := bson.D{{Key: "$set", Value: bson.D{{Key: "seq", Value: e.Seq}, {Key: "hash", Value: e.Hash}}}}
	_, err := s.db.Collection(collHead).UpdateOne(ctx, f, set, options.UpdateOne().SetUpsert(true))
	if err != nil && !isDuplicateKey(err) {
		return fmt.Errorf("mongodb: move audit head: %w", err)
	}
	return nil
}

// AuditHead implements registry.AuditLog.
func (s *Store) AuditHead(ctx context.Context) (registry.AuditHead, error) {
	var h struct {
		Seq  int64  `bson:"seq"`
		Hash string `bson:"hash"`
	}
	err := s.db.Collection(collHead).FindOne(ctx, bson.D{{Key: fID, Value: headID}}).Decode(&h)
	if err != nil && !errors.Is(err, mongo.ErrNoDocuments) {
		return registry.AuditHead{}, fmt.Errorf("mongodb: audit head: %w", err)
	}
	return registry.AuditHead{Seq: h.Seq, Hash: h.Hash}, nil
}
