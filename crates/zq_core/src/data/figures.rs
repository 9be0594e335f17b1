//! Figures: every number the articles report, with its qualifier and where it was printed.

use serde::{Deserialize, Serialize};

use crate::i18n::{Lang, Msg};

/// What the article's wording says about the true value.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Bound {
    Exact,
    /// 超, 逾, 突破, 多, 余, 以上, …级: the value is a floor.
    AtLeast,
    /// 不足, 不到, 以下: the value is a ceiling.
    AtMost,
    /// 约, 近, 左右.
    Approx,
}

impl Bound {
    pub const ALL: [Self; 4] = [Self::Exact, Self::AtLeast, Self::AtMost, Self::Approx];

    /// The mark drawn before a value: nothing for an exact value.
    pub fn symbol(self) -> &'static str {
        match self {
            Self::Exact => "",
            Self::AtLeast => "≥",
            Self::AtMost => "≤",
            Self::Approx => "≈",
        }
    }
}

/// What kind of quantity a figure is. A goal or plan is a `Target`, never an achievement.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    Investment,
    Output,
    Count,
    Growth,
    Target,
    /// An ordinal (第二个, 第6名): a place in a list, shown as text, never as a bar.
    Rank,
    Other,
}

impl Kind {
    pub const ALL: [Self; 7] = [
        Self::Investment,
        Self::Output,
        Self::Count,
        Self::Growth,
        Self::Target,
        Self::Rank,
        Self::Other,
    ];
}

/// Whether a figure reports something achieved, a plan (计划投资, 谋划) or a goal (目标, 预计).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Status {
    Achieved,
    Planned,
    Target,
}

impl Status {
    pub fn of(figure: &Figure) -> Self {
        if figure.planned {
            Self::Planned
        } else if figure.kind == Kind::Target {
            Self::Target
        } else {
            Self::Achieved
        }
    }

    /// The word that marks a plan or goal, e.g. in a bar's label.
    pub fn mark(self, lang: Lang) -> Option<&'static str> {
        match self {
            Self::Achieved => None,
            Self::Planned => Some(Msg::Planned.text(lang)),
            Self::Target => Some(Msg::Target.text(lang)),
        }
    }
}

/// Where in which article a figure is printed.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Source {
    /// The article id (its file stem).
    pub article: String,
    /// The shortest verbatim fragment holding the number and its qualifier.
    pub quote: String,
}

/// Scope value for figures about the whole city.
pub const CITY_SCOPE: &str = "city";
/// Scope value for figures about a company as a whole (XPeng's deliveries), not a place.
pub const COMPANY_SCOPE: &str = "company";

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Figure {
    pub id: String,
    /// The number exactly as printed (156.96 stays 156.96); units such as 亿 stay in `unit`.
    pub value: f64,
    pub unit: String,
    /// What exactly is counted or valued (an id in `measures.json`). Figures share a chart axis
    /// only when they share measure and unit; without one a figure is comparable with nothing.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub measure: Option<String>,
    /// The number with its qualifier and unit as printed, e.g. `超200亿元`.
    pub printed: String,
    pub bound: Bound,
    pub kind: Kind,
    /// A planned or committed amount (计划投资), not money spent.
    #[serde(default)]
    pub planned: bool,
    /// The value holds for each of several items (四个超百亿级项目: each ≥ 100 亿元) or is a rate
    /// or an average: it must never be added up.
    #[serde(default)]
    pub each: bool,
    /// `"city"`, `"company"` or a county adcode.
    pub scope: String,
    /// The projects the figure is about: in the files `null`, one id or a list (a list only for
    /// a value that holds for each of them, such as a size class).
    #[serde(rename = "project", default, with = "one_or_many")]
    pub projects: Vec<String>,
    pub period: Option<String>,
    pub subject_zh: String,
    pub subject_en: String,
    pub source: Source,
    #[serde(default)]
    pub note: Option<String>,
    /// The figure that reports the same fact (another article, or the same one again): that one
    /// is drawn and counted, this one is shown as "also reported in …".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub same_as: Option<String>,
}

impl Figure {
    pub fn is_city_wide(&self) -> bool {
        self.scope == CITY_SCOPE
    }

    /// The one project the figure is about, when it names exactly one.
    pub fn project(&self) -> Option<&str> {
        match self.projects.as_slice() {
            [one] => Some(one),
            _ => None,
        }
    }

    pub fn names_project(&self, id: &str) -> bool {
        self.projects.iter().any(|p| p == id)
    }

    /// Whether this is a goal, plan or forecast rather than something achieved.
    pub fn is_target(&self) -> bool {
        self.kind == Kind::Target || self.planned
    }

    /// The value with its bound mark and unit, e.g. `≥200 亿元`, `156.96 亿元`.
    pub fn value_label(&self) -> String {
        format!(
            "{}{} {}",
            self.bound.symbol(),
            format_value(self.value),
            self.unit
        )
    }
}

/// A value the way the article printed it: no trailing `.0`, no exponent.
pub fn format_value(value: f64) -> String {
    if value.fract() == 0.0 && value.abs() < 1e15 {
        format!("{}", value as i64)
    } else {
        format!("{value}")
    }
}

/// `"project"` as the files write it: `null`, `"id"` or `["id", …]`.
mod one_or_many {
    use serde::{Deserialize, Deserializer, Serialize, Serializer};

    #[derive(Deserialize)]
    #[serde(untagged)]
    enum OneOrMany {
        One(String),
        Many(Vec<String>),
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<String>, D::Error> {
        Ok(match Option::<OneOrMany>::deserialize(d)? {
            None => Vec::new(),
            Some(OneOrMany::One(id)) => vec![id],
            Some(OneOrMany::Many(ids)) => ids,
        })
    }

    pub fn serialize<S: Serializer>(ids: &[String], s: S) -> Result<S::Ok, S::Error> {
        match ids {
            [] => s.serialize_none(),
            [one] => one.serialize(s),
            many => many.serialize(s),
        }
    }
}

#[derive(Clone, Debug, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FiguresFile {
    pub figures: Vec<Figure>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_print_as_in_the_article() {
        assert_eq!(format_value(156.96), "156.96");
        assert_eq!(format_value(897.0), "897");
        assert_eq!(format_value(171.2), "171.2");
        assert_eq!(format_value(1.26), "1.26");
    }
}
