package histogram

import (
	"math/rand/v2"
	"slices"
	"testing"
	"time"
)

// within reports whether got is an upper estimate of want no more than
// 1/64 above it, the histogram's promise.
func within(got, want time.Duration) bool {
	return got >= want && float64(got-want) <= float64(want)/subCount
}

func TestPercentileUniform(t *testing.T) {
	var h Histogram
	for i := 1; i <= 10000; i++ {
		h.Record(time.Duration(i) * time.Microsecond)
	}
	cases := []struct {
		q    float64
		want time.Duration
	}{
		{0, time.Microsecond},
		{1, 100 * time.Microsecond},
		{50, 5000 * time.Microsecond},
		{90, 9000 * time.Microsecond},
		{99, 9900 * time.Microsecond},
		{99.9, 9990 * time.Microsecond},
		{100, 10000 * time.Microsecond},
	}
	for _, c := range cases {
		if got := h.Percentile(c.q); !within(got, c.want) {
			t.Errorf("p%v = %v, want %v (+1/64)", c.q, got, c.want)
		}
	}
	if h.Count() != 10000 || h.Min() != time.Microsecond || h.Max() != 10*time.Millisecond {
		t.Errorf("count/min/max = %d/%v/%v", h.Count(), h.Min(), h.Max())
	}
	if got, want := h.Mean(), 5000500*time.Nanosecond; got != want {
		t.Errorf("mean = %v, want %v", got, want)
	}
}

// TestPercentileSkewed checks a long tail: 990 fast requests and 10 slow.
func TestPercentileSkewed(t *testing.T) {
	var h Histogram
	for range 990 {
		h.Record(2 * time.Millisecond)
	}
	for i := range 10 {
		h.Record(time.Duration(100+i) * time.Millisecond)
	}
	if got := h.Percentile(50); !within(got, 2*time.Millisecond) {
		t.Errorf("p50 = %v, want 2ms", got)
	}
	if got := h.Percentile(99); !within(got, 2*time.Millisecond) {
		t.Errorf("p99 = %v, want 2ms (rank 990 is the last fast one)", got)
	}
	if got := h.Percentile(99.1); !within(got, 100*time.Millisecond) {
		t.Errorf("p99.1 = %v, want 100ms", got)
	}
	if got := h.Percentile(100); got != 109*time.Millisecond {
		t.Errorf("p100 = %v, want the exact max 109ms", got)
	}
}

// TestPercentileRandom compares with exact order statistics of random data
// spread over six orders of magnitude.
func TestPercentileRandom(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	var h Histogram
	var all []time.Duration
	for range 50000 {
		d := time.Duration(rng.ExpFloat64() * float64(rng.IntN(1_000_000)+1) * 1000)
		h.Record(d)
		all = append(all, d)
	}
	slices.Sort(all)
	for _, q := range []float64{10, 50, 90, 99, 99.9} {
		want := all[int(q/100*float64(len(all)))-1]
		if got := h.Percentile(q); !within(got, want) {
			t.Errorf("p%v = %v, want %v (+1/64)", q, got, want)
		}
	}
}

func TestSmallValuesExact(t *testing.T) {
	var h Histogram
	for _, d := range []time.Duration{0, 1, 5, 63, 64, 127} {
		h.Record(d)
	}
	want := []time.Duration{0, 1, 5, 63, 64, 127}
	for i, q := range []float64{10, 30, 50, 60, 80, 100} {
		if got := h.Percentile(q); got != want[i] {
			t.Errorf("p%.1f = %v, want %v", q, got, want[i])
		}
	}
}

func TestEmptyAndNegative(t *testing.T) {
	var h Histogram
	if h.Percentile(50) != 0 || h.Mean() != 0 || h.Max() != 0 {
		t.Errorf("empty histogram: p50 %v mean %v max %v", h.Percentile(50), h.Mean(), h.Max())
	}
	h.Record(-time.Second)
	if h.Count() != 1 || h.Percentile(100) != 0 {
		t.Errorf("negative: count %d p100 %v", h.Count(), h.Percentile(100))
	}
}

func TestMerge(t *testing.T) {
	var a, b, all Histogram
	for i := 1; i <= 1000; i++ {
		d := time.Duration(i) * time.Millisecond
		all.Record(d)
		if i%3 == 0 {
			a.Record(d)
		} else {
			b.Record(d)
		}
	}
	var m Histogram
	m.Merge(&a)
	m.Merge(&Histogram{})
	m.Merge(&b)
	for _, q := range []float64{0, 25, 50, 99, 100} {
		if m.Percentile(q) != all.Percentile(q) {
			t.Errorf("merged p%v = %v, want %v", q, m.Percentile(q), all.Percentile(q))
		}
	}
	if m.Count() != all.Count() || m.Min() != all.Min() || m.Max() != all.Max() || m.Mean() != all.Mean() {
		t.Errorf("merged count/min/max/mean differ")
	}
}

func TestBucketBounds(t *testing.T) {
	for _, v := range []uint64{0, 63, 64, 127, 128, 129, 130, 1 << 20, 1<<20 + 12345, 1 << 40, 1<<63 - 1} {
		i := index(v)
		if upper(i) < v || (i > 0 && upper(i-1) >= v) {
			t.Errorf("v=%d in bucket %d with bounds (%d, %d]", v, i, upper(i-1), upper(i))
		}
	}
}

func BenchmarkRecord(b *testing.B) {
	var h Histogram
	for i := 0; b.Loop(); i++ {
		h.Record(time.Duration(i*7919) % time.Second)
	}
}
