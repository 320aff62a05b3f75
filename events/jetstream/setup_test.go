package jetstream_test

import (
	"context"
	"testing"
	"time"

	"talentd/events"
	"talentd/events/eventstest"
	"talentd/events/jetstream"
)

func TestSetupIsIdempotentAndApplied(t *testing.T) {
	ctx := context.Background()
	cfg := jetstream.Config{Prefix: "t1", MaxAge: time.Hour, MaxBytes: 64 << 20, Duplicates: 30 * time.Second}
	js := eventstest.NATS(t, cfg)
	if err := jetstream.Setup(ctx, js, cfg); err != nil {
		t.Fatalf("second Setup: %v", err)
	}
	s, err := js.Stream(ctx, "t1_TALENT_EVENTS")
	if err != nil {
		t.Fatal(err)
	}
	c := s.CachedInfo().Config
	if c.Subjects[0] != "t1.talent.>" || c.MaxAge != time.Hour || c.MaxBytes != 64<<20 || c.Duplicates != 30*time.Second || c.Replicas != 1 {
		t.Fatalf("events stream config %+v", c)
	}
	d, err := js.Stream(ctx, "t1_TALENT_DLQ")
	if err != nil || d.CachedInfo().Config.Subjects[0] != "t1.talentdlq.>" {
		t.Fatalf("dead-letter stream: %v", err)
	}
	cfg.MaxAge = 2 * time.Hour
	if err := jetstream.Setup(ctx, js, cfg); err != nil {
		t.Fatalf("Setup with a new limit: %v", err)
	}
	if info, _ := s.Info(ctx); info.Config.MaxAge != 2*time.Hour {
		t.Fatalf("MaxAge not updated: %v", info.Config.MaxAge)
	}
}

func TestPrefixesShareOneServer(t *testing.T) {
	ctx := context.Background()
	srv := eventstest.Server(t, t.TempDir(), 0)
	for _, p := range []string{"", "a", "b"} {
		eventstest.Connect(t, srv, jetstream.Config{Prefix: p})
	}
	js := eventstest.Connect(t, srv, jetstream.Config{Prefix: "a"})
	if _, err := js.Publish(ctx, events.Subject("a", events.EnclaveRecognized), []byte("{}")); err != nil {
		t.Fatal(err)
	}
	for p, want := range map[string]int{"": 0, "a": 1, "b": 0} {
		if got := len(eventstest.Stored(t, js, p)); got != want {
			t.Errorf("prefix %q stream holds %d messages, want %d", p, got, want)
		}
	}
}

func TestSetupRefusesBadPrefix(t *testing.T) {
	js := eventstest.NATS(t, jetstream.Config{})
	for _, p := range []string{"a.b", "talent", "x>"} {
		if err := jetstream.Setup(context.Background(), js, jetstream.Config{Prefix: p}); err == nil {
			t.Errorf("Setup accepted prefix %q", p)
		}
	}
}

func TestReady(t *testing.T) {
	dir := t.TempDir()
	srv, err := jetstream.StartEmbedded(jetstream.EmbeddedConfig{DataDir: dir, Port: -1})
	if err != nil {
		t.Fatal(err)
	}
	js := eventstest.Connect(t, srv, jetstream.Config{})
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
	defer cancel()
	if err := jetstream.Ready(ctx, js); err != nil {
		t.Fatalf("Ready with the server up: %v", err)
	}
	srv.Shutdown()
	down, cancelDown := context.WithTimeout(context.Background(), 300*time.Millisecond)
	defer cancelDown()
	if err := jetstream.Ready(down, js); err == nil {
		t.Fatal("Ready with the server down")
	}
}
