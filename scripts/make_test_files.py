#!/usr/bin/env python3
"""Write the loader test files of tests/data/bad/ and tests/data/good/ from the project's data.

Deterministic: the same bytes on every run (fixed zip/gzip timestamps, fixed key order).
Python 3 standard library only (plus scripts/gcj02.py).  Run from anywhere:

    python3 scripts/make_test_files.py

Sources: assets/boundaries/zhaoqing.geojson (8 counties), assets/data/projects.geojson,
assets/data/figures.json and tests/data/good/figures_minimal.csv (read, never written).
"Thinned" = every 10th vertex of each ring, ring kept closed with >= 4 positions, 6 decimals.

tests/data/bad/ (must be refused, naming what the file really is):
  shapefile_zipped.geojson      ZIP of a real shapefile (.shp/.shx/.dbf/.prj/.cpg) of 端州区, named .geojson
  workbook.csv                  an .xlsx workbook (OOXML zip) holding figures_minimal.csv's header + 2 rows
  workbook_old.csv              an old .xls: OLE2 compound file with Root Entry + Workbook (BIFF8 BOF/EOF)
  report.geojson                a one-page PDF 1.4 ("Zhaoqing figures" in Helvetica)
  map_picture.geojson           a 4x4 RGB PNG
  echarts_register.js           echarts.registerMap('肇庆市', <2-county FeatureCollection>); JavaScript
  var_assignment.geojson        var zhaoqing = <2-county FeatureCollection>; JavaScript
  download_page.geojson         an HTML login page a portal returns instead of the download
  zhaoqing.kml                  KML 2.2 with one Placemark polygon (端州区)
  zhaoqing.gpkg                 a real tiny SQLite database (GeoPackage ids) with a gpkg_contents table
  zhaoqing.geojson.gz           gzip (mtime 0) of a 2-county FeatureCollection
  figures_crlf.csv              CRLF figures CSV whose line 3 has the value "about 5"
  figures_percent.csv           line 2's value written "36.70%" (q1_2021_industrial_value_added_yoy)
  figures_fullwidth.csv         line 2's value in full-width digits (q1_2021_industrial_value_added)
  figures_semicolon.csv         figures_minimal.csv with ';' as separator (Excel in comma-decimal locales)
  figures_county_name.csv       line 2's scope written as the county's Chinese name, not its adcode
  figures_excel_date.csv        periods as Excel turned them into dates: "2021/5/1" and a serial day number
  geometry_collection.geojson   a county whose geometry is a GeometryCollection of one Polygon
  multipoint_projects.geojson   a project whose geometry is a MultiPoint of two distinct points
  duplicate_adcode.geojson      端州区 and 鼎湖区 both with adcode 441202
  sequence_broken.geojsons      RFC 8142 GeoJSON text sequence whose third record is cut off
  topojson_bad_arc.topojson     TopoJSON whose second geometry references arc 99 of a few arcs

tests/data/good/ (must load):
  figures_blank_rows.csv        CRLF figures CSV: header, 2 rows, 3 comma-only rows, a final empty line
  self_crossing_ring.geojson    端州区 as a bow-tie (self-crossing) exterior ring over its bbox
  zhaoqing.geojsons             the 8 counties as an RFC 8142 GeoJSON text sequence, full precision
  zhaoqing.ndjson               the 8 counties as newline-delimited GeoJSON, full precision
  zhaoqing.topojson             the 8 counties as a quantised TopoJSON Topology with shared arcs
  zhaoqing_echarts.json         the 8 counties in ECharts' compressed (UTF8Encoding) map format
  zhaoqing_gcj02.geojson        the 8 counties with every vertex shifted WGS-84 -> GCJ-02
  projects_qgis_fid.geojson     the first 3 projects with a leading "fid" property (as QGIS adds)
  code_guess_pac.geojson        3 counties with properties AREA (km²), PAC (integer adcode), NAME only
  projects_multipoint_single.geojson  the first 2 projects as single-point MultiPoints (as QGIS writes)
"""

from __future__ import annotations

import copy
import csv
import datetime
import gzip
import io
import json
import math
import shutil
import sqlite3
import struct
import sys
import tempfile
import zipfile
import zlib
from pathlib import Path

SCRIPTS = Path(__file__).resolve().parent
sys.path.insert(0, str(SCRIPTS))
import gcj02  # noqa: E402

ROOT = SCRIPTS.parent
BAD = ROOT / "tests" / "data" / "bad"
GOOD = ROOT / "tests" / "data" / "good"

ZIP_DATE = (2024, 1, 1, 0, 0, 0)
THIN_STEP = 10

# ---------------------------------------------------------------------------------------------
# Inputs


def load_inputs():
    boundaries = json.loads((ROOT / "assets/boundaries/zhaoqing.geojson").read_text("utf-8"))
    projects = json.loads((ROOT / "assets/data/projects.geojson").read_text("utf-8"))
    figures = json.loads((ROOT / "assets/data/figures.json").read_text("utf-8"))["figures"]
    minimal_text = (GOOD / "figures_minimal.csv").read_text("utf-8")
    minimal_rows = list(csv.reader(io.StringIO(minimal_text, newline="")))
    return boundaries, projects, figures, minimal_text, minimal_rows


# ---------------------------------------------------------------------------------------------
# Small helpers


def write(path: Path, data: bytes | str, note: str) -> None:
    if isinstance(data, str):
        data = data.encode("utf-8")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    print(f"{path.relative_to(ROOT)}: {len(data)} bytes, {note}")


def compact(obj) -> str:
    return json.dumps(obj, ensure_ascii=False, separators=(",", ":"))


def fc_text(features) -> str:
    """A FeatureCollection in the boundary asset's layout: one feature per line."""
    return (
        '{"type":"FeatureCollection","features":[\n'
        + ",\n".join(compact(f) for f in features)
        + "\n]}\n"
    )


def pretty(obj) -> str:
    """The layout of assets/data/projects.geojson (indent 2), with a final newline."""
    return json.dumps(obj, ensure_ascii=False, indent=2) + "\n"


