package main

import (
	"bytes"
	"context"
	"errors"
	"io"
	"log/slog"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"talentd/events"
	"talentd/events/jetstream"
)

// failOnce is a handler that gives up on each event the first time it
// sees it and applies it the second time (after a replay).
type failOnce struct {
	mu      sync.Mutex
	seen    map[string]int
	applied []string
}

func (f *failOnce) handle(_ context.Context, e events.Event) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.seen[e.ID]++; f.seen[e.ID] == 1 {
		return events.Permanent(errors.New("no template for " + e.Type))
	}
	f.applied = append(f.applied, e.ID)
	return nil
}

func (f *failOnce) appliedIDs() []string {
	f.mu.Lock()
	defer f.mu.Unlock()
	return append([]string(nil), f.applied...)
}

// consumeAt runs the handler as the notifier durable on the NATS server at
// port until the returned stop.
func consumeAt(t testing.TB, port int, h events.Handler) (stop func()) {
	t.Helper()
	nc, err := jetstream.Connect("nats://127.0.0.1:"+strconv.Itoa(port), t.Name())
	if err != nil {
		t.Fatal(err)
	}
	js, err := jetstream.New(nc)
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	go func() {
		defer close(done)
		_ = jetstream.Consume(ctx, js, jetstream.ConsumerConfig{Durable: events.ConsumerNotifier, Logger: quietLog}, h)
	}()
	return func() { cancel(); <-done; nc.Close() }
}

// dlq runs talentd dlq with args and returns its output.
func dlq(t *testing.T, args ...string) (string, error) {
	t.Helper()
	var out bytes.Buffer
	err := run(context.Background(), append([]string{"dlq"}, args...), func(string) string { return "" }, &out, io.Discard)
	return out.String(), err
}

var letterLine = regexp.MustCompile(`(?m)^(\d+)\s+notifier\s+1\s+\S+\s+(evt_\S+)\s+talent\.enclave\.created\s+permanent: no template`)

// TestDLQCommands: an event a consumer gives up on is listed by talentd
// dlq list (through the embedded server's port while talentd runs, from
// the data directory while it is stopped), and talentd dlq replay hands
// it to the consumer again, which applies it.
func TestDLQCommands(t *testing.T) {
	dir, port := t.TempDir(), freePort(t)
	p := strconv.Itoa(port)
	base, stopTalentd := start(t, dir, "-bootstrap-token", testToken, "-nats-port", p)
	h := &failOnce{seen: map[string]int{}}
	stopConsumer := consumeAt(t, port, h.handle)
	_, status, err := newAPIClient(base).createEnclave(context.Background(), "死信飞地")
	if err != nil || status != 201 {
		t.Fatalf("create: %d %v", status, err)
	}
	var out string
	waitUntil(t, 10*time.Second, func() bool { out, err = dlq(t, "list", "-nats-port", p); return letterLine.MatchString(out) })
	m := letterLine.FindStringSubmatch(out)
	if _, err := dlq(t, "list", "-data-dir", dir); err == nil || !strings.Contains(err.Error(), "-nats-port") {
		t.Fatalf("list without a port while talentd runs: %v", err)
	}
	stopConsumer()
	if err := stopTalentd(); err != nil {
		t.Fatal(err)
	}
	if offline, err := dlq(t, "list", "-data-dir", dir); err != nil || !strings.Contains(offline, m[2]) {
		t.Fatalf("list with talentd stopped: %v\n%s", err, offline)
	}
	_, stopTalentd = start(t, dir, "-bootstrap-token", testToken, "-nats-port", p)
	defer stopTalentd()
	defer consumeAt(t, port, h.handle)()
	if got, err := dlq(t, "replay", "-nats-port", p, m[1]); err != nil || !strings.Contains(got, m[2]) {
		t.Fatalf("replay: %v %s", err, got)
	}
	waitUntil(t, 10*time.Second, func() bool { return len(h.appliedIDs()) == 1 })
	if got := h.appliedIDs(); got[0] != m[2] {
		t.Fatalf("applied %v, want %s", got, m[2])
	}
	if after, err := dlq(t, "list", "-nats-port", p); err != nil || letterLine.MatchString(after) {
		t.Fatalf("list after the replay: %v\n%s", err, after)
	}
	if _, err := dlq(t, "replay", "-nats-port", p, m[1]); err == nil {
		t.Fatal("a second replay of the same id succeeded")
	}
}

// quietLog drops the log lines of the tests' consumers.
var quietLog = slog.New(slog.NewTextHandler(io.Discard, nil))
