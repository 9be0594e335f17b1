//! A figure as one sentence a writer can paste into a report: the value with its qualifier, what
//! it measures, the period, the outlet and date, and the article's own words.

use super::figures::{Bound, Status, format_value};
use super::{Dataset, Figure};
use crate::i18n::{Lang, Msg};

/// The citation in the UI's language; a fact reported twice names both articles.
pub fn citation(dataset: &Dataset, figure: &Figure, lang: Lang) -> String {
    let source = |f: &Figure| {
        dataset
            .article(&f.source.article)
            .map(|a| a.citation(lang))
            .unwrap_or_else(|| f.source.article.clone())
    };
    let also: Vec<String> = dataset
        .also_reported_in(figure)
        .into_iter()
        .map(|a| a.citation(lang))
        .collect();
    let status = match Status::of(figure) {
        Status::Achieved => "",
        Status::Planned => Msg::CitationPlanned.text(lang),
        Status::Target => Msg::CitationTarget.text(lang),
    };
    let period = figure
        .period
        .as_deref()
        .unwrap_or(Msg::PeriodUnstated.text(lang));
    let also = if also.is_empty() {
        String::new()
    } else {
        let list = also.join(Msg::ListSeparator.text(lang));
        crate::fill!(Msg::CitationAlso, lang, list = list)
    };
    // The Chinese sentence quotes the value as printed; the English one gives the number with
    // its qualifier in words, and the printed form after the quote.
    let (subject, value, quote) = match lang {
        Lang::Zh => (
            figure.subject_zh.clone(),
            figure.printed.clone(),
            format!("“{}”", figure.source.quote),
        ),
        Lang::En => {
            let qualifier = match figure.bound {
                Bound::Exact => "",
                Bound::AtLeast => "at least ",
                Bound::AtMost => "at most ",
                Bound::Approx => "about ",
            };
            let mut subject = figure.subject_en.clone();
            if let Some(first) = subject.get(..1) {
                subject = first.to_uppercase() + &subject[1..];
            }
            let value = format!("{qualifier}{} {}", format_value(figure.value), figure.unit);
            let quote = format!("“{}” ({})", figure.source.quote, figure.printed);
            (subject, value, quote)
        }
    };
    crate::fill!(
        Msg::Citation,
        lang,
        subject = subject,
        value = value,
        status = status,
        period = period,
        source = source(figure),
        quote = quote,
        also = also
    )
}
