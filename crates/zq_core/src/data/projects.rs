//! Projects and sites the articles describe, as points on the map.

use geo::Coord;
use serde::{Deserialize, Serialize};

use crate::i18n::{Lang, Msg};

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

    pub fn name(self, lang: Lang) -> &'static str {
        match self {
            Self::Nev => Msg::IndustryNev,
            Self::Battery => Msg::IndustryBattery,
            Self::Electronics => Msg::IndustryElectronics,
            Self::Food => Msg::IndustryFood,
            Self::Agriculture => Msg::IndustryAgriculture,
            Self::Tourism => Msg::IndustryTourism,
            Self::Ecology => Msg::IndustryEcology,
            Self::Energy => Msg::IndustryEnergy,
            Self::Materials => Msg::IndustryMaterials,
            Self::Machinery => Msg::IndustryMachinery,
            Self::Commerce => Msg::IndustryCommerce,
            Self::IndustrialPark => Msg::IndustryIndustrialPark,
        }
        .text(lang)
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
    pub fn describe(self, lang: Lang) -> &'static str {
        match self {
            Self::Site => Msg::PrecisionSite,
            Self::Area => Msg::PrecisionArea,
            Self::Town => Msg::PrecisionTown,
            Self::County => Msg::PrecisionCounty,
        }
        .text(lang)
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
