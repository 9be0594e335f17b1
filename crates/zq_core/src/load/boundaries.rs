//! Boundaries from a file's features: which properties hold each region's code and names (the
//! usual names first, else a guess a person is asked to confirm), then one region per feature.

use std::collections::{HashMap, HashSet};

use geo::{BoundingRect as _, MultiPolygon};
use serde_json::Value;

use super::error::LoadError;
use super::geojson::{Feature, Geometry, parse_feature_collection};
use crate::geometry::{Boundaries, Region};

/// Property names that hold a region's code and names, in order of preference.
const CODE_KEYS: &[&str] = &["adcode", "code", "ADCODE", "CODE", "id", "gb", "GB"];
const NAME_ZH_KEYS: &[&str] = &["name_zh", "name", "NAME", "Name", "名称", "NAME_ZH"];
const NAME_EN_KEYS: &[&str] = &["name_en", "NAME_EN", "name_english", "ename"];

/// Which feature properties hold each region's code and names: one choice for the whole file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PropertyKeys {
    pub code: String,
    /// `None`: the code doubles as the Chinese name.
    pub name_zh: Option<String>,
    /// `None`: the Chinese name doubles as the English one.
    pub name_en: Option<String>,
}

/// What the detection chose when the file left room for doubt (two properties that could be the
/// code but disagree, or none named like a code at all), so that a person can be asked.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PropertyChoice {
    /// What `Boundaries` was built with; preselect these.
    pub detected: PropertyKeys,
    /// Every property with a text or number value, in the order first seen: the options to offer
    /// for each of code, Chinese name and English name.
    pub keys: Vec<String>,
    /// Why the choice is doubtful, one sentence per doubt, to show above the options.
    pub reasons: Vec<String>,
}

impl Boundaries {
    /// Parses a FeatureCollection of Polygon/MultiPolygon features, finding the code and name
    /// properties by their usual names.
    /// Features without a geometry are skipped silently: this is for the embedded files, which
    /// have none; a user's file goes through `load_user_file`, which reports them.
    pub fn from_geojson(file: &str, bytes: &[u8]) -> Result<Self, LoadError> {
        let features = parse_feature_collection(file, bytes)?;
        let (keys, _) = detect_keys(file, &features)?;
        Ok(Self::from_features(file, features, &keys)?.0)
    }

    /// Builds the regions from parsed features, reading code and names from `keys`, with a
    /// warning for each feature skipped because its geometry is null.
    pub fn from_features(
        file: &str,
        features: Vec<Feature>,
        keys: &PropertyKeys,
    ) -> Result<(Self, Vec<LoadError>), LoadError> {
        let mut regions = Vec::with_capacity(features.len());
        let mut warnings = Vec::new();
        // Lookups by code return one region, so two with one code would hide the second.
        let mut first_with_code: HashMap<String, (usize, String)> = HashMap::new();
        for feature in features {
            let index = feature.index;
            match region_from_feature(file, feature, keys)? {
                Ok(region) => {
                    if let Some((first, name)) = first_with_code.get(&region.code) {
                        return Err(LoadError::new(
                            file,
                            format!("feature {index}: properties.{}", keys.code),
                            format!(
                                "features {first} ({name}) and {index} ({}) have the same code \
                                 {:?}; each region needs a code of its own",
                                region.name_zh, region.code
                            ),
                        )
                        .with_hint(format!(
                            "if {:?} is not the code, choose the property that is",
                            keys.code
                        )));
                    }
                    first_with_code.insert(region.code.clone(), (index, region.name_zh.clone()));
                    regions.push(region);
                }
                Err(warning) => warnings.push(warning),
            }
        }
        let boundaries = Boundaries::new(file, regions)
            .ok_or_else(|| LoadError::new(file, "features", "the file holds no polygon to draw"))?;
        Ok((boundaries, warnings))
    }
}

