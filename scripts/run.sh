#!/usr/bin/env bash
# The main job: installs what is missing, builds, and runs the default scenario. With a
# display it opens the map; without one it writes a save, a summary and a PNG of the map
# into out/ (or the folder given as the first argument).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
scripts/build.sh default --target rfsim >/dev/null
rfsim=build/default/app/rfsim

if [[ -n "${DISPLAY:-}" ]] && xdpyinfo >/dev/null 2>&1; then
  exec "$rfsim" gui
fi

out=${1:-out}
mkdir -p "$out"
"$rfsim" run --save "$out/default.rfsave" --summary "$out/summary.txt"
# The map of the saved game at its end, drawn from the save itself.
xvfb-run -a -s "-screen 0 1600x1000x24 -noreset" "$rfsim" replay "$out/default.rfsave" \
  --snapshot "$out/map.png" >/dev/null
echo "rfsim: no display, so wrote $out/default.rfsave, $out/summary.txt and $out/map.png"
