package main

import (
	"context"
	"net/http"
	"strings"
	"testing"
	"time"

	"talentd/registry"
	"talentd/registry/mongodb"
	"talentd/registry/sqlite"
)

// crashTarget is a store the crash test runs talentd on.
type crashTarget struct {
	name string
	// env are the TALENTD_* settings that point talentd at the store.
	env []string
	// rounds is how often talentd is killed.
	rounds int
	// writes is how many 2xx answers talentd gives before each kill, and
	// after the last restart.
	writes int64
	// pending counts the events left in the outbox of the data directory
	// while talentd is down.
	pending func(t *testing.T, dataDir string) int
}

// runCrashTest drives a steady write load against a built talentd and an
// external nats-server, kills talentd with SIGKILL mid-load target.rounds
// times, restarting it on the same data each time, and then checks: every
// record that got a 2xx exists at least at that version, and the events
// stream holds exactly one message per event of every record the store
// holds, versions 1..current in order.
func runCrashTest(t *testing.T, target crashTarget) {
	if testing.Short() {
		t.Skip("builds binaries and runs processes")
	}
	began := time.Now()
	talentdBin, natsBin := buildBinaries(t)
	t.Logf("built the binaries in %s", time.Since(began).Round(time.Millisecond))
	_, natsURL := startNATSServer(t, natsBin, t.TempDir())
	dataDir := t.TempDir()
	env := append([]string{"TALENTD_NATS_URL=" + natsURL, "TALENTD_NATS_PREFIX=crash", "TALENTD_RELAY_SWEEP=200ms"}, target.env...)
	p, base := startTalentd(t, talentdBin, dataDir, "", env...)
	c := newAPIClient(base)
	ctx, cancel := context.WithCancel(context.Background())
	l := newLoad(c, 2*time.Millisecond)
	wait := l.run(ctx, 4)
	for round := range target.rounds {
		l.waitOK(t, target.writes)
		p.kill()
		t.Logf("%s: round %d: killed talentd after %d writes answered 2xx; %d events were left in the outbox",
			time.Since(began).Round(time.Millisecond), round+1, l.ok.Load(), target.pending(t, dataDir))
		p, _ = startTalentd(t, talentdBin, dataDir, strings.TrimPrefix(base, "http://"), env...)
	}
	l.waitOK(t, target.writes)
	cancel()
	wait()
	checkAcked(t, c, l.snapshot())
	current := storedEnclaves(t, c)
	msgs := waitForStream(t, natsURL, "crash", current, 30*time.Second)
	t.Logf("%s: %s: %d writes answered 2xx, %d without an answer; %d records, %d events, each once", time.Since(began).Round(time.Millisecond), target.name,
		l.ok.Load(), l.lost.Load(), len(current), len(msgs))
	c.http.CloseIdleConnections() // else Shutdown waits 5 s for connections that never sent a request
	p.stop(t, 20*time.Second)
}

// checkAcked reads every record that got a 2xx: it exists, at that
// version or a later one (a write in flight at the kill may have
// committed without its answer arriving).
func checkAcked(t *testing.T, c *apiClient, acked map[string]recordState) {
	t.Helper()
	for id, want := range acked {
		r, status, err := c.write(context.Background(), "GET", "/v1/enclaves/"+id, "")
		if err != nil || status != http.StatusOK || r.Version < want.Version {
			t.Errorf("record %s answered 2xx at version %d, now: %d v%d %v", id, want.Version, status, r.Version, err)
		}
	}
	if len(acked) == 0 {
		t.Fatal("no write got a 2xx")
	}
}

// TestCrashSQLite runs the crash test on the embedded SQLite store.
func TestCrashSQLite(t *testing.T) {
	runCrashTest(t, crashTarget{name: "sqlite", rounds: 5, writes: 150, pending: func(t *testing.T, dataDir string) int {
		s, err := sqlite.Open(dataDir)
		if err != nil {
			t.Fatal(err)
		}
		defer s.Close()
		return pendingIn(t, s)
	}})
}

// pendingIn counts the events in the store's outbox.
func pendingIn(t *testing.T, outbox registry.Outbox) int {
	t.Helper()
	evs, err := outbox.Pending(context.Background(), 1<<20)
	if err != nil {
		t.Fatal(err)
	}
	return len(evs)
}

// TestCrashMongoDB runs the crash test on the MongoDB store, against a
// FerretDB process (on SQLite) held to one connection per client, as
// FerretDB needs to apply concurrent updates whole.
func TestCrashMongoDB(t *testing.T) {
	uri := startFerretDB(t, t.TempDir()) + "?maxPoolSize=1"
	runCrashTest(t, crashTarget{name: "mongodb (FerretDB)", rounds: 2, writes: 60, env: []string{"TALENTD_MONGO_URI=" + uri, "TALENTD_MONGO_DB=crash"},
		pending: func(t *testing.T, _ string) int {
			s, err := mongodb.Open(context.Background(), uri, "crash")
			if err != nil {
				t.Fatal(err)
			}
			defer s.Close()
			return pendingIn(t, s)
		}})
}
