#!/usr/bin/env bash
# Runs every cargo-fuzz target of fuzz/Cargo.toml for SECONDS each (default 1200: 20 minutes),
# JOBS at a time (default 2), each seeded with the test files of tests/data, and prints one line
# per target: runs, executions per second, coverage, corpus size and crashes found.
#
#   scripts/fuzz.sh [SECONDS] [JOBS]
#
# Needs cargo-fuzz (`cargo install cargo-fuzz`) and a nightly toolchain (`rustup toolchain
# install nightly`). Crashes are saved under fuzz/artifacts/TARGET/; logs under
# fuzz/target/logs/.
set -euo pipefail
seconds="${1:-1200}"
jobs="${2:-2}"
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root/fuzz"
targets=$(sed -n 's/^name = "\(.*\)"$/\1/p' Cargo.toml | grep -v '^zhaoqing-explorer-fuzz$')
mkdir -p target/logs
cargo +nightly fuzz build --release >target/logs/build.log 2>&1 || {
    cat target/logs/build.log
    exit 1
}
run() {
    local target="$1"
    mkdir -p "corpus/$target"
    cp -n "$root"/tests/data/good/* "$root"/tests/data/bad/* "corpus/$target/" 2>/dev/null || true
    cargo +nightly fuzz run --release "$target" "corpus/$target" -- \
        -max_total_time="$seconds" -rss_limit_mb=2048 -timeout=10 -print_final_stats=1 \
        >"target/logs/$target.log" 2>&1 || true
}
export -f run
export root seconds
printf '%s\n' $targets | xargs -P "$jobs" -I{} bash -c 'run {}'
status=0
for target in $targets; do
    log="target/logs/$target.log"
    runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
    speed=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -1)
    cov=$(grep -o 'cov: [0-9]*' "$log" | tail -1 | cut -d' ' -f2)
    corpus=$(ls "corpus/$target" | wc -l)
    crashes=$(ls "artifacts/$target" 2>/dev/null | wc -l)
    echo "$target: ${seconds} s, ${runs:-?} runs, ${speed:-?}/s, coverage ${cov:-?} edges, corpus $corpus, crashes $crashes"
    if [ "$crashes" != 0 ]; then status=1; fi
done
exit $status
