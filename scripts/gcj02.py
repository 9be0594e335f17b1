"""GCJ-02 <-> WGS-84 coordinate conversion (shared by the boundary build scripts).

Chinese web maps such as Amap (高德) publish coordinates in GCJ-02, the "Mars" datum: WGS-84
shifted by a deliberately obfuscated, smooth offset of a few hundred metres.  The forward
transform (WGS-84 -> GCJ-02) is the widely published formula built on the Krasovsky 1940
ellipsoid (a = 6378245.0 m, e² = 0.00669342162296594323).  It has no closed-form inverse, so
`gcj_to_wgs` inverts it iteratively: start at wgs = gcj and repeat
wgs -= forward(wgs) - gcj.  The offset changes by only ~1e-3 of a degree per degree, so every
step shrinks the error by about three orders of magnitude; 3–4 steps reach 1e-10° (~0.01 mm).

Pure standard library; all angles in decimal degrees, points as (lon, lat).
"""

from __future__ import annotations

import math

# Krasovsky 1940 ellipsoid, as used by the GCJ-02 formula.
KRASOVSKY_A = 6378245.0
KRASOVSKY_EE = 0.00669342162296594323

# Default stopping rule of the inverse: the last correction is smaller than this (degrees).
DEFAULT_TOLERANCE = 1e-10
MAX_ITERATIONS = 30


def _offset_lat(x: float, y: float) -> float:
    """Raw latitude offset term; x = lon - 105, y = lat - 35 (degrees)."""
    ret = -100.0 + 2.0 * x + 3.0 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * math.sqrt(abs(x))
    ret += (20.0 * math.sin(6.0 * x * math.pi) + 20.0 * math.sin(2.0 * x * math.pi)) * 2.0 / 3.0
    ret += (20.0 * math.sin(y * math.pi) + 40.0 * math.sin(y / 3.0 * math.pi)) * 2.0 / 3.0
    ret += (160.0 * math.sin(y / 12.0 * math.pi) + 320.0 * math.sin(y * math.pi / 30.0)) * 2.0 / 3.0
    return ret


def _offset_lon(x: float, y: float) -> float:
    """Raw longitude offset term; x = lon - 105, y = lat - 35 (degrees)."""
    ret = 300.0 + x + 2.0 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * math.sqrt(abs(x))
    ret += (20.0 * math.sin(6.0 * x * math.pi) + 20.0 * math.sin(2.0 * x * math.pi)) * 2.0 / 3.0
    ret += (20.0 * math.sin(x * math.pi) + 40.0 * math.sin(x / 3.0 * math.pi)) * 2.0 / 3.0
    ret += (150.0 * math.sin(x / 12.0 * math.pi) + 300.0 * math.sin(x / 30.0 * math.pi)) * 2.0 / 3.0
    return ret


def out_of_china(lon: float, lat: float) -> bool:
    """The rough box outside which GCJ-02 implementations usually apply no offset.

    Informational only: the build scripts convert every vertex of the (all-Chinese) Amap data.
    """
    return not (72.004 <= lon <= 137.8347 and 0.8293 <= lat <= 55.8271)


def wgs_to_gcj(lon: float, lat: float) -> tuple[float, float]:
    """Forward transform WGS-84 -> GCJ-02 (the published formula, no out-of-China cut-off)."""
    x, y = lon - 105.0, lat - 35.0
    dlat = _offset_lat(x, y)
    dlon = _offset_lon(x, y)
    radlat = lat / 180.0 * math.pi
    s = math.sin(radlat)
    magic = 1.0 - KRASOVSKY_EE * s * s
    sqrt_magic = math.sqrt(magic)
    # Metres-like offsets -> degrees on the Krasovsky ellipsoid (meridian / parallel radii).
    dlat = (dlat * 180.0) / ((KRASOVSKY_A * (1.0 - KRASOVSKY_EE)) / (magic * sqrt_magic) * math.pi)
    dlon = (dlon * 180.0) / (KRASOVSKY_A / sqrt_magic * math.cos(radlat) * math.pi)
    return lon + dlon, lat + dlat


def gcj_to_wgs(lon: float, lat: float, tolerance: float = DEFAULT_TOLERANCE) -> tuple[float, float]:
    """Inverse transform GCJ-02 -> WGS-84 by fixed-point iteration on the forward transform.

    Starts at wgs = gcj and repeats wgs -= forward(wgs) - gcj until the correction is below
    `tolerance` degrees in both axes.  Raises if it fails to converge (it never should).
    """
    wlon, wlat = lon, lat
    for _ in range(MAX_ITERATIONS):
        glon, glat = wgs_to_gcj(wlon, wlat)
        dlon, dlat = glon - lon, glat - lat
        wlon -= dlon
        wlat -= dlat
        if abs(dlon) < tolerance and abs(dlat) < tolerance:
            return wlon, wlat
    raise ArithmeticError(f"gcj_to_wgs did not converge at ({lon}, {lat})")


def convert_ring(ring, tolerance: float = DEFAULT_TOLERANCE, check: float | None = None):
    """Convert a list of [lon, lat] GCJ-02 positions to WGS-84 tuples (unrounded).

    With `check` set, also assert that forward(inverse(p)) reproduces p within `check`
    degrees for every vertex.
    """
    out = []
    for pos in ring:
        glon, glat = pos[0], pos[1]
        w = gcj_to_wgs(glon, glat, tolerance)
        if check is not None:
            blon, blat = wgs_to_gcj(*w)
            assert abs(blon - glon) <= check and abs(blat - glat) <= check, (
                f"round trip failed at {pos}: forward(inverse) = ({blon}, {blat})")
        out.append(w)
    return out


if __name__ == "__main__":
    # Tiny self-test: a point in Zhaoqing and its round trip.
    g = (112.465, 23.047)
    w = gcj_to_wgs(*g)
    b = wgs_to_gcj(*w)
    print(f"GCJ {g} -> WGS ({w[0]:.8f}, {w[1]:.8f}) -> GCJ ({b[0]:.10f}, {b[1]:.10f})")
    assert abs(b[0] - g[0]) < 1e-9 and abs(b[1] - g[1]) < 1e-9
