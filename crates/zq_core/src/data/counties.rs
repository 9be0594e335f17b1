//! What the articles say about each of the eight counties.

use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Seat {
    pub name_zh: String,
    pub name_en: String,
    pub lon: f64,
    pub lat: f64,
    /// The source key in the places reference.
    pub source: String,
    #[serde(default)]
    pub note: Option<String>,
}

/// A statement about a county that is not a number, quoted verbatim.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Fact {
    pub text_zh: String,
    pub text_en: String,
    pub article: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct County {
    pub adcode: String,
    pub name_zh: String,
    pub name_en: String,
    /// 区, 县 or 县级市.
    pub kind_zh: String,
    pub seat: Seat,
    #[serde(default)]
    pub figures: Vec<String>,
    #[serde(default)]
    pub projects: Vec<String>,
    #[serde(default)]
    pub facts: Vec<Fact>,
}

#[derive(Clone, Debug, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CountiesFile {
    pub counties: Vec<County>,
}
