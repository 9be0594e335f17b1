#!/usr/bin/env bash
# Render the application icon's PNGs from its SVG:
#   assets/icons/zhaoqing-explorer.svg -> assets/icons/hicolor/<N>x<N>/apps/zhaoqing-explorer.png
# for the sizes below. Re-run after editing the SVG and commit the PNGs with it.
# Needs rsvg-convert (Debian's librsvg2-bin); installs it with apt-get when it is missing.
set -euo pipefail
cd "$(dirname "$0")/.."

SVG=assets/icons/zhaoqing-explorer.svg
SIZES=(32 48 64 128 256 512)

if ! command -v rsvg-convert >/dev/null 2>&1; then
    echo "build_icons: rsvg-convert is missing; installing librsvg2-bin" >&2
    if [ "$(id -u)" -eq 0 ]; then SUDO=(); else SUDO=(sudo); fi
    "${SUDO[@]}" apt-get update -qq
    "${SUDO[@]}" apt-get install -y -qq librsvg2-bin >/dev/null
fi

for n in "${SIZES[@]}"; do
    dir="assets/icons/hicolor/${n}x${n}/apps"
    mkdir -p "$dir"
    rsvg-convert --width "$n" --height "$n" --format png --output "$dir/zhaoqing-explorer.png" "$SVG"
    echo "$dir/zhaoqing-explorer.png"
done
