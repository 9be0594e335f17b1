#!/usr/bin/env python3
"""The README's whole-command table: wall time (median) and peak memory of each export command,
start to exit, alternating the commands run by run.

Usage: scripts/time_commands.py [RUNS]   (default 7; build first: cargo build --release)
The matplotlib row runs only when matplotlib is installed (pip install matplotlib) and
../shared/anchors/mpl_chart.py is beside the checkout.
"""

import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BINARY = ROOT / "target" / "release" / "zhaoqing-explorer"
ANCHOR = ROOT.parent / "shared" / "anchors" / "mpl_chart.py"


def run(argv):
    """Wall seconds and peak resident memory (MiB) of one process, start to exit."""
    start = time.perf_counter()
    pid = os.fork()
    if pid == 0:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, 1)
        os.dup2(devnull, 2)
        try:
            os.execvp(argv[0], argv)
        finally:
            os._exit(127)
    _, status, usage = os.wait4(pid, 0)
    seconds = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) != 0:
        sys.exit(f"failed: {' '.join(map(str, argv))}")
    return seconds, usage.ru_maxrss / 1024  # ru_maxrss is in KiB on Linux


def main():
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 7
    if not BINARY.exists():
        sys.exit(f"{BINARY} is missing: cargo build --release first")
    folder = Path(tempfile.mkdtemp())
    out = folder / "out.png"
    pdf, svg, docx = folder / "out.pdf", folder / "out.svg", folder / "out.docx"
    commands = {
        "export --chart pipeline_2020 --scale 2": [
            BINARY, "export", "--chart", "pipeline_2020", "--scale", "2", "--out", out,
        ],
        "export --map --scale 2": [BINARY, "export", "--map", "--scale", "2", "--out", out],
        "report --county 441284": [BINARY, "report", "--county", "441284", "--out", out],
        "export --chart pipeline_2020 (PDF)": [
            BINARY, "export", "--chart", "pipeline_2020", "--out", pdf,
        ],
        "export --map (PDF)": [BINARY, "export", "--map", "--out", pdf],
        "export --map (SVG)": [BINARY, "export", "--map", "--out", svg],
        "report --county 441284 (PDF)": [BINARY, "report", "--county", "441284", "--out", pdf],
        "report --county 441284 (DOCX)": [
            BINARY, "report", "--county", "441284", "--out", docx,
        ],
    }
    try:
        import matplotlib  # noqa: F401

        if ANCHOR.exists():
            commands["matplotlib (mpl_chart.py)"] = ["python3", ANCHOR, out]
    except ImportError:
        print("(matplotlib is not installed: its row is left out)")
    results = {name: [] for name in commands}
    for _ in range(runs):
        for name, argv in commands.items():
            results[name].append(run([str(a) for a in argv]))
    print(f"| command | wall time (median of {runs}) | peak memory |")
    print("|---|---:|---:|")
    for name, samples in results.items():
        wall = statistics.median(s for s, _ in samples)
        memory = statistics.median(m for _, m in samples)
        print(f"| `{name}` | {wall:.3f} s | {memory:.1f} MiB |")


if __name__ == "__main__":
    main()
