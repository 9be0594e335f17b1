//! Measures: what exactly a figure counts or values. Two figures may share a chart axis only when
//! they share a measure and a unit, so the measure, not the unit, decides what is comparable.

use serde::{Deserialize, Serialize};

/// The part of a county's (or the city's) fact sheet a measure belongs to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Theme {
    Investment,
    Industry,
    Villages,
    Party,
    Environment,
}

impl Theme {
    /// In the order a fact sheet shows them.
    pub const ALL: [Self; 5] = [
        Self::Investment,
        Self::Industry,
        Self::Villages,
        Self::Party,
        Self::Environment,
    ];

    pub fn name(self, english: bool) -> &'static str {
        match (self, english) {
            (Self::Investment, false) => "投资与项目",
            (Self::Investment, true) => "Investment and projects",
            (Self::Industry, false) => "产业与产出",
            (Self::Industry, true) => "Industry and output",
            (Self::Villages, false) => "镇村发展",
            (Self::Villages, true) => "Towns and villages",
            (Self::Party, false) => "党建与公共服务",
            (Self::Party, true) => "Party building and services",
            (Self::Environment, false) => "城市、生态与文旅",
            (Self::Environment, true) => "City, environment and tourism",
        }
    }
}

/// A theme's heading, or "其他 / Other" for figures whose measure is unknown.
pub fn theme_heading(theme: Option<Theme>, english: bool) -> &'static str {
    match (theme, english) {
        (Some(t), _) => t.name(english),
        (None, false) => "其他",
        (None, true) => "Other",
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Measure {
    pub id: String,
    /// A short noun phrase naming what is measured, without place or period.
    pub zh: String,
    pub en: String,
    pub theme: Theme,
}

impl Measure {
    pub fn name(&self, english: bool) -> &str {
        if english { &self.en } else { &self.zh }
    }
}

#[derive(Clone, Debug, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MeasuresFile {
    pub measures: Vec<Measure>,
}
