//! A figure as one sentence a writer can paste into a report: the value with its qualifier, what
//! it measures, the period, the outlet and date, and the article's own words.

use super::figures::{Bound, Status, format_value};
use super::{Dataset, Figure};
use crate::i18n::Lang;

/// The citation in the UI's language; a fact reported twice names both articles.
pub fn citation(dataset: &Dataset, figure: &Figure, lang: Lang) -> String {
    let source = |f: &Figure| {
        dataset
            .article(&f.source.article)
            .map(|a| a.citation(lang.is_en()))
            .unwrap_or_else(|| f.source.article.clone())
    };
    let also: Vec<String> = dataset
        .also_reported_in(figure)
        .into_iter()
        .map(|a| a.citation(lang.is_en()))
        .collect();
    let quote = &figure.source.quote;
    match lang {
        Lang::Zh => {
            let status = match Status::of(figure) {
                Status::Achieved => "",
                Status::Planned => "（计划，非已完成）",
                Status::Target => "（目标或预计，非已实现）",
            };
            let period = figure.period.as_deref().unwrap_or("时间未注明");
            let also = if also.is_empty() {
                String::new()
            } else {
                format!("另见{}。", also.join("；"))
            };
            format!(
                "{}：{}{status}（{period}）。据{}：“{quote}”。{also}",
                figure.subject_zh,
                figure.printed,
                source(figure)
            )
        }
        Lang::En => {
            let qualifier = match figure.bound {
                Bound::Exact => "",
                Bound::AtLeast => "at least ",
                Bound::AtMost => "at most ",
                Bound::Approx => "about ",
            };
            let status = match Status::of(figure) {
                Status::Achieved => "",
                Status::Planned => " (planned, not yet spent or done)",
                Status::Target => " (a goal or forecast, not an achievement)",
            };
            let period = figure
                .period
                .as_deref()
                .map_or_else(|| "period not stated".to_owned(), str::to_owned);
            let also = if also.is_empty() {
                String::new()
            } else {
                format!(" Also reported by {}.", also.join("; "))
            };
            let mut subject = figure.subject_en.clone();
            if let Some(first) = subject.get(..1) {
                subject = first.to_uppercase() + &subject[1..];
            }
            format!(
                "{subject}: {qualifier}{} {}{status} ({period}), according to {}: “{quote}” ({}).{also}",
                format_value(figure.value),
                figure.unit,
                source(figure),
                figure.printed
            )
        }
    }
}
