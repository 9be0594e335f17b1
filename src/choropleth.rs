//! Colouring the counties by a number the data gives: which metric, how values fall into
//! classes, and which colour each class gets.

use crate::data::Dataset;
use crate::i18n::Lang;

/// What the counties can be coloured by.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize,
)]
pub enum Metric {
    /// Named projects and sites in the county.
    #[default]
    Projects,
    /// The stated investment of the county's projects, in 亿元 (planned or committed amounts).
    Investment,
    /// Figures the articles give for the county.
    Figures,
}

impl Metric {
    pub const ALL: [Self; 3] = [Self::Projects, Self::Investment, Self::Figures];

    pub fn name(self, lang: Lang) -> &'static str {
        match self {
            Self::Projects => lang.pick("项目数量", "Number of projects"),
            Self::Investment => {
                lang.pick("项目所述投资（亿元）", "Stated project investment (亿元)")
            }
            Self::Figures => lang.pick("数据条数", "Number of figures"),
        }
    }
}

/// One county's value. `at_least` when a summed amount includes a lower bound (超, 多 …), so the
/// sum itself is only a lower bound.
#[derive(Clone, Debug, PartialEq)]
pub struct CountyValue {
    pub adcode: String,
    /// `None`: the data say nothing for this county.
    pub value: Option<f64>,
    pub at_least: bool,
}

/// The value of `metric` for every county in the dataset.
pub fn county_values(dataset: &Dataset, metric: Metric) -> Vec<CountyValue> {
    dataset
        .counties
        .iter()
        .map(|county| {
            let code = county.adcode.as_str();
            let (value, at_least) = match metric {
                Metric::Projects => {
                    let n = dataset.projects_in(code).count();
                    ((n > 0).then_some(n as f64), false)
                }
                Metric::Figures => {
                    let n = dataset.facts_in_scope(code).count();
                    ((n > 0).then_some(n as f64), false)
                }
                Metric::Investment => investment(dataset, code),
            };
            CountyValue {
                adcode: code.to_owned(),
                value,
                at_least,
            }
        })
        .collect()
}

/// The sum, in 亿元, of the stated investment of the county's projects.
fn investment(dataset: &Dataset, code: &str) -> (Option<f64>, bool) {
    let mut total = None;
    let mut at_least = false;
    for amount in dataset
        .projects_in(code)
        .filter_map(|p| dataset.stated_investment(p))
        .map(|s| s.amount)
    {
        *total.get_or_insert(0.0) += amount.yi;
        at_least |= amount.at_least;
    }
    (total, at_least)
}

/// A class of values `[min, max]`, with its colour index into [`PALETTE`].
#[derive(Clone, Debug, PartialEq)]
pub struct Class {
    pub min: f64,
    pub max: f64,
}

/// ColorBrewer YlGnBu, 5 classes: sequential and safe for colour-blind readers and for print.
pub const PALETTE: [[u8; 3]; 5] = [
    [0xFF, 0xFF, 0xCC],
    [0xA1, 0xDA, 0xB4],
    [0x41, 0xB6, 0xC4],
    [0x2C, 0x7F, 0xB8],
    [0x25, 0x34, 0x94],
];

/// Up to five classes holding every value: quantile breaks on the distinct values, so each
/// class has counties in it and no class is empty.
pub fn classes(values: &[f64]) -> Vec<Class> {
    let mut distinct: Vec<f64> = values.iter().copied().filter(|v| v.is_finite()).collect();
    distinct.sort_by(f64::total_cmp);
    distinct.dedup();
    let k = distinct.len().min(PALETTE.len());
    if k == 0 {
        return Vec::new();
    }
    (0..k)
        .map(|i| {
            let lo = i * distinct.len() / k;
            let hi = (i + 1) * distinct.len() / k - 1;
            Class {
                min: distinct[lo],
                max: distinct[hi],
            }
        })
        .collect()
}

/// The index of the class holding `value`.
pub fn class_of(classes: &[Class], value: f64) -> Option<usize> {
    classes
        .iter()
        .position(|c| value >= c.min && value <= c.max)
}

/// The palette colour for class `index` of `count` classes, spread over the whole ramp.
pub fn class_color(index: usize, count: usize) -> [u8; 3] {
    let slot = if count <= 1 {
        PALETTE.len() - 1
    } else {
        index * (PALETTE.len() - 1) / (count - 1)
    };
    PALETTE[slot.min(PALETTE.len() - 1)]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classes_cover_every_value_without_gaps_or_overlaps() {
        for values in [
            vec![1.0, 2.0, 3.0, 30.0, 25.0, 13.0, 2.0],
            vec![5.0],
            vec![0.5, 0.5, 120.0],
            (1..=40).map(f64::from).collect(),
        ] {
            let classes = classes(&values);
            assert!(!classes.is_empty() && classes.len() <= 5);
            for v in &values {
                assert!(class_of(&classes, *v).is_some(), "{v} in {classes:?}");
            }
            for pair in classes.windows(2) {
                assert!(pair[0].max < pair[1].min, "{classes:?}");
            }
        }
        assert!(classes(&[]).is_empty());
    }

    #[test]
    fn colours_run_light_to_dark() {
        assert_eq!(class_color(0, 3), PALETTE[0]);
        assert_eq!(class_color(2, 3), PALETTE[4]);
        assert_eq!(class_color(0, 1), PALETTE[4]);
    }
}
