#!/usr/bin/env bash
# Configures and builds rfsim with a CMake preset (default: "default"). Used by run.sh and
# test.sh; call it directly to build another preset: scripts/build.sh asan
# Under CI (CI=true), warnings are errors (RFSIM_WERROR=ON).
set -euo pipefail
cd "$(dirname "$0")/.."
preset=${1:-default}
shift || true
jobs=$(nproc 2>/dev/null || echo 2)
configure=()
if [[ -n "${CI:-}" && "${CI}" != "false" ]]; then
  configure+=(-DRFSIM_WERROR=ON)
fi
if [[ ! -f build/$preset/CMakeCache.txt || ${#configure[@]} -gt 0 ]]; then
  cmake --preset "$preset" "${configure[@]}" >/dev/null
fi
cmake --build --preset "$preset" -j "$jobs" "$@"
