//! Administrative boundaries: the regions a map shows, in `geo` types, with what is derived from
//! their geometry once at load (bounding box, geodesic area, label point).

use geo::{
    Area as _, BoundingRect as _, Contains as _, Coord, GeodesicArea as _, MapCoords as _,
    MultiPolygon, Polygon, Rect,
};
use serde_json::Value;

use super::geojson::{Feature, Geometry, parse_feature_collection};
use crate::load_error::LoadError;

/// One region (a county, or a neighbouring prefecture drawn for context).
#[derive(Clone, Debug)]
pub struct Region {
    /// Administrative code as a string (e.g. `"441284"`).
    pub code: String,
    pub name_zh: String,
    /// Falls back to the Chinese name when the file has no English name.
    pub name_en: String,
    /// WGS-84 lon/lat.
    pub geometry: MultiPolygon<f64>,
    pub bbox: Rect<f64>,
    /// Geodesic area on the WGS-84 ellipsoid.
    pub area_km2: f64,
    /// The pole of inaccessibility of the largest part: the point deepest inside, where a label
    /// fits best (a centroid can fall outside a crescent-shaped county).
    pub label_lonlat: Coord<f64>,
}

impl Region {
    /// Whether `lonlat` lies in the region (holes excluded). Cheap bounding-box test first.
    pub fn contains(&self, lonlat: Coord<f64>) -> bool {
        let (min, max) = (self.bbox.min(), self.bbox.max());
        lonlat.x >= min.x
            && lonlat.x <= max.x
            && lonlat.y >= min.y
            && lonlat.y <= max.y
            && self.geometry.contains(&lonlat)
    }

    pub fn vertex_count(&self) -> usize {
        self.geometry
            .iter()
            .map(|p| p.exterior().0.len() + p.interiors().iter().map(|r| r.0.len()).sum::<usize>())
            .sum()
    }
}

/// A set of regions loaded from one GeoJSON file.
#[derive(Clone, Debug)]
pub struct Boundaries {
    /// The file they came from (or the embedded asset's name), for messages and the About text.
    pub source: String,
    pub regions: Vec<Region>,
    pub bbox: Rect<f64>,
    /// Features skipped because their geometry was null, with why; shown as warnings.
    pub warnings: Vec<String>,
}

/// Property names that hold a region's code and names, in order of preference.
const CODE_KEYS: &[&str] = &["adcode", "code", "ADCODE", "CODE", "id", "gb", "GB"];
const NAME_ZH_KEYS: &[&str] = &["name_zh", "name", "NAME", "Name", "名称", "NAME_ZH"];
const NAME_EN_KEYS: &[&str] = &["name_en", "NAME_EN", "name_english", "ename"];

impl Boundaries {
    /// Parses a FeatureCollection of Polygon/MultiPolygon features.
    pub fn from_geojson(file: &str, bytes: &[u8]) -> Result<Self, LoadError> {
        let features = parse_feature_collection(file, bytes)?;
        let mut regions = Vec::with_capacity(features.len());
        let mut warnings = Vec::new();
        for feature in features {
            match region_from_feature(file, feature)? {
                Ok(region) => regions.push(region),
                Err(warning) => warnings.push(warning),
            }
        }
        let Some(bbox) = union_bbox(regions.iter().map(|r| r.bbox)) else {
            return Err(LoadError::new(
                file,
                "features",
                "the file holds no polygon to draw",
            ));
        };
        Ok(Self {
            source: file.to_owned(),
            regions,
            bbox,
            warnings,
        })
    }

    /// The index of the region under `lonlat`, if any.
    pub fn region_at(&self, lonlat: Coord<f64>) -> Option<usize> {
        self.regions.iter().position(|r| r.contains(lonlat))
    }

    pub fn region_by_code(&self, code: &str) -> Option<&Region> {
        self.regions.iter().find(|r| r.code == code)
    }

    pub fn index_of(&self, code: &str) -> Option<usize> {
        self.regions.iter().position(|r| r.code == code)
    }

    pub fn total_area_km2(&self) -> f64 {
        self.regions.iter().map(|r| r.area_km2).sum()
    }
}

