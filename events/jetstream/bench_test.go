package jetstream_test

import (
	"context"
	"testing"
	"time"

	natsjs "github.com/nats-io/nats.go/jetstream"

	"talentd/events"
	"talentd/events/eventstest"
	"talentd/events/jetstream"
	"talentd/registry"
)

// BenchmarkRelay drains 100,000 pending events (50,000 writes of two events,
// as a transition writes status_changed plus a named event) from a SQLite
// outbox, and then publishes the same envelopes with raw PublishAsync to a
// second stream on the same server. Run it with -benchtime=1x.
func BenchmarkRelay(b *testing.B) {
	const writes = 50_000
	ctx := context.Background()
	srv := eventstest.Server(b, b.TempDir(), 0)
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		relayJS := eventstest.Connect(b, srv, jetstream.Config{Prefix: "bench"})
		rawJS := eventstest.Connect(b, srv, jetstream.Config{Prefix: "raw"})
		w := newWriter(b)
		bodies := w.fillPairs(writes)
		relay := jetstream.NewRelay(relayJS, w.store, jetstream.RelayConfig{Prefix: "bench"})
		b.StartTimer()

		start := time.Now()
		n, err := relay.Drain(ctx)
		relayTime := time.Since(start)
		if err != nil || n != 2*writes {
			b.Fatalf("relay cleared %d: %v", n, err)
		}
		rawTime := rawPublish(b, rawJS, bodies)

		b.StopTimer()
		relayRate := float64(n) / relayTime.Seconds()
		rawRate := float64(len(bodies)) / rawTime.Seconds()
		b.ReportMetric(relayRate, "relay_msgs/s")
		b.ReportMetric(rawRate, "raw_msgs/s")
		b.ReportMetric(relayRate/rawRate, "relay/raw")
		for _, p := range []string{"bench", "raw"} {
			if err := relayJS.DeleteStream(ctx, events.Name(p, events.StreamEvents)); err != nil {
				b.Fatal(err)
			}
		}
		b.StartTimer()
	}
}

// fillPairs writes n records, each created with two events, and returns
// the envelopes the relay will publish, in outbox order.
func (w *writer) fillPairs(n int) []rawMsg {
	ctx := context.Background()
	var out []rawMsg
	for range n {
		d := newDoc()
		evs := []registry.Event{newEvent(d, events.ActionCreated), newEvent(d, events.ActionStatusChanged)}
		if err := w.store.Create(ctx, d, evs); err != nil {
			w.t.Fatal(err)
		}
		for _, e := range evs {
			env := events.Event{SpecVersion: events.SpecVersion, ID: e.ID, Source: events.Source, Type: e.Type,
				Subject: e.RecordID, Time: e.Time, DataContentType: events.ContentType, Data: e.Data}
			body, err := events.Encode(env)
			if err != nil {
				w.t.Fatal(err)
			}
			out = append(out, rawMsg{id: e.ID, subject: events.Subject("raw", e.Type), body: body})
		}
	}
	return out
}

type rawMsg struct {
	id, subject string
	body        []byte
}

// rawPublish publishes msgs with PublishAsync and waits for every ack.
func rawPublish(b *testing.B, js natsjs.JetStream, msgs []rawMsg) time.Duration {
	start := time.Now()
	for _, m := range msgs {
		if _, err := js.PublishAsync(m.subject, m.body, natsjs.WithMsgID(m.id)); err != nil {
			b.Fatal(err)
		}
	}
	select {
	case <-js.PublishAsyncComplete():
	case <-time.After(time.Minute):
		b.Fatal("raw publishes not acknowledged")
	}
	return time.Since(start)
}
