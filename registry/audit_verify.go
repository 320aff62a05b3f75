package registry

import (
	"context"
	"errors"
	"fmt"
	"iter"
)

// VerifyChain walks entries in seq order and returns 0, nil if every link
// holds. Otherwise it returns the first broken seq and a *ChainBreak: an
// entry whose Hash does not match its content (modified), a missing seq or
// a PrevHash that is not its predecessor's Hash (deleted or inserted), or,
// given the store's head (zero: unknown), entries missing at the end. A
// failure to read entries is returned as 0 and that error.
func VerifyChain(entries iter.Seq2[AuditEntry, error], head AuditHead) (firstBroken int64, err error) {
	last := AuditHead{Hash: AuditGenesis}
	for e, err := range entries {
		if err != nil {
			return 0, err
		}
		if b := checkLink(e, last); b != nil {
			return b.Seq, b
		}
		last = AuditHead{Seq: e.Seq, Hash: e.Hash}
	}
	switch {
	case last.Seq < head.Seq:
		return last.Seq + 1, &ChainBreak{Seq: last.Seq + 1, Reason: fmt.Sprintf("entries %d to %d are missing", last.Seq+1, head.Seq)}
	case head.Seq > 0 && last.Seq == head.Seq && last.Hash != head.Hash:
		return head.Seq, &ChainBreak{Seq: head.Seq, Reason: "the last entry is not the one the chain head records"}
	}
	return 0, nil
}

// checkLink checks e as the successor of prev.
func checkLink(e AuditEntry, prev AuditHead) *ChainBreak {
	switch {
	case e.Seq > prev.Seq+1:
		return &ChainBreak{Seq: prev.Seq + 1, Reason: fmt.Sprintf("entry %d is missing", prev.Seq+1)}
	case e.Seq != prev.Seq+1:
		return &ChainBreak{Seq: e.Seq, Reason: fmt.Sprintf("entry %d appears after %d", e.Seq, prev.Seq)}
	case AuditHash(e) != e.Hash:
		return &ChainBreak{Seq: e.Seq, Reason: "its content does not match its hash (modified)"}
	case e.PrevHash != prev.Hash:
		return &ChainBreak{Seq: e.Seq, Reason: "it does not link to the entry before it"}
	}
	return nil
}

// AuditEntries adapts AuditLog.EachAudit to an iterator for VerifyChain.
func AuditEntries(ctx context.Context, log AuditLog) iter.Seq2[AuditEntry, error] {
	return func(yield func(AuditEntry, error) bool) {
		errStop := errors.New("stop")
		err := log.EachAudit(ctx, func(e AuditEntry) error {
			if !yield(e, nil) {
				return errStop
			}
			return nil
		})
		if err != nil && !errors.Is(err, errStop) {
			yield(AuditEntry{}, err)
		}
	}
}

// VerifyAuditLog checks the whole chain of log against its head; see
// VerifyChain.
func VerifyAuditLog(ctx context.Context, log AuditLog) (firstBroken int64, err error) {
	head, err := log.AuditHead(ctx)
	if err != nil {
		return 0, err
	}
	return VerifyChain(AuditEntries(ctx, log), head)
}
