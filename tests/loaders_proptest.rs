//! Property tests of the loaders on generated input: whatever the bytes, they answer with data
//! or problems and never panic; generated valid polygons load with every vertex; a valid file
//! with one thing broken is refused, not accepted or crashed on.

// A test stops where the program is not in the state it checks.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use proptest::prelude::*;
use serde_json::{Value, json};
use zq_core::geometry::Boundaries;
use zq_core::load::{UserData, load_user_file};

/// Any JSON value, nested a few levels.
fn json_value() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        any::<f64>()
            .prop_filter("JSON numbers are finite", |f| f.is_finite())
            .prop_map(Value::from),
        ".{0,12}".prop_map(Value::String),
        prop::sample::select(vec!["FeatureCollection", "Feature", "Polygon", "Point"])
            .prop_map(Value::from),
    ];
    leaf.prop_recursive(6, 64, 8, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..8).prop_map(Value::Array),
            prop::collection::vec(
                (
                    prop::sample::select(vec![
                        "type",
                        "features",
                        "geometry",
                        "coordinates",
                        "properties",
                        "figures",
                        "adcode",
                        "name",
                        "id",
                        "value",
                    ]),
                    inner
                ),
                0..6
            )
            .prop_map(|pairs| Value::Object(
                pairs.into_iter().map(|(k, v)| (k.to_owned(), v)).collect()
            )),
        ]
    })
}

/// A simple (star-shaped, so never self-intersecting) closed ring around a centre anywhere on
/// Earth, as GeoJSON positions.
fn ring() -> impl Strategy<Value = Vec<[f64; 2]>> {
    (
        -179.0..179.0f64,
        -89.0..89.0f64,
        0.001..0.9f64,
        prop::collection::vec(0.2..1.0f64, 3..40),
    )
        .prop_map(|(lon, lat, radius, spokes)| {
            let n = spokes.len() as f64;
            let mut ring: Vec<[f64; 2]> = spokes
                .iter()
                .enumerate()
                .map(|(i, r)| {
                    let angle = i as f64 / n * std::f64::consts::TAU;
                    [
                        lon + radius * r * angle.cos(),
                        lat + radius * r * angle.sin(),
                    ]
                })
                .collect();
            ring.push(ring[0]);
            ring
        })
}

fn boundaries_file(rings: &[Vec<[f64; 2]>]) -> Value {
    let features: Vec<Value> = rings
        .iter()
        .enumerate()
        .map(|(i, ring)| {
            json!({"type": "Feature",
                   "properties": {"adcode": format!("{}", 441200 + i), "name": format!("区{i}")},
                   "geometry": {"type": "Polygon", "coordinates": [ring]}})
        })
        .collect();
    json!({"type": "FeatureCollection", "features": features})
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn random_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..2048)) {
        let _ = load_user_file("random.bin", &bytes);
        let _ = Boundaries::from_geojson("random.bin", &bytes);
    }

    #[test]
    fn random_text_after_a_start_never_panics(
        start in prop::sample::select(vec!["{", "[", "{\"type\":\"FeatureCollection\",\"features\":[",
                                           "{\"figures\":[", "id,value,unit\n", "\u{feff}"]),
        rest in ".{0,400}",
    ) {
        let _ = load_user_file("random.txt", format!("{start}{rest}").as_bytes());
    }

    #[test]
    fn random_json_never_panics(value in json_value()) {
        let text = value.to_string();
        let _ = load_user_file("random.json", text.as_bytes());
        // And the same value where a geometry's coordinates and a feature's properties go.
        let wrapped = json!({"type": "FeatureCollection", "features": [
            {"type": "Feature", "properties": value.clone(),
             "geometry": {"type": "Polygon", "coordinates": value.clone()}},
            {"type": "Feature", "properties": {"id": 1},
             "geometry": {"type": "MultiPolygon", "coordinates": value.clone()}},
        ]});
        let _ = load_user_file("wrapped.geojson", wrapped.to_string().as_bytes());
        let figures = json!({"figures": [value]});
        let _ = load_user_file("figures.json", figures.to_string().as_bytes());
    }

    #[test]
    fn valid_polygons_load_with_every_vertex(rings in prop::collection::vec(ring(), 1..5)) {
        let text = boundaries_file(&rings).to_string();
        let loaded = load_user_file("generated.geojson", text.as_bytes());
        let Ok(UserData::Boundaries { boundaries, choice, .. }) = loaded else {
            return Err(TestCaseError::fail(format!("{loaded:?}")));
        };
        prop_assert!(choice.is_none());
        prop_assert_eq!(boundaries.regions.len(), rings.len());
        for (region, ring) in boundaries.regions.iter().zip(&rings) {
            prop_assert_eq!(region.vertex_count(), ring.len());
            prop_assert!(region.area_km2() > 0.0);
            let (min, max) = (region.bbox.min(), region.bbox.max());
            let label = region.label_lonlat();
            prop_assert!(min.x <= label.x && label.x <= max.x && min.y <= label.y && label.y <= max.y);
        }
    }

    #[test]
    fn a_broken_polygon_is_refused(
        rings in prop::collection::vec(ring(), 1..4),
        which in any::<prop::sample::Index>(),
        breakage in 0..6usize,
        scale in prop::sample::select(vec![1e3, 1e6, 1e12, -1e9]),
    ) {
        let mut file = boundaries_file(&rings);
        let feature = which.index(rings.len());
        let ring = &mut file["features"][feature]["geometry"]["coordinates"][0];
        let positions = ring.as_array_mut().expect("a ring is an array");
        let last = positions.len() - 1;
        match breakage {
            0 => { positions.pop(); }                                 // not closed
            1 => { positions.drain(1..last - 1); }                    // too few positions
            2 => positions[1][0] = json!(positions[1][0].to_string()), // a string
            3 => positions[1][1] = json!(scale),                       // out of range
            4 => positions[1] = json!([]),                             // an empty position
            _ => positions.clear(),                                    // an empty ring
        }
        let text = file.to_string();
        let result = load_user_file("broken.geojson", text.as_bytes());
        prop_assert!(result.is_err(), "breakage {} accepted: {}", breakage, text);
    }

    #[test]
    fn random_csv_rows_never_panic(
        rows in prop::collection::vec(prop::collection::vec("[^\"]{0,12}|\"[^\"]{0,8}\"", 0..17), 0..8),
    ) {
        let mut text = String::from(
            "id,value,unit,printed,bound,kind,planned,scope,project,period,subject_zh,subject_en,article,quote,note\r\n",
        );
        for row in rows {
            text.push_str(&row.join(","));
            text.push_str("\r\n");
        }
        let _ = load_user_file("random.csv", text.as_bytes());
    }
}
