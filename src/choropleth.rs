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

    /// ColorBrewer's published YlGnBu, 5 classes (colorbrewer2.org), light to dark.
    const YLGNBU_5: [&str; 5] = ["#ffffcc", "#a1dab4", "#41b6c4", "#2c7fb8", "#253494"];

    fn hex(rgb: [u8; 3]) -> String {
        format!("#{:02x}{:02x}{:02x}", rgb[0], rgb[1], rgb[2])
    }

    #[test]
    fn the_palette_is_colorbrewer_ylgnbu_with_five_classes() {
        assert_eq!(PALETTE.map(hex), YLGNBU_5.map(str::to_owned));
        // Five classes get the five colours in order.
        let five: Vec<String> = (0..5).map(|i| hex(class_color(i, 5))).collect();
        assert_eq!(five, YLGNBU_5);
        // Never more classes than the scheme has colours.
        let many: Vec<f64> = (0..40).map(f64::from).collect();
        assert_eq!(classes(&many).len(), 5);
    }

    /// On the shipped data every metric's classes take distinct YlGnBu colours, light to dark.
    /// (With fewer than five classes these are picked from the 5-class scheme, not ColorBrewer's
    /// own 3- or 4-class YlGnBu.)
    #[test]
    fn the_shipped_metrics_are_coloured_light_to_dark_from_ylgnbu() {
        let data = Dataset::embedded().expect("embedded data");
        for metric in Metric::ALL {
            let present: Vec<f64> = county_values(&data, metric)
                .iter()
                .filter_map(|v| v.value)
                .collect();
            let classes = classes(&present);
            assert!((2..=5).contains(&classes.len()), "{metric:?}: {classes:?}");
            let slots: Vec<usize> = (0..classes.len())
                .map(|i| {
                    let colour = hex(class_color(i, classes.len()));
                    YLGNBU_5
                        .iter()
                        .position(|c| *c == colour)
                        .unwrap_or_else(|| panic!("{metric:?}: {colour} is no YlGnBu colour"))
                })
                .collect();
            assert!(
                slots.windows(2).all(|w| w[0] < w[1]),
                "{metric:?}: {slots:?}"
            );
            assert_eq!(slots[0], 0, "{metric:?}: the lowest class is the lightest");
            assert_eq!(
                *slots.last().unwrap(),
                4,
                "{metric:?}: the highest is the darkest"
            );
        }
    }

    #[test]
    fn colours_run_light_to_dark() {
        assert_eq!(class_color(0, 3), PALETTE[0]);
        assert_eq!(class_color(2, 3), PALETTE[4]);
        assert_eq!(class_color(0, 1), PALETTE[4]);
    }
}
