//! ECharts' compressed maps (`"UTF8Encoding": true`), the form in which many Chinese province
//! and city maps are passed around: each ring a string of character pairs, the zigzag-encoded
//! differences of quantised coordinates (scale `UTF8Scale`, 1024 by default) from the ring's
//! `encodeOffsets`. Decoded as ECharts' own `decode` does, into the same raw features as GeoJSON.

use serde::Deserialize;
use serde_json::{Map, Value};

use super::geojson::{Feature, Nested, RawFeature, RawGeometry, features_from_raw};
use crate::load::error::LoadError;

#[derive(Deserialize)]
#[serde(expecting = "an ECharts map object")]
struct Encoded {
    #[serde(default, rename = "UTF8Scale")]
    scale: Option<f64>,
    features: Option<Vec<EncodedFeature>>,
}

#[derive(Deserialize)]
struct EncodedFeature {
    #[serde(default)]
    id: Option<Value>,
    #[serde(default)]
    properties: Option<Map<String, Value>>,
    #[serde(default)]
    geometry: Option<EncodedGeometry>,
}

#[derive(Deserialize)]
struct EncodedGeometry {
    #[serde(rename = "type")]
    kind: String,
    #[serde(default)]
    coordinates: Option<Value>,
    #[serde(default, rename = "encodeOffsets")]
    offsets: Option<Value>,
}

/// ECharts' default quantisation: 1/1024 of a degree (about 100 m).
const DEFAULT_SCALE: f64 = 1024.0;

/// Decodes an ECharts map in `text`.
pub fn parse_echarts_map(file: &str, text: &str) -> Result<Vec<Feature>, LoadError> {
    let map: Encoded =
        serde_json::from_str(text).map_err(|e| LoadError::from_json(file, text, &e))?;
    let scale = map.scale.unwrap_or(DEFAULT_SCALE);
    if !(scale.is_finite() && scale > 0.0) {
        return Err(LoadError::new(
            file,
            "UTF8Scale",
            format!("{scale} is not a positive scale"),
        ));
    }
    let Some(features) = map.features else {
        return Err(LoadError::new(
            file,
            "features",
            "\"features\" is missing or null",
        ));
    };
    let raws = features
        .into_iter()
        .enumerate()
        .map(|(i, f)| feature(file, i, f, scale))
        .collect::<Result<Vec<_>, _>>()?;
    features_from_raw(file, raws)
}

fn feature(
    file: &str,
    index: usize,
    f: EncodedFeature,
    scale: f64,
) -> Result<RawFeature, LoadError> {
    let mut properties = f.properties.unwrap_or_default();
    if let Some(id) = f.id
        && !properties.contains_key("id")
    {
        properties.insert("id".to_owned(), id);
    }
    let geometry = match f.geometry {
        None => None,
        Some(g) => {
            let at = format!("feature {index}: geometry.coordinates");
            let depth = match g.kind.as_str() {
                "Polygon" => Some(1),
                "MultiPolygon" => Some(2),
                _ => None,
            };
            let coordinates = match (depth, &g.coordinates) {
                (Some(depth), Some(c)) => {
                    Some(decode(file, &at, c, g.offsets.as_ref(), depth, scale)?)
                }
                // Another type or no coordinates: named by the GeoJSON checks.
                _ => None,
            };
            Some(RawGeometry {
                kind: g.kind,
                coordinates,
            })
        }
    };
    Ok(RawFeature {
        kind: Some("Feature".to_owned()),
        properties: Some(properties),
        geometry,
    })
}

/// Walks `depth` levels of lists down to the ring strings, with the offsets beside them. A ring
/// given as plain positions (ECharts allows rings appended by hand) is taken as it is.
fn decode(
    file: &str,
    at: &str,
    coordinates: &Value,
    offsets: Option<&Value>,
    depth: usize,
    scale: f64,
) -> Result<Nested, LoadError> {
    let Some(items) = coordinates.as_array() else {
        return Err(LoadError::new(file, at, "expected a list of encoded rings"));
    };
    items
        .iter()
        .enumerate()
        .map(|(i, item)| {
            let at = format!("{at}[{i}]");
            let offset = offsets.and_then(|o| o.get(i));
            if depth > 1 {
                return decode(file, &at, item, offset, depth - 1, scale);
            }
            match item {
                Value::String(encoded) => ring(file, &at, encoded, offset, scale),
                plain => plain_ring(file, &at, plain),
            }
        })
        .collect::<Result<Vec<_>, _>>()
        .map(Nested::List)
}

