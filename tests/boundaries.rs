//! The shipped Zhaoqing boundaries: valid, in the right place, the right size, and hit-tested
//! correctly. The seat coordinates are copied from `shared/reference/places.md` (WGS-84).

// A test stops where the program is not in the state it checks.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use geo::{Coord, Validation as _};
use serde_json::Value;
use zq_core::embedded;
use zq_core::geometry::Boundaries;

fn boundaries() -> Boundaries {
    Boundaries::from_geojson(embedded::BOUNDARIES.path, embedded::BOUNDARIES.bytes)
        .expect("the shipped boundaries load")
}

/// (adcode, name, seat lon, seat lat) from places.md.
const SEATS: [(&str, &str, f64, f64); 8] = [
    ("441202", "端州区", 112.47939, 23.05461),
    ("441203", "鼎湖区", 112.55832, 23.15357),
    ("441204", "高要区", 112.45108, 23.03136),
    ("441223", "广宁县", 112.43478, 23.63414),
    ("441224", "怀集县", 112.17629, 23.91952),
    ("441225", "封开县", 111.49740, 23.43916),
    ("441226", "德庆县", 111.77737, 23.14263),
    ("441284", "四会市", 112.68764, 23.34055),
];

#[test]
fn eight_counties_with_codes_and_names() {
    let b = boundaries();
    let codes: Vec<&str> = b.regions.iter().map(|r| r.code.as_str()).collect();
    assert_eq!(codes, SEATS.map(|s| s.0));
    for (region, (_, name, _, _)) in b.regions.iter().zip(SEATS) {
        assert_eq!(region.name_zh, name);
        assert!(region.name_en.is_ascii() && !region.name_en.is_empty());
    }
}

#[test]
fn each_county_seat_hits_its_own_county() {
    let b = boundaries();
    for (code, name, lon, lat) in SEATS {
        let hit = b
            .region_at(Coord { x: lon, y: lat })
            .map(|i| b.regions[i].code.as_str());
        assert_eq!(hit, Some(code), "the seat of {name} at ({lon}, {lat})");
    }
}

#[test]
fn sea_and_guangxi_hit_nothing() {
    let b = boundaries();
    // South China Sea, south of the Pearl River estuary.
    assert_eq!(b.region_at(Coord { x: 113.6, y: 21.8 }), None);
    // Wuzhou (Guangxi), just west of Fengkai.
    assert_eq!(
        b.region_at(Coord {
            x: 111.28,
            y: 23.48
        }),
        None
    );
    // Hezhou (Guangxi), north-west of Huaiji.
    assert_eq!(
        b.region_at(Coord {
            x: 111.55,
            y: 24.40
        }),
        None
    );
}

#[test]
fn areas_sum_to_the_official_total() {
    let b = boundaries();
    let total = b.total_area_km2();
    assert!(
        (total - 14_891.0).abs() / 14_891.0 < 0.01,
        "total {total:.0} km²"
    );
    let duanzhou = b
        .region_by_code("441202")
        .map(|r| r.area_km2())
        .unwrap_or_default();
    assert!(
        (140.0..170.0).contains(&duanzhou),
        "端州区 {duanzhou:.0} km²"
    );
}

#[test]
fn western_tip_is_converted_to_wgs84() {
    let b = boundaries();
    let west = b.bbox.min().x;
    // 111.36196 in GCJ-02 is about 111.3567 in WGS-84 (shared/reference/FACTS.md).
    assert!((west - 111.3567).abs() < 0.001, "western tip at {west}");
}

#[test]
fn every_feature_is_valid_geojson_and_valid_geometry() {
    let text = std::str::from_utf8(embedded::BOUNDARIES.bytes).expect("UTF-8");
    let json: Value = serde_json::from_str(text).expect("JSON");
    let features = json["features"].as_array().expect("features");
    for feature in features {
        let adcode = feature["properties"]["adcode"]
            .as_str()
            .expect("adcode is a string");
        assert_eq!(feature["geometry"]["type"], "MultiPolygon", "{adcode}");
        for polygon in feature["geometry"]["coordinates"]
            .as_array()
            .expect("polygons")
        {
            for ring in polygon.as_array().expect("rings") {
                let ring = ring.as_array().expect("positions");
                assert!(
                    ring.len() >= 4,
                    "{adcode}: a ring of {} positions",
                    ring.len()
                );
                assert_eq!(ring.first(), ring.last(), "{adcode}: ring not closed");
                for p in ring {
                    let (lon, lat) = (p[0].as_f64().expect("lon"), p[1].as_f64().expect("lat"));
                    assert!(
                        (111.0..113.5).contains(&lon) && (22.0..25.0).contains(&lat),
                        "{adcode}: {lon},{lat}"
                    );
                }
            }
        }
    }
    for region in boundaries().regions {
        assert!(
            region.geometry.is_valid(),
            "{} is not a valid geometry",
            region.name_zh
        );
    }
}
