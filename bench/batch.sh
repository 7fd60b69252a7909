#!/usr/bin/env bash
# Batch throughput and memory: 1,000 runs of the 30-day default scenario on 1 and 2 threads,
# and peak RSS for N = 100 and 1,000 (it should stay flat). Usage: bench/batch.sh [RFSIM]
# Results go in bench/RESULTS.md under "Batch" by hand; this only measures.
set -euo pipefail
rfsim=${1:-build/default/app/rfsim}
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
measure() {  # label, then the rfsim arguments
  local label=$1; shift
  /usr/bin/time -f "%e %M" -o "$out/time" "$rfsim" "$@" -q --out "$out/r.csv"
  read -r secs rss <"$out/time"
  runs=$(($(wc -l <"$out/r.csv") - 1))
  printf '%-28s %6d runs  %7.2f s  %7.1f runs/s  peak RSS %6.1f MB\n' "$label" "$runs" "$secs" \
    "$(echo "$runs / $secs" | bc -l)" "$(echo "$rss / 1024" | bc -l)"
}
measure "1000 runs, 1 thread" batch --runs 1000 --threads 1
measure "1000 runs, 2 threads" batch --runs 1000 --threads 2
measure "100 runs, 2 threads" batch --runs 100 --threads 2
