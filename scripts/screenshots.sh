#!/usr/bin/env bash
# Regenerates the facilitator's guide's screenshots (docs/img/*.png) with rfsim itself: each
# is the real window driven by a `--script`, under Xvfb. Usage: scripts/screenshots.sh [BUILD]
set -euo pipefail
cd "$(dirname "$0")/.."
rfsim=${1:-build/default}/app/rfsim
img=docs/img
mkdir -p "$img"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

shoot() {  # name, script text, extra rfsim args...
  shoot_at 1280x720 "$@"
}

shoot_at() {  # size, name, script text, extra rfsim args...
  local size=$1 name=$2 script=$3
  shift 3
  printf '%s\nquit\n' "$script" >"$tmp/$name.txt"
  xvfb-run -a -s "-screen 0 2000x1200x24" "$rfsim" gui --size "$size" "$@" \
    --script "$tmp/$name.txt" >/dev/null
  echo "wrote $img/$name.png ($(du -k "$img/$name.png" | cut -f1) KB)"
}

shoot opening "wait 0.5
screenshot $img/opening.png"
shoot running "jump 2d
select unit uk-qrf
speed 3600
play
wait 2
pause
screenshot $img/running.png"
shoot escalation "jump 5d
fill escalation
select region donetsk
screenshot $img/escalation.png"
shoot coverage "jump 1d
coverage on
fill control
screenshot $img/coverage.png"
# The same moment on White's, Blue's and Red's picture (facilitator's guide, section 9).
for cell in white blue red; do
  shoot cell-$cell "jump 2d6h
wait-idle
screenshot $img/cell-$cell.png" assets/scenarios/no-ceasefire.toml --cell $cell --autosave-dir "$tmp"
done
shoot zoomed "jump 3d
centre zaporizhzhia
zoom 2.5
fill escalation
screenshot $img/zoomed.png"
# Notes and the debrief (section 10): two notes made by the script, the list open, the first
# jumped to.
shoot notes "jump 1d6h
select region sector_pokrovsk
note Provocation at Pokrovsk: was the QRF late?
jump 1d18h
select region kharkiv
note Patrol gap north of Kharkiv
jump 2d
select none
key b
click notes/jump/0
wait-idle
screenshot $img/notes.png" assets/scenarios/partial-ceasefire.toml --autosave-dir "$tmp"
# The projector (section 11) at both sizes.
for size in 1920x1080 1280x720; do
  shoot_at "$size" "presenter-${size%%x*}" "jump 2d6h
wait-idle
screenshot $img/presenter-${size%%x*}.png" assets/scenarios/no-ceasefire.toml --presenter \
    --autosave-dir "$tmp"
done
# Odds from here (section 12): 200 futures of 30 days from D+2; the window waits for them.
shoot odds "jump 2d
key o
wait 0.5
click odds/run
wait 20
wait-idle
screenshot $img/odds.png"
# Branches side by side (section 13): a game and two branches forked at D+2, compared at D+3
# with the no-ceasefire branch's map shown; at 1600x1000, where the panel leaves map to see.
mkdir -p "$tmp/game"
"$rfsim" run --until 5d -q --save "$tmp/game/game.rfsave"
"$rfsim" branch "$tmp/game/game.rfsave" --at 2d --inject us=withdrawn --until 5d \
  --out "$tmp/game/us-withdrawn.rfsave" >/dev/null
"$rfsim" branch "$tmp/game/game.rfsave" --at 2d --inject regime=none --until 4d \
  --out "$tmp/game/no-ceasefire.rfsave" >/dev/null
shoot_at 1600x1000 branches "jump 3d
key t
wait 0.5
click branches/compare/1
click branches/map_b
wait 0.3
screenshot $img/branches.png" "$tmp/game/game.rfsave"
# "Why?" (facilitator's guide, section 5): violation 111, in Kharkiv, blocked by caveats,
# at 1280x720 with the UI at 1.25.
shoot why "jump 3h
select violation 111
wait-idle
screenshot $img/why.png" --ui-scale 1.25 --autosave-dir "$tmp"
# The MSEL in play (section 4): the Pokrovsk provocation cancelled, a line added an hour
# ahead, the US support line's form open; at 1600x1000 with the UI at 1.11.
shoot_at 1600x1000 msel "jump 1d
open msel
wait-idle
click msel/cancel/0
click msel/cancel/confirm
click msel/add
click msel/form/save
click msel/edit/2
wait-idle
screenshot $img/msel.png" --ui-scale 1.11 --autosave-dir "$tmp"
# A decision waiting (section 4), HQ's taskings asked of the room, at 1920x1080 and 1.5.
sed 's/^hq = /decisions = "ask"\nhq = /' assets/scenarios/partial-ceasefire.toml >"$tmp/ask.toml"
printf 'jump 1d\nwait-idle\nscreenshot %s/decision.png\nquit\n' "$img" >"$tmp/decision.txt"
xvfb-run -a -s "-screen 0 1920x1080x24" "$rfsim" gui "$tmp/ask.toml" --size 1920x1080 \
  --ui-scale 1.5 --autosave-dir "$tmp" --script "$tmp/decision.txt" >/dev/null
echo "wrote $img/decision.png ($(du -k "$img/decision.png" | cut -f1) KB)"
# The ORBAT editor (section 15): UK's quick-reaction units open, one selected, Poltava selected
# on the map for the Caveats tab's "Allow".
shoot orbat "select region poltava
key e
wait 0.3
click orbat/nation/UK
click orbat/type/UK/quick_reaction
click orbat/unit/uk-qrf
wait-idle
screenshot $img/orbat.png" assets/scenarios/partial-ceasefire.toml --autosave-dir "$tmp"
# The editor's MSEL tab, the shipped lines in time order with a line open in the shared form.
shoot orbat-msel "key e
wait 0.3
click orbat/tab/msel
click orbat/tab/msel
click orbat/msel/edit/0
wait-idle
screenshot $img/orbat-msel.png" assets/scenarios/partial-ceasefire.toml --autosave-dir "$tmp"
