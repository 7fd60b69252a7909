#!/usr/bin/env bash
# Checks the module walls of DESIGN.md by the includes each folder makes:
#   io/     knows nothing of ours, and of libraries only toml++ (it is the one TOML reader);
#   map/ knows io only;   sim/ knows map, not SFML, cereal or saves;   saves/ knows sim and
#   map, not SFML;   play/ knows sim, map, saves and SFML's Network module, not drawing
#   (SFML's Graphics and Window, ImGui, render);   batch/ knows sim, map and saves, not play,
#   drawing, the command line or MPI;   render/ and app/ may know everything.
# The build enforces the same for rfsim's own headers (cmake/module_headers.cmake, checked by
# the walls_compiler test); this also catches third-party headers a module must not use.
set -u
root=${1:-$(dirname "$0")/..}
fail=0
check() {  # folder, pattern that must not appear in its #includes, why
  local hits
  hits=$(grep -rnE "^[[:space:]]*#[[:space:]]*include[[:space:]]*[<\"]($2)" "$root/$1" \
           --include='*.hpp' --include='*.cpp' --include='*.h' 2>/dev/null)
  if [[ -n "$hits" ]]; then
    echo "wall broken: $1/ must not include $3:"
    echo "$hits"
    fail=1
  fi
}
check io 'map/|sim/|saves/|play/|batch/|render/|app/|SFML/|cereal/|imgui' "other rfsim modules or libraries but toml++ (io is the one TOML reader)"
check map 'sim/|saves/|play/|batch/|render/|app/|SFML/|cereal/|imgui' "other rfsim modules, SFML, cereal or ImGui"
check sim 'saves/|play/|batch/|render/|app/|SFML/|cereal/|imgui' "saves, play, batch, render, app, SFML, cereal or ImGui"
check saves 'play/|batch/|render/|app/|SFML/|imgui' "play, batch, render, app, SFML or ImGui"
check play 'batch/|render/|app/|SFML/(Graphics|Window|Audio|OpenGL)|imgui' "batch, render, app, SFML's drawing or ImGui"
check batch 'play/|render/|app/|SFML/|imgui|mpi' "play, render, app, SFML, ImGui or MPI"
check render 'app/' "app"
if [[ $fail -eq 0 ]]; then echo "walls: all modules keep to DESIGN.md"; fi
exit $fail
