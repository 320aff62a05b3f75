package api

import (
	"math"
	"strconv"
	"sync"
	"time"

	"github.com/gin-gonic/gin"
)

// sweepEvery is how many takes pass between sweeps of idle buckets.
const sweepEvery = 4096

// limiter is a token bucket per API key id. It is safe for concurrent use.
type limiter struct {
	mu      sync.Mutex
	rate    float64 // tokens per second
	burst   float64
	now     func() time.Time
	buckets map[string]*bucket
	takes   int
}

type bucket struct {
	tokens float64
	last   time.Time
}

// newLimiter returns the limiter of rl, or nil when rl does not limit.
func newLimiter(rl RateLimit, now func() time.Time) *limiter {
	if rl.PerSecond <= 0 {
		return nil
	}
	burst := float64(rl.Burst)
	if burst < 1 {
		burst = max(1, math.Ceil(rl.PerSecond))
	}
	return &limiter{rate: rl.PerSecond, burst: burst, now: now, buckets: map[string]*bucket{}}
}

// take spends one token of key's bucket. When none is left it returns
// false and how long until one is.
func (l *limiter) take(key string) (bool, time.Duration) {
	l.mu.Lock()
	defer l.mu.Unlock()
	now := l.now()
	l.sweep(now)
	b, ok := l.buckets[key]
	if !ok {
		b = &bucket{tokens: l.burst, last: now}
		l.buckets[key] = b
	}
	if elapsed := now.Sub(b.last).Seconds(); elapsed > 0 {
		b.tokens = min(l.burst, b.tokens+elapsed*l.rate)
		b.last = now
	}
	if b.tokens >= 1 {
		b.tokens--
		return true, 0
	}
	return false, time.Duration((1 - b.tokens) / l.rate * float64(time.Second))
}

// sweep forgets, now and then, the buckets that have refilled: they are
// the same as new ones. The caller holds l.mu.
func (l *limiter) sweep(now time.Time) {
	if l.takes++; l.takes < sweepEvery {
		return
	}
	l.takes = 0
	full := time.Duration(l.burst / l.rate * float64(time.Second))
	for k, b := range l.buckets {
		if now.Sub(b.last) >= full {
			delete(l.buckets, k)
		}
	}
}

// rateLimit refuses a request over its key's limit with a 429 and
// Retry-After in whole seconds (at least 1). It runs after authenticate.
func (s *server) rateLimit(c *gin.Context) {
	if s.limiter == nil {
		c.Next()
		return
	}
	ok, wait := s.limiter.take(principalOf(c).KeyID)
	if ok {
		c.Next()
		return
	}
	secs := max(1, int(math.Ceil(wait.Seconds())))
	s.metrics.rateLimited.Inc()
	c.Header("Retry-After", strconv.Itoa(secs))
	s.writeProblem(c, rateLimited(secs))
}
