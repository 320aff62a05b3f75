package main

import (
	"context"
	"fmt"
	"os"
	"runtime/pprof"
	"sync"
	"sync/atomic"
	"time"

	"talentd/cmd/talentbench/internal/histogram"
)

// tally is one worker's record of the measured requests.
type tally struct {
	hist   histogram.Histogram
	codes  map[int]uint64 // 0: no response
	failed uint64
	first  string // the first failure, for the report
}

func (t *tally) add(took time.Duration, rep reply, err error) {
	t.hist.Record(took)
	t.codes[rep.Code]++
	if err == nil && rep.Code >= 200 && rep.Code < 300 {
		return
	}
	t.failed++
	if t.first == "" {
		t.first = failure(rep, err)
	}
}

func failure(rep reply, err error) string {
	if err != nil {
		return err.Error()
	}
	return fmt.Sprintf("%d %s", rep.Code, rep.Problem)
}

// bench prepares sc, warms up, then measures cfg.Count requests or for
// cfg.Duration with cfg.Concurrency workers. An interrupted run (ctx done)
// reports what it measured.
func bench(ctx context.Context, cfg config, sc scenario) (Result, error) {
	if err := sc.prepare(ctx, cfg); err != nil {
		return Result{}, err
	}
	ops := make([]op, cfg.Concurrency)
	for w := range ops {
		ops[w] = sc.worker(w)
	}
	if cfg.Warmup > 0 {
		phase(ctx, ops, warmupBase, 0, time.Now().Add(cfg.Warmup))
	}
	stop, err := startProfile(cfg.CPUProfile)
	if err != nil {
		return Result{}, err
	}
	var deadline time.Time
	if cfg.Count == 0 {
		deadline = time.Now().Add(cfg.Duration)
	}
	start := time.Now()
	tallies := phase(ctx, ops, 0, cfg.Count, deadline)
	elapsed := time.Since(start)
	if err := stop(); err != nil {
		return Result{}, err
	}
	return newResult(cfg, tallies, elapsed), nil
}

// phase runs the workers until count requests have started (count > 0) or
// the deadline passes, numbering requests base, base+1, …
func phase(ctx context.Context, ops []op, base, count int64, deadline time.Time) []*tally {
	var next atomic.Int64
	tallies := make([]*tally, len(ops))
	var wg sync.WaitGroup
	for w, o := range ops {
		t := &tally{codes: map[int]uint64{}}
		tallies[w] = t
		wg.Go(func() {
			for ctx.Err() == nil {
				i := next.Add(1) - 1
				if (count > 0 && i >= count) || (!deadline.IsZero() && time.Now().After(deadline)) {
					return
				}
				t0 := time.Now()
				rep, err := o(ctx, base+i)
				t.add(time.Since(t0), rep, err)
			}
		})
	}
	wg.Wait()
	return tallies
}

// forEach calls f(w, i) for i in [0, n) on workers goroutines and returns
// the first error (the others stop taking new work).
func forEach(ctx context.Context, workers int, n int64, f func(w int, i int64) error) error {
	var next atomic.Int64
	var firstErr error
	var once sync.Once
	var wg sync.WaitGroup
	for w := range workers {
		wg.Go(func() {
			for i := next.Add(1) - 1; i < n && ctx.Err() == nil; i = next.Add(1) - 1 {
				if err := f(w, i); err != nil {
					once.Do(func() { firstErr = err })
					next.Store(n)
				}
			}
		})
	}
	wg.Wait()
	if firstErr == nil {
		firstErr = ctx.Err()
	}
	return firstErr
}

// startProfile starts a CPU profile into path (nothing when empty) and
// returns the function that ends it.
func startProfile(path string) (func() error, error) {
	if path == "" {
		return func() error { return nil }, nil
	}
	f, err := os.Create(path)
	if err != nil {
		return nil, fmt.Errorf("talentbench: cpu profile: %w", err)
	}
	if err := pprof.StartCPUProfile(f); err != nil {
		f.Close()
		return nil, fmt.Errorf("talentbench: cpu profile: %w", err)
	}
	return func() error {
		pprof.StopCPUProfile()
		return f.Close()
	}, nil
}
