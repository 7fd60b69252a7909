#!/usr/bin/env bash
# Configures and builds rfsim with a CMake preset (default: "default"). Used by run.sh and
# test.sh; call it directly to build another preset: scripts/build.sh debug
set -euo pipefail
cd "$(dirname "$0")/.."
preset=${1:-default}
shift || true
jobs=$(nproc 2>/dev/null || echo 2)
if [[ ! -f build/$preset/CMakeCache.txt ]]; then
  cmake --preset "$preset" >/dev/null
fi
cmake --build --preset "$preset" -j "$jobs" "$@"
