//! Measures: what exactly a figure counts or values. Two figures may share a chart axis only when
//! they share a measure and a unit, so the measure, not the unit, decides what is comparable.

use serde::{Deserialize, Serialize};

use crate::i18n::{Lang, Msg};

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

    pub fn name(self, lang: Lang) -> &'static str {
        match self {
            Self::Investment => Msg::ThemeInvestment,
            Self::Industry => Msg::ThemeIndustry,
            Self::Villages => Msg::ThemeVillages,
            Self::Party => Msg::ThemeParty,
            Self::Environment => Msg::ThemeEnvironment,
        }
        .text(lang)
    }
}

/// A theme's heading, or "其他 / Other" for figures whose measure is unknown.
pub fn theme_heading(theme: Option<Theme>, lang: Lang) -> &'static str {
    match theme {
        Some(t) => t.name(lang),
        None => Msg::OtherHeading.text(lang),
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
    pub fn name(&self, lang: Lang) -> &str {
        lang.pick(&self.zh, &self.en)
    }
}

#[derive(Clone, Debug, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MeasuresFile {
    pub measures: Vec<Measure>,
}
