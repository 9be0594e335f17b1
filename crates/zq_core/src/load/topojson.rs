//! TopoJSON (`"type": "Topology"`), as mapshaper and many Chinese map sites publish boundaries:
//! shared borders stored once as arcs, usually quantised and delta-encoded. Decoded into the
//! same raw features as GeoJSON, so every later check is the same.

use serde::Deserialize;
use serde_json::{Map, Value};

use super::geojson::{Feature, Nested, RawFeature, RawGeometry, features_from_raw};
use crate::load::error::LoadError;

#[derive(Deserialize)]
#[serde(expecting = "a TopoJSON Topology object")]
struct Topology {
    #[serde(default)]
    transform: Option<Transform>,
    arcs: Option<Nested>,
    objects: Option<Map<String, Value>>,
}

#[derive(Deserialize, Clone, Copy)]
struct Transform {
    scale: [f64; 2],
    translate: [f64; 2],
}

impl Transform {
    fn apply(&self, q: [f64; 2]) -> [f64; 2] {
        [
            q[0] * self.scale[0] + self.translate[0],
            q[1] * self.scale[1] + self.translate[1],
        ]
    }
}

/// What a topology held: the features of the object read, its name, and the names of the
/// objects left unread.
pub struct Decoded {
    pub features: Vec<Feature>,
    pub object: String,
    pub others: Vec<String>,
}

/// Decodes the topology in `text`: the first object (by name) holding polygons, or else the
/// first object.
pub fn parse_topology(file: &str, text: &str) -> Result<Decoded, LoadError> {
    let topology: Topology =
        serde_json::from_str(text).map_err(|e| LoadError::from_json(file, text, &e))?;
    let Some(Nested::List(raw_arcs)) = topology.arcs else {
        return Err(LoadError::new(
            file,
            "arcs",
            "the Topology has no \"arcs\" list",
        ));
    };
    let arcs = raw_arcs
        .iter()
        .enumerate()
        .map(|(i, arc)| decode_arc(file, i, arc, topology.transform))
        .collect::<Result<Vec<_>, _>>()?;
    let objects = topology.objects.unwrap_or_default();
    let has_polygons = |o: &Value| {
        let kinds = |g: &Value| matches!(kind(g), "Polygon" | "MultiPolygon");
        kinds(o)
            || o.get("geometries")
                .and_then(Value::as_array)
                .is_some_and(|g| g.iter().any(kinds))
    };
    let chosen = objects
        .iter()
        .find(|(_, o)| has_polygons(o))
        .or_else(|| objects.iter().next());
    let Some((name, object)) = chosen else {
        return Err(LoadError::new(
            file,
            "objects",
            "the Topology has no objects",
        ));
    };
    let at = format!("objects.{name}");
    let collection = kind(object) == "GeometryCollection";
    let geometries: Vec<&Value> = if collection {
        object
            .get("geometries")
            .and_then(Value::as_array)
            .map(|g| g.iter().collect())
            .ok_or_else(|| {
                LoadError::new(
                    file,
                    format!("{at}.geometries"),
                    "the GeometryCollection has no \"geometries\" list",
                )
            })?
    } else {
        vec![object]
    };
    let arc_positions: usize = arcs.iter().map(Vec::len).sum();
    let decoder = Decoder {
        file,
        arcs: &arcs,
        transform: topology.transform,
        // A border is shared by two regions, so a map uses each arc about twice; a few times
        // over is generous. More would let a small file ask for gigabytes.
        budget: std::cell::Cell::new(arc_positions.saturating_mul(MAX_ARC_USES) + 1024),
    };
    let raws = geometries
        .into_iter()
        .enumerate()
        .map(|(i, g)| {
            let at = if collection {
                format!("{at}.geometries[{i}]")
            } else {
                at.clone()
            };
            decoder.feature(&at, g)
        })
        .collect::<Result<Vec<_>, _>>()?;
    Ok(Decoded {
        features: features_from_raw(file, raws)?,
        object: name.clone(),
        others: objects.keys().filter(|k| *k != name).cloned().collect(),
    })
}

/// How many times over the rings may use the topology's arc positions in all.
const MAX_ARC_USES: usize = 4;

fn kind(geometry: &Value) -> &str {
    geometry.get("type").and_then(Value::as_str).unwrap_or("")
}

