//! Reading GeoJSON (RFC 7946), and GeoJSON text sequences (RFC 8142, newline-delimited), into
//! `geo` types, with errors that name the feature and the place in it. Only what the program
//! draws is kept: points, polygons and multipolygons. TopoJSON and ECharts maps decode into the
//! same raw features, so every format gets the same checks.

use std::fmt;

use geo::{Coord, LineString, MultiPoint, MultiPolygon, Point, Polygon};
use serde::Deserialize;
use serde::de::{self, Deserializer, SeqAccess, Visitor};
use serde_json::{Map, Value};

use crate::load::error::{LoadError, decode_text};

/// One feature of a FeatureCollection, geometry checked and converted.
#[derive(Clone, Debug)]
pub struct Feature {
    /// Position in the file's `features` array, for messages.
    pub index: usize,
    pub properties: Map<String, Value>,
    /// `None` for `"geometry": null`, which RFC 7946 allows.
    pub geometry: Option<Geometry>,
}

#[derive(Clone, Debug, PartialEq)]
pub enum Geometry {
    Point(Point<f64>),
    /// QGIS writes a point layer as MultiPoints of one point each.
    MultiPoint(MultiPoint<f64>),
    Polygon(Polygon<f64>),
    MultiPolygon(MultiPolygon<f64>),
}

impl Geometry {
    pub fn type_name(&self) -> &'static str {
        match self {
            Self::Point(_) => "Point",
            Self::MultiPoint(_) => "MultiPoint",
            Self::Polygon(_) => "Polygon",
            Self::MultiPolygon(_) => "MultiPolygon",
        }
    }

    /// Every coordinate, to move them all (from GCJ-02 to WGS-84).
    pub fn map_coords_in_place(&mut self, f: impl Fn(Coord<f64>) -> Coord<f64> + Copy) {
        use geo::MapCoordsInPlace as _;
        match self {
            Self::Point(g) => g.map_coords_in_place(f),
            Self::MultiPoint(g) => g.map_coords_in_place(f),
            Self::Polygon(g) => g.map_coords_in_place(f),
            Self::MultiPolygon(g) => g.map_coords_in_place(f),
        }
    }
}

#[derive(Deserialize)]
#[serde(expecting = "a GeoJSON FeatureCollection object")]
struct RawCollection {
    #[serde(rename = "type")]
    kind: Option<String>,
    features: Option<Vec<RawFeature>>,
}

#[derive(Deserialize)]
#[serde(expecting = "a GeoJSON Feature object")]
pub(crate) struct RawFeature {
    /// Read only in a text sequence, where each record must be a Feature.
    #[serde(default, rename = "type")]
    pub kind: Option<String>,
    #[serde(default)]
    pub properties: Option<Map<String, Value>>,
    #[serde(default)]
    pub geometry: Option<RawGeometry>,
}

#[derive(Deserialize)]
#[serde(expecting = "a GeoJSON geometry object with \"type\" and \"coordinates\"")]
pub(crate) struct RawGeometry {
    #[serde(rename = "type")]
    pub kind: String,
    pub coordinates: Option<Nested>,
}

/// GeoJSON coordinates: a position or a list of deeper coordinates. Parsed by hand so that a
/// string or `null` where a number belongs is reported at its line and column.
#[derive(Debug)]
pub(crate) enum Nested {
    Position(Position),
    List(Vec<Nested>),
}

impl Nested {
    /// A decoded [lon, lat] (from TopoJSON or an ECharts map).
    pub(crate) fn lon_lat(lon: f64, lat: f64) -> Self {
        Self::Position(Position {
            first: [lon, lat],
            len: 2,
        })
    }

    /// The first two numbers of a position; `None` for a list.
    pub(crate) fn first_two(&self) -> Option<[f64; 2]> {
        match self {
            Self::Position(p) if p.len >= 2 => Some(p.first),
            _ => None,
        }
    }
}

/// A position's first two numbers and how many it had. Kept inline rather than as a `Vec` so a
/// large file costs a few words per vertex and no allocation (elevation is checked, not kept).
#[derive(Clone, Copy, Debug)]
pub(crate) struct Position {
    first: [f64; 2],
    len: usize,
}

