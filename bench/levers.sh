#!/usr/bin/env bash
# The levers table of docs/calibration.md (issue 11): each facilitator's lever in turn on the
# three regime scenarios, RUNS seeds a variant, 90 simulated days, MSEL removed so that the lever
# acts alone; then bench/levers.py turns the batch CSVs into the table (paired differences
# against the shipped setting, with 95% intervals; every variant of a batch runs the same seeds).
#   bench/levers.sh [RUNS=200] [OUT=build/levers] > levers.md
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-200}
out=${2:-build/levers}
rfsim=${RFSIM:-build/default/app/rfsim}
threads=${THREADS:-$(nproc 2>/dev/null || echo 2)}
mkdir -p "$out"
levers=("us_support=full,intel_only,withdrawn" "coalition=shipped,half,observers"
        "caveats=shipped,permissive,restrictive" "response_standard=6h,3h,24h")
for scenario in partial-ceasefire full-ceasefire no-ceasefire; do
  for lever in "${levers[@]}"; do
    csv="$out/$scenario.${lever%%=*}.csv"
    if [[ ! -s "$csv" || -n "${FORCE:-}" ]]; then
      echo "levers: $scenario, $lever ($runs runs a variant)" >&2
      "$rfsim" batch --runs "$runs" --threads "$threads" --length 90d --no-msel \
        --vary "$lever" --out "$csv" -q "assets/scenarios/$scenario.toml"
    fi
  done
done
python3 bench/levers.py "$out"