/// `Ok(Ok(region))`, `Ok(Err(warning))` for a skipped null geometry, or the error that refuses the
/// file.
fn region_from_feature(file: &str, feature: Feature) -> Result<Result<Region, String>, LoadError> {
    let at = |what: &str| format!("feature {}: {what}", feature.index);
    let code = first_property(&feature, CODE_KEYS).ok_or_else(|| {
        LoadError::new(
            file,
            at("properties"),
            format!("no code property (looked for {})", CODE_KEYS.join(", ")),
        )
    })?;
    let name_zh = first_property(&feature, NAME_ZH_KEYS).unwrap_or_else(|| code.clone());
    let name_en = first_property(&feature, NAME_EN_KEYS).unwrap_or_else(|| name_zh.clone());
    let geometry = match feature.geometry {
        None => {
            return Ok(Err(format!(
                "{file}: {}: geometry is null; the feature ({name_zh}) is skipped",
                at("geometry")
            )));
        }
        Some(Geometry::Polygon(p)) => MultiPolygon(vec![p]),
        Some(Geometry::MultiPolygon(mp)) => mp,
        Some(other) => {
            return Err(LoadError::new(
                file,
                at("geometry.type"),
                format!(
                    "a boundary must be a Polygon or MultiPolygon, not a {}",
                    other.type_name()
                ),
            ));
        }
    };
    let Some(bbox) = geometry.bounding_rect() else {
        return Err(LoadError::new(
            file,
            at("geometry"),
            "the geometry is empty",
        ));
    };
    let area_km2 = geometry.geodesic_area_unsigned() / 1e6;
    let label_lonlat = label_point(&geometry, bbox);
    Ok(Ok(Region {
        code,
        name_zh,
        name_en,
        geometry,
        bbox,
        area_km2,
        label_lonlat,
    }))
}

/// A property as a string: codes may be strings or integers in the wild.
fn first_property(feature: &Feature, keys: &[&str]) -> Option<String> {
    keys.iter().find_map(|k| match feature.properties.get(*k)? {
        Value::String(s) if !s.trim().is_empty() => Some(s.trim().to_owned()),
        Value::Number(n) => Some(n.to_string()),
        _ => None,
    })
}

fn union_bbox(mut rects: impl Iterator<Item = Rect<f64>>) -> Option<Rect<f64>> {
    let first = rects.next()?;
    Some(rects.fold(first, |acc, r| {
        Rect::new(
            Coord {
                x: acc.min().x.min(r.min().x),
                y: acc.min().y.min(r.min().y),
            },
            Coord {
                x: acc.max().x.max(r.max().x),
                y: acc.max().y.max(r.max().y),
            },
        )
    }))
}

/// The pole of inaccessibility of the largest polygon, computed in a locally equal-scaled plane
/// (longitude times cos(latitude)) so that "deepest inside" means the same distance both ways.
fn label_point(geometry: &MultiPolygon<f64>, bbox: Rect<f64>) -> Coord<f64> {
    let cos_lat = bbox.center().y.to_radians().cos().max(1e-6);
    let largest: Option<&Polygon<f64>> = geometry
        .iter()
        .max_by(|a, b| a.unsigned_area().total_cmp(&b.unsigned_area()));
    let Some(largest) = largest else {
        return bbox.center();
    };
    let scaled = largest.map_coords(|c| Coord {
        x: c.x * cos_lat,
        y: c.y,
    });
    // A tolerance of ~100 m is finer than any label needs.
    match polylabel::polylabel(&scaled, &0.001) {
        Ok(p) => Coord {
            x: p.x() / cos_lat,
            y: p.y(),
        },
        Err(_) => bbox.center(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_may_be_integers_and_names_fall_back() {
        let text = r#"{"type":"FeatureCollection","features":[{"type":"Feature",
          "properties":{"code":441284,"name":"四会市"},
          "geometry":{"type":"Polygon","coordinates":[[[112,23],[113,23],[113,24],[112,24],[112,23]],
                                                      [[112.4,23.4],[112.4,23.6],[112.6,23.6],[112.6,23.4],[112.4,23.4]]]}},
          {"type":"Feature","properties":{"code":"1"},"geometry":null}]}"#;
        let b = Boundaries::from_geojson("t.geojson", text.as_bytes()).unwrap();
        assert_eq!(b.regions.len(), 1);
        assert_eq!(b.warnings.len(), 1);
        let r = &b.regions[0];
        assert_eq!(
            (r.code.as_str(), r.name_zh.as_str(), r.name_en.as_str()),
            ("441284", "四会市", "四会市")
        );
        // The hole is not part of the region; the label avoids it.
        assert!(!r.contains(Coord { x: 112.5, y: 23.5 }));
        assert!(r.contains(Coord { x: 112.2, y: 23.5 }));
        assert!(r.contains(r.label_lonlat));
    }
}
