#!/usr/bin/env bash
# The whole test suite, and what CI runs (.ci/run): installs what is missing, then for each
# preset builds everything and runs every test under xvfb-run (rendering and GUI tests need an
# X server):
#   default  gcc, optimised (under CI: the ci preset: -O1, no debug info, unity build): the suite;
#   asan     clang with ASan and UBSan: the suite again, and a smoke run of each fuzz harness
#            (fuzz/, RFSIM_FUZZ_SECONDS each, label "fuzz").
# Under CI (CI=true) warnings are errors. `scripts/test.sh default` runs one preset only.
# README.md (CI) and docs/ci.md say what each step costs.
set -euo pipefail
cd "$(dirname "$0")/.."
presets=("$@")
if ((${#presets[@]} == 0)); then
  if [[ -n "${CI:-}" && "${CI}" != "false" ]]; then presets=(ci asan); else presets=(default asan); fi
fi
scripts/install-deps.sh
jobs=$(nproc 2>/dev/null || echo 2)
for preset in "${presets[@]}"; do
  echo "rfsim: building and testing the $preset preset" >&2
  SECONDS=0
  scripts/build.sh "$preset"
  built=$SECONDS
  # -noreset: Xvfb otherwise resets when its last client leaves, and a test connecting
  # during that reset fails to open the display.
  xvfb-run -a -s "-screen 0 1600x1000x24 -noreset" ctest --preset "$preset" -j "$jobs"
  echo "rfsim: $preset preset: built in ${built}s, tested in $((SECONDS - built))s" >&2
done
