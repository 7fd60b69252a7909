#!/usr/bin/env bash
# CPU of `rfsim gui` under Xvfb: paused and untouched, then playing at 3600x, each over a
# stretch of wall time, read from /proc/PID/stat (user + system ticks of rfsim alone; Xvfb's
# own share is printed beside it), and the frames shown a second (bench/swap_counter.c).
# Usage: bench/idle_window.sh [RFSIM] [SECONDS]
# Results go in bench/RESULTS.md under "Idle window" by hand; this only measures.
set -euo pipefail
rfsim=$(realpath "${1:-build/default/app/rfsim}")
secs=${2:-30}
tick=$(getconf CLK_TCK)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

ticks() {  # utime + stime of a pid, in clock ticks
  awk '{ print $14 + $15 }' "/proc/$1/stat"
}

measure() {  # label, then rfsim gui's extra arguments
  local label=$1
  shift
  rm -f "$work/pid"
  xvfb-run -a -s "-screen 0 1600x1000x24" bash -c 'echo $$ >"$0"; exec "$@"' "$work/pid" \
    "$rfsim" gui --size 1600x1000 --autosave-dir "$work" "$@" >"$work/out" 2>&1 &
  local wrapper=$!
  for _ in $(seq 100); do
    [[ -s $work/pid ]] && break
    sleep 0.1
  done
  local pid
  pid=$(cat "$work/pid" 2>/dev/null || true)
  if [[ -z $pid ]]; then
    echo "$label: rfsim did not start" >&2
    cat "$work/out" >&2
    return 1
  fi
  local xvfb
  xvfb=$(pgrep -n -x Xvfb -P "$wrapper" || true)
  sleep 5  # the window opens, the first frames settle
  local a b xa=0 xb=0
  a=$(ticks "$pid")
  [[ -n $xvfb ]] && xa=$(ticks "$xvfb")
  sleep "$secs"
  b=$(ticks "$pid")
  [[ -n $xvfb ]] && xb=$(ticks "$xvfb")
  kill "$pid"
  wait "$wrapper" || true
  printf '%-34s rfsim %5.1f%% of a core   Xvfb %5.1f%%   (%d s)\n' "$label" \
    "$(echo "100 * ($b - $a) / $tick / $secs" | bc -l)" \
    "$(echo "100 * ($xb - $xa) / $tick / $secs" | bc -l)" "$secs"
}

measure "paused, untouched"
measure "playing at 3600x" --play --speed 3600

# Frames shown, counted outside the program (bench/swap_counter.c over glXSwapBuffers), so
# that binaries before and after render on demand are counted alike: 5 s to settle, then
# `secs` seconds.
cc -shared -fPIC -O2 -o "$work/swap_counter.so" "$(dirname "$0")/swap_counter.c" -ldl
frames() {  # label, then rfsim gui's extra arguments
  local label=$1
  shift
  printf 'wait %s\nquit\n' "$((secs + 5))" >"$work/quit.txt"
  xvfb-run -a -s "-screen 0 1600x1000x24" env LD_PRELOAD="$work/swap_counter.so" \
    "$rfsim" gui --size 1600x1000 --autosave-dir "$work" --script "$work/quit.txt" "$@" \
    >"$work/out" 2>&1 || true
  printf '%-34s %s\n' "$label" "$(grep -m1 swap_counter "$work/out" || echo 'no count')"
}

frames "paused, untouched"
frames "playing at 3600x" --play --speed 3600