impl Position {
    fn push(&mut self, x: f64) {
        if let Some(slot) = self.first.get_mut(self.len) {
            *slot = x;
        }
        self.len += 1;
    }
}

impl<'de> Deserialize<'de> for Nested {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_seq(NestedVisitor)
    }
}

struct NestedVisitor;

impl<'de> Visitor<'de> for NestedVisitor {
    type Value = Nested;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("coordinates: an array of numbers or of arrays")
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Nested, A::Error> {
        let Some(first) = seq.next_element::<Element>()? else {
            return Ok(Nested::List(Vec::new()));
        };
        match first {
            Element::Number(x) => {
                let mut position = Position {
                    first: [x, 0.0],
                    len: 1,
                };
                while let Some(value) = seq.next_element::<Element>()? {
                    match value {
                        Element::Number(v) => position.push(v),
                        Element::Nested(_) => {
                            return Err(de::Error::custom("a position mixes numbers and arrays"));
                        }
                    }
                }
                Ok(Nested::Position(position))
            }
            Element::Nested(first) => {
                let mut items = vec![first];
                while let Some(value) = seq.next_element::<Element>()? {
                    match value {
                        Element::Nested(n) => items.push(n),
                        Element::Number(_) => {
                            return Err(de::Error::custom(
                                "a list of positions holds a bare number",
                            ));
                        }
                    }
                }
                Ok(Nested::List(items))
            }
        }
    }
}

/// One element of a coordinate array.
enum Element {
    Number(f64),
    Nested(Nested),
}

impl<'de> Deserialize<'de> for Element {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(ElementVisitor)
    }
}

struct ElementVisitor;

impl<'de> Visitor<'de> for ElementVisitor {
    type Value = Element;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a coordinate number or an array")
    }

    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Element, E> {
        Ok(Element::Number(v))
    }

    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Element, E> {
        Ok(Element::Number(v as f64))
    }

    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Element, E> {
        Ok(Element::Number(v as f64))
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<Element, E> {
        Err(E::custom(format!(
            "a coordinate is the string {v:?}; coordinates must be numbers"
        )))
    }

    fn visit_unit<E: de::Error>(self) -> Result<Element, E> {
        Err(E::custom(
            "a coordinate is null; coordinates must be numbers",
        ))
    }

    fn visit_bool<E: de::Error>(self, _: bool) -> Result<Element, E> {
        Err(E::custom(
            "a coordinate is true/false; coordinates must be numbers",
        ))
    }

    fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<Element, A::Error> {
        NestedVisitor.visit_seq(seq).map(Element::Nested)
    }

    fn visit_map<A: de::MapAccess<'de>>(self, _: A) -> Result<Element, A::Error> {
        Err(de::Error::custom(
            "a coordinate is an object; coordinates must be numbers",
        ))
    }
}

/// Parses a GeoJSON FeatureCollection. Features with `"geometry": null` are kept with
/// `geometry: None` (the caller decides whether to skip them); any other problem is an error
/// naming the feature.
pub fn parse_feature_collection(file: &str, bytes: &[u8]) -> Result<Vec<Feature>, LoadError> {
    parse_feature_text(file, decode_text(file, bytes)?)
}

/// `parse_feature_collection` on text already decoded.
pub fn parse_feature_text(file: &str, text: &str) -> Result<Vec<Feature>, LoadError> {
    let raw: RawCollection = serde_json::from_str(text).map_err(|e| {
        let err = LoadError::from_json(file, text, &e);
        if e.is_data() && text.trim_start().starts_with('[') {
            err.with_hint("this is a JSON array, not a GeoJSON FeatureCollection object")
        } else {
            err
        }
    })?;
    match raw.kind.as_deref() {
        Some("FeatureCollection") => {}
        Some(other) => {
            return Err(LoadError::new(
                file,
                "type",
                format!("this is a GeoJSON {other:?}, not a \"FeatureCollection\""),
            ));
        }
        None => {
            return Err(LoadError::new(
                file,
                "",
                "this JSON is not GeoJSON: it has no \"type\": \"FeatureCollection\"",
            ));
        }
    }
    let Some(raw_features) = raw.features else {
        return Err(LoadError::new(
            file,
            "features",
            "\"features\" is missing or null; a FeatureCollection needs an array of features",
        ));
    };
    features_from_raw(file, raw_features)
}