/// Finds the code and name properties among the features that have a geometry. The preferred
/// name of each role that is present wins; a `PropertyChoice` comes back when another present
/// name disagrees with it, or when no property is named like a code and one had to be guessed
/// (one whose values differ from feature to feature).
pub fn detect_keys(
    file: &str,
    features: &[Feature],
) -> Result<(PropertyKeys, Option<PropertyChoice>), LoadError> {
    let drawn: Vec<&Feature> = features.iter().filter(|f| f.geometry.is_some()).collect();
    let mut keys: Vec<String> = Vec::new();
    let mut seen = HashSet::new();
    for feature in &drawn {
        for (key, value) in &feature.properties {
            if scalar(value).is_some() && seen.insert(key.as_str()) {
                keys.push(key.clone());
            }
        }
    }
    let mut reasons = Vec::new();
    let mut role = |names: &[&str], role: &str| -> Option<String> {
        let present: Vec<&str> = names.iter().copied().filter(|k| seen.contains(k)).collect();
        let (&chosen, others) = present.split_first()?;
        for &other in others {
            if let Some(f) = drawn.iter().find(|f| {
                let value = |k: &str| f.properties.get(k).and_then(scalar);
                value(chosen) != value(other)
            }) {
                let value = |k: &str| {
                    f.properties
                        .get(k)
                        .and_then(scalar)
                        .map_or_else(|| "nothing".to_owned(), |v| format!("{v:?}"))
                };
                reasons.push(format!(
                    "both {chosen:?} and {other:?} could hold the {role} but they differ \
                     (feature {}: {} and {}); {chosen:?} is used",
                    f.index,
                    value(chosen),
                    value(other)
                ));
            }
        }
        Some(chosen.to_owned())
    };
    let code = role(CODE_KEYS, "code");
    let name_zh = role(NAME_ZH_KEYS, "Chinese name");
    let name_en = role(NAME_EN_KEYS, "English name");
    let code = match code {
        Some(code) => code,
        None => {
            let Some((guess, why)) = guess_code_key(&drawn, &keys) else {
                let found = if keys.is_empty() {
                    "the features have no text or number properties".to_owned()
                } else {
                    format!("the features have {}", quoted_list(&keys))
                };
                return Err(LoadError::new(
                    file,
                    drawn.first().map_or("features".to_owned(), |f| {
                        format!("feature {}: properties", f.index)
                    }),
                    format!(
                        "no code property (looked for {}, or any property whose values \
                         differ from feature to feature); {found}",
                        CODE_KEYS.join(", ")
                    ),
                ));
            };
            reasons.push(format!(
                "no property is named like a code ({}); {guess:?} is used because {why}",
                CODE_KEYS.join(", ")
            ));
            guess
        }
    };
    let detected = PropertyKeys {
        code,
        name_zh,
        name_en,
    };
    let choice = (!reasons.is_empty()).then(|| PropertyChoice {
        detected: detected.clone(),
        keys,
        reasons,
    });
    Ok((detected, choice))
}

/// A property every drawn feature has, with a different value in each, and why it was chosen:
/// values that look like administrative codes (6, 9 or 12 digits, as `PAC` or `ADCODE99` hold)
/// first, then code-like ones (ASCII, no spaces, not a decimal measure such as `AREA`), then
/// any.
fn guess_code_key(drawn: &[&Feature], keys: &[String]) -> Option<(String, &'static str)> {
    let usable = |key: &String| {
        let mut values = HashSet::new();
        drawn.iter().all(|f| {
            f.properties
                .get(key)
                .and_then(scalar)
                .is_some_and(|v| values.insert(v))
        })
    };
    let every = |key: &String, test: fn(&str) -> bool| {
        drawn.iter().all(|f| {
            f.properties
                .get(key)
                .and_then(scalar)
                .is_some_and(|v| test(&v))
        })
    };
    let candidates: Vec<&String> = keys.iter().filter(|k| usable(k)).collect();
    let tiers: [(ValueTest, &str); 3] = [
        (
            looks_like_admin_code,
            "its values look like administrative codes (6, 9 or 12 digits)",
        ),
        (
            looks_like_code,
            "its values differ from feature to feature and look like codes",
        ),
        (|_| true, "its values differ from feature to feature"),
    ];
    tiers.iter().find_map(|(test, why)| {
        candidates
            .iter()
            .find(|k| every(k, *test))
            .map(|k| ((*k).clone(), *why))
    })
}

/// A test every value of a property must pass.
type ValueTest = fn(&str) -> bool;

