#!/usr/bin/env bash
# bench-http.sh measures talentd over HTTP on SQLite, the numbers of
# docs/benchmarks.md: create-talent throughput and latency beside the same
# talents written straight into the store (raw-store), filtered list pages
# and reads with 100,000 talents stored, and talentd's resident memory.
# Each measurement runs RUNS times; the table at the end gives medians, and
# every raw summary line is kept in $WORK/results.txt.
#
#   RUNS=3 N=5000 LOAD=100000 DUR=10s cmd/talentbench/bench-http.sh
set -euo pipefail
cd "$(dirname "$0")/../.."

RUNS=${RUNS:-3}         # repetitions of every measurement
N=${N:-5000}            # creates per create-talent / raw-store run
LOAD=${LOAD:-100000}    # talents loaded before the list, get and memory runs
DUR=${DUR:-10s}         # length of each list and get run
PORT=${PORT:-18090}
WORK=${WORK:-$(mktemp -d /tmp/talentbench.XXXXXX)}
URL=http://127.0.0.1:$PORT
export TALENTD_TOKEN=${TALENTD_TOKEN:-tdk_bench_$(head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n')}
QUERIES=(
	"area=371302&tier=C&limit=50"
	"tier=A&level=NATIONAL&limit=50"
	"q=%E7%8E%8B&limit=50"                      # q=王, a common surname
	"area=ZONE_HIGHTECH&q=%E5%BC%A0%E4%BC%9F&limit=50" # q=张伟 in one area
)
mkdir -p "$WORK/bin"
go build -o "$WORK/bin/" ./cmd/talentd ./cmd/talentbench
RESULTS=$WORK/results.txt
{
	echo "# $(date -u +%FT%TZ) commit $(git rev-parse --short HEAD)$(git diff --quiet HEAD -- . || echo ' (modified)')"
	echo "# nproc $(nproc); $(grep -m1 'model name' /proc/cpuinfo | sed 's/.*: //'); $(go version)"
} | tee "$RESULTS"
PID=

start() { # start DIR: talentd on a data directory, waiting until it answers
	TALENTD_BOOTSTRAP_TOKEN=$TALENTD_TOKEN "$WORK/bin/talentd" -http-addr "127.0.0.1:$PORT" \
		-data-dir "$1" -log-level warn -rate-limit 0 >"$1.log" 2>&1 &
	PID=$!
	for _ in $(seq 100); do
		curl -fs "$URL/healthz" >/dev/null 2>&1 && return 0
		sleep 0.1
	done
	echo "talentd did not start; see $1.log" >&2
	exit 1
}
stop() { kill "$PID" && wait "$PID" || true; PID=; }
trap '[ -z "$PID" ] || kill "$PID"' EXIT

bench() { # bench LABEL RUN ARGS…: one talentbench run, its summary kept
	local label=$1 run=$2
	shift 2
	echo "label=$label run=$run $("$WORK/bin/talentbench" -url "$URL" "$@")" | tee -a "$RESULTS"
}
memory() { # memory LABEL RUN DIR: talentd's VmRSS and VmHWM (MB), store size
	local rss hwm
	rss=$(awk '/^VmRSS/ {printf "%.0f", $2/1024}' "/proc/$PID/status")
	hwm=$(awk '/^VmHWM/ {printf "%.0f", $2/1024}' "/proc/$PID/status")
	echo "label=$1 run=$2 rss_mb=$rss hwm_mb=$hwm db_mb=$(du -sm "$3" | cut -f1)" | tee -a "$RESULTS"
}

for run in $(seq "$RUNS"); do
	for c in 1 16; do # raw and API alternate, so background load hits both alike
		bench raw-c$c "$run" -scenario raw-store -data-dir "$WORK/raw-$run-$c" -c "$c" -n "$N" -seed "$run"
		bench rawaudit-c$c "$run" -scenario raw-store -audit -data-dir "$WORK/rawaudit-$run-$c" -c "$c" -n "$N" -seed "$run"
		start "$WORK/api-$run-$c"
		bench api-c$c "$run" -scenario create-talent -c "$c" -n "$N" -seed "$run"
		stop
	done
done

for run in $(seq "$RUNS"); do
	dir=$WORK/big-$run
	start "$dir"
	bench load "$run" -scenario create-talent -c 16 -n "$LOAD" -seed "$((100 + run))"
	memory mem-loaded "$run" "$dir"
	for i in "${!QUERIES[@]}"; do
		for c in 1 4; do
			bench "list$i-c$c" "$run" -scenario list -c "$c" -d "$DUR" -warmup 1s -query "${QUERIES[$i]}"
		done
	done
	bench get-c16 "$run" -scenario get -c 16 -d "$DUR" -warmup 1s -prefill 1000 -seed "$((200 + run))"
	memory mem-after-reads "$run" "$dir"
	stop
done

cmd/talentbench/summarize.sh "$RESULTS"
