//! Units as the articles print them, explained in both languages for axis titles.

use crate::i18n::Lang;

/// The unit of a count of dataset figures (the per-county overview).
pub const FIGURES_UNIT: &str = "条";

/// English glosses of the units the articles use.
const GLOSSES: &[(&str, &str)] = &[
    ("亿元", "100 million yuan"),
    ("万元", "10,000 yuan"),
    ("元", "yuan"),
    ("元/公斤", "yuan per kg"),
    ("%", "per cent"),
    ("个百分点", "percentage points"),
    ("亩", "mu (1 mu ≈ 667 m²)"),
    ("万亩", "10,000 mu"),
    ("万平方米", "10,000 m²"),
    ("公里", "km"),
    ("万公斤", "10,000 kg"),
    ("万人次", "10,000 person-times"),
    ("万名", "10,000 people"),
    ("万", "10,000"),
    ("万株", "10,000 trees"),
    ("万盆", "10,000 pots"),
    ("万间", "10,000 rooms (间)"),
    ("万户", "10,000 households"),
    ("个", "count"),
    ("家", "companies"),
    ("名", "people"),
    ("人", "people"),
    ("户", "households"),
    ("条", "count"),
    ("项", "items"),
    ("株", "plants"),
    ("棵", "trees"),
    ("年", "years"),
    ("个月", "months"),
    ("天", "days"),
    ("岁", "years of age"),
    ("位", "rank"),
    ("成", "tenths"),
];

/// The unit for an axis title: as printed, glossed in English.
pub fn describe(unit: &str, lang: Lang) -> String {
    match lang {
        Lang::Zh => unit.to_owned(),
        Lang::En => match GLOSSES.iter().find(|(u, _)| *u == unit) {
            Some((_, gloss)) => format!("{unit} ({gloss})"),
            None => unit.to_owned(),
        },
    }
}