def r6(p):
    return [round(p[0], 6), round(p[1], 6)]


def thin_ring(ring, step=THIN_STEP):
    """Every `step`th vertex, closed again, at least 4 positions (3 distinct + closing)."""
    body = ring[:-1] if ring[0] == ring[-1] else ring
    while True:
        kept = body[::step]
        if len(kept) >= 3 or step == 1:
            break
        step = max(1, step // 2)
    kept = [r6(p) for p in kept]
    return kept + [list(kept[0])]


def thin_multipolygon(coords):
    return [[thin_ring(r) for r in poly] for poly in coords]


def thinned_feature(feature):
    f = copy.deepcopy(feature)
    f["geometry"]["coordinates"] = thin_multipolygon(feature["geometry"]["coordinates"])
    return f


def all_positions(coords):
    for poly in coords:
        for ring in poly:
            yield from ring


def bbox(coords):
    xs = [p[0] for p in all_positions(coords)]
    ys = [p[1] for p in all_positions(coords)]
    return min(xs), min(ys), max(xs), max(ys)


def ring_area_m2(ring):
    """Area of a ring on the sphere (R = 6378137 m), the formula of geojson-area / Turf."""
    r = 6378137.0
    n = len(ring)
    if n < 3:
        return 0.0
    total = 0.0
    for i in range(n):
        p1, p2, p3 = ring[i], ring[(i + 1) % n], ring[(i + 2) % n]
        total += (math.radians(p3[0]) - math.radians(p1[0])) * math.sin(math.radians(p2[1]))
    return abs(total * r * r / 2.0)


def multipolygon_area_km2(coords):
    m2 = 0.0
    for poly in coords:
        m2 += ring_area_m2(poly[0]) - sum(ring_area_m2(h) for h in poly[1:])
    return m2 / 1e6


def point_in_multipolygon(pt, coords):
    x, y = pt
    inside = False
    for poly in coords:
        for ring in poly:
            for i in range(len(ring) - 1):
                (x1, y1), (x2, y2) = ring[i], ring[i + 1]
                if (y1 > y) != (y2 > y) and x < x1 + (y - y1) * (x2 - x1) / (y2 - y1):
                    inside = not inside
    return inside


def zip_bytes(members) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        for name, data in members:
            info = zipfile.ZipInfo(name, date_time=ZIP_DATE)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.create_system = 3
            info.external_attr = 0o644 << 16
            z.writestr(info, data)
    return buf.getvalue()


def csv_text(rows, delimiter=",", line_end="\n") -> str:
    buf = io.StringIO()
    csv.writer(buf, delimiter=delimiter, lineterminator=line_end).writerows(rows)
    return buf.getvalue()


def figure_by_id(figures, fid):
    for f in figures:
        if f["id"] == fid:
            return f
    raise KeyError(fid)


def fmt_value(v) -> str:
    return str(v)


def figure_row(fig, columns, **override):
    """A figure as CSV cells for `columns` (names as in figures.csv)."""
    cells = []
    for c in columns:
        if c in override:
            cells.append(override[c])
            continue
        if c == "article":
            v = fig["source"]["article"]
        elif c == "quote":
            v = fig["source"]["quote"]
        else:
            v = fig.get(c)
        if v is None:
            v = ""
        elif isinstance(v, bool):
            v = "true" if v else "false"
        elif isinstance(v, list):
            v = ";".join(v)
        elif isinstance(v, (int, float)):
            v = fmt_value(v)
        cells.append(v)
    return cells


# ---------------------------------------------------------------------------------------------
# 1. Shapefile in a zip


def shapefile_files(feature):
    """(.shp, .shx, .dbf) bytes for one Polygon record (shape type 5) of the feature."""
    rings = []
    for poly in feature["geometry"]["coordinates"]:
        for k, ring in enumerate(poly):
            ring = [tuple(p) for p in ring]
            signed = sum(
                ring[i][0] * ring[i + 1][1] - ring[i + 1][0] * ring[i][1]
                for i in range(len(ring) - 1)
            )
            # Shapefile: outer rings clockwise, holes counter-clockwise (GeoJSON: the opposite).
            want_cw = k == 0
            if (signed < 0) != want_cw:
                ring = ring[::-1]
            rings.append(ring)
    points = [p for r in rings for p in r]
    parts, at = [], 0
    for r in rings:
        parts.append(at)
        at += len(r)
    xmin = min(p[0] for p in points)
    ymin = min(p[1] for p in points)
    xmax = max(p[0] for p in points)
    ymax = max(p[1] for p in points)
    content = struct.pack("<i4dii", 5, xmin, ymin, xmax, ymax, len(parts), len(points))
    content += struct.pack(f"<{len(parts)}i", *parts)
    for x, y in points:
        content += struct.pack("<2d", x, y)
    assert len(content) % 2 == 0
    record = struct.pack(">ii", 1, len(content) // 2) + content

    def header(file_bytes_len):
        return (
            struct.pack(">7i", 9994, 0, 0, 0, 0, 0, file_bytes_len // 2)
            + struct.pack("<ii", 1000, 5)
            + struct.pack("<8d", xmin, ymin, xmax, ymax, 0.0, 0.0, 0.0, 0.0)
        )

    shp = header(100 + len(record)) + record
    shx = header(100 + 8) + struct.pack(">ii", 50, len(content) // 2)
    assert len(shp) == 100 + len(record) and len(shp[:100]) == 100

    # dBase III table: ADCODE C(6), NAME C(20) in UTF-8 (declared by the .cpg).
    fields = [("ADCODE", 6), ("NAME", 20)]
    record_len = 1 + sum(n for _, n in fields)
    header_len = 32 + 32 * len(fields) + 1
    dbf = struct.pack("<B3BIHH20x", 0x03, 124, 1, 1, 1, header_len, record_len)
    for name, length in fields:
        dbf += struct.pack("<11sc4xBB14x", name.encode("ascii"), b"C", length, 0)
    dbf += b"\x0d"
    props = feature["properties"]
    row = b" "
    for (name, length), value in zip(fields, (props["adcode"], props["name_zh"])):
        raw = value.encode("utf-8")
        assert len(raw) <= length
        row += raw.ljust(length, b" ")
    assert len(row) == record_len
    dbf += row + b"\x1a"
    assert len(dbf) == header_len + record_len + 1
    return shp, shx, dbf


WGS84_PRJ = (
    'GEOGCS["GCS_WGS_1984",DATUM["D_WGS_1984",SPHEROID["WGS_1984",6378137.0,298.257223563]],'
    'PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]]'
)


def make_shapefile_zip(duanzhou):
    shp, shx, dbf = shapefile_files(duanzhou)
    return zip_bytes(
        [
            ("zhaoqing.shp", shp),
            ("zhaoqing.shx", shx),
            ("zhaoqing.dbf", dbf),
            ("zhaoqing.prj", WGS84_PRJ.encode("ascii")),
            ("zhaoqing.cpg", b"UTF-8"),
        ]
    )


# ---------------------------------------------------------------------------------------------
# 2. xlsx


def xml_escape(s: str) -> str:
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")


def col_letter(i: int) -> str:
    s = ""
    i += 1
    while i:
        i, r = divmod(i - 1, 26)
        s = chr(65 + r) + s
    return s


def make_xlsx(rows):
    decl = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    main_ns = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    rel_ns = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    content_types = (
        decl
        + '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
        '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
        '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>'
        "</Types>"
    )
    root_rels = (
        decl
        + '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        f'<Relationship Id="rId1" Type="{rel_ns}/officeDocument" Target="xl/workbook.xml"/>'
        "</Relationships>"
    )
    workbook = (
        decl
        + f'<workbook xmlns="{main_ns}" xmlns:r="{rel_ns}">'
        '<sheets><sheet name="figures" sheetId="1" r:id="rId1"/></sheets>'
        "</workbook>"
    )
    workbook_rels = (
        decl
        + '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        f'<Relationship Id="rId1" Type="{rel_ns}/worksheet" Target="worksheets/sheet1.xml"/>'
        f'<Relationship Id="rId2" Type="{rel_ns}/sharedStrings" Target="sharedStrings.xml"/>'
        "</Relationships>"
    )
    strings, index = [], {}
    count = 0
    sheet_rows = []
    for r, row in enumerate(rows, start=1):
        cells = []
        for c, value in enumerate(row):
            ref = f"{col_letter(c)}{r}"
            if r > 1 and _is_number(value):
                cells.append(f'<c r="{ref}"><v>{value}</v></c>')
                continue
            if value not in index:
                index[value] = len(strings)
                strings.append(value)
            count += 1
            cells.append(f'<c r="{ref}" t="s"><v>{index[value]}</v></c>')
        sheet_rows.append(f'<row r="{r}">' + "".join(cells) + "</row>")
    last = f"{col_letter(max(len(r) for r in rows) - 1)}{len(rows)}"
    sheet = (
        decl
        + f'<worksheet xmlns="{main_ns}" xmlns:r="{rel_ns}">'
        f'<dimension ref="A1:{last}"/>'
        "<sheetData>" + "".join(sheet_rows) + "</sheetData></worksheet>"
    )

    def si(s):
        space = ' xml:space="preserve"' if s != s.strip() else ""
        return f"<si><t{space}>{xml_escape(s)}</t></si>"

    shared = (
        decl
        + f'<sst xmlns="{main_ns}" count="{count}" uniqueCount="{len(strings)}">'
        + "".join(si(s) for s in strings)
        + "</sst>"
    )
    return zip_bytes(
        [
            ("[Content_Types].xml", content_types.encode()),
            ("_rels/.rels", root_rels.encode()),
            ("xl/workbook.xml", workbook.encode()),
            ("xl/_rels/workbook.xml.rels", workbook_rels.encode()),
            ("xl/worksheets/sheet1.xml", sheet.encode()),
            ("xl/sharedStrings.xml", shared.encode()),
        ]
    )


def _is_number(s: str) -> bool:
    try:
        float(s)
        return True
    except ValueError:
        return False


# ---------------------------------------------------------------------------------------------
# 3. OLE2 compound file (.xls)

FREESECT = 0xFFFFFFFF
ENDOFCHAIN = 0xFFFFFFFE
FATSECT = 0xFFFFFFFD
NOSTREAM = 0xFFFFFFFF
# CLSID of Excel.Sheet.8 {00020820-0000-0000-C000-000000000046}, in its on-disk byte order.
EXCEL_CLSID = struct.pack("<IHH8s", 0x00020820, 0, 0, bytes.fromhex("c000000000000046"))


def dir_entry(name, obj_type, color, left, right, child, clsid, start, size):
    if name:
        raw = name.encode("utf-16-le") + b"\x00\x00"
        assert len(raw) <= 64
    else:
        raw = b""
    return (
        raw.ljust(64, b"\x00")
        + struct.pack("<HBB", len(raw), obj_type, color)
        + struct.pack("<III", left, right, child)
        + clsid.ljust(16, b"\x00")
        + struct.pack("<I", 0)  # state bits
        + struct.pack("<QQ", 0, 0)  # creation, modification time
        + struct.pack("<IQ", start, size)
    )


def make_xls():
    """Sectors: 0 FAT, 1 directory, 2 mini FAT, 3 mini stream (holds the small Workbook)."""
    # Workbook stream: BIFF8 BOF (workbook globals) then EOF. Under 4096 bytes, so it lives in
    # the mini stream (64-byte mini sectors), as the format requires of small streams.
    bof = struct.pack("<HH", 0x0809, 16) + struct.pack("<HHHHII", 0x0600, 0x0005, 0x0DBB, 0x07CC, 0, 6)
    eof = struct.pack("<HH", 0x000A, 0)
    workbook = bof + eof
    mini_sectors = (len(workbook) + 63) // 64

    header = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
    header += b"\x00" * 16  # CLSID
    header += struct.pack("<HHHHH", 0x003E, 0x0003, 0xFFFE, 9, 6)
    header += b"\x00" * 6
    header += struct.pack("<I", 0)  # directory sectors (0 in version 3)
    header += struct.pack("<I", 1)  # FAT sectors
    header += struct.pack("<I", 1)  # first directory sector
    header += struct.pack("<I", 0)  # transaction signature
    header += struct.pack("<I", 0x1000)  # mini stream cutoff
    header += struct.pack("<I", 2)  # first mini FAT sector
    header += struct.pack("<I", 1)  # mini FAT sectors
    header += struct.pack("<I", ENDOFCHAIN)  # first DIFAT sector
    header += struct.pack("<I", 0)  # DIFAT sectors
    header += struct.pack("<109I", 0, *([FREESECT] * 108))
    assert len(header) == 512

    fat = struct.pack("<4I", FATSECT, ENDOFCHAIN, ENDOFCHAIN, ENDOFCHAIN)
    fat += struct.pack("<I", FREESECT) * (128 - 4)
    directory = dir_entry("Root Entry", 5, 1, NOSTREAM, NOSTREAM, 1, EXCEL_CLSID, 3, 64 * mini_sectors)
    directory += dir_entry("Workbook", 2, 1, NOSTREAM, NOSTREAM, NOSTREAM, b"", 0, len(workbook))
    directory += dir_entry("", 0, 0, NOSTREAM, NOSTREAM, NOSTREAM, b"", 0, 0) * 2
    minifat = [ENDOFCHAIN if i == mini_sectors - 1 else i + 1 for i in range(mini_sectors)]
    minifat = struct.pack(f"<{mini_sectors}I", *minifat) + struct.pack("<I", FREESECT) * (128 - mini_sectors)
    ministream = workbook.ljust(512, b"\x00")
    for s in (fat, directory, minifat, ministream):
        assert len(s) == 512
    return header + fat + directory + minifat + ministream, workbook


def check_xls(data, workbook):
    """Read the compound file back the way a reader does."""
    assert data[:8] == b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
    minor, major, order, sshift, mshift = struct.unpack_from("<HHHHH", data, 24)
    assert (minor, major, order, sshift, mshift) == (0x3E, 3, 0xFFFE, 9, 6)
    nfat, dir_start = struct.unpack_from("<II", data, 44)
    cutoff, minifat_start, nminifat = struct.unpack_from("<III", data, 56)
    difat0 = struct.unpack_from("<I", data, 76)[0]

    def sector(i):
        return data[512 + 512 * i: 1024 + 512 * i]

    fat = struct.unpack("<128I", sector(difat0))
    assert fat[difat0] == FATSECT
    entries = sector(dir_start)
    names = []
    for k in range(4):
        e = entries[128 * k: 128 * (k + 1)]
        nlen = struct.unpack_from("<H", e, 64)[0]
        names.append(e[: max(nlen - 2, 0)].decode("utf-16-le"))
    assert names[:2] == ["Root Entry", "Workbook"]
    root, wb = entries[:128], entries[128:256]
    root_start, root_size = struct.unpack_from("<IQ", root, 116)
    wb_start, wb_size = struct.unpack_from("<IQ", wb, 116)
    assert wb_size < cutoff
    minifat = struct.unpack("<128I", sector(minifat_start))
    ministream = sector(root_start)[:root_size]
    out, s = b"", wb_start
    while s != ENDOFCHAIN:
        out += ministream[64 * s: 64 * (s + 1)]
        s = minifat[s]
    assert out[:wb_size] == workbook


# ---------------------------------------------------------------------------------------------
# 4. PDF, 5. PNG


def make_pdf():
    content = b"BT /F1 24 Tf 72 770 Td (Zhaoqing figures) Tj ET"
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
        b"/Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream",
    ]
    out = b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n"
    offsets = []
    for i, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % i + body + b"\nendobj\n"
    xref_at = len(out)
    out += b"xref\n0 %d\n" % (len(objects) + 1)
    out += b"0000000000 65535 f \n"
    for off in offsets:
        out += b"%010d 00000 n \n" % off
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref_at)
    # Check the cross-reference table points at the objects.
    for i, off in enumerate(offsets, start=1):
        assert out[off:].startswith(b"%d 0 obj" % i)
    return out


def png_chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def make_png():
    land, river, city = (112, 168, 96), (70, 130, 200), (220, 80, 60)
    pixels = [
        [land, land, river, land],
        [land, city, river, land],
        [land, river, land, land],
        [river, land, land, land],
    ]
    raw = b"".join(b"\x00" + b"".join(bytes(px) for px in row) for row in pixels)
    ihdr = struct.pack(">IIBBBBB", 4, 4, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + png_chunk(b"IHDR", ihdr)
        + png_chunk(b"IDAT", zlib.compress(raw, 9))
        + png_chunk(b"IEND", b"")
    )


# ---------------------------------------------------------------------------------------------
# 8. HTML, 9. KML, 10. GeoPackage


DOWNLOAD_PAGE = """<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>登录 - 数据下载</title>
<link rel="stylesheet" href="/static/css/login.css">
</head>
<body>
<div class="login-box">
  <h1>数据开放平台</h1>
  <p class="tip">下载该数据集需要先登录。请使用注册的账号登录后重试。</p>
  <form method="post" action="/user/login?redirect=%2Fdataset%2Fzhaoqing-boundary%2Fdownload">
    <label for="username">用户名</label>
    <input id="username" name="username" type="text" autocomplete="username">
    <label for="password">密码</label>
    <input id="password" name="password" type="password" autocomplete="current-password">
    <button type="submit">登录</button>
  </form>
  <p><a href="/user/register">注册账号</a> | <a href="/user/forgot">忘记密码</a></p>
</div>
</body>
</html>
"""


def make_kml(feature):
    poly = thin_multipolygon(feature["geometry"]["coordinates"])[0]
    p = feature["properties"]

    def ring_text(ring):
        return " ".join(f"{x},{y}" for x, y in ring)

    inner = "".join(
        f"<innerBoundaryIs><LinearRing><coordinates>{ring_text(h)}</coordinates></LinearRing></innerBoundaryIs>\n"
        for h in poly[1:]
    )
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<kml xmlns="http://www.opengis.net/kml/2.2">\n'
        "<Document>\n"
        "<name>肇庆市</name>\n"
        "<Placemark>\n"
        f"<name>{p['name_zh']}</name>\n"
        f'<ExtendedData><Data name="adcode"><value>{p["adcode"]}</value></Data>'
        f'<Data name="name_en"><value>{p["name_en"]}</value></Data></ExtendedData>\n'
        "<Polygon>\n"
        f"<outerBoundaryIs><LinearRing><coordinates>{ring_text(poly[0])}</coordinates></LinearRing></outerBoundaryIs>\n"
        + inner
        + "</Polygon>\n"
        "</Placemark>\n"
        "</Document>\n"
        "</kml>\n"
    )


def make_gpkg(box):
    tmp = Path(tempfile.mkdtemp(prefix="make_test_files_"))
    try:
        path = tmp / "zhaoqing.gpkg"
        if path.exists():
            path.unlink()
        con = sqlite3.connect(path)
        con.execute("PRAGMA page_size = 1024")
        con.execute("PRAGMA application_id = 1196444487")  # 'GPKG'
        con.execute("PRAGMA user_version = 10300")  # GeoPackage 1.3.0
        con.execute(
            "CREATE TABLE gpkg_contents ("
            "table_name TEXT NOT NULL PRIMARY KEY, "
            "data_type TEXT NOT NULL, "
            "identifier TEXT UNIQUE, "
            "description TEXT DEFAULT '', "
            "last_change DATETIME NOT NULL, "
            "min_x DOUBLE, min_y DOUBLE, max_x DOUBLE, max_y DOUBLE, "
            "srs_id INTEGER)"
        )
        con.execute(
            "INSERT INTO gpkg_contents VALUES (?,?,?,?,?,?,?,?,?,?)",
            ("zhaoqing", "features", "zhaoqing", "肇庆市县级行政区划", "2024-01-01T00:00:00.000Z", *box, 4326),
        )
        con.commit()
        con.close()
        return path.read_bytes()
    finally:
        shutil.rmtree(tmp)


# ---------------------------------------------------------------------------------------------
# TopoJSON


def quantizer(features, q):
    x0, y0, x1, y1 = (
        min(bbox(f["geometry"]["coordinates"])[0] for f in features),
        min(bbox(f["geometry"]["coordinates"])[1] for f in features),
        max(bbox(f["geometry"]["coordinates"])[2] for f in features),
        max(bbox(f["geometry"]["coordinates"])[3] for f in features),
    )
    kx = (q - 1) / (x1 - x0)
    ky = (q - 1) / (y1 - y0)
    transform = {"scale": [1 / kx, 1 / ky], "translate": [x0, y0]}

    def quant(p):
        return (round((p[0] - x0) * kx), round((p[1] - y0) * ky))

    return (x0, y0, x1, y1), transform, quant


def open_quantised_ring(ring, quant):
    """Quantised ring without its closing point and without consecutive duplicates; also the
    index in that list of each original (open) vertex."""
    body = ring[:-1] if ring[0] == ring[-1] else ring
    out, where = [], []
    for p in body:
        qp = quant(p)
        if not out or out[-1] != qp:
            out.append(qp)
        where.append(len(out) - 1)
    if len(out) > 1 and out[-1] == out[0]:
        out.pop()
        where = [0 if w == len(out) else w for w in where]
    return out, where


def build_topology(features, q=1_000_000):
    """A Topology of the features: junctions, cut rings, deduplicated (shared) arcs."""
    box, transform, quant = quantizer(features, q)
    rings = []  # (feature, polygon, ring) -> open quantised ring
    layout = []
    for f in features:
        polys = []
        for poly in f["geometry"]["coordinates"]:
            rs = []
            for ring in poly:
                qr, _ = open_quantised_ring(ring, quant)
                assert len(qr) >= 3
                rs.append(len(rings))
                rings.append(qr)
            polys.append(rs)
        layout.append(polys)

    # Junctions: a point whose neighbours differ between the rings passing through it (they meet
    # or diverge there), or that a ring passes twice.
    first_neighbours = {}
    junctions = set()
    for ring in rings:
        n = len(ring)
        seen = set()
        for j, p in enumerate(ring):
            if p in seen:
                junctions.add(p)
                continue
            seen.add(p)
            prev, nxt = ring[j - 1], ring[(j + 1) % n]
            known = first_neighbours.get(p)
            if known is None:
                first_neighbours[p] = (prev, nxt)
            elif known != (prev, nxt) and known != (nxt, prev):
                junctions.add(p)

    arcs = []
    open_index = {}
    closed_index = {}

    def canonical(seq):
        k = seq.index(min(seq))
        return tuple(seq[k:] + seq[:k])

    def add_open(arc):
        t = tuple(arc)
        if t in open_index:
            return open_index[t]
        r = tuple(reversed(arc))
        if r in open_index:
            return ~open_index[r]
        open_index[t] = len(arcs)
        arcs.append(list(arc))
        return len(arcs) - 1

    def add_closed(ring):
        kf = canonical(ring)
        kr = canonical(ring[::-1])
        if kf in closed_index:
            return closed_index[kf]
        if kr in closed_index:
            return ~closed_index[kr]
        closed_index[kf] = len(arcs)
        arcs.append(ring + [ring[0]])
        return len(arcs) - 1

    ring_arcs = []
    for ring in rings:
        cuts = [j for j, p in enumerate(ring) if p in junctions]
        if not cuts:
            ring_arcs.append([add_closed(ring)])
            continue
        s = cuts[0]
        rot = ring[s:] + ring[:s]
        pos = [c - s for c in cuts] + [len(ring)]
        closed = rot + [rot[0]]
        ring_arcs.append([add_open(closed[pos[k]: pos[k + 1] + 1]) for k in range(len(pos) - 1)])

    geometries = []
    for f, polys in zip(features, layout):
        arcs_of = [[ring_arcs[r] for r in rs] for rs in polys]
        p = f["properties"]
        g = {"type": "Polygon", "arcs": arcs_of[0]} if len(arcs_of) == 1 else {"type": "MultiPolygon", "arcs": arcs_of}
        g["id"] = p["adcode"]
        g["properties"] = {"adcode": p["adcode"], "name_zh": p["name_zh"], "name_en": p["name_en"]}
        geometries.append(g)
    return {
        "box": box,
        "transform": transform,
        "quant": quant,
        "arcs": arcs,  # absolute quantised
        "geometries": geometries,
    }


def delta_encode(arc):
    out, px, py = [], 0, 0
    for x, y in arc:
        out.append([x - px, y - py])
        px, py = x, y
    return out


def topology_json(topo, arcs=None):
    arcs = topo["arcs"] if arcs is None else arcs
    return {
        "type": "Topology",
        "bbox": list(topo["box"]),
        "transform": topo["transform"],
        "objects": {"counties": {"type": "GeometryCollection", "geometries": topo["geometries"]}},
        "arcs": [delta_encode(a) for a in arcs],
    }


def decode_topology(tj):
    """A small TopoJSON decoder: {id: [[ring positions (closed), ...] per polygon]}."""
    sx, sy = tj["transform"]["scale"]
    tx, ty = tj["transform"]["translate"]
    abs_arcs = []
    for arc in tj["arcs"]:
        x = y = 0
        pts = []
        for dx, dy in arc:
            x += dx
            y += dy
            pts.append((x, y))
        abs_arcs.append(pts)

    def ring(indexes):
        out = []
        for i in indexes:
            pts = abs_arcs[i] if i >= 0 else abs_arcs[~i][::-1]
            out.extend(pts if not out else pts[1:])
        assert out[0] == out[-1], "topology ring not closed"
        return [(x * sx + tx, y * sy + ty) for x, y in out]

    result = {}
    for g in tj["objects"]["counties"]["geometries"]:
        polys = [g["arcs"]] if g["type"] == "Polygon" else g["arcs"]
        result[g["id"]] = [[ring(r) for r in poly] for poly in polys]
    return result


def check_topology(tj, features, quant):
    decoded = decode_topology(tj)
    checked = 0
    for f in features:
        polys = decoded[f["properties"]["adcode"]]
        orig = f["geometry"]["coordinates"]
        assert len(polys) == len(orig)
        for dpoly, opoly in zip(polys, orig):
            assert len(dpoly) == len(opoly)
            for dring, oring in zip(dpoly, opoly):
                qr, where = open_quantised_ring(oring, quant)
                d = dring[:-1]
                assert len(d) == len(qr), (len(d), len(qr))
                # The topology ring may start elsewhere (at a junction): find the rotation.
                sx, sy = tj["transform"]["scale"]
                tx, ty = tj["transform"]["translate"]
                first = (qr[0][0] * sx + tx, qr[0][1] * sy + ty)
                shifts = [k for k, p in enumerate(d) if abs(p[0] - first[0]) < 1e-9 and abs(p[1] - first[1]) < 1e-9]
                assert shifts, "ring start not found"
                ok = False
                for k in shifts:
                    rotated = d[k:] + d[:k]
                    if all(
                        abs(rotated[w][0] - o[0]) < 1e-5 and abs(rotated[w][1] - o[1]) < 1e-5
                        for w, o in zip(where, oring[:-1])
                    ):
                        ok = True
                        break
                assert ok, "a decoded vertex is more than 1e-5 degrees off"
                checked += len(oring)
    uses = {}
    for g in tj["objects"]["counties"]["geometries"]:
        polys = [g["arcs"]] if g["type"] == "Polygon" else g["arcs"]
        for poly in polys:
            for r in poly:
                for i in r:
                    uses[i if i >= 0 else ~i] = uses.get(i if i >= 0 else ~i, 0) + 1
    shared = sum(1 for n in uses.values() if n > 1)
    assert shared > 0, "no arc is shared"
    assert len(uses) == len(tj["arcs"]), "an arc is unused"
    return checked, shared


# ---------------------------------------------------------------------------------------------
# ECharts compressed map format

ECHARTS_SCALE = 100000


def echarts_encode_ring(ring):
    xs = [(round(p[0] * ECHARTS_SCALE), round(p[1] * ECHARTS_SCALE)) for p in ring]
    px, py = xs[0]
    offset = [px, py]
    chars = []
    for x, y in xs:
        for v, prev in ((x, px), (y, py)):
            d = v - prev
            z = ((d << 1) ^ (d >> 31)) & 0xFFFFFFFF
            code = z + 64
            assert code < 0xD800, "delta too large for one UTF-16 unit"
            chars.append(chr(code))
        px, py = x, y
    return "".join(chars), offset


def echarts_decode_ring(s, offset, scale):
    out = []
    px, py = offset
    for i in range(0, len(s), 2):
        x = ord(s[i]) - 64
        y = ord(s[i + 1]) - 64
        x = (x >> 1) ^ (-(x & 1))
        y = (y >> 1) ^ (-(y & 1))
        px += x
        py += y
        out.append((px / scale, py / scale))
    return out


def make_echarts(features):
    out = []
    for f in features:
        coords = f["geometry"]["coordinates"]
        enc = [[echarts_encode_ring(r) for r in poly] for poly in coords]
        if len(coords) == 1:
            geom = {"type": "Polygon", "coordinates": [s for s, _ in enc[0]], "encodeOffsets": [o for _, o in enc[0]]}
        else:
            geom = {
                "type": "MultiPolygon",
                "coordinates": [[s for s, _ in poly] for poly in enc],
                "encodeOffsets": [[o for _, o in poly] for poly in enc],
            }
        p = f["properties"]
        out.append({"type": "Feature", "properties": {"adcode": p["adcode"], "name": p["name_zh"]}, "geometry": geom})
    return {"UTF8Encoding": True, "UTF8Scale": ECHARTS_SCALE, "type": "FeatureCollection", "features": out}


def check_echarts(doc, features):
    scale = doc["UTF8Scale"]
    n = 0
    for ef, f in zip(doc["features"], features):
        g = ef["geometry"]
        if g["type"] == "Polygon":
            polys, offs = [g["coordinates"]], [g["encodeOffsets"]]
        else:
            polys, offs = g["coordinates"], g["encodeOffsets"]
        orig = f["geometry"]["coordinates"]
        assert len(polys) == len(orig)
        for rings, ro, opoly in zip(polys, offs, orig):
            for s, o, oring in zip(rings, ro, opoly):
                assert all(ord(c) < 0xD800 for c in s)
                dec = echarts_decode_ring(s, o, scale)
                assert len(dec) == len(oring)
                for a, b in zip(dec, oring):
                    assert abs(a[0] - b[0]) < 1e-5 and abs(a[1] - b[1]) < 1e-5
                n += len(oring)
    return n


# ---------------------------------------------------------------------------------------------


def main():
    boundaries, projects, figures, minimal_text, minimal_rows = load_inputs()
    counties = boundaries["features"]
    by_code = {f["properties"]["adcode"]: f for f in counties}
    duanzhou, dinghu, gaoyao, sihui = by_code["441202"], by_code["441203"], by_code["441204"], by_code["441284"]
    two = [thinned_feature(duanzhou), thinned_feature(dinghu)]
    two_fc = fc_text(two)
    header = minimal_rows[0]
    assert "value" in header and "id" in header

    # ---- bad ----
    write(BAD / "shapefile_zipped.geojson", make_shapefile_zip(duanzhou), "ZIP of a shapefile (端州区)")
    write(BAD / "workbook.csv", make_xlsx(minimal_rows[:3]), "xlsx workbook")
    xls, workbook_stream = make_xls()
    check_xls(xls, workbook_stream)
    write(BAD / "workbook_old.csv", xls, "OLE2 compound file (.xls)")
    write(BAD / "report.geojson", make_pdf(), "PDF 1.4")
    write(BAD / "map_picture.geojson", make_png(), "PNG 4x4")
    write(BAD / "echarts_register.js", "echarts.registerMap('肇庆市', " + compact({"type": "FeatureCollection", "features": two}) + ");\n", "JavaScript registerMap")
    write(BAD / "var_assignment.geojson", "var zhaoqing = " + compact({"type": "FeatureCollection", "features": two}) + ";\n", "JavaScript var assignment")
    write(BAD / "download_page.geojson", DOWNLOAD_PAGE, "HTML login page")
    write(BAD / "zhaoqing.kml", make_kml(duanzhou), "KML 2.2")
    write(BAD / "zhaoqing.gpkg", make_gpkg(bbox([p for f in counties for p in f["geometry"]["coordinates"]])), "SQLite (GeoPackage) database")
    write(BAD / "zhaoqing.geojson.gz", gzip.compress(two_fc.encode("utf-8"), compresslevel=9, mtime=0), "gzip of a FeatureCollection")

    # Figures CSVs.
    f_count = figure_by_id(figures, "four_100yi_projects_2021_count")
    f_level = figure_by_id(figures, "four_100yi_projects_2021_level")
    f_party = figure_by_id(figures, "party_members_2021")
    write(
        BAD / "figures_crlf.csv",
        csv_text([header, figure_row(f_count, header), figure_row(f_party, header, value="about 5"), figure_row(f_level, header)], line_end="\r\n"),
        "CRLF CSV, line 3 value 'about 5' (party_members_2021)",
    )
    f_yoy = figure_by_id(figures, "q1_2021_industrial_value_added_yoy")
    assert f_yoy["value"] == 36.7 and f_yoy["unit"] == "%"
    write(BAD / "figures_percent.csv", csv_text([header, figure_row(f_yoy, header, value="36.70%")]), "value '36.70%'")
    f_iva = figure_by_id(figures, "q1_2021_industrial_value_added")
    full = fmt_value(f_iva["value"]).translate({ord(c): 0xFF10 + i for i, c in enumerate("0123456789")} | {ord("."): 0xFF0E})
    write(BAD / "figures_fullwidth.csv", csv_text([header, figure_row(f_iva, header, value=full)]), f"value {fmt_value(f_iva['value'])} written {full!r}")
    write(BAD / "figures_semicolon.csv", csv_text(minimal_rows, delimiter=";"), "';'-separated figures_minimal.csv")
    f_county = figure_by_id(figures, "sihui_top100_county_rank")
    county_name = by_code[f_county["scope"]]["properties"]["name_zh"]
    write(
        BAD / "figures_county_name.csv",
        csv_text([header, figure_row(f_county, header, scope=county_name)]),
        f"figure {f_county['id']}: scope {f_county['scope']} written {county_name!r}",
    )
    date_header = header + ["period"]
    f_xpeng = figure_by_id(figures, "xpeng_may_2021_deliveries_yoy")
    assert f_xpeng["period"] == "2021-05"
    f_march = figure_by_id(figures, "investment_drive_actions_2021")
    assert f_march["period"] == "2021-03"
    y, m = map(int, f_march["period"].split("-"))
    serial = (datetime.date(y, m, 1) - datetime.date(1899, 12, 30)).days
    assert (datetime.date(2021, 6, 1) - datetime.date(1899, 12, 30)).days == 44348
    write(
        BAD / "figures_excel_date.csv",
        csv_text([date_header, figure_row(f_xpeng, date_header, period="2021/5/1"), figure_row(f_march, date_header, period=str(serial))]),
        f"{f_xpeng['id']} period '2021/5/1'; {f_march['id']} period {f_march['period']} written {serial}",
    )

    # GeoJSON oddities.
    gc = copy.deepcopy(duanzhou)
    gc["geometry"] = {"type": "GeometryCollection", "geometries": [{"type": "Polygon", "coordinates": thin_multipolygon(duanzhou["geometry"]["coordinates"])[0]}]}
    write(BAD / "geometry_collection.geojson", fc_text([gc]), "GeometryCollection geometry")

    p0 = copy.deepcopy(projects["features"][0])
    lon, lat = p0["geometry"]["coordinates"]
    second = [round(lon + 0.01, 6), lat]
    home = by_code[p0["properties"]["county"]]["geometry"]["coordinates"]
    assert point_in_multipolygon((lon, lat), home) and point_in_multipolygon(second, home)
    p0["geometry"] = {"type": "MultiPoint", "coordinates": [[lon, lat], second]}
    write(BAD / "multipoint_projects.geojson", pretty({"type": "FeatureCollection", "features": [p0]}), "MultiPoint of two points")

    dup = [thinned_feature(duanzhou), thinned_feature(dinghu)]
    dup[1]["properties"]["adcode"] = "441202"
    write(BAD / "duplicate_adcode.geojson", fc_text(dup), "two features with adcode 441202")

    seq_lines = [compact(thinned_feature(f)) for f in (duanzhou, dinghu, gaoyao)]
    third = seq_lines[2]
    start = third.index('"coordinates":')
    cut = start + (len(third) - start) // 2
    cut = third.index(",", cut) + 4  # inside a number, mid-coordinates
    broken = "".join("\x1e" + line + "\n" for line in seq_lines[:2]) + "\x1e" + third[:cut] + "\n"
    write(BAD / "sequence_broken.geojsons", broken, "RFC 8142 sequence, third record cut off")

    small_topo = build_topology([duanzhou, dinghu])
    thin_arcs = []
    for arc in small_topo["arcs"]:
        closed = arc[0] == arc[-1]
        kept = arc[::THIN_STEP]
        if kept[-1] != arc[-1]:
            kept.append(arc[-1])
        if closed and len(kept) < 4:
            kept = arc
        thin_arcs.append(kept)
    bad_tj = topology_json(small_topo, thin_arcs)
    assert len(bad_tj["arcs"]) < 10
    g2 = bad_tj["objects"]["counties"]["geometries"][1]
    assert g2["type"] == "Polygon"
    g2["arcs"][0][-1] = 99
    write(BAD / "topojson_bad_arc.topojson", compact(bad_tj) + "\n", f"TopoJSON with {len(bad_tj['arcs'])} arcs, geometry 2 uses arc 99")

    # ---- good ----
    blank = csv_text(minimal_rows[:3], line_end="\r\n") + ("," * (len(header) - 1) + "\r\n") * 3 + "\r\n"
    write(GOOD / "figures_blank_rows.csv", blank, "CRLF CSV with comma-only rows")

    x0, y0, x1, y1 = bbox(duanzhou["geometry"]["coordinates"])
    bow = copy.deepcopy(duanzhou)
    bow["geometry"] = {"type": "Polygon", "coordinates": [[[x0, y0], [x1, y1], [x1, y0], [x0, y1], [x0, y0]]]}
    write(GOOD / "self_crossing_ring.geojson", fc_text([bow]), "bow-tie ring")

    write(GOOD / "zhaoqing.geojsons", "".join("\x1e" + compact(f) + "\n" for f in counties), "RFC 8142 sequence, 8 counties")
    write(GOOD / "zhaoqing.ndjson", "".join(compact(f) + "\n" for f in counties), "NDJSON, 8 counties")

    topo = build_topology(counties)
    tj = topology_json(topo)
    text = compact(tj) + "\n"
    checked, shared = check_topology(json.loads(text), counties, topo["quant"])
    write(GOOD / "zhaoqing.topojson", text, f"TopoJSON, {len(tj['arcs'])} arcs ({shared} shared), {checked} vertices verified")

    ech = make_echarts(counties)
    text = json.dumps(ech, ensure_ascii=False, separators=(",", ":")) + "\n"
    n = check_echarts(json.loads(text), counties)
    write(GOOD / "zhaoqing_echarts.json", text, f"ECharts UTF8Encoding map, {n} vertices verified")

    gcj = copy.deepcopy(counties)
    for f in gcj:
        f["geometry"]["coordinates"] = [
            [[r6(gcj02.wgs_to_gcj(x, y)) for x, y in ring] for ring in poly] for poly in f["geometry"]["coordinates"]
        ]
    write(GOOD / "zhaoqing_gcj02.geojson", fc_text(gcj), "8 counties in GCJ-02")

    fid = []
    for i, f in enumerate(projects["features"][:3], start=1):
        f = copy.deepcopy(f)
        f["properties"] = {"fid": i, **f["properties"]}
        fid.append(f)
    write(GOOD / "projects_qgis_fid.geojson", pretty({"type": "FeatureCollection", "features": fid}), "3 projects with fid")

    pac = []
    for code in ("441202", "441203", "441284"):
        f = by_code[code]
        area = round(multipolygon_area_km2(f["geometry"]["coordinates"]), 2)
        t = thinned_feature(f)
        pac.append({"type": "Feature", "properties": {"AREA": area, "PAC": int(code), "NAME": f["properties"]["name_zh"]}, "geometry": t["geometry"]})
    write(GOOD / "code_guess_pac.geojson", fc_text(pac), "AREA/PAC/NAME properties: " + ", ".join(f"{p['properties']['NAME']} {p['properties']['AREA']} km²" for p in pac))

    single = []
    for f in projects["features"][:2]:
        f = copy.deepcopy(f)
        f["geometry"] = {"type": "MultiPoint", "coordinates": [f["geometry"]["coordinates"]]}
        single.append(f)
    write(GOOD / "projects_multipoint_single.geojson", pretty({"type": "FeatureCollection", "features": single}), "2 projects as one-point MultiPoints")


if __name__ == "__main__":
    main()
