package main

import (
	"context"
	"fmt"
	"slices"
	"strconv"
	"sync"
	"testing"
	"time"

	"talentd/events"
)

// latencyRate is the write rate of BenchmarkEventLatency, per second.
const latencyRate = 200

// BenchmarkEventLatency measures how long after a client gets its 201 a
// durable consumer receives the record's created event, on the one-machine
// stack: talentd in-process with its SQLite store and embedded NATS server
// (listening on a loopback port, which the consumer attaches to, as a
// worker would). b.N enclaves are created at 200 a second, open loop, so
// -benchtime 6000x runs 30 seconds. It reports the p50, p99 and maximum in
// milliseconds; a negative latency means the event arrived before the
// client had read its 201.
func BenchmarkEventLatency(b *testing.B) {
	port := freePort(b)
	base, stop := start(b, b.TempDir(), "-bootstrap-token", testToken, "-rate-limit", "0", "-nats-port", strconv.Itoa(port))
	received := &arrivals{at: map[string]time.Time{}}
	stopConsumer := consumeAt(b, port, received.handle)
	c := newAPIClient(base)
	b.ResetTimer()
	answered := createAtRate(b, c, b.N, latencyRate)
	b.StopTimer()
	waitArrivals(b, received, answered)
	stopConsumer()
	if err := stop(); err != nil {
		b.Fatal(err)
	}
	reportLatencies(b, latencies(answered, received))
}

// arrivals are the times the consumer received each record's created
// event.
type arrivals struct {
	mu sync.Mutex
	at map[string]time.Time
}

func (a *arrivals) handle(_ context.Context, e events.Event) error {
	now := time.Now()
	if e.Type == events.SubjectCreated(events.KindEnclave) {
		a.mu.Lock()
		a.at[e.Subject] = now
		a.mu.Unlock()
	}
	return nil
}

func (a *arrivals) count() int {
	a.mu.Lock()
	defer a.mu.Unlock()
	return len(a.at)
}

// createAtRate creates n enclaves, one every 1/rate seconds whatever the
// answers take (several requests may be in flight), and returns when each
// client read its 201, by record id.
func createAtRate(b *testing.B, c *apiClient, n, rate int) map[string]time.Time {
	var (
		mu  sync.Mutex
		out = make(map[string]time.Time, n)
		wg  sync.WaitGroup
	)
	tick := time.NewTicker(time.Second / time.Duration(rate))
	defer tick.Stop()
	for i := range n {
		<-tick.C
		wg.Add(1)
		go func() {
			defer wg.Done()
			r, status, err := c.createEnclave(context.Background(), fmt.Sprintf("时延飞地-%d", i))
			at := time.Now()
			if err != nil || status != 201 {
				b.Errorf("create %d: %d %v", i, status, err)
				return
			}
			mu.Lock()
			out[r.ID] = at
			mu.Unlock()
		}()
	}
	wg.Wait()
	return out
}

func waitArrivals(b *testing.B, a *arrivals, answered map[string]time.Time) {
	deadline := time.Now().Add(30 * time.Second)
	for a.count() < len(answered) {
		if time.Now().After(deadline) {
			b.Fatalf("%d of %d events arrived", a.count(), len(answered))
		}
		time.Sleep(10 * time.Millisecond)
	}
}

// latencies is arrival − 201 per record, sorted.
func latencies(answered map[string]time.Time, a *arrivals) []time.Duration {
	a.mu.Lock()
	defer a.mu.Unlock()
	out := make([]time.Duration, 0, len(answered))
	for id, t := range answered {
		out = append(out, a.at[id].Sub(t))
	}
	slices.Sort(out)
	return out
}

func reportLatencies(b *testing.B, d []time.Duration) {
	if len(d) == 0 {
		b.Fatal("no latencies")
	}
	ms := func(q float64) float64 {
		return float64(d[min(len(d)-1, int(q*float64(len(d))))]) / float64(time.Millisecond)
	}
	b.ReportMetric(ms(0.50), "p50_ms")
	b.ReportMetric(ms(0.99), "p99_ms")
	b.ReportMetric(float64(d[len(d)-1])/float64(time.Millisecond), "max_ms")
	b.ReportMetric(0, "ns/op")
	b.Logf("%d events: min %.2f ms, p1 %.2f, p50 %.2f, p90 %.2f, p99 %.2f, max %.2f", len(d),
		float64(d[0])/float64(time.Millisecond), ms(0.01), ms(0.50), ms(0.90), ms(0.99), float64(d[len(d)-1])/float64(time.Millisecond))
}
