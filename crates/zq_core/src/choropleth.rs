//! Colouring the counties by a number the data gives: which metric, how values fall into
//! classes, and which colour each class gets.

use crate::data::Dataset;
use crate::i18n::{Lang, Msg};

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
            Self::Projects => Msg::NumberProjects.text(lang),
            Self::Investment => Msg::StatedProjectInvestment.text(lang),
            Self::Figures => Msg::NumberFigures.text(lang),
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

/// A class of values `[min, max]`; its colour is [`class_color`] of its index.
#[derive(Clone, Debug, PartialEq)]
pub struct Class {
    pub min: f64,
    pub max: f64,
}

/// ColorBrewer's YlGnBu for 3, 4 and 5 classes (colorbrewer2.org), light to dark: sequential
/// and safe for colour-blind readers and for print. Each class count has its own published
/// scheme; fewer classes are not a subset of the 5-class one.
pub const YLGNBU: [&[[u8; 3]]; 3] = [
    &[[0xED, 0xF8, 0xB1], [0x7F, 0xCD, 0xBB], [0x2C, 0x7F, 0xB8]],
    &[
        [0xFF, 0xFF, 0xCC],
        [0xA1, 0xDA, 0xB4],
        [0x41, 0xB6, 0xC4],
        [0x22, 0x5E, 0xA8],
    ],
    &[
        [0xFF, 0xFF, 0xCC],
        [0xA1, 0xDA, 0xB4],
        [0x41, 0xB6, 0xC4],
        [0x2C, 0x7F, 0xB8],
        [0x25, 0x34, 0x94],
    ],
];

/// The most classes a map gets: the largest scheme.
pub const MAX_CLASSES: usize = 5;

/// Up to five classes holding every value: quantile breaks on the distinct values, so each
/// class has counties in it and no class is empty.
pub fn classes(values: &[f64]) -> Vec<Class> {
    let mut distinct: Vec<f64> = values.iter().copied().filter(|v| v.is_finite()).collect();
    distinct.sort_by(f64::total_cmp);
    distinct.dedup();
    let k = distinct.len().min(MAX_CLASSES);
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
    // ColorBrewer publishes no 1- or 2-class scheme: those take the 3-class one's ends (one
    // class its darkest, to stand apart from the grey of "no data").
    let scheme = YLGNBU[count.clamp(3, MAX_CLASSES) - 3];
    let slot = match count {
        0 | 1 => scheme.len() - 1,
        2 => index * (scheme.len() - 1),
        _ => index,
    };
    scheme[slot.min(scheme.len() - 1)]
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

    /// ColorBrewer's published YlGnBu (colorbrewer2.org), light to dark.
    const YLGNBU_3: [&str; 3] = ["#edf8b1", "#7fcdbb", "#2c7fb8"];
    const YLGNBU_4: [&str; 4] = ["#ffffcc", "#a1dab4", "#41b6c4", "#225ea8"];
    const YLGNBU_5: [&str; 5] = ["#ffffcc", "#a1dab4", "#41b6c4", "#2c7fb8", "#253494"];

    fn hex(rgb: [u8; 3]) -> String {
        format!("#{:02x}{:02x}{:02x}", rgb[0], rgb[1], rgb[2])
    }

    fn colours(count: usize) -> Vec<String> {
        (0..count).map(|i| hex(class_color(i, count))).collect()
    }

    #[test]
    fn each_class_count_gets_colorbrewers_own_ylgnbu() {
        assert_eq!(colours(3), YLGNBU_3);
        assert_eq!(colours(4), YLGNBU_4);
        assert_eq!(colours(5), YLGNBU_5);
        // Never more classes than the largest scheme has colours.
        let many: Vec<f64> = (0..40).map(f64::from).collect();
        assert_eq!(classes(&many).len(), 5);
    }

    /// On the shipped data every metric is coloured with the scheme for its class count.
    #[test]
    fn the_shipped_metrics_are_coloured_with_ylgnbu() {
        let data = Dataset::embedded().expect("embedded data");
        for metric in Metric::ALL {
            let present: Vec<f64> = county_values(&data, metric)
                .iter()
                .filter_map(|v| v.value)
                .collect();
            let classes = classes(&present);
            let expected: &[&str] = match classes.len() {
                3 => &YLGNBU_3,
                4 => &YLGNBU_4,
                5 => &YLGNBU_5,
                n => panic!("{metric:?}: {n} classes"),
            };
            assert_eq!(colours(classes.len()), expected, "{metric:?}");
        }
    }

    #[test]
    fn two_classes_and_one_take_the_three_class_schemes_ends() {
        assert_eq!(colours(2), [YLGNBU_3[0], YLGNBU_3[2]]);
        assert_eq!(colours(1), [YLGNBU_3[2]]);
    }
}
