package jetstream_test

import (
	"context"
	"fmt"
	"testing"
	"time"

	"talentd/events/eventstest"
	"talentd/events/jetstream"
)

// TestConnectWaitsForAServerThatIsDown: talentd starts while NATS is down,
// is not ready, and becomes ready when NATS comes up.
func TestConnectWaitsForAServerThatIsDown(t *testing.T) {
	dir := t.TempDir()
	probe, port := eventstest.Listening(t, dir)
	probe.Shutdown()

	nc, err := jetstream.Connect(fmt.Sprintf("nats://127.0.0.1:%d", port), t.Name())
	if err != nil {
		t.Fatalf("Connect with the server down: %v", err)
	}
	defer nc.Close()
	js, err := jetstream.New(nc)
	if err != nil {
		t.Fatal(err)
	}
	ready := func() bool {
		ctx, cancel := context.WithTimeout(context.Background(), time.Second)
		defer cancel()
		return jetstream.Ready(ctx, js) == nil
	}
	if ready() {
		t.Fatal("ready with the server down")
	}
	eventstest.Server(t, dir, port)
	waitFor(t, 15*time.Second, ready)
}
