package jetstream

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"regexp"

	natsjs "github.com/nats-io/nats.go/jetstream"

	"talentd/events"
)

// Ledger is a durable events.Ledger in the deployment's KV bucket (created
// by Setup): one key per consumer and event id, forgotten after
// Config.LedgerTTL.
type Ledger struct {
	kv       natsjs.KeyValue
	consumer string
}

// NewLedger returns the ledger of the durable consumer under the prefix.
func NewLedger(ctx context.Context, js natsjs.JetStream, prefix, consumer string) (*Ledger, error) {
	kv, err := js.KeyValue(ctx, events.Name(prefix, events.BucketApplied))
	if err != nil {
		return nil, fmt.Errorf("jetstream: ledger: %w", err)
	}
	return &Ledger{kv: kv, consumer: consumer}, nil
}

var keyRe = regexp.MustCompile(`^[-_=A-Za-z0-9]{1,200}$`)

// key is consumer.id, or consumer.sha256(id) for an id KV keys cannot hold.
func (l *Ledger) key(id string) string {
	if !keyRe.MatchString(id) {
		sum := sha256.Sum256([]byte(id))
		id = hex.EncodeToString(sum[:])
	}
	return l.consumer + "." + id
}

// Seen implements events.Ledger.
func (l *Ledger) Seen(ctx context.Context, id string) (bool, error) {
	_, err := l.kv.Get(ctx, l.key(id))
	if errors.Is(err, natsjs.ErrKeyNotFound) {
		return false, nil
	}
	if err != nil {
		return false, fmt.Errorf("jetstream: ledger: %w", err)
	}
	return true, nil
}

// Record implements events.Ledger.
func (l *Ledger) Record(ctx context.Context, id string) error {
	if _, err := l.kv.Put(ctx, l.key(id), nil); err != nil {
		return fmt.Errorf("jetstream: ledger: %w", err)
	}
	return nil
}