/// `441202`, `441202000`, `441202000000` (a float `441202.0` too, as some exports write it).
fn looks_like_admin_code(v: &str) -> bool {
    let digits = v.strip_suffix(".0").unwrap_or(v);
    matches!(digits.len(), 6 | 9 | 12) && digits.bytes().all(|b| b.is_ascii_digit())
}

/// ASCII letters, digits and `_-.` without spaces, but not a decimal number (a measure).
fn looks_like_code(v: &str) -> bool {
    v.bytes()
        .all(|b| b.is_ascii_alphanumeric() || b"_-.".contains(&b))
        && !(v.contains('.') && v.parse::<f64>().is_ok())
}

fn quoted_list(keys: &[String]) -> String {
    const SHOWN: usize = 12;
    let mut list = keys
        .iter()
        .take(SHOWN)
        .map(|k| format!("{k:?}"))
        .collect::<Vec<_>>()
        .join(", ");
    if keys.len() > SHOWN {
        list.push_str(&format!(" and {} more", keys.len() - SHOWN));
    }
    list
}

/// `Ok(Ok(region))`, `Ok(Err(warning))` for a skipped null geometry, or the error that refuses the
/// file.
fn region_from_feature(
    file: &str,
    feature: Feature,
    keys: &PropertyKeys,
) -> Result<Result<Region, LoadError>, LoadError> {
    let at = |what: &str| format!("feature {}: {what}", feature.index);
    let property = |key: &Option<String>| {
        key.as_ref()
            .and_then(|k| feature.properties.get(k))
            .and_then(scalar)
    };
    let code = feature.properties.get(&keys.code).and_then(scalar);
    let name_zh = property(&keys.name_zh).or_else(|| code.clone());
    let geometry = match feature.geometry {
        None => {
            let name = name_zh.map(|n| format!(" ({n})")).unwrap_or_default();
            return Ok(Err(LoadError::new(
                file,
                at("geometry"),
                format!("geometry is null; the feature{name} is skipped"),
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
    let Some(code) = code else {
        return Err(LoadError::new(
            file,
            at(&format!("properties.{}", keys.code)),
            format!("the region has no {:?} property (its code)", keys.code),
        ));
    };
    let name_zh = name_zh.unwrap_or_else(|| code.clone());
    let name_en = property(&keys.name_en).unwrap_or_else(|| name_zh.clone());
    let Some(bbox) = geometry.bounding_rect() else {
        return Err(LoadError::new(
            file,
            at("geometry"),
            "the geometry is empty",
        ));
    };
    Ok(Ok(Region::new(code, name_zh, name_en, geometry, bbox)))
}

/// A property as a string: codes may be strings or integers in the wild.
fn scalar(value: &Value) -> Option<String> {
    match value {
        Value::String(s) if !s.trim().is_empty() => Some(s.trim().to_owned()),
        Value::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use geo::Coord;

    #[test]
    fn codes_may_be_integers_and_names_fall_back() {
        let text = r#"{"type":"FeatureCollection","features":[{"type":"Feature",
          "properties":{"code":441284,"name":"四会市"},
          "geometry":{"type":"Polygon","coordinates":[[[112,23],[113,23],[113,24],[112,24],[112,23]],
                                                      [[112.4,23.4],[112.4,23.6],[112.6,23.6],[112.6,23.4],[112.4,23.4]]]}},
          {"type":"Feature","properties":{"code":"1"},"geometry":null}]}"#;
        let features = parse_feature_collection("t.geojson", text.as_bytes()).unwrap();
        let (keys, _) = detect_keys("t.geojson", &features).unwrap();
        let (b, warnings) = Boundaries::from_features("t.geojson", features, &keys).unwrap();
        assert_eq!(b.regions.len(), 1);
        assert_eq!(warnings.len(), 1);
        let r = &b.regions[0];
        assert_eq!(
            (r.code.as_str(), r.name_zh.as_str(), r.name_en.as_str()),
            ("441284", "四会市", "四会市")
        );
        // The hole is not part of the region; the label avoids it.
        assert!(!r.contains(Coord { x: 112.5, y: 23.5 }));
        assert!(r.contains(Coord { x: 112.2, y: 23.5 }));
        assert!(r.contains(r.label_lonlat()));
    }
}
