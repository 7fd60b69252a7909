#!/usr/bin/env bash
# The facilitator's guide's seats (section 14): one hosted game at one moment on four seats'
# windows (White, Blue, Red, and an observer the host shows Blue's picture), each a real
# `rfsim join` window driven by a --script under Xvfb. The host runs --headless (its window is
# White's desk, pictured by host-window.png), so White here is a White seat, with its MSEL.
# Usage: scripts/seat_screenshots.sh [BUILD]
set -euo pipefail
cd "$(dirname "$0")/.."
rfsim=${1:-build/default}/app/rfsim
img=docs/img
mkdir -p "$img"
tmp=$(mktemp -d)
host_pid=
# The host saves its game as it leaves (SIGTERM): wait for it before removing its folder.
trap '[ -n "$host_pid" ] && { kill "$host_pid" 2>/dev/null; wait "$host_pid" 2>/dev/null || true; }
rm -rf "$tmp"' EXIT

# Waits (up to 20 s) until the host writing to the file $1 prints its join codes, then sets
# $port and $host_out, which code() reads a cell's join code from.
listening() {
  host_out=$1
  for _ in $(seq 200); do
    grep -q "^  white:" "$host_out" 2>/dev/null && break
    sleep 0.1
  done
  port=$(sed -n 's/.*listening on port \([0-9]*\).*/\1/p' "$host_out")
}
code() { sed -n "s/^  $1: //p" "$host_out"; }

# No ceasefire with HQ's taskings asked of Blue, played by doctrine to D+2 06:00: the host
# goes on from there and stops at the next tasking, which waits for Blue. Every window then
# shows the game at that one moment.
sed 's/^hq = /decisions = "ask"\nhq = /' assets/scenarios/no-ceasefire.toml >"$tmp/ask.toml"
"$rfsim" run "$tmp/ask.toml" --until 54h -q --save "$tmp/game.rfsave"
"$rfsim" host "$tmp/game.rfsave" --headless --port 0 --speed 1800 --observers-see blue \
  --save "$tmp/host.rfsave" >"$tmp/host.out" 2>&1 &
host_pid=$!
listening "$tmp/host.out"

join() {  # cell, code role, wait, extra...
  local cell=$1 role=$2 wait=$3
  printf '%s\nwait 1.5\nscreenshot %s/seat-%s.png\nquit\n' "$wait" "$img" "$cell" \
    >"$tmp/$cell.txt"
  xvfb-run -a -s "-screen 0 1400x900x24" "$rfsim" join "127.0.0.1:$port" --cell "$role" \
    --code "$(code "$role")" --size 1280x800 --script "$tmp/$cell.txt" >"$tmp/$cell.out" 2>&1
}
join white white "wait-decision" &
# Blue's inspector on the newest violation whose report names the sensor that saw it.
join blue blue "wait-decision
select violation reported" &
join observer observer "wait-decision" &
# Red is not offered HQ's tasking: it waits for Blue's windows to see it.
join red red "wait-picture
wait 8" &
wait %2 %3 %4 %5
for cell in white blue red observer; do
  echo "wrote $img/seat-$cell.png ($(du -k "$img/seat-$cell.png" | cut -f1) KB)"
done

# The host's window (section 14, host-window.png): the same save hosted paused in White's
# window at 1600x1000, four seats joined headless (Blue HQ, a UK seat, Red, an observer) and a
# Red seat's attempt with Blue's code refused, then the window's screenshot.
kill "$host_pid" 2>/dev/null
wait "$host_pid" 2>/dev/null || true
host_pid=
printf 'wait 12\nwait-idle\nscreenshot %s/host-window.png\nquit\n' "$img" >"$tmp/host-window.txt"
xvfb-run -a -s "-screen 0 1600x1000x24" "$rfsim" host "$tmp/game.rfsave" --port 0 --paused \
  --size 1600x1000 --save "$tmp/host-window.rfsave" --script "$tmp/host-window.txt" \
  >"$tmp/host-window.out" 2>&1 &
window_pid=$!
listening "$tmp/host-window.out"
seat() {  # cell, code's cell, extra...
  printf 'wait 60s\nquit\n' >"$tmp/seat-$1-$2.txt"
  "$rfsim" join "127.0.0.1:$port" --cell "$1" --code "$(code "$2")" --headless \
    --script "$tmp/seat-$1-$2.txt" "${@:3}" >/dev/null 2>&1 &
}
seat blue blue
seat blue blue --nation UK
seat red red
seat observer observer
sleep 1
seat red blue  # refused: a Blue code does not open a Red seat
wait "$window_pid"
wait  # the seats leave when the host closes
echo "wrote $img/host-window.png ($(du -k "$img/host-window.png" | cut -f1) KB)"
