package histogram

import (
	"math"
	"math/bits"
	"time"
)

// subBits is log2 of the buckets per power of two; subCount values below
// subCount are recorded exactly.
const (
	subBits  = 6
	subCount = 1 << subBits
	buckets  = (64 - subBits + 1) * subCount
)

// Histogram counts durations. The zero value is empty and ready; it is not
// safe for concurrent use (give each goroutine its own and Merge them).
type Histogram struct {
	counts [buckets]uint64
	n      uint64
	sum    time.Duration
	min    time.Duration
	max    time.Duration
}

// Record adds one duration; negative durations count as zero.
func (h *Histogram) Record(d time.Duration) {
	d = max(d, 0)
	h.counts[index(uint64(d))]++
	if h.n == 0 || d < h.min {
		h.min = d
	}
	h.max = max(h.max, d)
	h.n++
	h.sum += d
}

// Merge adds every value recorded in o.
func (h *Histogram) Merge(o *Histogram) {
	if o.n == 0 {
		return
	}
	for i, c := range o.counts {
		h.counts[i] += c
	}
	if h.n == 0 || o.min < h.min {
		h.min = o.min
	}
	h.max = max(h.max, o.max)
	h.n += o.n
	h.sum += o.sum
}

// Count is how many durations were recorded.
func (h *Histogram) Count() uint64 { return h.n }

// Min and Max are the smallest and largest durations recorded (0 if none).
func (h *Histogram) Min() time.Duration { return h.min }

// Max is the largest duration recorded (0 if none).
func (h *Histogram) Max() time.Duration { return h.max }

// Mean is the average duration (0 if none).
func (h *Histogram) Mean() time.Duration {
	if h.n == 0 {
		return 0
	}
	return h.sum / time.Duration(h.n)
}

// Percentile returns the smallest bucket bound at or below which q percent
// (0–100) of the durations lie, clipped to [Min, Max]: an upper estimate,
// at most 1/64 above the true value. It returns 0 when empty.
func (h *Histogram) Percentile(q float64) time.Duration {
	if h.n == 0 {
		return 0
	}
	rank := uint64(math.Ceil(q * float64(h.n) / 100))
	rank = min(max(rank, 1), h.n)
	var seen uint64
	for i, c := range h.counts {
		if seen += c; seen >= rank {
			return clip(upper(i), h.min, h.max)
		}
	}
	return h.max
}

// index is the bucket of v: values below subCount have their own bucket;
// above, the top subBits+1 bits of v pick the bucket.
func index(v uint64) int {
	if v < subCount {
		return int(v)
	}
	shift := bits.Len64(v) - subBits - 1
	return (shift+1)*subCount + int(v>>shift) - subCount
}

// upper is the largest value that falls in bucket i.
func upper(i int) uint64 {
	if i < subCount {
		return uint64(i)
	}
	shift := i/subCount - 1
	mant := uint64(i%subCount + subCount)
	return (mant+1)<<shift - 1
}

// clip is u as a duration within [lo, hi].
func clip(u uint64, lo, hi time.Duration) time.Duration {
	if u > math.MaxInt64 {
		return hi
	}
	return min(max(time.Duration(u), lo), hi)
}
