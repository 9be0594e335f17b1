//! The legend for whatever layers are on: choropleth classes (and "no data"), project symbols
//! by industry, hollow vs filled, "+" for lower bounds, symbol size, the grey neighbours.

use egui::{Color32, RichText, Sense, Stroke, Ui, Vec2};
use zq_core::i18n::Msg;

use zq_core::choropleth;
use zq_core::data::Industry;
use zq_core::data::figures::format_value;

use super::counties::Choropleth;
use super::layers::LayerContext;
use super::palette;
use super::projects::{SymbolShape, industry_style, paint_shape, radius_for};

pub fn legend_ui(ui: &mut Ui, cx: &LayerContext<'_>) {
    let lang = cx.lang;
    ui.spacing_mut().item_spacing.y = 3.0;
    if let Some(c) = Choropleth::of(cx) {
        ui.label(RichText::new(cx.settings.metric.name(lang)).strong());
        let any_lower_bound = c.values.iter().any(|v| v.at_least);
        for (i, class) in c.classes.iter().enumerate() {
            let [r, g, b] = choropleth::class_color(i, c.classes.len());
            let range = if class.min == class.max {
                format_value(round(class.min))
            } else {
                format!(
                    "{} – {}",
                    format_value(round(class.min)),
                    format_value(round(class.max))
                )
            };
            row(ui, |ui| swatch(ui, Color32::from_rgb(r, g, b)), &range);
        }
        row(
            ui,
            |ui| swatch(ui, palette::NO_DATA),
            Msg::NoData.text(lang),
        );
        if cx.settings.metric == choropleth::Metric::Investment {
            ui.label(RichText::new(Msg::ProjectInvestmentOnlyPlanned.text(lang)).small());
        }
        if any_lower_bound {
            ui.label(RichText::new(Msg::SumsIncludeLowerBounds.text(lang)).small());
        }
        ui.add_space(4.0);
    }
    if cx.settings.projects {
        ui.label(RichText::new(Msg::ProjectsIndustry.text(lang)).strong());
        let present: Vec<Industry> = Industry::ALL
            .into_iter()
            .filter(|i| cx.model.dataset.projects.iter().any(|p| p.industry == *i))
            .collect();
        let industry_rows = |ui: &mut Ui, industries: &[Industry]| {
            for &industry in industries {
                let (color, shape) = industry_style(industry);
                row(
                    ui,
                    |ui| symbol(ui, shape, color, false),
                    industry.name(lang),
                );
            }
        };
        // Beside a printed map there is room for two columns, which keeps the legend no
        // taller than the map.
        if ui.available_width() >= 300.0 && present.len() > 1 {
            let half = present.len().div_ceil(2);
            ui.columns(2, |cols| {
                for (col, chunk) in cols.iter_mut().zip(present.chunks(half)) {
                    col.spacing_mut().item_spacing.y = 3.0;
                    industry_rows(col, chunk);
                }
            });
        } else {
            industry_rows(ui, &present);
        }
        let gray = palette::LABEL;
        row(
            ui,
            |ui| symbol(ui, SymbolShape::Circle, gray, false),
            Msg::FilledSiteZone.text(lang),
        );
        row(
            ui,
            |ui| symbol(ui, SymbolShape::Circle, gray, true),
            Msg::HollowOnlyTownCounty.text(lang),
        );
        row(
            ui,
            |ui| {
                ui.label(RichText::new("+").strong());
            },
            Msg::AmountLowerBound.text(lang),
        );
        row(
            ui,
            |ui| {
                let (rect, _) = ui.allocate_exact_size(Vec2::splat(14.0), Sense::hover());
                ui.painter()
                    .circle_filled(rect.center(), 7.0, palette::LABEL);
                ui.painter().text(
                    rect.center(),
                    egui::Align2::CENTER_CENTER,
                    "3",
                    egui::FontId::proportional(10.0),
                    Color32::WHITE,
                );
            },
            Msg::NumberProjectsSharingOne.text(lang),
        );
        ui.horizontal(|ui| {
            // 25 亿元 is the smallest amount drawn true to area (smaller ones at that size).
            for yi in [25.0, 100.0] {
                let r = radius_for(Some(yi));
                let (rect, _) = ui.allocate_exact_size(Vec2::splat(r * 2.0 + 2.0), Sense::hover());
                ui.painter()
                    .circle_stroke(rect.center(), r, Stroke::new(1.0, gray));
                ui.label(RichText::new(format!("{yi:.0} 亿元")).small());
            }
        });
        ui.label(RichText::new(Msg::AreaStatedInvestmentUnder.text(lang)).small());
        ui.add_space(4.0);
    }
    if cx.settings.context {
        row(
            ui,
            |ui| swatch(ui, palette::CONTEXT_LAND),
            Msg::NeighbouringPrefectures.text(lang),
        );
    }
}

fn round(v: f64) -> f64 {
    (v * 100.0).round() / 100.0
}

fn row(ui: &mut Ui, key: impl FnOnce(&mut Ui), text: &str) {
    ui.horizontal(|ui| {
        key(ui);
        ui.label(RichText::new(text).size(12.0));
    });
}

fn swatch(ui: &mut Ui, fill: Color32) {
    let (rect, _) = ui.allocate_exact_size(Vec2::new(18.0, 12.0), Sense::hover());
    ui.painter().rect_filled(rect, 1.0, fill);
    ui.painter().rect_stroke(
        rect,
        1.0,
        Stroke::new(0.5, palette::BORDER),
        egui::StrokeKind::Inside,
    );
}

fn symbol(ui: &mut Ui, shape: SymbolShape, color: Color32, hollow: bool) {
    let (rect, _) = ui.allocate_exact_size(Vec2::new(18.0, 14.0), Sense::hover());
    let (fill, stroke) = if hollow {
        (Color32::WHITE, Stroke::new(2.0, color))
    } else {
        (color, Stroke::new(1.0, Color32::WHITE))
    };
    paint_shape(ui.painter(), shape, rect.center(), 5.0, fill, stroke);
}
