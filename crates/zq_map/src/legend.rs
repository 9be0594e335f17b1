//! The legend's rows, as each layer writes its own (see `MapLayer::legend_ui`): a key (a
//! swatch, a symbol) beside its words.

use egui::{Color32, RichText, Sense, Stroke, Ui, Vec2};

use super::palette;

pub fn row(ui: &mut Ui, key: impl FnOnce(&mut Ui), text: &str) {
    ui.horizontal(|ui| {
        key(ui);
        ui.label(RichText::new(text).size(12.0));
    });
}

pub fn swatch(ui: &mut Ui, fill: Color32) {
    let (rect, _) = ui.allocate_exact_size(Vec2::new(18.0, 12.0), Sense::hover());
    ui.painter().rect_filled(rect, 1.0, fill);
    ui.painter().rect_stroke(
        rect,
        1.0,
        Stroke::new(0.5, palette::BORDER),
        egui::StrokeKind::Inside,
    );
}
