//! Projects from a file's Point features: the project fields read with serde, anything else a
//! warning.

use super::error::LoadError;
use super::geojson::{Feature, Geometry, parse_feature_collection};
use crate::data::projects::{Project, ProjectProperties};

/// The properties a project has; any other is ignored with a warning (QGIS adds `fid`).
const FIELDS: [&str; 12] = [
    "id",
    "name_zh",
    "name_en",
    "county",
    "industry",
    "figures",
    "articles",
    "precision",
    "coord_source",
    "location_zh",
    "location_en",
    "location_note",
];

/// Reads a FeatureCollection of Point features with project properties. The shipped data is
/// held to the schema exactly: a property that is not a project field is an error here.
pub fn parse_projects(file: &str, bytes: &[u8]) -> Result<Vec<Project>, LoadError> {
    parse_feature_collection(file, bytes)?
        .into_iter()
        .map(|feature| {
            let (project, ignored) = project_from_feature(file, feature)?;
            match ignored.into_iter().next() {
                Some(error) => Err(error),
                None => Ok(project),
            }
        })
        .collect()
}

/// One project from a Point feature (or a MultiPoint of one point, as QGIS writes points), with
/// a warning for each property that is not a project field. A missing geometry is an error here
/// (the caller decides whether to skip such features first).
pub fn project_from_feature(
    file: &str,
    feature: Feature,
) -> Result<(Project, Vec<LoadError>), LoadError> {
    let at = |what: &str| format!("feature {}: {what}", feature.index);
    let ignored: Vec<LoadError> = feature
        .properties
        .keys()
        .filter(|k| !FIELDS.contains(&k.as_str()))
        .map(|k| {
            LoadError::new(
                file,
                at(&format!("properties.{k}")),
                format!("{k:?} is not a project field; it is ignored"),
            )
        })
        .collect();
    let props: ProjectProperties =
        serde_json::from_value(serde_json::Value::Object(feature.properties)).map_err(|e| {
            LoadError::new(file, at("properties"), e.to_string()).with_hint(
                "a project needs id, name_zh, name_en, county, industry, precision and \
                 coord_source (see assets/data/projects.geojson)",
            )
        })?;
    let lonlat = match feature.geometry {
        Some(Geometry::Point(p)) => p.0,
        Some(Geometry::MultiPoint(points)) if points.0.len() == 1 => points.0[0].0,
        Some(Geometry::MultiPoint(points)) => {
            return Err(LoadError::new(
                file,
                at("geometry"),
                format!(
                    "project {} is a MultiPoint of {} points; a project is one site, one Point",
                    props.id,
                    points.0.len()
                ),
            )
            .with_hint(
                "give each site a feature of its own: `ogr2ogr -explodecollections out.geojson \
                 FILE`, or in QGIS: Vector → Geometry Tools → Multipart to Singleparts",
            ));
        }
        Some(other) => {
            return Err(LoadError::new(
                file,
                at("geometry.type"),
                format!("a project must be a Point, not a {}", other.type_name()),
            ));
        }
        None => {
            return Err(LoadError::new(
                file,
                at("geometry"),
                format!("project {} has no geometry", props.id),
            ));
        }
    };
    Ok((Project { props, lonlat }, ignored))
}
