package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"strings"

	"talentd/registry"
)

// chore is what a sub-command works with: the store straight (SQLite in the
// data directory, or MongoDB), as its key store and audit trail. It starts
// no server and no NATS. Its service only writes the audit trail (and
// tells the time): it has no validator or keyring, so no record may pass
// through it.
type chore struct {
	app
	keys  registry.KeyStore
	audit registry.AuditLog
}

// openChore opens the configured store for a sub-command. A data directory
// held by a running talentd is refused with a message saying so.
func openChore(ctx context.Context, cfg config) (*chore, error) {
	c := &chore{}
	if err := c.openStore(ctx, cfg); err != nil {
		if cfg.MongoURI == "" && strings.Contains(err.Error(), "in use") {
			return nil, fmt.Errorf("%w\ntalentd: a running talentd holds the data directory %s; stop it first "+
				"(or, for keys, use the admin API: POST/GET/DELETE /v1/admin/keys)", err, cfg.DataDir)
		}
		return nil, err
	}
	var ok bool
	c.keys, ok = c.store.(registry.KeyStore)
	c.audit, _ = c.store.(registry.AuditLog)
	if !ok || c.audit == nil {
		c.Close()
		return nil, fmt.Errorf("talentd: the %s store keeps no API keys or audit trail", c.storeName)
	}
	c.service = registry.NewService(registry.ServiceConfig{Store: c.store, Audit: c.audit})
	return c, nil
}

// openChoreCommand parses the flags of a sub-command that takes no
// arguments (talentd's own, and those define adds) and opens its chore.
// name is the command line that runs it ("keys list").
func openChoreCommand(ctx context.Context, name string, args []string, getenv func(string) string, stderr io.Writer, define func(*flag.FlagSet)) (*chore, config, error) {
	cfg, rest, err := parseConfigWith("talentd "+name, args, getenv, stderr, define)
	if err != nil {
		return nil, cfg, err
	}
	if len(rest) > 0 {
		return nil, cfg, fmt.Errorf("talentd: %s: unexpected argument %q", name, rest[0])
	}
	c, err := openChore(ctx, cfg)
	return c, cfg, err
}

// cliRequest marks audit entries a sub-command writes: there is no HTTP
// request, so the request id names the command and the client is local.
func cliRequest(ctx context.Context, command string) context.Context {
	return registry.WithRequest(ctx, registry.RequestInfo{ID: "cli:" + command, ClientIP: "local"})
}

// areasOf is the configured area codes, or the default ones.
func areasOf(cfg config) []string {
	if len(cfg.Areas) > 0 {
		return cfg.Areas
	}
	return registry.AreaCodes(registry.DefaultAreas)
}
