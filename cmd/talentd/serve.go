package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"time"
)

// serve runs talentd until ctx ends, then stops accepting, lets requests in
// flight finish (up to cfg.ShutdownTimeout) and closes what it opened.
func serve(ctx context.Context, cfg config, stdout, stderr io.Writer) error {
	log, err := newLogger(cfg.LogLevel, stderr)
	if err != nil {
		return err
	}
	if err := checkSecurity(cfg); err != nil {
		return err
	}
	app, err := open(ctx, cfg, log)
	if err != nil {
		return err
	}
	defer app.Close()
	if err := ensureAdminKey(ctx, app.keys, app.service, cfg.BootstrapToken, stdout, log); err != nil {
		return err
	}
	ln, err := net.Listen("tcp", cfg.HTTPAddr)
	if err != nil {
		return fmt.Errorf("talentd: listen on %s: %w", cfg.HTTPAddr, err)
	}
	srv := &http.Server{Handler: app.handler, ReadHeaderTimeout: 10 * time.Second, IdleTimeout: 2 * time.Minute}
	fmt.Fprintf(stdout, "talentd listening on %s://%s (store: %s)\n", schemeOf(cfg), ln.Addr(), app.storeName)
	log.Info("listening", "addr", ln.Addr().String(), "store", app.storeName, "tls", cfg.TLSCert != "")
	served := make(chan error, 1)
	go func() { served <- serveOn(srv, ln, cfg) }()
	select {
	case err := <-served:
		return fmt.Errorf("talentd: serve: %w", err)
	case <-ctx.Done():
	}
	log.Info("shutting down")
	sctx, cancel := context.WithTimeout(context.Background(), cfg.ShutdownTimeout)
	defer cancel()
	if err := srv.Shutdown(sctx); err != nil && !errors.Is(err, http.ErrServerClosed) {
		return fmt.Errorf("talentd: shutdown: %w", err)
	}
	return nil
}

func newLogger(level string, w io.Writer) (*slog.Logger, error) {
	var l slog.Level
	if err := l.UnmarshalText([]byte(level)); err != nil {
		return nil, fmt.Errorf("talentd: log level %q: %w", level, err)
	}
	return slog.New(slog.NewJSONHandler(w, &slog.HandlerOptions{Level: l})), nil
}
