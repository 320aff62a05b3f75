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
	_ "time/tzdata" // Asia/Shanghai without the system's zoneinfo
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	err := run(ctx, os.Args[1:], os.Getenv, os.Stdout, os.Stderr)
	switch {
	case errors.Is(err, flag.ErrHelp): // -h: the flags were printed as asked
	case err != nil:
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}

// run is talentd with its inputs and outputs passed in, so tests can run it
// in-process. It returns when ctx ends (after a graceful shutdown) or on a
// start-up error.
func run(ctx context.Context, args []string, getenv func(string) string, stdout, stderr io.Writer) error {
	cmd, rest := "serve", args
	if len(args) > 0 && args[0] != "" && args[0][0] != '-' {
		cmd, rest = args[0], args[1:]
	}
	switch cmd {
	case "serve":
		cfg, _, err := parseConfig("talentd", rest, getenv, stderr)
		if err != nil {
			return err
		}
		return serve(ctx, cfg, stdout, stderr)
	case "keys":
		return keysCommands.run(ctx, rest, getenv, stdout, stderr)
	case "audit":
		return auditCommand(ctx, rest, getenv, stdout, stderr)
	case "dlq":
		return dlqCommands.run(ctx, rest, getenv, stdout, stderr)
	case "help":
		fmt.Fprint(stdout, usage)
		return nil
	}
	return fmt.Errorf("talentd: unknown command %q (try talentd help)", cmd)
}

const usage = `talentd — registry of talents, experts, academician workstations and talent enclaves

  talentd [serve] [flags]   run the HTTP API and workers (flags: talentd serve -h)
  talentd keys create|list|revoke|rotate-pii [flags]
                            manage API keys and the personal-data key (talentd keys help)
  talentd audit verify [flags]
                            check the audit trail's hash chain; exit 1 if it was altered
  talentd dlq list|replay [flags]
                            list and replay the events consumers gave up on (talentd dlq help)
  talentd help              this text
`