/// Checks and converts raw features, numbered in order: every reader ends here.
pub(crate) fn features_from_raw(
    file: &str,
    raw_features: impl IntoIterator<Item = RawFeature>,
) -> Result<Vec<Feature>, LoadError> {
    raw_features
        .into_iter()
        .enumerate()
        .map(|(index, raw)| {
            let geometry = raw
                .geometry
                .map(|g| convert_geometry(file, index, g))
                .transpose()?;
            Ok(Feature {
                index,
                properties: raw.properties.unwrap_or_default(),
                geometry,
            })
        })
        .collect()
}

/// Reads a GeoJSON text sequence: features one after another, each perhaps preceded by the
/// record separator 0x1E (RFC 8142, `ogr2ogr -f GeoJSONSeq`) or on a line of its own
/// (newline-delimited GeoJSON). Line and column in messages are the file's own.
pub fn parse_sequence(file: &str, text: &str) -> Result<Vec<Feature>, LoadError> {
    // The separator is one byte, so replacing it with a space keeps every position.
    let text = text.replace('\u{1E}', " ");
    let mut records = Vec::new();
    for (index, record) in serde_json::Deserializer::from_str(&text)
        .into_iter::<RawFeature>()
        .enumerate()
    {
        let record = record.map_err(|e| LoadError::from_json(file, &text, &e))?;
        match record.kind.as_deref() {
            Some("Feature") => records.push(record),
            other => {
                return Err(LoadError::new(
                    file,
                    format!("feature {index}: type"),
                    format!(
                        "record {index} of the sequence is {}, not a \"Feature\"",
                        other.map_or_else(|| "untyped".to_owned(), |k| format!("a {k:?}"))
                    ),
                ));
            }
        }
    }
    features_from_raw(file, records)
}

/// The geometry types of RFC 7946, for naming what a file holds.
const GEOJSON_TYPES: [&str; 7] = [
    "Point",
    "MultiPoint",
    "LineString",
    "MultiLineString",
    "Polygon",
    "MultiPolygon",
    "GeometryCollection",
];

