package main

import (
	"context"
	"errors"
	"fmt"
	"io"

	"talentd/registry"
)

// errChainBroken is what talentd audit verify returns on a broken chain,
// so main exits 1 after the report.
var errChainBroken = errors.New("talentd: the audit trail was altered")

const auditUsage = `usage:
  talentd audit verify [flags]
        check the hash chain of the whole audit trail; exit 1 at the first broken link
flags are talentd's own (-data-dir, -mongo-uri, …). With SQLite, stop talentd first.
`

// auditCommand runs talentd audit <sub-command>.
func auditCommand(ctx context.Context, args []string, getenv func(string) string, stdout, stderr io.Writer) error {
	if len(args) == 0 || args[0] != "verify" {
		fmt.Fprint(stderr, auditUsage)
		return fmt.Errorf("talentd: audit has one sub-command: verify")
	}
	c, _, err := openChoreCommand(ctx, "audit verify", args[1:], getenv, stderr, nil)
	if err != nil {
		return err
	}
	defer c.Close()
	return verifyAudit(ctx, c.audit, stdout)
}

// verifyAudit walks the chain and reports: the entry count and the last
// hash when intact (keep the hash elsewhere: a later chain without it was
// rewritten), the first broken seq and why otherwise.
func verifyAudit(ctx context.Context, log registry.AuditLog, stdout io.Writer) error {
	head, err := log.AuditHead(ctx)
	if err != nil {
		return fmt.Errorf("talentd: read the audit chain head: %w", err)
	}
	n, last := 0, registry.AuditGenesis
	counted := func(yield func(registry.AuditEntry, error) bool) {
		for e, err := range registry.AuditEntries(ctx, log) {
			if err == nil {
				n, last = n+1, e.Hash
			}
			if !yield(e, err) {
				return
			}
		}
	}
	first, err := registry.VerifyChain(counted, head)
	var b *registry.ChainBreak
	switch {
	case errors.As(err, &b):
		fmt.Fprintf(stdout, "audit trail BROKEN at seq %d: %s\n", first, b.Reason)
		return fmt.Errorf("%w (first broken link: seq %d)", errChainBroken, first)
	case err != nil:
		return fmt.Errorf("talentd: read the audit trail: %w", err)
	}
	fmt.Fprintf(stdout, "audit trail intact: %d entries, last hash %s\n", n, last)
	return nil
}
