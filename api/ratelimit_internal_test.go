package api

import (
	"testing"
	"time"
)

func TestLimiterRefillsAndForgets(t *testing.T) {
	now := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	l := newLimiter(RateLimit{PerSecond: 2, Burst: 2}, func() time.Time { return now })
	for i := range 2 {
		if ok, _ := l.take("a"); !ok {
			t.Fatalf("take %d within the burst refused", i+1)
		}
	}
	ok, wait := l.take("a")
	if ok || wait != 500*time.Millisecond {
		t.Fatalf("empty bucket: %v, wait %v; want a refusal and 500ms", ok, wait)
	}
	if ok, _ := l.take("b"); !ok {
		t.Error("another key shares the bucket")
	}
	now = now.Add(500 * time.Millisecond)
	if ok, _ := l.take("a"); !ok {
		t.Error("no token after the refill time")
	}
	now = now.Add(time.Hour)
	l.takes = sweepEvery - 1
	l.take("c")
	if _, kept := l.buckets["a"]; kept || len(l.buckets) != 1 {
		t.Errorf("sweep kept %d buckets", len(l.buckets))
	}
}

func TestLimiterOffAndDefaultBurst(t *testing.T) {
	if newLimiter(RateLimit{}, time.Now) != nil {
		t.Error("the zero RateLimit limits")
	}
	if l := newLimiter(RateLimit{PerSecond: 2.5}, time.Now); l.burst != 3 {
		t.Errorf("default burst %v, want 3", l.burst)
	}
}