fn convert_geometry(file: &str, index: usize, raw: RawGeometry) -> Result<Geometry, LoadError> {
    let at = |path: &str| format!("feature {index}: geometry{path}");
    let unsupported = |hint: &str| {
        LoadError::new(
            file,
            at(".type"),
            format!(
                "geometry type {:?} is not supported (Point, MultiPoint, Polygon or \
                 MultiPolygon)",
                raw.kind
            ),
        )
        .with_hint(hint)
    };
    match raw.kind.as_str() {
        "Point" | "MultiPoint" | "Polygon" | "MultiPolygon" => {}
        "LineString" | "MultiLineString" => {
            return Err(unsupported(
                "a boundary must be a closed polygon: in QGIS, Vector → Geometry Tools → \
                 Lines to Polygons",
            ));
        }
        "GeometryCollection" => {
            return Err(unsupported(
                "a region's parts belong in one MultiPolygon: `ogr2ogr -nlt MULTIPOLYGON \
                 out.geojson FILE`, or in QGIS: Vector → Geometry Tools → Collect Geometries",
            ));
        }
        other => {
            return Err(LoadError::new(
                file,
                at(".type"),
                format!(
                    "{other:?} is not a GeoJSON geometry type (RFC 7946 has {})",
                    GEOJSON_TYPES.join(", ")
                ),
            ));
        }
    }
    let Some(coordinates) = raw.coordinates else {
        return Err(LoadError::new(
            file,
            at(""),
            "\"coordinates\" is missing or null",
        ));
    };
    match raw.kind.as_str() {
        "Point" => {
            let Nested::Position(p) = coordinates else {
                return Err(LoadError::new(
                    file,
                    at(".coordinates"),
                    "a Point's coordinates must be one position [lon, lat]",
                ));
            };
            Ok(Geometry::Point(Point(position(
                file,
                &at(".coordinates"),
                p,
            )?)))
        }
        "MultiPoint" => {
            let Nested::List(points) = coordinates else {
                return Err(LoadError::new(
                    file,
                    at(".coordinates"),
                    "a MultiPoint's coordinates must be a list of positions",
                ));
            };
            if points.is_empty() {
                return Err(LoadError::new(
                    file,
                    at(".coordinates"),
                    "the MultiPoint has no points",
                ));
            }
            let points = positions(file, &at(".coordinates"), points)?;
            Ok(Geometry::MultiPoint(
                points.into_iter().map(Point).collect(),
            ))
        }
        "Polygon" => Ok(Geometry::Polygon(polygon(
            file,
            &at(".coordinates"),
            coordinates,
        )?)),
        // Only MultiPolygon is left: the type was checked above.
        _ => {
            let Nested::List(parts) = coordinates else {
                return Err(LoadError::new(
                    file,
                    at(".coordinates"),
                    "a MultiPolygon's coordinates must be a list of polygons",
                ));
            };
            if parts.is_empty() {
                return Err(LoadError::new(
                    file,
                    at(".coordinates"),
                    "the MultiPolygon has no polygons",
                ));
            }
            let polygons = parts
                .into_iter()
                .enumerate()
                .map(|(i, part)| polygon(file, &at(&format!(".coordinates[{i}]")), part))
                .collect::<Result<Vec<_>, _>>()?;
            Ok(Geometry::MultiPolygon(MultiPolygon(polygons)))
        }
    }
}

fn polygon(file: &str, at: &str, coordinates: Nested) -> Result<Polygon<f64>, LoadError> {
    let Nested::List(rings) = coordinates else {
        return Err(LoadError::new(
            file,
            at,
            "a polygon must be a list of rings",
        ));
    };
    if rings.is_empty() {
        return Err(LoadError::new(file, at, "the polygon has no rings"));
    }
    let mut rings = rings
        .into_iter()
        .enumerate()
        .map(|(i, ring)| linear_ring(file, &format!("{at}[{i}]"), ring));
    let exterior = rings.next().unwrap_or_else(|| Ok(LineString(Vec::new())))?;
    let interiors = rings.collect::<Result<Vec<_>, _>>()?;
    Ok(Polygon::new(exterior, interiors))
}

/// A list of positions (a ring's, a MultiPoint's), each checked and located `at[i]`.
fn positions(file: &str, at: &str, list: Vec<Nested>) -> Result<Vec<Coord<f64>>, LoadError> {
    list.into_iter()
        .enumerate()
        .map(|(i, p)| match p {
            Nested::Position(p) => position(file, &format!("{at}[{i}]"), p),
            Nested::List(_) => Err(LoadError::new(
                file,
                format!("{at}[{i}]"),
                "expected a position [lon, lat], found a deeper array",
            )),
        })
        .collect()
}

fn linear_ring(file: &str, at: &str, coordinates: Nested) -> Result<LineString<f64>, LoadError> {
    let Nested::List(positions) = coordinates else {
        return Err(LoadError::new(
            file,
            at,
            "a ring must be a list of positions",
        ));
    };
    if positions.is_empty() {
        return Err(LoadError::new(file, at, "the ring is empty"));
    }
    let coords = self::positions(file, at, positions)?;
    if coords.len() < 4 {
        return Err(LoadError::new(
            file,
            at,
            format!(
                "the ring has {} positions; a closed ring needs at least 4",
                coords.len()
            ),
        ));
    }
    if coords.first() != coords.last() {
        return Err(LoadError::new(
            file,
            at,
            "the ring is not closed: its first and last positions differ",
        ));
    }
    Ok(LineString(coords))
}