/// An arc's positions in lon/lat: delta-decoded and transformed when quantised.
fn decode_arc(
    file: &str,
    index: usize,
    arc: &Nested,
    transform: Option<Transform>,
) -> Result<Vec<[f64; 2]>, LoadError> {
    let bad = || {
        LoadError::new(
            file,
            format!("arcs[{index}]"),
            "an arc must be a list of positions [x, y]",
        )
    };
    let Nested::List(positions) = arc else {
        return Err(bad());
    };
    let mut out = Vec::with_capacity(positions.len());
    let mut sum = [0.0, 0.0];
    for p in positions {
        let q = p.first_two().ok_or_else(bad)?;
        out.push(match transform {
            Some(t) => {
                sum = [sum[0] + q[0], sum[1] + q[1]];
                t.apply(sum)
            }
            None => q,
        });
    }
    Ok(out)
}

struct Decoder<'a> {
    file: &'a str,
    arcs: &'a [Vec<[f64; 2]>],
    transform: Option<Transform>,
    /// Positions the rings may still take from the arcs.
    budget: std::cell::Cell<usize>,
}

impl Decoder<'_> {
    fn feature(&self, at: &str, g: &Value) -> Result<RawFeature, LoadError> {
        let mut properties = g
            .get("properties")
            .and_then(Value::as_object)
            .cloned()
            .unwrap_or_default();
        // A feature's id stands beside its properties; keep it where codes are looked for.
        if let Some(id) = g.get("id")
            && !properties.contains_key("id")
        {
            properties.insert("id".to_owned(), id.clone());
        }
        let geometry = match kind(g) {
            // A geometry of type null is none, as in GeoJSON.
            _ if g.get("type").is_none_or(Value::is_null) => None,
            "Polygon" => Some(self.geometry(g, |arcs| self.polygon(&format!("{at}.arcs"), arcs))?),
            "MultiPolygon" => Some(self.geometry(g, |arcs| {
                self.list(&format!("{at}.arcs"), arcs, |at, polygon| {
                    self.polygon(at, polygon)
                })
            })?),
            "Point" => Some(self.points(g, at, false)?),
            "MultiPoint" => Some(self.points(g, at, true)?),
            other => Some(RawGeometry {
                kind: other.to_owned(),
                coordinates: None,
            }),
        };
        Ok(RawFeature {
            kind: Some("Feature".to_owned()),
            properties: Some(properties),
            geometry,
        })
    }

    fn geometry(
        &self,
        g: &Value,
        decode: impl FnOnce(&Value) -> Result<Nested, LoadError>,
    ) -> Result<RawGeometry, LoadError> {
        let coordinates = match g.get("arcs") {
            Some(arcs) => Some(decode(arcs)?),
            None => None,
        };
        Ok(RawGeometry {
            kind: kind(g).to_owned(),
            coordinates,
        })
    }

    fn list(
        &self,
        at: &str,
        value: &Value,
        item: impl Fn(&str, &Value) -> Result<Nested, LoadError>,
    ) -> Result<Nested, LoadError> {
        let items = value
            .as_array()
            .ok_or_else(|| LoadError::new(self.file, at, "expected a list of arc indices"))?;
        items
            .iter()
            .enumerate()
            .map(|(i, v)| item(&format!("{at}[{i}]"), v))
            .collect::<Result<Vec<_>, _>>()
            .map(Nested::List)
    }

    fn polygon(&self, at: &str, rings: &Value) -> Result<Nested, LoadError> {
        self.list(at, rings, |at, ring| self.ring(at, ring))
    }

    /// A ring from its arcs: each arc (reversed for a negative index `~i`) continues where the
    /// last ended, so its first position is dropped.
    fn ring(&self, at: &str, arcs: &Value) -> Result<Nested, LoadError> {
        let indices = arcs
            .as_array()
            .ok_or_else(|| LoadError::new(self.file, at, "a ring must be a list of arc indices"))?;
        let mut positions: Vec<Nested> = Vec::new();
        for (i, index) in indices.iter().enumerate() {
            let Some(index) = index.as_i64() else {
                return Err(LoadError::new(
                    self.file,
                    format!("{at}[{i}]"),
                    format!("{index} is not an arc index"),
                ));
            };
            let (n, reversed) = if index < 0 {
                (!index, true)
            } else {
                (index, false)
            };
            let arc = usize::try_from(n)
                .ok()
                .and_then(|n| self.arcs.get(n))
                .ok_or_else(|| {
                    LoadError::new(
                        self.file,
                        format!("{at}[{i}]"),
                        format!(
                            "arc {n} does not exist: the topology has {} arcs",
                            self.arcs.len()
                        ),
                    )
                })?;
            let Some(left) = self.budget.get().checked_sub(arc.len()) else {
                return Err(LoadError::new(
                    self.file,
                    format!("{at}[{i}]"),
                    format!(
                        "the rings use the topology's arcs more than {MAX_ARC_USES} times over; \
                         no map does"
                    ),
                ));
            };
            self.budget.set(left);
            let skip = usize::from(!positions.is_empty());
            let mut push = |p: &[f64; 2]| positions.push(Nested::lon_lat(p[0], p[1]));
            if reversed {
                arc.iter().rev().skip(skip).for_each(&mut push);
            } else {
                arc.iter().skip(skip).for_each(&mut push);
            }
        }
        Ok(Nested::List(positions))
    }

    /// Points are quantised but not delta-encoded.
    fn points(&self, g: &Value, at: &str, multi: bool) -> Result<RawGeometry, LoadError> {
        let point = |at: &str, v: &Value| -> Result<Nested, LoadError> {
            let xy: Option<Vec<f64>> = v
                .as_array()
                .map(|a| a.iter().filter_map(Value::as_f64).collect());
            match xy.as_deref() {
                Some([x, y, ..]) => {
                    let [lon, lat] = self.transform.map_or([*x, *y], |t| t.apply([*x, *y]));
                    Ok(Nested::lon_lat(lon, lat))
                }
                _ => Err(LoadError::new(
                    self.file,
                    at,
                    "a point must be a position [x, y]",
                )),
            }
        };
        let at = format!("{at}.coordinates");
        let coordinates = match g.get("coordinates") {
            None => None,
            Some(c) if multi => Some(self.list(&at, c, point)?),
            Some(c) => Some(point(&at, c)?),
        };
        Ok(RawGeometry {
            kind: kind(g).to_owned(),
            coordinates,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_shared_arc_is_read_both_ways() {
        // Two unit squares side by side sharing the arc x = 1 (arc 0), quantised at 1.0.
        let text = r#"{"type":"Topology","transform":{"scale":[1,1],"translate":[112,23]},
          "arcs":[[[1,0],[0,1]],[[1,1],[-1,0],[0,-1],[1,0]],[[1,0],[1,0],[0,1],[-1,0]]],
          "objects":{"b":{"type":"GeometryCollection","geometries":[
            {"type":"Polygon","arcs":[[0,1]],"properties":{"adcode":"1"}},
            {"type":"Polygon","arcs":[[2,-1]],"id":"2"}]}}}"#;
        let decoded = parse_topology("t.topojson", text).unwrap();
        assert_eq!(decoded.object, "b");
        let rings: Vec<Vec<(f64, f64)>> = decoded
            .features
            .iter()
            .map(|f| match &f.geometry {
                Some(super::super::geojson::Geometry::Polygon(p)) => {
                    p.exterior().0.iter().map(|c| (c.x, c.y)).collect()
                }
                _ => panic!("a polygon"),
            })
            .collect();
        assert_eq!(
            rings[0],
            [
                (113.0, 23.0),
                (113.0, 24.0),
                (112.0, 24.0),
                (112.0, 23.0),
                (113.0, 23.0)
            ]
        );
        assert_eq!(
            rings[1],
            [
                (113.0, 23.0),
                (114.0, 23.0),
                (114.0, 24.0),
                (113.0, 24.0),
                (113.0, 23.0)
            ]
        );
        assert_eq!(decoded.features[1].properties["id"], "2");
    }

    #[test]
    fn rings_that_use_an_arc_over_and_over_are_refused() {
        let ring: Vec<String> = (0..1000).map(|_| "0".to_owned()).collect();
        let text = format!(
            r#"{{"type":"Topology","arcs":[[[112,23],[113,23],[113,24],[112,23]]],
               "objects":{{"a":{{"type":"Polygon","arcs":[[{}]]}}}}}}"#,
            ring.join(",")
        );
        let Err(err) = parse_topology("t.topojson", &text) else {
            panic!("refused");
        };
        assert!(err.message.contains("more than 4 times over"), "{err}");
        assert!(err.location.starts_with("objects.a.arcs[0]["), "{err}");
    }
}
