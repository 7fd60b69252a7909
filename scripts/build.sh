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
  if ! out=$(cmake --preset "$preset" "${configure[@]}" 2>&1); then
    # A folder another generator made (ci and asan moved from Makefiles to Ninja) cannot be
    # configured again in place: its cache goes and everything is built anew.
    if ! grep -q "Does not match the generator used previously" <<<"$out"; then
      echo "$out" >&2
      exit 1
    fi
    echo "rfsim: build/$preset was made by another generator; configuring it anew" >&2
    rm -rf "build/$preset/CMakeCache.txt" "build/$preset/CMakeFiles"
    cmake --preset "$preset" "${configure[@]}" >/dev/null
  fi
fi
cmake --build --preset "$preset" -j "$jobs" "$@"
