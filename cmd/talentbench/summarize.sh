#!/usr/bin/env bash
# summarize.sh RESULTS: the medians of bench-http.sh's runs, by label, and
# the API/raw-store throughput ratio computed run by run.
set -euo pipefail
RESULTS=$1

median() { sort -n | awk 'NF {a[++n] = $1} END {if (n == 0) print "-"; else if (n % 2) print a[(n + 1) / 2]; else printf "%.2f\n", (a[n / 2] + a[n / 2 + 1]) / 2}'; }
field() { # field LABEL KEY: KEY's value (units dropped) in every run of LABEL
	grep "^label=$1 " "$RESULTS" | sed -n "s/.* $2=\([0-9.]*\).*/\1/p"
}

grep '^# ' "$RESULTS" || true
echo "medians of $(sed -n 's/^label=[^ ]* run=\([^ ]*\) .*/\1/p' "$RESULTS" | sort -u | wc -l) runs"
printf '%-16s %9s %9s %9s %9s %9s\n' label rps p50_ms p90_ms p99_ms max_ms
for label in $(sed -n 's/^label=\([^ ]*\) .* rps=.*/\1/p' "$RESULTS" | awk '!seen[$0]++'); do
	printf '%-16s %9s %9s %9s %9s %9s\n' "$label" "$(field "$label" rps | median)" "$(field "$label" p50 | median)" \
		"$(field "$label" p90 | median)" "$(field "$label" p99 | median)" "$(field "$label" max | median)"
done
for label in $(sed -n 's/^label=\(mem[^ ]*\) .*/\1/p' "$RESULTS" | awk '!seen[$0]++'); do
	echo "$label: VmRSS $(field "$label" rss_mb | median) MB, VmHWM $(field "$label" hwm_mb | median) MB, data dir $(field "$label" db_mb | median) MB"
done
for c in 1 16; do
	for raw in raw rawaudit; do
		ratios=$(paste <(field "api-c$c" rps) <(field "$raw-c$c" rps) | awk '$2 > 0 {printf "%.2f\n", $1 / $2}')
		[ -n "$ratios" ] || continue
		echo "api/$raw rps at c=$c: median $(echo "$ratios" | median) (runs: $(echo $ratios))"
	done
done
