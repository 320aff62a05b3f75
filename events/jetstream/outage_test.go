package jetstream_test

import (
	"testing"
	"time"

	"talentd/events/eventstest"
	"talentd/events/jetstream"
)

// TestRelaySurvivesOutage: the NATS server goes away in the middle of a run
// of writes and comes back on the same store; writes never fail, and every
// event reaches the stream once, in order per record.
func TestRelaySurvivesOutage(t *testing.T) {
	dir := t.TempDir()
	srv, port := eventstest.Listening(t, dir)
	js := eventstest.Connect(t, srv, jetstream.Config{Prefix: "out"})
	w := newWriter(t)
	relay := jetstream.NewRelay(js, w.store, jetstream.RelayConfig{Prefix: "out", Sweep: 100 * time.Millisecond, AckTimeout: time.Second})
	stop := runRelay(t, relay)

	const records, writes = 8, 240
	for range records {
		w.create()
	}
	for i := records; i < writes; i++ {
		switch i {
		case writes / 3:
			srv.Shutdown()
		case 2 * writes / 3:
			if w.pending() == 0 {
				t.Fatal("the outbox is empty while NATS is down")
			}
			srv = eventstest.Server(t, dir, port)
		}
		w.update(i % records)
		relay.Notify()
		time.Sleep(2 * time.Millisecond)
	}
	waitFor(t, 30*time.Second, func() bool { return w.pending() == 0 })
	stop()
	checkStream(t, js, "out", w.ids)
}
