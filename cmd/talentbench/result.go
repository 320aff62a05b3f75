package main

import (
	"encoding/json"
	"fmt"
	"io"
	"maps"
	"os"
	"slices"
	"strconv"
	"strings"
	"time"

	"talentd/cmd/talentbench/internal/histogram"
)

// Result is a run's outcome: the summary line and the -json document.
// Latencies are in milliseconds.
type Result struct {
	Scenario    string            `json:"scenario"`
	Target      string            `json:"target"`
	Concurrency int               `json:"c"`
	Seed        uint64            `json:"seed"`
	Requests    uint64            `json:"n"`
	OK          uint64            `json:"ok"`
	Errors      uint64            `json:"err"`
	Seconds     float64           `json:"seconds"`
	RPS         float64           `json:"rps"`
	MinMS       float64           `json:"min_ms"`
	MeanMS      float64           `json:"mean_ms"`
	P50MS       float64           `json:"p50_ms"`
	P90MS       float64           `json:"p90_ms"`
	P99MS       float64           `json:"p99_ms"`
	MaxMS       float64           `json:"max_ms"`
	Codes       map[string]uint64 `json:"codes"` // HTTP status, or "none" when no response came
	FirstError  string            `json:"first_error,omitempty"`
}

func newResult(cfg config, tallies []*tally, elapsed time.Duration) Result {
	var h histogram.Histogram
	r := Result{Scenario: cfg.Scenario, Target: target(cfg), Concurrency: cfg.Concurrency, Seed: cfg.Seed,
		Seconds: elapsed.Seconds(), Codes: map[string]uint64{}}
	for _, t := range tallies {
		h.Merge(&t.hist)
		r.Errors += t.failed
		for code, n := range t.codes {
			r.Codes[codeName(code)] += n
		}
		if r.FirstError == "" {
			r.FirstError = t.first
		}
	}
	r.Requests = h.Count()
	r.OK = r.Requests - r.Errors
	if elapsed > 0 {
		r.RPS = float64(r.Requests) / elapsed.Seconds()
	}
	r.MinMS, r.MeanMS, r.MaxMS = ms(h.Min()), ms(h.Mean()), ms(h.Max())
	r.P50MS, r.P90MS, r.P99MS = ms(h.Percentile(50)), ms(h.Percentile(90)), ms(h.Percentile(99))
	return r
}

func target(cfg config) string {
	if cfg.Scenario == "raw-store" {
		return "sqlite:" + cfg.DataDir
	}
	return cfg.URL
}

func codeName(code int) string {
	if code == 0 {
		return "none"
	}
	return strconv.Itoa(code)
}

func ms(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }

// Summary is the one-line report:
// scenario=… c=… n=… ok=… err=… rps=… p50=…ms p90=… p99=… max=… codes=201:…
func (r Result) Summary() string {
	var codes []string
	for _, c := range slices.Sorted(maps.Keys(r.Codes)) {
		codes = append(codes, fmt.Sprintf("%s:%d", c, r.Codes[c]))
	}
	return fmt.Sprintf("scenario=%s c=%d n=%d ok=%d err=%d secs=%.2f rps=%.1f p50=%.2fms p90=%.2fms p99=%.2fms max=%.2fms codes=%s seed=%d",
		r.Scenario, r.Concurrency, r.Requests, r.OK, r.Errors, r.Seconds, r.RPS,
		r.P50MS, r.P90MS, r.P99MS, r.MaxMS, strings.Join(codes, ","), r.Seed)
}

// report prints the summary line and, with -json, the JSON document.
func report(cfg config, r Result, stdout io.Writer) error {
	if _, err := fmt.Fprintln(stdout, r.Summary()); err != nil {
		return err
	}
	if cfg.JSON == "" {
		return nil
	}
	b, err := json.MarshalIndent(r, "", "  ")
	if err != nil {
		return err
	}
	b = append(b, '\n')
	if cfg.JSON == "-" {
		_, err = stdout.Write(b)
		return err
	}
	if err := os.WriteFile(cfg.JSON, b, 0o644); err != nil {
		return fmt.Errorf("talentbench: write result: %w", err)
	}
	return nil
}
