//! Projects and sites the articles describe, as points on the map.

use geo::Coord;
use serde::{Deserialize, Serialize};

use crate::geometry::geojson::{Feature, Geometry, parse_feature_collection};
use crate::load_error::LoadError;

/// The industry a project belongs to: a small fixed set so each gets its own map symbol.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Industry {
    Nev,
    Battery,
    Electronics,
    Food,
    Agriculture,
    Tourism,
    Ecology,
    Energy,
    Materials,
    Machinery,
    Commerce,
    IndustrialPark,
}

impl Industry {
    pub const ALL: [Self; 12] = [
        Self::Nev,
        Self::Battery,
        Self::Electronics,
        Self::Food,
        Self::Agriculture,
        Self::Tourism,
        Self::Ecology,
        Self::Energy,
        Self::Materials,
        Self::Machinery,
        Self::Commerce,
        Self::IndustrialPark,
    ];

    pub fn name(self, english: bool) -> &'static str {
        match (self, english) {
            (Self::Nev, false) => "新能源汽车",
            (Self::Nev, true) => "New-energy vehicles",
            (Self::Battery, false) => "电池与储能",
            (Self::Battery, true) => "Batteries & storage",
            (Self::Electronics, false) => "电子信息",
            (Self::Electronics, true) => "Electronics",
            (Self::Food, false) => "食品与预制菜",
            (Self::Food, true) => "Food processing",
            (Self::Agriculture, false) => "农业",
            (Self::Agriculture, true) => "Agriculture",
            (Self::Tourism, false) => "文旅",
            (Self::Tourism, true) => "Tourism",
            (Self::Ecology, false) => "生态",
            (Self::Ecology, true) => "Ecology",
            (Self::Energy, false) => "能源",
            (Self::Energy, true) => "Energy",
            (Self::Materials, false) => "材料",
            (Self::Materials, true) => "Materials",
            (Self::Machinery, false) => "装备制造",
            (Self::Machinery, true) => "Machinery",
            (Self::Commerce, false) => "商贸",
            (Self::Commerce, true) => "Commerce",
            (Self::IndustrialPark, false) => "产业园区",
            (Self::IndustrialPark, true) => "Industrial parks",
        }
    }
}

/// How precisely a project's point is placed.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Precision {
    /// The site itself.
    Site,
    /// Within a published area (e.g. the Hi-tech Zone's bounds).
    Area,
    /// Only the town is known: the point is the town's centre.
    Town,
    /// Only the county is known: the point is the county seat.
    County,
}

impl Precision {
    pub fn describe(self, english: bool) -> &'static str {
        match (self, english) {
            (Self::Site, false) => "精确到地点",
            (Self::Site, true) => "placed at the site",
            (Self::Area, false) => "位于所属园区或片区，以一点代表（见位置说明）",
            (Self::Area, true) => {
                "within its zone; one point stands for it (see the location note)"
            }
            (Self::Town, false) => "仅知所在镇街，标于镇街中心",
            (Self::Town, true) => "only the town is known; placed at the town centre",
            (Self::County, false) => "仅知所在县区，标于县区驻地或区域点（见位置说明）",
            (Self::County, true) => {
                "only the county is known; placed at its seat or district point (see the location note)"
            }
        }
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ProjectProperties {
    pub id: String,
    pub name_zh: String,
    pub name_en: String,
    /// County adcode.
    pub county: String,
    pub industry: Industry,
    #[serde(default)]
    pub figures: Vec<String>,
    #[serde(default)]
    pub articles: Vec<String>,
    pub precision: Precision,
    /// The source key in the places reference, or `county seat`.
    pub coord_source: String,
    #[serde(default)]
    pub location_zh: Option<String>,
    #[serde(default)]
    pub location_en: Option<String>,
    #[serde(default)]
    pub location_note: Option<String>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Project {
    pub props: ProjectProperties,
    pub lonlat: Coord<f64>,
}

impl std::ops::Deref for Project {
    type Target = ProjectProperties;

    fn deref(&self) -> &ProjectProperties {
        &self.props
    }
}

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
