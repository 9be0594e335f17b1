//! When opened boundaries sit where GCJ-02 data would (Amap, DataV.GeoAtlas, ECharts maps are
//! in it), the file opens as it is and this dialog offers to read it again converted.

use std::sync::Arc;

use egui::RichText;

use zq_core::i18n::{Lang, Msg};

pub struct DatumDialog {
    pub name: String,
    pub bytes: Arc<[u8]>,
    /// Why the file looks like GCJ-02 (how far off its regions sit).
    reason: String,
}

pub enum DatumAnswer {
    Open,
    /// Keep the coordinates as they were read (WGS-84).
    Keep,
    /// Read the file again, converting from GCJ-02.
    Convert,
}

impl DatumDialog {
    pub fn new(name: String, bytes: Arc<[u8]>, reason: String) -> Self {
        Self {
            name,
            bytes,
            reason,
        }
    }

    pub fn window_ui(&self, ctx: &egui::Context, lang: Lang) -> DatumAnswer {
        let mut answer = DatumAnswer::Open;
        egui::Window::new(Msg::AreTheseCoordinatesGcj02.text(lang))
            .id(egui::Id::unique("datum_dialog"))
            .collapsible(false)
            .anchor(egui::Align2::CENTER_CENTER, egui::Vec2::ZERO)
            .show(ctx, |ui| {
                ui.label(RichText::new(&self.name).strong());
                ui.label(&self.reason);
                ui.label(Msg::DatumAmapDataVGeoAtlasEChartsMap.text(lang));
                ui.horizontal(|ui| {
                    if ui
                        .button(RichText::new(Msg::ConvertFromGcj02.text(lang)).strong())
                        .clicked()
                    {
                        answer = DatumAnswer::Convert;
                    }
                    if ui.button(Msg::KeepCoordinatesAsOpened.text(lang)).clicked() {
                        answer = DatumAnswer::Keep;
                    }
                });
            });
        answer
    }
}
