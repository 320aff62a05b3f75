package eventstest

import (
	"context"
	"errors"
	"net"
	"testing"
	"time"

	natsjs "github.com/nats-io/nats.go/jetstream"

	"talentd/events"
	"talentd/events/jetstream"
)

// Server starts an embedded nats-server keeping its store in dir, on port
// (0: no listener, -1: any free port), and stops it when the test ends.
func Server(t testing.TB, dir string, port int) *jetstream.Embedded {
	t.Helper()
	e, err := jetstream.StartEmbedded(jetstream.EmbeddedConfig{DataDir: dir, Port: port})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(e.Shutdown)
	return e
}

// Listening is Server on a free loopback port, which it returns too, so a
// test can stop the server and start another on the same port and store.
func Listening(t testing.TB, dir string) (*jetstream.Embedded, int) {
	t.Helper()
	e := Server(t, dir, -1)
	return e, e.Server().Addr().(*net.TCPAddr).Port
}

// Connect connects to e, makes the JetStream API and runs Setup with cfg;
// the connection closes when the test ends.
func Connect(t testing.TB, e *jetstream.Embedded, cfg jetstream.Config) natsjs.JetStream {
	t.Helper()
	nc, err := e.Connect(t.Name())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(nc.Close)
	js, err := jetstream.New(nc)
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if err := jetstream.Setup(ctx, js, cfg); err != nil {
		t.Fatal(err)
	}
	return js
}

// NATS is Server with no listener in a temporary directory, then Connect.
func NATS(t testing.TB, cfg jetstream.Config) natsjs.JetStream {
	t.Helper()
	return Connect(t, Server(t, t.TempDir(), 0), cfg)
}

// Stored returns every message of the prefix's events stream, in stream
// order.
func Stored(t testing.TB, js natsjs.JetStream, prefix string) []*natsjs.RawStreamMsg {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	s, err := js.Stream(ctx, events.Name(prefix, events.StreamEvents))
	if err != nil {
		t.Fatal(err)
	}
	var out []*natsjs.RawStreamMsg
	for seq := uint64(1); ; {
		m, err := s.GetMsg(ctx, seq, natsjs.WithGetMsgSubject(">"))
		if errors.Is(err, natsjs.ErrMsgNotFound) {
			return out
		}
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, m)
		seq = m.Sequence + 1
	}
}

// Decoded is Stored with every message decoded as an envelope.
func Decoded(t testing.TB, js natsjs.JetStream, prefix string) []events.Event {
	t.Helper()
	var out []events.Event
	for _, m := range Stored(t, js, prefix) {
		e, err := events.Decode(m.Data)
		if err != nil {
			t.Fatalf("stream seq %d: %v", m.Sequence, err)
		}
		out = append(out, e)
	}
	return out
}
