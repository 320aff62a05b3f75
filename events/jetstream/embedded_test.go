package jetstream_test

import (
	"context"
	"strings"
	"testing"

	"talentd/events"
	"talentd/events/eventstest"
	"talentd/events/jetstream"
)

func TestEmbeddedListensOnlyWhenAsked(t *testing.T) {
	tests := []struct {
		port   int
		listen bool
	}{{0, false}, {-1, true}}
	for _, tt := range tests {
		e := eventstest.Server(t, t.TempDir(), tt.port)
		url := e.ClientURL()
		if (url != "") != tt.listen || (tt.listen && !strings.HasPrefix(url, "nats://127.0.0.1:")) {
			t.Errorf("port %d: ClientURL %q", tt.port, url)
		}
		js := eventstest.Connect(t, e, jetstream.Config{})
		if err := jetstream.Ready(context.Background(), js); err != nil {
			t.Errorf("port %d: %v", tt.port, err)
		}
	}
}

func TestEmbeddedKeepsStreamsAcrossRestarts(t *testing.T) {
	dir := t.TempDir()
	first := eventstest.Server(t, dir, 0)
	js := eventstest.Connect(t, first, jetstream.Config{})
	publish(t, js, "", "evt_kept", "evt_kept")
	first.Shutdown()

	js = eventstest.Connect(t, eventstest.Server(t, dir, 0), jetstream.Config{})
	got := eventstest.Decoded(t, js, "")
	if len(got) != 1 || got[0].ID != "evt_kept" || got[0].Type != events.EnclaveRecognized {
		t.Fatalf("after restart the stream holds %+v", got)
	}
}

func TestStartEmbeddedNeedsADataDir(t *testing.T) {
	if _, err := jetstream.StartEmbedded(jetstream.EmbeddedConfig{}); err == nil {
		t.Fatal("started without a data directory")
	}
}
