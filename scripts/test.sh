#!/usr/bin/env bash
# The project's test command (README quick start, and what CI runs).
# On a fresh Debian machine it first installs what the tests need: Mesa's lavapipe Vulkan driver,
# so that wgpu renders the UI tests on the CPU with no GPU and no display, and poppler-utils, with
# which tests/print.rs reads the PDF exports back (check_windows.sh, at the end, installs what the
# Windows build and Wine need).
set -euo pipefail
cd "$(dirname "$0")/.."

missing=()
dpkg -s mesa-vulkan-drivers >/dev/null 2>&1 || missing+=(mesa-vulkan-drivers)
dpkg -s poppler-utils >/dev/null 2>&1 || missing+=(poppler-utils)
if [ ${#missing[@]} -gt 0 ]; then
  echo "test.sh: installing ${missing[*]} (to render the UI tests without a GPU; to read the PDFs back)"
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo=sudo
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}"
fi

cargo fmt --all -- --check
cargo clippy --workspace --all-targets --locked -- -D warnings
# The core crate builds alone: nothing of the window is needed to read and check the data.
cargo build -p zq-core --locked
cargo test --workspace --all-targets --locked

# The data's coordinates against the reference list of places, when it is beside the checkout.
if [ -f ../shared/reference/places.md ]; then
  python3 scripts/check_data.py --places ../shared/reference/places.md
fi

# The Windows build: cross-built here, its commands run under Wine and compared with the Linux
# build's output, its installer installed and uninstalled silently (scripts/check_windows.sh;
# installs mingw-w64, nsis and wine64 when they are missing).
scripts/check_windows.sh --commands
