//! When opened boundaries sit where GCJ-02 data would (Amap, DataV.GeoAtlas, ECharts maps are
//! in it), the file opens as it is and this dialog offers to read it again converted.

use std::sync::Arc;

use egui::RichText;

use zq_core::i18n::Lang;

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
        egui::Window::new(lang.pick(
            "这些坐标是 GCJ-02 吗？",
            "Are these coordinates GCJ-02?",
        ))
        .id(egui::Id::unique("datum_dialog"))
        .collapsible(false)
        .anchor(egui::Align2::CENTER_CENTER, egui::Vec2::ZERO)
        .show(ctx, |ui| {
            ui.label(RichText::new(&self.name).strong());
            ui.label(&self.reason);
            ui.label(lang.pick(
                "高德、DataV.GeoAtlas 和 ECharts 地图数据使用 GCJ-02 坐标，与本程序的 WGS-84 相差数百米。",
                "Amap, DataV.GeoAtlas and ECharts map data use GCJ-02, a few hundred metres off \
                 the WGS-84 this program draws in.",
            ));
            ui.horizontal(|ui| {
                if ui
                    .button(
                        RichText::new(lang.pick("按 GCJ-02 转换", "Convert from GCJ-02")).strong(),
                    )
                    .clicked()
                {
                    answer = DatumAnswer::Convert;
                }
                if ui.button(lang.pick("保持原样", "Keep as opened")).clicked() {
                    answer = DatumAnswer::Keep;
                }
            });
        });
        answer
    }
}
