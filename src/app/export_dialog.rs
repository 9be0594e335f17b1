//! "Export…": what to export (the chart shown, the map, the report sheet), in which format
//! (PNG at a scale, or SVG, PDF, Word where they apply); then save it (a save dialog proposes
//! the file name) or copy it as an image.

use egui::{RichText, Ui};

use crate::export::{CHART_MIN_HEIGHT, CHART_WIDTH, Format, MAP_SIZE, MapExtent, Request, Subject};

/// The formats each subject can be saved in, as the dialog offers them.
const IMAGE_FORMATS: &[(Format, &str)] = &[
    (Format::Png, "PNG"),
    (Format::Svg, "SVG"),
    (Format::Pdf, "PDF"),
];
const REPORT_FORMATS: &[(Format, &str)] = &[
    (Format::Png, "PNG"),
    (Format::Pdf, "PDF"),
    (Format::Docx, "Word (DOCX)"),
];
use zq_core::i18n::{Lang, Msg};
use zq_core::selection::Selection;

use zq_map::LayerSettings;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum What {
    Chart,
    Map,
    Report,
}

#[derive(Clone, Debug)]
pub struct ExportDialog {
    pub what: What,
    pub scale: u32,
    pub format: Format,
    /// For the map: the current view instead of the whole city.
    pub current_view: bool,
}

/// What the user chose in the dialog this frame.
#[derive(Clone, Debug, PartialEq)]
pub enum ExportChoice {
    Open,
    Cancel,
    Save(Request),
    Copy(Request),
}

/// What the request needs from the window: the chart shown, the selection, the map's layers
/// and view, the language.
pub struct ExportContext<'a> {
    pub chart_id: &'a str,
    pub selection: &'a Selection,
    pub layers: &'a LayerSettings,
    /// The lon/lat box the map shows now.
    pub visible: Option<geo::Rect<f64>>,
    pub lang: Lang,
}

impl ExportDialog {
    pub fn new(what: What) -> Self {
        Self {
            what,
            scale: 2,
            format: Format::Png,
            current_view: false,
        }
    }

    pub fn request(&self, cx: &ExportContext<'_>) -> Request {
        let subject = match self.what {
            What::Chart => Subject::Chart {
                id: cx.chart_id.to_owned(),
            },
            What::Map => Subject::Map {
                extent: match (self.current_view, cx.visible) {
                    (true, Some(visible)) => MapExtent::View(visible),
                    _ => MapExtent::WholeCity,
                },
            },
            What::Report => Subject::Report,
        };
        let format = if self.formats().iter().any(|(f, _)| *f == self.format) {
            self.format
        } else {
            Format::Png
        };
        Request {
            subject,
            county: cx.selection.county.clone(),
            project: cx.selection.project.clone(),
            scale: if self.what == What::Report {
                1
            } else {
                self.scale
            },
            lang: cx.lang,
            format,
            layers: cx.layers.clone(),
        }
    }

    /// What the chosen subject can be saved as: a chart or the map as PNG, SVG or PDF, the
    /// report as PNG, PDF or a Word document.
    fn formats(&self) -> &'static [(Format, &'static str)] {
        match self.what {
            What::Chart | What::Map => IMAGE_FORMATS,
            What::Report => REPORT_FORMATS,
        }
    }

    pub fn window_ui(&mut self, ctx: &egui::Context, cx: &ExportContext<'_>) -> ExportChoice {
        let mut choice = ExportChoice::Open;
        let lang = cx.lang;
        egui::Window::new(Msg::ExportImage.text(lang))
            .id(egui::Id::unique("export_dialog"))
            .collapsible(false)
            .resizable(false)
            .anchor(egui::Align2::CENTER_CENTER, egui::Vec2::ZERO)
            .show(ctx, |ui| choice = self.contents_ui(ui, cx));
        choice
    }

    fn contents_ui(&mut self, ui: &mut Ui, cx: &ExportContext<'_>) -> ExportChoice {
        let lang = cx.lang;
        let mut choice = ExportChoice::Open;
        ui.horizontal(|ui| {
            ui.selectable_value(&mut self.what, What::Chart, Msg::CurrentChart.text(lang));
            ui.selectable_value(&mut self.what, What::Map, Msg::Map.text(lang));
            ui.selectable_value(&mut self.what, What::Report, Msg::ReportSheetA4.text(lang));
        });
        ui.separator();
        // A format the new subject does not have (Word, after the report) falls back to PNG,
        // shown as chosen.
        if !self.formats().iter().any(|(f, _)| *f == self.format) {
            self.format = Format::Png;
        }
        ui.horizontal(|ui| {
            ui.label(Msg::Format.text(lang));
            for (format, name) in self.formats() {
                ui.selectable_value(&mut self.format, *format, *name);
            }
        });
        let format = self.request(cx).format;
        match (self.what, format) {
            (What::Report, Format::Png) => {
                ui.label(Msg::MapSelectedCountyS.text(lang));
            }
            (What::Report, _) => {
                ui.label(Msg::ReportPagesNote.text(lang));
            }
            (_, Format::Png) => {
                ui.horizontal(|ui| {
                    ui.label(Msg::Scale.text(lang));
                    for scale in [1, 2, 4] {
                        ui.selectable_value(&mut self.scale, scale, format!("{scale}×"));
                    }
                    let (w, h) = if self.what == What::Map {
                        (MAP_SIZE.x, MAP_SIZE.y)
                    } else {
                        (CHART_WIDTH, CHART_MIN_HEIGHT)
                    };
                    let scale = self.scale as f32;
                    ui.label(RichText::new(format!("≈ {} × {}+ px", w * scale, h * scale)).weak());
                });
            }
            (_, Format::Pdf) => {
                ui.label(RichText::new(Msg::PdfSizeNote.text(lang)).weak());
            }
            _ => {}
        }
        if self.what == What::Map {
            ui.checkbox(
                &mut self.current_view,
                Msg::OnlyCurrentViewDefault.text(lang),
            );
        }
        ui.add_space(6.0);
        ui.horizontal(|ui| {
            if ui
                .button(RichText::new(Msg::SaveEllipsis.text(lang)).strong())
                .clicked()
            {
                choice = ExportChoice::Save(self.request(cx));
            }
            let can_copy = format == Format::Png;
            if ui
                .add_enabled(can_copy, egui::Button::new(Msg::CopyImage.text(lang)))
                .on_hover_text(Msg::CopiesClipboardReadyPaste.text(lang))
                .clicked()
            {
                choice = ExportChoice::Copy(self.request(cx));
            }
            if ui.button(Msg::Cancel.text(lang)).clicked() {
                choice = ExportChoice::Cancel;
            }
        });
        choice
    }
}
