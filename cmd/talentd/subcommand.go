package main

import (
	"context"
	"fmt"
	"io"
	"strings"
)

// subcommand is one sub-command of a command group: its name and what runs
// it with the arguments that follow the name.
type subcommand struct {
	name string
	run  func(ctx context.Context, args []string, getenv func(string) string, stdout, stderr io.Writer) error
}

// commandGroup is a talentd command made of sub-commands (talentd keys,
// talentd dlq), with its usage text.
type commandGroup struct {
	name  string
	usage string
	subs  []subcommand
}

// run runs the sub-command args[0] names. Without one it prints the usage
// on stderr and fails; help prints it on stdout.
func (g commandGroup) run(ctx context.Context, args []string, getenv func(string) string, stdout, stderr io.Writer) error {
	if len(args) == 0 {
		fmt.Fprint(stderr, g.usage)
		return fmt.Errorf("talentd: %s needs a sub-command: %s", g.name, g.names())
	}
	for _, s := range g.subs {
		if s.name == args[0] {
			return s.run(ctx, args[1:], getenv, stdout, stderr)
		}
	}
	switch args[0] {
	case "help", "-h", "-help", "--help":
		fmt.Fprint(stdout, g.usage)
		return nil
	}
	return fmt.Errorf("talentd: unknown %s sub-command %q (try talentd %s help)", g.name, args[0], g.name)
}

// names lists the sub-commands as a phrase: "a, b or c".
func (g commandGroup) names() string {
	names := make([]string, len(g.subs))
	for i, s := range g.subs {
		names[i] = s.name
	}
	if len(names) < 2 {
		return strings.Join(names, "")
	}
	return strings.Join(names[:len(names)-1], ", ") + " or " + names[len(names)-1]
}
