package main

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net/http"

	"talentd/api"
	"talentd/registry"
	"talentd/registry/mongodb"
	"talentd/registry/pii"
	"talentd/registry/sqlite"
)

// app is a wired talentd: its store, service and HTTP handler, and what to
// close on the way out (last opened, first closed).
type app struct {
	store     registry.Store
	storeName string
	keys      registry.KeyStore // the store, as keeper of API keys
	audit     registry.AuditLog // the store, as keeper of the audit trail
	service   *registry.Service
	handler   http.Handler
	closers   []func() error
}

// Close releases everything open wired, in reverse order.
func (a *app) Close() error {
	var errs []error
	for i := len(a.closers) - 1; i >= 0; i-- {
		errs = append(errs, a.closers[i]())
	}
	return errors.Join(errs...)
}

func open(ctx context.Context, cfg config, log *slog.Logger) (*app, error) {
	a := &app{}
	if err := a.openStore(ctx, cfg); err != nil {
		return nil, err
	}
	keys, err := pii.LoadOrCreate(cfg.DataDir, cfg.PIIKey)
	if err != nil {
		a.Close()
		return nil, err
	}
	areas := cfg.Areas
	if len(areas) == 0 {
		areas = registry.AreaCodes(registry.DefaultAreas)
	}
	bus, err := a.openBus(cfg, log)
	if err != nil {
		a.Close()
		return nil, err
	}
	a.service = registry.NewService(registry.ServiceConfig{
		Store: a.store, Checker: registry.NewValidator(areas), Protector: keys, Audit: a.audit, OnWrite: bus.Notify,
	})
	a.handler = api.New(api.Config{
		Service: a.service, Logger: log, Areas: areas,
		Ready: []api.Check{{Name: "store", Check: a.store.Ping}, {Name: "nats", Check: bus.Ready}},
		Keys:  a.keys, Audit: a.audit, RateLimit: rateLimitOf(cfg), CORSOrigins: cfg.CORSOrigins,
		DeadLetters: bus.dead,
	})
	return a, nil
}

// openStore opens MongoDB when a URI is configured, else SQLite under the
// data directory.
func (a *app) openStore(ctx context.Context, cfg config) error {
	if cfg.MongoURI != "" {
		s, err := mongodb.Open(ctx, cfg.MongoURI, cfg.MongoDB)
		if err != nil {
			return fmt.Errorf("talentd: open MongoDB: %w", err)
		}
		a.store, a.storeName, a.keys, a.audit = s, "mongodb", s, s
		a.closers = append(a.closers, s.Close)
		return nil
	}
	s, err := sqlite.Open(cfg.DataDir)
	if err != nil {
		return fmt.Errorf("talentd: open SQLite: %w", err)
	}
	a.store, a.storeName, a.keys, a.audit = s, "sqlite "+cfg.DataDir, s, s
	a.closers = append(a.closers, s.Close)
	return nil
}
