#!/usr/bin/env bash
# Installs what is missing, builds everything and runs the whole test suite. Rendering and
# GUI tests need an X server, so ctest runs under xvfb-run.
set -euo pipefail
cd "$(dirname "$0")/.."
preset=${1:-default}
scripts/install-deps.sh
scripts/build.sh "$preset"
# -noreset: Xvfb otherwise resets when its last client leaves, and a test connecting
# during that reset fails to open the display.
xvfb-run -a -s "-screen 0 1600x1000x24 -noreset" ctest --preset "$preset" -j "$(nproc 2>/dev/null || echo 2)"
