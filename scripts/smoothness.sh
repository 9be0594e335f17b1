#!/bin/sh
# How smoothly the real window pans and zooms, under X (Xvfb): starts the release binary with
# FILE (or the embedded data), measures its CPU time at rest (5 s) and how soon a frame follows
# the pointer onto another county and onto another chart bar, then at three zooms (the fitted
# view, 6 and 12 wheel notches in at one point of the map) drags the map right and back and
# turns the wheel in and out, and prints scripts/drag_fps.py's frame rates, then the process's
# resident memory when opened and after the zooms. Nothing moves between the zooms but the
# drags, which come back to where they started.
#
# Needs: an X display on $DISPLAY (e.g. `Xvfb :99 -screen 0 1280x800x24 &`), xdotool,
# `pip install python-xlib`, and `cargo build --release` done.
# Usage: DISPLAY=:99 scripts/smoothness.sh [FILE]   (BIN=path: another build, e.g. an older one)
set -eu
cd "$(dirname "$0")/.."
bin=${BIN:-target/release/zhaoqing-explorer}
[ -x "$bin" ] || { echo "build it first: cargo build --release" >&2; exit 2; }
export XDG_RUNTIME_DIR="${XDG_RUNTIME_DIR:-/tmp}"
# A settings folder of its own, so the fitted view and default layers are what is measured.
settings=$(mktemp -d)
trap 'kill "$app" 2>/dev/null; wait "$app" 2>/dev/null || :; rm -rf "$settings"' EXIT
XDG_DATA_HOME="$settings" XDG_CONFIG_HOME="$settings" "$bin" "$@" >/dev/null 2>&1 &
app=$!
xdotool search --sync --name "Zhaoqing Explorer" >/dev/null
sleep "${SETTLE:-8}" # opening a large file takes a few seconds
# The map's middle in the default 1280×800 window, and where the wheel zooms in.
x=540; y=420; zx=620; zy=380
ticks() { awk '{print $14 + $15}' "/proc/$app/stat"; }
mib() { awk -v k="$1:" '$1 == k {printf "%.0f", $2 / 1024}' "/proc/$app/status"; }
before=$(ticks); sleep 5
echo "== at rest: $(($(ticks) - before)) clock ticks of CPU in 5 s"
opened=$(mib VmRSS)
# 广宁县 and 德庆县 on the map; the bars of 高要区 and 怀集县 in the county fact sheet.
python3 scripts/drag_fps.py --hover 516 500 "$x" "$y" | sed 's/^hover/hover, county to county/'
python3 scripts/drag_fps.py --hover 806 465 806 380 | sed 's/^hover/hover, bar to bar/'
for notches in 0 6 6; do
    i=0
    while [ "$i" -lt "$notches" ]; do
        xdotool mousemove "$zx" "$zy" click 4
        sleep 0.1
        i=$((i + 1))
    done
    sleep 1.5
    echo "== $((${zoomed:-0} + notches)) notches in"
    zoomed=$((${zoomed:-0} + notches))
    python3 scripts/drag_fps.py "$x" "$y" --seconds 3 --dx 0.5 --dy 0
    sleep 1
    python3 scripts/drag_fps.py "$((x + 180))" "$y" --seconds 3 --dx -0.5 --dy 0
    sleep 1
    python3 scripts/drag_fps.py "$zx" "$zy" --seconds 4 --wheel
    sleep 1
done
# The kept map pictures and what is made ahead live in this process, beside the data.
echo "== memory: resident $opened MiB when opened, $(mib VmRSS) MiB after the zooms, peak $(mib VmHWM) MiB"
