//! Projects and sites the articles describe, as points on the map.

use geo::Coord;
use serde::{Deserialize, Serialize};

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
