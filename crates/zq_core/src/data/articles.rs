//! The five source articles: metadata and full text.

use serde::{Deserialize, Serialize};

use crate::i18n::{Lang, Msg};

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
    pub fn reference(&self, lang: Lang) -> String {
        let citation = match self.outlet(lang) {
            Some(_) => self.citation(lang),
            // citation() names the headline in place of the outlet; don't name it twice.
            None => format!(
                "{}{}{}",
                Msg::OutletNotStated.text(lang),
                Msg::ListComma.text(lang),
                self.date(lang)
            ),
        };
        crate::fill!(
            Msg::ArticleReference,
            lang,
            headline_zh = self.headline_zh,
            headline_en = self.headline_en,
            citation = citation
        )
    }

    /// "outlet, date" for source lines. An article that names no outlet is cited by its
    /// headline; one that states no date says so, with the month it cannot precede if known.
    pub fn citation(&self, lang: Lang) -> String {
        let outlet = match self.outlet(lang) {
            Some(outlet) => outlet.to_owned(),
            None => crate::fill!(
                Msg::HeadlineOutletNotStated,
                lang,
                headline = self.headline_zh
            ),
        };
        format!("{outlet}{}{}", Msg::ListComma.text(lang), self.date(lang))
    }

    /// The outlet in `lang`, else in the other language.
    fn outlet(&self, lang: Lang) -> Option<&str> {
        let (zh, en) = (self.outlet_zh.as_deref(), self.outlet_en.as_deref());
        match lang {
            Lang::Zh => zh.or(en),
            Lang::En => en.or(zh),
        }
    }

    fn date(&self, lang: Lang) -> String {
        match (&self.date, &self.date_not_before) {
            (Some(date), _) => date.clone(),
            (None, Some(month)) => crate::fill!(Msg::DateNotStatedNotBefore, lang, month = month),
            (None, None) => Msg::DateNotStated.text(lang).to_owned(),
        }
    }
}

#[derive(Clone, Debug, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ArticlesFile {
    pub articles: Vec<Article>,
}
