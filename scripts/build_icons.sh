#!/usr/bin/env bash
# Render the application icon from its SVG:
#   assets/icons/zhaoqing-explorer.svg -> assets/icons/hicolor/<N>x<N>/apps/zhaoqing-explorer.png
#     for the sizes below (the Linux desktop and the .deb), and
#   -> assets/icons/zhaoqing-explorer.ico, the Windows icon with 16 to 256 pixels in one file
#     (Explorer, the taskbar and the Start menu each pick their size; 256 is stored as PNG).
# Re-run after editing the SVG and commit the PNGs and the .ico with it.
# Needs rsvg-convert (Debian's librsvg2-bin) and icotool (icoutils); installs them with apt-get
# when they are missing.
set -euo pipefail
cd "$(dirname "$0")/.."

SVG=assets/icons/zhaoqing-explorer.svg
SIZES=(32 48 64 128 256 512)

ICO_SIZES=(16 24 32 48 64 128)
ICO_PNG_SIZE=256

missing=()
command -v rsvg-convert >/dev/null 2>&1 || missing+=(librsvg2-bin)
command -v icotool >/dev/null 2>&1 || missing+=(icoutils)
if [ ${#missing[@]} -gt 0 ]; then
    echo "build_icons: installing ${missing[*]}" >&2
    if [ "$(id -u)" -eq 0 ]; then SUDO=(); else SUDO=(sudo); fi
    "${SUDO[@]}" apt-get update -qq
    "${SUDO[@]}" apt-get install -y -qq "${missing[@]}" >/dev/null
fi

for n in "${SIZES[@]}"; do
    dir="assets/icons/hicolor/${n}x${n}/apps"
    mkdir -p "$dir"
    rsvg-convert --width "$n" --height "$n" --format png --output "$dir/zhaoqing-explorer.png" "$SVG"
    echo "$dir/zhaoqing-explorer.png"
done

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
ico_inputs=()
for n in "${ICO_SIZES[@]}"; do
    rsvg-convert --width "$n" --height "$n" --format png --output "$work/$n.png" "$SVG"
    ico_inputs+=("$work/$n.png")
done
rsvg-convert --width "$ICO_PNG_SIZE" --height "$ICO_PNG_SIZE" --format png \
    --output "$work/$ICO_PNG_SIZE.png" "$SVG"
icotool --create --output "$work/icon.ico" "${ico_inputs[@]}" --raw="$work/$ICO_PNG_SIZE.png"
mv "$work/icon.ico" assets/icons/zhaoqing-explorer.ico
echo "assets/icons/zhaoqing-explorer.ico"
