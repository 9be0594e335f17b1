//! The five source articles: metadata and full text.

use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Article {
    /// The file stem, e.g. `002_167fc7489765f1f4`.
    pub id: String,
    pub headline_zh: String,
    pub headline_en: String,
    pub outlet_zh: Option<String>,
    pub outlet_en: Option<String>,
    #[serde(default)]
    pub authors: Vec<String>,
    /// `YYYY-MM-DD`, only where the article states it.
    pub date: Option<String>,
    /// When `date` is null: what the content implies, and why.
    #[serde(default)]
    pub date_note: Option<String>,
    /// When `date` is null and the content pins a month it cannot precede: `YYYY-MM`.
    #[serde(default)]
    pub date_not_before: Option<String>,
    pub summary_en: String,
    #[serde(default)]
    pub note: Option<String>,
    /// The article's text, filled from `assets/articles/<id>.txt`.
    #[serde(skip)]
    pub text: String,
}

impl Article {
    /// A full reference for a list of sources: headline, outlet and date, each said plainly
    /// when the article does not state it.
    pub fn reference(&self, english: bool) -> String {
        let outlet = if english {
            self.outlet_en.as_deref().or(self.outlet_zh.as_deref())
        } else {
            self.outlet_zh.as_deref().or(self.outlet_en.as_deref())
        };
        let citation = match outlet {
            Some(_) => self.citation(english),
            // citation() names the headline in place of the outlet; don't name it twice.
            None => {
                let date = self.citation(english);
                let date = date
                    .rsplit([',', '，'])
                    .next()
                    .unwrap_or_default()
                    .trim()
                    .to_owned();
                format!(
                    "{}{}{date}",
                    if english {
                        "outlet not stated"
                    } else {
                        "未注明媒体"
                    },
                    if english { ", " } else { "，" }
                )
            }
        };
        if english {
            format!("“{}” ({}), {citation}", self.headline_zh, self.headline_en)
        } else {
            format!("《{}》，{citation}", self.headline_zh)
        }
    }

    /// "outlet, date" for source lines. An article that names no outlet is cited by its
    /// headline; one that states no date says so, with the month it cannot precede if known.
    pub fn citation(&self, english: bool) -> String {
        let outlet = if english {
            self.outlet_en.as_deref().or(self.outlet_zh.as_deref())
        } else {
            self.outlet_zh.as_deref().or(self.outlet_en.as_deref())
        };
        let outlet = match outlet {
            Some(outlet) => outlet.to_owned(),
            None if english => format!("“{}” (outlet not stated)", self.headline_zh),
            None => format!("《{}》（未注明媒体）", self.headline_zh),
        };
        let date = match (&self.date, &self.date_not_before, english) {
            (Some(date), _, _) => date.clone(),
            (None, Some(month), true) => format!("date not stated (not before {month})"),
            (None, Some(month), false) => format!("未注明日期（不早于{month}）"),
            (None, None, true) => "date not stated".to_owned(),
            (None, None, false) => "未注明日期".to_owned(),
        };
        let sep = if english { ", " } else { "，" };
        format!("{outlet}{sep}{date}")
    }
}

#[derive(Clone, Debug, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ArticlesFile {
    pub articles: Vec<Article>,
}
