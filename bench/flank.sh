#!/usr/bin/env bash
# Incidents in coalition states (issue 12), the table of docs/calibration.md: RUNS seeds of each
# regime, DAYS simulated days, MSEL removed; bench/flank.py turns the batch CSV into incidents a
# month per flank state and kind, with 95% intervals, beside the published figures.
#   bench/flank.sh [RUNS=100] [DAYS=180] [OUT=build/flank] > flank.md
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-100}
days=${2:-180}
out=${3:-build/flank}
rfsim=${RFSIM:-build/default/app/rfsim}
threads=${THREADS:-$(nproc 2>/dev/null || echo 2)}
mkdir -p "$out"
csv="$out/regimes.csv"
if [[ ! -s "$csv" || -n "${FORCE:-}" ]]; then
  echo "flank: $runs runs a regime, ${days} days" >&2
  "$rfsim" batch --runs "$runs" --threads "$threads" --length "${days}d" --no-msel \
    --vary regime=none,partial,full --out "$csv" -q assets/scenarios/partial-ceasefire.toml
fi
python3 bench/flank.py "$csv" "$days"
