package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"strconv"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/nats-io/nats.go"

	"talentd/events/jetstream"
	"talentd/registry/sqlite"
)

const dlqUsage = `usage:
  talentd dlq list [-limit N] [-after ID] [flags]
        dead letters, oldest first: id, consumer, deliveries, time, event id, subject, reason
  talentd dlq replay [flags] ID
        publish dead letter ID again on its original subject (every consumer of it
        receives it again) and remove it from the queue

These commands reach the NATS server talentd uses, with talentd's own flags:
  - -nats-url / TALENTD_NATS_URL when talentd connects to an external server;
  - else the embedded server on 127.0.0.1, when talentd runs with -nats-port N
    (TALENTD_NATS_PORT): pass the same -nats-port here.
The embedded server of a talentd started without -nats-port listens nowhere, so
nothing outside that process can reach it: use the admin API instead
(GET /v1/admin/dead-letters, POST /v1/admin/dead-letters/ID/replay), or restart
talentd with -nats-port. With talentd stopped (SQLite store), these commands open
the data directory's NATS store themselves. Replays through the API are audited;
these are not.
`

// dlqCommands are talentd dlq <sub-command>.
var dlqCommands = commandGroup{name: "dlq", usage: dlqUsage, subs: []subcommand{
	{"list", dlqList}, {"replay", dlqReplay},
}}

func dlqList(ctx context.Context, args []string, getenv func(string) string, stdout, stderr io.Writer) error {
	var (
		limit int
		after uint64
	)
	cfg, rest, err := parseConfigWith("talentd dlq list", args, getenv, stderr, func(fs *flag.FlagSet) {
		fs.IntVar(&limit, "limit", 50, "how many dead letters to show")
		fs.Uint64Var(&after, "after", 0, "show dead letters whose id is greater")
	})
	if err != nil {
		return err
	}
	if len(rest) > 0 || limit < 1 {
		return errors.New("talentd: dlq list takes no arguments and -limit of at least 1")
	}
	q, err := openQueue(ctx, cfg)
	if err != nil {
		return err
	}
	defer q.close()
	letters, err := q.dead.List(ctx, limit, after)
	if err != nil {
		return fmt.Errorf("talentd: dlq list: %w", err)
	}
	w := tabwriter.NewWriter(stdout, 0, 4, 2, ' ', 0)
	fmt.Fprintln(w, "ID\tCONSUMER\tDELIVERIES\tTIME\tEVENT\tSUBJECT\tREASON")
	for _, l := range letters {
		fmt.Fprintf(w, "%d\t%s\t%d\t%s\t%s\t%s\t%s\n", l.Seq, l.Consumer, l.Deliveries,
			l.Time.UTC().Format(time.RFC3339), l.MsgID, l.Subject, l.Reason)
	}
	if err := w.Flush(); err != nil {
		return err
	}
	if len(letters) == limit {
		fmt.Fprintf(stderr, "more may follow: talentd dlq list -after %d\n", letters[len(letters)-1].Seq)
	}
	return nil
}

func dlqReplay(ctx context.Context, args []string, getenv func(string) string, stdout, stderr io.Writer) error {
	cfg, rest, err := parseConfigWith("talentd dlq replay", args, getenv, stderr, nil)
	if err != nil {
		return err
	}
	if len(rest) != 1 {
		return errors.New("talentd: dlq replay needs one dead letter id (see talentd dlq list)")
	}
	seq, err := strconv.ParseUint(rest[0], 10, 64)
	if err != nil || seq == 0 {
		return fmt.Errorf("talentd: dlq replay: %q is not a dead letter id", rest[0])
	}
	q, err := openQueue(ctx, cfg)
	if err != nil {
		return err
	}
	defer q.close()
	l, err := q.dead.Get(ctx, seq)
	if err == nil {
		err = q.dead.Replay(ctx, seq)
	}
	if err != nil {
		return fmt.Errorf("talentd: dlq replay: %w", err)
	}
	fmt.Fprintf(stdout, "replayed dead letter %d: event %s on %s\n", seq, l.MsgID, l.Subject)
	return nil
}

// queue is the dead-letter queue a command works on, and what to close.
type queue struct {
	dead  *jetstream.DeadLetters
	close func()
}

// openQueue reaches the NATS server talentd uses, or, with talentd
// stopped, the embedded server's store in the data directory.
func openQueue(ctx context.Context, cfg config) (*queue, error) {
	url := cfg.NATSURL
	if url == "" && cfg.NATSPort > 0 {
		url = "nats://127.0.0.1:" + strconv.Itoa(cfg.NATSPort)
	}
	if url == "" {
		return openOfflineQueue(cfg)
	}
	nc, err := nats.Connect(url, nats.Name("talentd dlq"), nats.Timeout(5*time.Second))
	if err != nil {
		return nil, fmt.Errorf("talentd: dlq: cannot reach NATS at %s (is talentd running with this -nats-port or -nats-url?): %w", url, err)
	}
	return queueOn(nc, cfg, nc.Close)
}

func queueOn(nc *nats.Conn, cfg config, closeAll func()) (*queue, error) {
	js, err := jetstream.New(nc)
	if err != nil {
		closeAll()
		return nil, err
	}
	return &queue{dead: jetstream.NewDeadLetters(js, cfg.NATSPrefix), close: closeAll}, nil
}

// openOfflineQueue starts the embedded server on the data directory, which
// only a stopped talentd allows: the SQLite store's lock tells.
func openOfflineQueue(cfg config) (*queue, error) {
	if cfg.MongoURI != "" {
		return nil, errors.New("talentd: dlq: the embedded NATS server listens nowhere; run talentd with -nats-port N " +
			"and pass the same -nats-port here, or use GET /v1/admin/dead-letters")
	}
	store, err := sqlite.Open(cfg.DataDir)
	if err != nil {
		if strings.Contains(err.Error(), "in use") {
			return nil, fmt.Errorf("talentd: dlq: a running talentd holds %s and its embedded NATS server listens nowhere; "+
				"restart it with -nats-port N and pass the same -nats-port here, or use the admin API "+
				"(GET /v1/admin/dead-letters, POST /v1/admin/dead-letters/ID/replay)", cfg.DataDir)
		}
		return nil, err
	}
	e, err := jetstream.StartEmbedded(jetstream.EmbeddedConfig{DataDir: cfg.DataDir})
	if err != nil {
		store.Close()
		return nil, err
	}
	nc, err := e.Connect("talentd dlq")
	if err != nil {
		e.Shutdown()
		store.Close()
		return nil, err
	}
	return queueOn(nc, cfg, func() { nc.Close(); e.Shutdown(); store.Close() })
}
