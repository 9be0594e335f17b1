//! One figure as the side panel shows it: value with its qualifier, what it measures, period,
//! and source, with a link to the sentence in the article.

use egui::{Color32, RichText, Ui};

use crate::data::{Dataset, Figure};
use crate::i18n::{Lang, Msg};

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
                } else if figure.kind == crate::data::Kind::Target {
                    ui.label(RichText::new(Msg::Target.text(lang)).color(TARGET_COLOR));
                }
                let period = figure
                    .period
                    .as_deref()
                    .unwrap_or(Msg::PeriodUnstated.text(lang));
                ui.label(RichText::new(period).weak());
            });
            ui.label(lang.pick(&figure.subject_zh, &figure.subject_en));
            ui.horizontal_wrapped(|ui| {
                let citation = dataset
                    .article(&figure.source.article)
                    .map(|a| a.citation(lang.is_en()))
                    .unwrap_or_default();
                ui.label(
                    RichText::new(format!("{}：{citation}", Msg::Source.text(lang)))
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
            });
        });
    show_quote
}
