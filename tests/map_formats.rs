//! The map formats Chinese data comes in, read back to the embedded counties: TopoJSON, an
//! ECharts-encoded map and GCJ-02 GeoJSON (all made from the embedded boundaries by
//! `scripts/make_test_files.py`) give the same regions, areas within 0.1 % and every vertex
//! within 1 m.

// A test stops where the program is not in the state it checks.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::path::{Path, PathBuf};

use geo::{Coord, CoordsIter as _};
use zq_core::Model;
use zq_core::geometry::{Boundaries, Region, gcj02};
use zq_core::load::{Options, UserData, load_user_file_with};

fn data(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data/good")
        .join(name)
}

fn load(name: &str, options: Options) -> Boundaries {
    let bytes = std::fs::read(data(name)).unwrap();
    match load_user_file_with(name, &bytes, options) {
        Ok(UserData::Boundaries { boundaries, .. }) => *boundaries,
        Ok(other) => panic!("{name}: {}", other.summary()),
        Err(problems) => panic!("{name}: {problems:?}"),
    }
}

/// Metres between two lon/lat points (equirectangular: exact enough at 1 m over a county).
fn metres(a: Coord<f64>, b: Coord<f64>) -> f64 {
    let k = 111_320.0;
    let dx = (a.x - b.x) * k * a.y.to_radians().cos();
    let dy = (a.y - b.y) * k;
    dx.hypot(dy)
}

/// The largest distance from a vertex of `a` to the nearest vertex of `b`.
fn farthest_vertex(a: &Region, b: &Region) -> f64 {
    let theirs: Vec<Coord<f64>> = b.geometry.coords_iter().collect();
    a.geometry
        .coords_iter()
        .map(|p| {
            theirs
                .iter()
                .map(|q| metres(p, *q))
                .fold(f64::INFINITY, f64::min)
        })
        .fold(0.0, f64::max)
}

fn assert_same_regions(name: &str, loaded: &Boundaries) {
    let embedded = Model::embedded().unwrap().boundaries;
    assert_eq!(loaded.regions.len(), embedded.regions.len(), "{name}");
    for region in &embedded.regions {
        let other = loaded
            .region_by_code(&region.code)
            .unwrap_or_else(|| panic!("{name}: no region {}", region.code));
        assert_eq!(other.name_zh, region.name_zh, "{name}");
        let area = (other.area_km2() / region.area_km2() - 1.0).abs();
        assert!(area < 0.001, "{name} {}: area off by {area}", region.code);
        let off = farthest_vertex(region, other).max(farthest_vertex(other, region));
        assert!(
            off < 1.0,
            "{name} {}: a vertex {off:.2} m away",
            region.code
        );
    }
}

#[test]
fn topojson_gives_the_embedded_counties() {
    assert_same_regions(
        "zhaoqing.topojson",
        &load("zhaoqing.topojson", Options::default()),
    );
}

#[test]
fn an_echarts_map_gives_the_embedded_counties() {
    assert_same_regions(
        "zhaoqing_echarts.json",
        &load("zhaoqing_echarts.json", Options::default()),
    );
}

#[test]
fn gcj02_geojson_read_as_gcj02_gives_the_embedded_counties() {
    let options = Options { gcj02: true };
    assert_same_regions(
        "zhaoqing_gcj02.geojson",
        &load("zhaoqing_gcj02.geojson", options),
    );
}

#[test]
fn gcj02_read_as_wgs84_is_recognised_and_wgs84_is_not() {
    let embedded = Model::embedded().unwrap().boundaries;
    let shifted = load("zhaoqing_gcj02.geojson", Options::default());
    let shift = gcj02::looks_like_gcj02(&shifted, &embedded).expect("recognised");
    assert_eq!(shift.regions, 8);
    assert!((500.0..700.0).contains(&shift.metres), "{shift:?}");
    // The same data in WGS-84, in another container, is not taken for GCJ-02.
    let topology = load("zhaoqing.topojson", Options::default());
    assert_eq!(gcj02::looks_like_gcj02(&topology, &embedded), None);
    // Nor is data converted twice (WGS-84 read as GCJ-02): it sits off the other way.
    let twice = load("zhaoqing.topojson", Options { gcj02: true });
    assert_eq!(gcj02::looks_like_gcj02(&twice, &embedded), None);
}

#[test]
fn sequences_give_the_embedded_counties_exactly() {
    let embedded = Model::embedded().unwrap().boundaries;
    for name in ["zhaoqing.geojsons", "zhaoqing.ndjson"] {
        let loaded = load(name, Options::default());
        for (a, b) in embedded.regions.iter().zip(&loaded.regions) {
            assert_eq!(a.code, b.code, "{name}");
            assert_eq!(a.geometry, b.geometry, "{name}");
        }
    }
}
