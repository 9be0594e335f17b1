//! One figure as the side panel shows it: value with its qualifier, what it measures, period,
//! and source, with a link to the sentence in the article.

use egui::{Color32, RichText, Ui};

use zq_core::data::{Dataset, Figure};
use zq_core::i18n::{Lang, Msg};

pub const TARGET_COLOR: Color32 = Color32::from_rgb(0xB3, 0x5C, 0x00);

/// Shows the figure; returns true when the user asked to see it in its article.
pub fn figure_card_ui(ui: &mut Ui, dataset: &Dataset, figure: &Figure, lang: Lang) -> bool {
    let mut show_quote = false;
    egui::Frame::group(ui.style())
        .inner_margin(6.0)
        .show(ui, |ui| {
            ui.set_width(ui.available_width());
            ui.horizontal_wrapped(|ui| {
                ui.label(RichText::new(figure.value_label()).strong().size(15.0));
                // A plan (计划, 谋划) or a goal is marked as such, never shown like an achievement.
                if figure.planned {
                    ui.label(RichText::new(Msg::Planned.text(lang)).color(TARGET_COLOR));
                } else if figure.kind == zq_core::data::Kind::Target {
                    ui.label(RichText::new(Msg::Target.text(lang)).color(TARGET_COLOR));
                }
                let period = figure
                    .period
                    .as_deref()
                    .unwrap_or(Msg::PeriodUnstated.text(lang));
                ui.label(RichText::new(period).weak());
            });
            ui.label(lang.pick(&figure.subject_zh, &figure.subject_en));
            if let Some(also) = also_reported_text(dataset, figure, lang) {
                ui.label(RichText::new(also).weak().small());
            }
            ui.horizontal_wrapped(|ui| {
                let citation = dataset
                    .article(&figure.source.article)
                    .map(|a| a.citation(lang))
                    .unwrap_or_default();
                ui.label(
                    RichText::new(lang.labelled(Msg::Source.text(lang), &citation))
                        .weak()
                        .small(),
                );
                if ui
                    .link(RichText::new(Msg::ShowQuote.text(lang)).small())
                    .on_hover_text(format!("“{}”", figure.source.quote))
                    .clicked()
                {
                    show_quote = true;
                }
                copy_citation_button_ui(ui, dataset, figure, lang);
            });
        });
    show_quote
}

/// "另见 / Also reported in …" with the other articles that report the figure's fact, if any.
pub fn also_reported_text(dataset: &Dataset, figure: &Figure, lang: Lang) -> Option<String> {
    let also: Vec<String> = dataset
        .also_reported_in(figure)
        .into_iter()
        .map(|a| a.citation(lang))
        .collect();
    (!also.is_empty()).then(|| {
        lang.labelled(
            Msg::AlsoReported.text(lang),
            &also.join(Msg::ListSeparator.text(lang)),
        )
    })
}

/// "Copy as citation": puts one sentence a writer can paste on the clipboard.
pub fn copy_citation_button_ui(ui: &mut Ui, dataset: &Dataset, figure: &Figure, lang: Lang) {
    if ui
        .small_button(Msg::CopyCitation.text(lang))
        .on_hover_text(Msg::CopyOneSentenceReport.text(lang))
        .clicked()
    {
        ui.ctx()
            .copy_text(zq_core::data::citation::citation(dataset, figure, lang));
    }
}

/// Everything a reader needs to check a figure: value with qualifier and unit, status, period,
/// the verbatim quote and its article. Shown when hovering a chart item.
pub fn figure_details_ui(ui: &mut Ui, dataset: &Dataset, figure: &Figure, lang: Lang) {
    ui.set_max_width(360.0);
    ui.label(RichText::new(lang.pick(&figure.subject_zh, &figure.subject_en)).strong());
    ui.horizontal_wrapped(|ui| {
        ui.label(RichText::new(figure.value_label()).strong());
        ui.label(RichText::new(format!("（{}）", figure.printed)).weak());
        if let Some(word) = zq_core::charts::Status::of(figure).mark(lang) {
            ui.label(RichText::new(word).color(TARGET_COLOR));
        }
    });
    if let Some(meaning) = bound_meaning(figure.bound, lang) {
        ui.label(RichText::new(meaning).small());
    }
    ui.label(
        lang.labelled(
            Msg::Period.text(lang),
            figure
                .period
                .as_deref()
                .unwrap_or(Msg::PeriodUnstated.text(lang)),
        ),
    );
    ui.label(RichText::new(format!("“{}”", figure.source.quote)).italics());
    if let Some(article) = dataset.article(&figure.source.article) {
        ui.label(
            RichText::new(lang.labelled(Msg::Source.text(lang), &article.citation(lang))).small(),
        );
    }
}

fn bound_meaning(bound: zq_core::data::Bound, lang: Lang) -> Option<&'static str> {
    use zq_core::data::Bound;
    match bound {
        Bound::Exact => None,
        Bound::AtLeast => Some(Msg::LowerBoundText.text(lang)),
        Bound::AtMost => Some(Msg::UpperBoundText.text(lang)),
        Bound::Approx => Some(Msg::ApproximateText.text(lang)),
    }
}
