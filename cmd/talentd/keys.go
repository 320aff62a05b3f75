package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"text/tabwriter"
	"time"

	"talentd/registry"
)

const keysUsage = `usage:
  talentd keys create -name NAME -role ROLE [-area AREA] [-enclave ENC_ID] [-expires WHEN] [flags]
        prints the new key's secret (only this once) on stdout
  talentd keys list [flags]
  talentd keys revoke [flags] KEY_ID
  talentd keys rotate-pii [flags]
        add a new personal-data key and re-encrypt every stored personal number under it

ROLE is admin, officer (needs -area), enclave (needs -enclave), finance or auditor.
WHEN is an RFC 3339 time, a date (YYYY-MM-DD, Asia/Shanghai) or a duration from now (2160h).
flags are talentd's own (-data-dir, -mongo-uri, …; see talentd serve -h). With SQLite
these commands need the data directory to themselves: stop talentd first.
`

// keysCommands are talentd keys <sub-command>.
var keysCommands = commandGroup{name: "keys", usage: keysUsage, subs: []subcommand{
	{"create", keysCreate}, {"list", keysList}, {"revoke", keysRevoke}, {"rotate-pii", rotatePII},
}}

// keyFlags are the flags of talentd keys create.
type keyFlags struct{ name, role, area, enclave, expires string }

func (k *keyFlags) define(fs *flag.FlagSet) {
	fs.StringVar(&k.name, "name", "", "who holds the key (1–64 characters)")
	fs.StringVar(&k.role, "role", "", "admin, officer, enclave, finance or auditor")
	fs.StringVar(&k.area, "area", "", "an officer's area code")
	fs.StringVar(&k.enclave, "enclave", "", "an enclave key's enclave id (enc_…)")
	fs.StringVar(&k.expires, "expires", "", "expiry: RFC 3339 time, YYYY-MM-DD or a duration from now; empty: never")
}

// keysCreate stores a new key and prints its secret, once, alone on stdout
// (TOKEN=$(talentd keys create …) works); the description goes to stderr.
func keysCreate(ctx context.Context, args []string, getenv func(string) string, stdout, stderr io.Writer) error {
	var kf keyFlags
	c, cfg, err := openChoreCommand(ctx, "keys create", args, getenv, stderr, kf.define)
	if err != nil {
		return err
	}
	defer c.Close()
	now := c.service.Now()
	req := registry.KeyRequest{Name: kf.name, Role: registry.Role(kf.role), Area: kf.area, EnclaveID: kf.enclave}
	if req.ExpiresAt, err = parseExpiry(kf.expires, now); err != nil {
		return err
	}
	if err := checkKeyRequest(ctx, c, req, areasOf(cfg), now); err != nil {
		return err
	}
	k, secret := registry.NewAPIKey(req, registry.System.Actor(), now, registry.UUIDv7{})
	if err := c.keys.CreateKey(ctx, k); err != nil {
		return fmt.Errorf("talentd: create key: %w", err)
	}
	if err := c.service.AuditKeyChange(cliRequest(ctx, "keys create"), registry.System, "keys:create", k.ID); err != nil {
		return err
	}
	fmt.Fprintf(stderr, "created API key %s (%s, %s). Its secret, on stdout, is shown only this once.\n", k.ID, k.Name, scopeOf(k))
	fmt.Fprintln(stdout, secret)
	return nil
}

// checkKeyRequest validates req as the admin API does: fields, and an
// enclave key's enclave must exist.
func checkKeyRequest(ctx context.Context, c *chore, req registry.KeyRequest, areas []string, now time.Time) error {
	if err := req.Validate(now, areas); err != nil {
		return fmt.Errorf("talentd: keys create: %w", err)
	}
	if req.Role != registry.RoleEnclave {
		return nil
	}
	if _, err := c.store.Get(ctx, registry.KindEnclave, req.EnclaveID); err != nil {
		return fmt.Errorf("talentd: keys create: enclave %s: %w", req.EnclaveID, err)
	}
	return nil
}

// parseExpiry reads -expires: "" (never), an RFC 3339 time, a date (the
// start of that day in Asia/Shanghai) or a duration from now.
func parseExpiry(v string, now time.Time) (*time.Time, error) {
	if v == "" {
		return nil, nil
	}
	if t, err := time.Parse(time.RFC3339, v); err == nil {
		return &t, nil
	}
	if t, err := time.ParseInLocation(time.DateOnly, v, registry.Shanghai); err == nil {
		return &t, nil
	}
	if d, err := time.ParseDuration(v); err == nil && d > 0 {
		t := now.Add(d)
		return &t, nil
	}
	return nil, fmt.Errorf("talentd: -expires %q is not an RFC 3339 time, a YYYY-MM-DD date or a positive duration", v)
}

// keysList prints every key: never a secret or a hash.
func keysList(ctx context.Context, args []string, getenv func(string) string, stdout, stderr io.Writer) error {
	c, _, err := openChoreCommand(ctx, "keys list", args, getenv, stderr, nil)
	if err != nil {
		return err
	}
	defer c.Close()
	keys, err := c.keys.ListKeys(ctx)
	if err != nil {
		return fmt.Errorf("talentd: list keys: %w", err)
	}
	now := c.service.Now()
	tw := tabwriter.NewWriter(stdout, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "ID\tNAME\tROLE\tPREFIX\tCREATED\tEXPIRES\tSTATE")
	for _, k := range keys {
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s…\t%s\t%s\t%s\n", k.ID, k.Name, scopeOf(k), k.Prefix,
			k.CreatedAt.Format(time.RFC3339), timeOrDash(k.ExpiresAt), stateOf(k, now))
	}
	return tw.Flush()
}

// keysRevoke revokes a key; it is refused from the next request on.
func keysRevoke(ctx context.Context, args []string, getenv func(string) string, stdout, stderr io.Writer) error {
	cfg, rest, err := parseConfigWith("talentd keys revoke", args, getenv, stderr, nil)
	if err != nil {
		return err
	}
	if len(rest) != 1 {
		return fmt.Errorf("talentd: keys revoke needs one key id (flags first: talentd keys revoke -data-dir DIR KEY_ID)")
	}
	c, err := openChore(ctx, cfg)
	if err != nil {
		return err
	}
	defer c.Close()
	now := c.service.Now()
	k, changed, err := registry.RevokeKeyOnce(ctx, c.keys, rest[0], now)
	if err != nil {
		return fmt.Errorf("talentd: revoke %s: %w", rest[0], err)
	}
	if changed {
		if err := c.service.AuditKeyChange(cliRequest(ctx, "keys revoke"), registry.System, "keys:revoke", k.ID); err != nil {
			return err
		}
	}
	fmt.Fprintf(stdout, "revoked %s (%s) at %s\n", k.ID, k.Name, k.RevokedAt.Format(time.RFC3339))
	return nil
}

// scopeOf is a key's role with its scope.
func scopeOf(k registry.APIKey) string {
	switch {
	case k.Area != "":
		return string(k.Role) + " " + k.Area
	case k.EnclaveID != "":
		return string(k.Role) + " " + k.EnclaveID
	}
	return string(k.Role)
}

func stateOf(k registry.APIKey, now time.Time) string {
	switch {
	case k.RevokedAt != nil:
		return "revoked " + k.RevokedAt.Format(time.RFC3339)
	case !k.Active(now):
		return "expired"
	}
	return "active"
}

func timeOrDash(t *time.Time) string {
	if t == nil {
		return "—"
	}
	return t.Format(time.RFC3339)
}
