package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	err := run(ctx, os.Args[1:], os.Getenv, os.Stdout, os.Stderr)
	switch {
	case errors.Is(err, flag.ErrHelp):
	case errors.Is(err, errFailedRequests):
		os.Exit(1)
	case err != nil:
		fmt.Fprintln(os.Stderr, err)
		os.Exit(2)
	}
}

// errFailedRequests is returned after the summary when some requests did
// not succeed and -allow-errors is off.
var errFailedRequests = errors.New("talentbench: some requests failed")

// run is talentbench with its inputs and outputs passed in, so tests can
// run it in-process.
func run(ctx context.Context, args []string, getenv func(string) string, stdout, stderr io.Writer) error {
	cfg, err := parseConfig(args, getenv, stderr)
	if err != nil {
		return err
	}
	sc, err := newScenario(cfg)
	if err != nil {
		return err
	}
	defer sc.close()
	res, err := bench(ctx, cfg, sc)
	if err != nil {
		return err
	}
	if err := report(cfg, res, stdout); err != nil {
		return err
	}
	if res.Errors > 0 && !cfg.AllowErrors {
		fmt.Fprintf(stderr, "talentbench: %d of %d requests failed; first: %s\n", res.Errors, res.Requests, res.FirstError)
		return errFailedRequests
	}
	return nil
}
