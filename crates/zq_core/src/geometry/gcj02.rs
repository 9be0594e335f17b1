//! GCJ-02, the datum of most Chinese web map data (Amap, DataV.GeoAtlas, ECharts maps): WGS-84
//! moved by a smooth, deliberately obscured offset of a few hundred metres. Data in it draws
//! beside the embedded WGS-84 counties rather than on them, so a file can be converted on
//! opening, and a file whose counties sit on the embedded ones moved by just that offset is
//! recognised. The same formula and inverse as `scripts/gcj02.py`, which built the embedded data.

use geo::{Centroid as _, Coord};

use super::Boundaries;

/// The Krasovsky 1940 ellipsoid the published formula is built on.
const A: f64 = 6_378_245.0;
const EE: f64 = 0.006_693_421_622_965_943;

fn offset_lat(x: f64, y: f64) -> f64 {
    use std::f64::consts::PI;
    let mut r = -100.0 + 2.0 * x + 3.0 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * x.abs().sqrt();
    r += (20.0 * (6.0 * x * PI).sin() + 20.0 * (2.0 * x * PI).sin()) * 2.0 / 3.0;
    r += (20.0 * (y * PI).sin() + 40.0 * (y / 3.0 * PI).sin()) * 2.0 / 3.0;
    r += (160.0 * (y / 12.0 * PI).sin() + 320.0 * (y * PI / 30.0).sin()) * 2.0 / 3.0;
    r
}

fn offset_lon(x: f64, y: f64) -> f64 {
    use std::f64::consts::PI;
    let mut r = 300.0 + x + 2.0 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * x.abs().sqrt();
    r += (20.0 * (6.0 * x * PI).sin() + 20.0 * (2.0 * x * PI).sin()) * 2.0 / 3.0;
    r += (20.0 * (x * PI).sin() + 40.0 * (x / 3.0 * PI).sin()) * 2.0 / 3.0;
    r += (150.0 * (x / 12.0 * PI).sin() + 300.0 * (x / 30.0 * PI).sin()) * 2.0 / 3.0;
    r
}

/// The box outside which GCJ-02 applies no offset (as implementations of it do): the formula
/// is meant for China, and diverges towards the poles.
pub fn in_china(c: Coord<f64>) -> bool {
    (72.004..=137.8347).contains(&c.x) && (0.8293..=55.8271).contains(&c.y)
}

/// WGS-84 to GCJ-02 (lon/lat degrees), the published forward formula; unchanged outside China.
pub fn from_wgs84(c: Coord<f64>) -> Coord<f64> {
    use std::f64::consts::PI;
    if !in_china(c) {
        return c;
    }
    let (x, y) = (c.x - 105.0, c.y - 35.0);
    let radlat = c.y.to_radians();
    let magic = 1.0 - EE * radlat.sin().powi(2);
    let sqrt_magic = magic.sqrt();
    let dlat = offset_lat(x, y) * 180.0 / ((A * (1.0 - EE)) / (magic * sqrt_magic) * PI);
    let dlon = offset_lon(x, y) * 180.0 / (A / sqrt_magic * radlat.cos() * PI);
    Coord {
        x: c.x + dlon,
        y: c.y + dlat,
    }
}

/// GCJ-02 to WGS-84: the forward formula inverted by fixed-point iteration. The offset changes
/// by about 1e-3 of a degree per degree, so each step gains three digits; a few steps reach
/// 1e-10° (0.01 mm).
pub fn to_wgs84(gcj: Coord<f64>) -> Coord<f64> {
    if !in_china(gcj) {
        return gcj;
    }
    let mut wgs = gcj;
    for _ in 0..30 {
        let back = from_wgs84(wgs);
        let (dx, dy) = (back.x - gcj.x, back.y - gcj.y);
        wgs = Coord {
            x: wgs.x - dx,
            y: wgs.y - dy,
        };
        if dx.abs() < 1e-10 && dy.abs() < 1e-10 {
            break;
        }
    }
    wgs
}

/// How a file's regions sit against the same regions (by code) in a reference.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Shift {
    /// The regions found in both.
    pub regions: usize,
    /// The mean distance of their centroids from the reference's, in metres.
    pub metres: f64,
}

/// `Some` when `file`'s regions sit on `reference`'s moved by the GCJ-02 offset: their centroids
/// are off by more than half the offset, and within a third of it from where GCJ-02 would put
/// them. Different sources simplify a border differently, which moves a centroid by tens of
/// metres; the offset here is about 600 m.
pub fn looks_like_gcj02(file: &Boundaries, reference: &Boundaries) -> Option<Shift> {
    let metres = |a: Coord<f64>, b: Coord<f64>| {
        let k = 111_320.0;
        let dx = (a.x - b.x) * k * a.y.to_radians().cos();
        let dy = (a.y - b.y) * k;
        dx.hypot(dy)
    };
    let (mut n, mut off, mut expected, mut residual) = (0, 0.0, 0.0, 0.0);
    for region in &file.regions {
        let Some(known) = reference.region_by_code(&region.code) else {
            continue;
        };
        let (Some(here), Some(there)) = (region.geometry.centroid(), known.geometry.centroid())
        else {
            continue;
        };
        let gcj = from_wgs84(there.0);
        n += 1;
        off += metres(here.0, there.0);
        expected += metres(gcj, there.0);
        residual += metres(here.0, gcj);
    }
    if n == 0 {
        return None;
    }
    let n_f = n as f64;
    let (off, expected, residual) = (off / n_f, expected / n_f, residual / n_f);
    (off > expected / 2.0 && residual < expected / 3.0).then_some(Shift {
        regions: n,
        metres: off,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_inverse_undoes_the_formula_in_zhaoqing() {
        // The self-test of scripts/gcj02.py, at the same point.
        let gcj = Coord {
            x: 112.465,
            y: 23.047,
        };
        let wgs = to_wgs84(gcj);
        let back = from_wgs84(wgs);
        assert!((back.x - gcj.x).abs() < 1e-9 && (back.y - gcj.y).abs() < 1e-9);
        // A few hundred metres, mostly east-west.
        let shift_m = (gcj.x - wgs.x) * 111_320.0 * 23.0_f64.to_radians().cos();
        assert!((300.0..800.0).contains(&shift_m), "{shift_m}");
    }

    #[test]
    fn outside_china_nothing_moves_even_at_the_poles() {
        for c in [(-180.0, -90.0), (0.0, 90.0), (112.0, 89.999), (2.35, 48.85)] {
            let c = Coord { x: c.0, y: c.1 };
            assert_eq!(to_wgs84(c), c);
            assert_eq!(from_wgs84(c), c);
        }
    }
}
