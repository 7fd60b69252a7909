#!/usr/bin/env bash
# "Time matters" in docs/calibration.md (issue 11): a year of each regime, enforced (the force as
# shipped) against unenforced (coalition=observers: the same monitors, no armed unit), RUNS seeds
# each, MSEL removed; every run's days go to OUT/<scenario>/, and bench/twelve_months.py turns
# them into monthly figures and docs/img/twelve-months.svg.
#   bench/twelve_months.sh [RUNS=20] [OUT=build/twelve-months] > months.md
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-20}
out=${2:-build/twelve-months}
rfsim=${RFSIM:-build/default/app/rfsim}
threads=${THREADS:-$(nproc 2>/dev/null || echo 2)}
for scenario in full-ceasefire partial-ceasefire no-ceasefire; do
  mkdir -p "$out/$scenario"
  if [[ -z "$(ls -A "$out/$scenario")" || -n "${FORCE:-}" ]]; then
    echo "twelve months: $scenario ($runs runs a variant)" >&2
    "$rfsim" batch --runs "$runs" --threads "$threads" --length 365d --no-msel \
      --vary coalition=shipped,observers --daily "$out/$scenario" \
      --out "$out/$scenario.csv" -q "assets/scenarios/$scenario.toml"
  fi
done
python3 bench/twelve_months.py "$out" docs/img/twelve-months.svg
