// Package histogram records latencies in log-linear buckets, in the manner
// of an HDR histogram: every power of two is split into 64 equal buckets,
// so a percentile is exact to within 1/64 (about 1.6%) of its value, in a
// fixed 30 KiB whatever the range. Min, max, count and sum are exact.
//
// It imports only the standard library and must stay that way: talentbench
// records into it on every request.
package histogram
