package main

import (
	"context"
	"encoding/json"
	"net/http"
	"slices"
	"strconv"
	"testing"
	"time"

	"talentd/events/eventstest"
)

// TestNATSOutageThroughTalentd runs talentd against a NATS server that
// goes away in the middle of a write load and comes back: writes keep
// answering 2xx, /readyz answers 503 naming nats meanwhile and 200 after,
// and every event of every write reaches the stream once, in version order
// per record.
func TestNATSOutageThroughTalentd(t *testing.T) {
	natsDir := t.TempDir()
	srv, port := eventstest.Listening(t, natsDir)
	natsURL := "nats://127.0.0.1:" + strconv.Itoa(port)
	base, stop := start(t, t.TempDir(), "-bootstrap-token", testToken, "-nats-url", natsURL,
		"-nats-prefix", "outage", "-relay-sweep", "200ms", "-rate-limit", "0")
	defer stop()
	c := newAPIClient(base)
	wantReady(t, base, http.StatusOK)

	ctx, cancel := context.WithCancel(context.Background())
	l := newLoad(c, 5*time.Millisecond)
	wait := l.run(ctx, 4)
	l.waitOK(t, 60)
	srv.Shutdown()
	wantReady(t, base, http.StatusServiceUnavailable, "nats")
	l.waitOK(t, 300) // writes go on while NATS is down
	srv = eventstest.Server(t, natsDir, port)
	l.waitOK(t, 100)
	cancel()
	wait()
	if l.failed.Load()+l.lost.Load() > 0 {
		t.Fatalf("%d writes failed and %d got no answer (last: %v); want none", l.failed.Load(), l.lost.Load(), l.lastErr.Load())
	}
	current := map[string]int64{}
	for id, r := range l.snapshot() {
		current[id] = r.Version
	}
	msgs := waitForStream(t, natsURL, "outage", current, 30*time.Second)
	wantReady(t, base, http.StatusOK)
	t.Logf("%d writes, %d records, %d events in the stream", l.ok.Load(), len(current), len(msgs))
}

// wantReady polls /readyz until it answers status (naming the failing
// checks, for a 503) or fails after 15 s.
func wantReady(t *testing.T, base string, status int, failing ...string) {
	t.Helper()
	var last string
	for deadline := time.Now().Add(15 * time.Second); time.Now().Before(deadline); time.Sleep(50 * time.Millisecond) {
		res, err := http.Get(base + "/readyz")
		if err != nil {
			t.Fatal(err)
		}
		var p struct{ Failing []string }
		_ = json.NewDecoder(res.Body).Decode(&p)
		res.Body.Close()
		if res.StatusCode == status && slices.Equal(p.Failing, failing) {
			return
		}
		last = strconv.Itoa(res.StatusCode) + " failing " + fmtStrings(p.Failing)
	}
	t.Fatalf("/readyz answers %s; want %d failing %v", last, status, failing)
}

func fmtStrings(s []string) string {
	b, _ := json.Marshal(s)
	return string(b)
}

// TestTalentdStartsWhileNATSIsDown: with its NATS server unreachable,
// talentd starts, takes writes and says it is not ready; once the server
// appears, the streams are set up and the events written meanwhile arrive.
func TestTalentdStartsWhileNATSIsDown(t *testing.T) {
	port := freePort(t)
	natsURL := "nats://127.0.0.1:" + strconv.Itoa(port)
	base, stop := start(t, t.TempDir(), "-bootstrap-token", testToken, "-nats-url", natsURL, "-nats-prefix", "late")
	defer stop()
	r, status, err := newAPIClient(base).createEnclave(context.Background(), "先写后发")
	if err != nil || status != http.StatusCreated {
		t.Fatalf("create while NATS is down: %d %v", status, err)
	}
	wantReady(t, base, http.StatusServiceUnavailable, "nats")
	eventstest.Server(t, t.TempDir(), port)
	wantReady(t, base, http.StatusOK)
	waitForStream(t, natsURL, "late", map[string]int64{r.ID: 1}, 15*time.Second)
}