/// One encoded ring: character pairs (x, y), each a UTF-16 code unit minus 64, zigzag-decoded
/// and added to the previous position, starting from the offset. Closed if the encoder left it
/// open, as ECharts draws it closed.
fn ring(
    file: &str,
    at: &str,
    encoded: &str,
    offset: Option<&Value>,
    scale: f64,
) -> Result<Nested, LoadError> {
    let start = offset
        .and_then(Value::as_array)
        .and_then(|o| Some([o.first()?.as_f64()?, o.get(1)?.as_f64()?]));
    let Some([mut x, mut y]) = start else {
        return Err(LoadError::new(
            file,
            at,
            "the encoded ring has no encodeOffsets [x, y] beside it",
        ));
    };
    let units: Vec<u16> = encoded.encode_utf16().collect();
    if !units.len().is_multiple_of(2) {
        return Err(LoadError::new(
            file,
            at,
            format!(
                "the encoded ring has {} characters; it needs pairs (x, y)",
                units.len()
            ),
        ));
    }
    let zigzag = |unit: u16| {
        let v = i32::from(unit) - 64;
        f64::from((v >> 1) ^ -(v & 1))
    };
    let mut positions: Vec<Nested> = units
        .chunks_exact(2)
        .map(|pair| {
            x += zigzag(pair[0]);
            y += zigzag(pair[1]);
            Nested::lon_lat(x / scale, y / scale)
        })
        .collect();
    let ends = (
        positions.first().and_then(Nested::first_two),
        positions.last().and_then(Nested::first_two),
    );
    if let (Some(first), Some(last)) = ends
        && first != last
    {
        positions.push(Nested::lon_lat(first[0], first[1]));
    }
    Ok(Nested::List(positions))
}

fn plain_ring(file: &str, at: &str, value: &Value) -> Result<Nested, LoadError> {
    let bad = || {
        LoadError::new(
            file,
            at,
            "a ring must be an encoded string or a list of positions",
        )
    };
    let positions = value.as_array().ok_or_else(bad)?;
    positions
        .iter()
        .map(|p| {
            let xy: Vec<f64> = p
                .as_array()
                .ok_or_else(bad)?
                .iter()
                .filter_map(Value::as_f64)
                .collect();
            match xy.as_slice() {
                [x, y, ..] => Ok(Nested::lon_lat(*x, *y)),
                _ => Err(bad()),
            }
        })
        .collect::<Result<Vec<_>, _>>()
        .map(Nested::List)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Encodes as ECharts' tools do, to test the decoder against its inverse.
    fn encode(ring: &[(i32, i32)]) -> String {
        let mut prev = ring[0];
        let mut units = Vec::new();
        for &(x, y) in ring {
            for d in [x - prev.0, y - prev.1] {
                units.push(((d << 1) ^ (d >> 31)) as u16 + 64);
            }
            prev = (x, y);
        }
        String::from_utf16(&units).unwrap()
    }

    #[test]
    fn an_encoded_square_decodes_and_closes() {
        let q = |v: f64| (v * 1024.0) as i32;
        let square = [
            (q(112.0), q(23.0)),
            (q(113.0), q(23.0)),
            (q(113.0), q(24.0)),
            (q(112.0), q(24.0)),
        ];
        let text = serde_json::json!({
            "UTF8Encoding": true,
            "type": "FeatureCollection",
            "features": [{"type": "Feature", "id": "441202", "properties": {"name": "端州区"},
                "geometry": {"type": "Polygon", "coordinates": [encode(&square)],
                             "encodeOffsets": [[square[0].0, square[0].1]]}}]
        })
        .to_string();
        let features = parse_echarts_map("e.json", &text).unwrap();
        let Some(super::super::geojson::Geometry::Polygon(p)) = &features[0].geometry else {
            panic!("a polygon");
        };
        let ring: Vec<(f64, f64)> = p.exterior().0.iter().map(|c| (c.x, c.y)).collect();
        assert_eq!(
            ring,
            [
                (112.0, 23.0),
                (113.0, 23.0),
                (113.0, 24.0),
                (112.0, 24.0),
                (112.0, 23.0)
            ]
        );
        assert_eq!(features[0].properties["id"], "441202");
    }
}
