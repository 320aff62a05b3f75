package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"time"

	"talentd/registry"
)

// firstKeyName names the admin key talentd creates on an empty store.
const firstKeyName = "first admin"

// ensureAdminKey gives an empty key store its first admin key, so someone
// can call the API at all: the bootstrap token when one is set (scripts
// start talentd unattended and already know the key), else a random key
// printed once to stdout — never to the log, which goes to stderr. A store
// that has keys is left alone.
func ensureAdminKey(ctx context.Context, keys registry.KeyStore, svc *registry.Service, token string, stdout io.Writer, log *slog.Logger) error {
	n, err := keys.CountKeys(ctx)
	if err != nil {
		return fmt.Errorf("talentd: count API keys: %w", err)
	}
	if n > 0 {
		if token != "" {
			log.Info("TALENTD_BOOTSTRAP_TOKEN ignored: the store already has API keys")
		}
		return nil
	}
	k, secret, err := firstKey(token, svc.Now())
	if err != nil {
		return err
	}
	err = keys.CreateKey(ctx, k)
	var ce *registry.ConflictError
	if errors.As(err, &ce) && token != "" {
		return nil // another talentd on the same store created this very key first
	}
	if err != nil {
		return fmt.Errorf("talentd: create the first admin key: %w", err)
	}
	if err := svc.AuditKeyChange(cliRequest(ctx, "bootstrap"), registry.System, "keys:create", k.ID); err != nil {
		return err
	}
	log.Info("created the first admin API key", "key_id", k.ID, "from_bootstrap_token", token != "")
	if token == "" {
		printFirstKey(stdout, k.ID, secret)
	}
	return nil
}

// firstKey makes the first admin key: the bootstrap token's, or a random one.
func firstKey(token string, now time.Time) (registry.APIKey, string, error) {
	req := registry.KeyRequest{Name: firstKeyName, Role: registry.RoleAdmin}
	if token == "" {
		k, secret := registry.NewAPIKey(req, registry.System.Actor(), now, registry.UUIDv7{})
		return k, secret, nil
	}
	if err := registry.CheckSecret(token); err != nil {
		return registry.APIKey{}, "", fmt.Errorf("talentd: TALENTD_BOOTSTRAP_TOKEN: %w", err)
	}
	k := registry.KeyWithSecret(req, token, registry.HashSecret(token), registry.System.Actor(), now, registry.UUIDv7{})
	return k, token, nil
}

// printFirstKey shows a new first key's secret, clearly, this once.
func printFirstKey(w io.Writer, id, secret string) {
	fmt.Fprintf(w, `
talentd: created the first admin API key %s.
Its secret is shown only this once; keep it somewhere safe:

    %s

Send it with every /v1 request:  Authorization: Bearer <secret>
Make more keys with POST /v1/admin/keys or "talentd keys create".

`, id, secret)
}
