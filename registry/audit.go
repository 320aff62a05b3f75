package registry

import (
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"errors"
	"fmt"
	"strings"
	"time"
)

// AuditEntry is one line of the audit trail: who did what to which record,
// and the link to the entry before it.
type AuditEntry struct {
	Seq           int64 // 1, 2, 3, … with no gaps
	ID            string
	Time          time.Time // kept to the millisecond, UTC
	KeyID         string
	KeyName       string
	Role          Role
	Action        string // create, update, delete, transition:<to>, reveal_pii, keys:create, …
	Kind          Kind
	RecordID      string
	VersionBefore int64
	VersionAfter  int64
	Fields        []string // changed (or revealed) field names, never values
	RequestID     string
	ClientIP      string
	PrevHash      string // Hash of entry Seq-1; AuditGenesis for Seq 1
	Hash          string // AuditHash of all the fields above
}

// AuditGenesis is the PrevHash of the first entry.
var AuditGenesis = strings.Repeat("0", 64)

// ErrChainBroken says the audit chain was altered. *ChainBreak matches it.
var ErrChainBroken = errors.New("registry: audit chain broken")

// ChainBreak is the first broken link VerifyChain found.
type ChainBreak struct {
	Seq    int64
	Reason string
}

func (b *ChainBreak) Error() string {
	return fmt.Sprintf("registry: audit chain broken at seq %d: %s", b.Seq, b.Reason)
}

// Is makes errors.Is(err, ErrChainBroken) true.
func (b *ChainBreak) Is(target error) bool { return target == ErrChainBroken }

// ChainAuditEntry is what a store does to append e after the entry at
// (prevSeq, prevHash) — (0, "") for the first: it sets Seq and PrevHash,
// keeps Time to the millisecond in UTC (what every store can hold) and sets
// Hash.
func ChainAuditEntry(e AuditEntry, prevSeq int64, prevHash string) AuditEntry {
	if prevSeq == 0 {
		prevHash = AuditGenesis
	}
	e.Seq, e.PrevHash = prevSeq+1, prevHash
	e.Time = e.Time.UTC().Truncate(time.Millisecond)
	if e.Fields == nil {
		e.Fields = []string{}
	}
	e.Hash = AuditHash(e)
	return e
}

// AuditHash is the hex SHA-256 of the canonical encoding of every field of
// e but Hash: a version tag, then each field in declaration order, strings
// as a uvarint length and their bytes, integers as 8 bytes big-endian, Time
// as Unix milliseconds, Fields as a count and then each name. The encoding
// is unambiguous, so no two different entries share it.
func AuditHash(e AuditEntry) string {
	var b []byte
	str := func(s string) { b = binary.AppendUvarint(b, uint64(len(s))); b = append(b, s...) }
	num := func(n int64) { b = binary.BigEndian.AppendUint64(b, uint64(n)) }
	str("talentd audit v1")
	num(e.Seq)
	str(e.ID)
	num(e.Time.UnixMilli())
	for _, s := range []string{e.KeyID, e.KeyName, string(e.Role), e.Action, string(e.Kind), e.RecordID} {
		str(s)
	}
	num(e.VersionBefore)
	num(e.VersionAfter)
	b = binary.AppendUvarint(b, uint64(len(e.Fields)))
	for _, f := range e.Fields {
		str(f)
	}
	for _, s := range []string{e.RequestID, e.ClientIP, e.PrevHash} {
		str(s)
	}
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:])
}

// CheckAuditEntry is what AppendAudit requires of an entry before it is
// chained: an id, a time and an action. It returns ErrInvalid otherwise.
func CheckAuditEntry(e AuditEntry) error {
	if e.ID == "" || e.Time.IsZero() || e.Action == "" {
		return fmt.Errorf("registry: an audit entry needs an id, a time and an action: %w", ErrInvalid)
	}
	return nil
}