fn position(file: &str, at: &str, p: Position) -> Result<Coord<f64>, LoadError> {
    let [lon, lat] = p.first;
    if p.len < 2 {
        return Err(LoadError::new(
            file,
            at,
            "a position needs two numbers [lon, lat]",
        ));
    }
    if !lon.is_finite() || !lat.is_finite() {
        return Err(LoadError::new(
            file,
            at,
            "a coordinate is not a finite number",
        ));
    }
    if (-180.0..=180.0).contains(&lon) && (-90.0..=90.0).contains(&lat) {
        return Ok(Coord { x: lon, y: lat });
    }
    let err = LoadError::new(
        file,
        at,
        format!("[{lon}, {lat}] is not a longitude/latitude (lon within ±180, lat within ±90)"),
    );
    Err(if lon.abs() > 1000.0 || lat.abs() > 1000.0 {
        err.with_hint(
            "the numbers look like projected metres (EPSG:3857 Web Mercator, or a CGCS2000 \
             Gauss-Krüger zone); re-export the file in EPSG:4326 (WGS-84 degrees)",
        )
    } else if lat.abs() > 90.0 && lat.abs() <= 180.0 && lon.abs() <= 90.0 {
        err.with_hint("latitude and longitude look swapped; GeoJSON order is [lon, lat]")
    } else {
        err
    })
}

/// Moves every coordinate of `features` from GCJ-02 to WGS-84.
pub fn features_to_wgs84(features: &mut [Feature]) {
    for geometry in features.iter_mut().filter_map(|f| f.geometry.as_mut()) {
        geometry.map_coords_in_place(crate::geometry::gcj02::to_wgs84);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str) -> Result<Vec<Feature>, LoadError> {
        parse_feature_collection("t.geojson", text.as_bytes())
    }

    const SQUARE: &str = "[[[112,23],[113,23],[113,24],[112,24],[112,23]]]";

    #[test]
    fn accepts_polygon_with_null_geometry_neighbour() {
        let text = format!(
            r#"{{"type":"FeatureCollection","features":[
              {{"type":"Feature","properties":{{"adcode":1}},"geometry":{{"type":"Polygon","coordinates":{SQUARE}}}}},
              {{"type":"Feature","properties":null,"geometry":null}}]}}"#
        );
        let features = parse(&text).unwrap();
        assert_eq!(features.len(), 2);
        assert!(matches!(features[0].geometry, Some(Geometry::Polygon(_))));
        assert!(features[1].geometry.is_none());
    }

    #[test]
    fn string_coordinate_is_located() {
        let text = r#"{"type":"FeatureCollection","features":[{"type":"Feature","properties":{},
            "geometry":{"type":"Point","coordinates":["112.5", 23]}}]}"#;
        let err = parse(text).unwrap_err();
        assert!(err.location.starts_with("2:"), "{err}");
        assert!(err.message.contains("string"), "{err}");
    }

    #[test]
    fn open_ring_and_short_ring_are_refused() {
        let open = r#"{"type":"FeatureCollection","features":[{"type":"Feature","properties":{},
            "geometry":{"type":"Polygon","coordinates":[[[112,23],[113,23],[113,24],[112,24]]]}}]}"#;
        let err = parse(open).unwrap_err();
        assert!(err.message.contains("not closed"), "{err}");
        assert_eq!(err.location, "feature 0: geometry.coordinates[0]");
        let short = r#"{"type":"FeatureCollection","features":[{"type":"Feature","properties":{},
            "geometry":{"type":"Polygon","coordinates":[[[112,23],[113,23],[112,23]]]}}]}"#;
        assert!(parse(short).unwrap_err().message.contains("at least 4"));
    }

    #[test]
    fn web_mercator_metres_get_a_hint() {
        let text = r#"{"type":"FeatureCollection","features":[{"type":"Feature","properties":{},
            "geometry":{"type":"Point","coordinates":[12520000.5, 2640000.25]}}]}"#;
        let err = parse(text).unwrap_err();
        assert!(err.hint.unwrap_or_default().contains("EPSG:3857"));
    }

    #[test]
    fn missing_features_is_refused() {
        let err = parse(r#"{"type":"FeatureCollection","features":null}"#).unwrap_err();
        assert!(err.message.contains("\"features\" is missing"), "{err}");
    }
}
