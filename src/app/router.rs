//! The one place that acts: every [`Action`] the user asks for, and every piece of background
//! work that finishes ([`Done`]), is carried out here. Panels, menus, keys and dialogs only
//! report; the work they ask for (saving, exporting, copying, opening: `workflows.rs`) is
//! started from here alone.

use egui::Key;

use zq_core::i18n::Msg;
use zq_core::load::Options;
use zq_core::search::Target;

use super::action::{Action, OpenKind, ReadAgain, SaveTarget};
use super::done::Done;
use super::export_dialog::{ExportDialog, What};
use super::{ExplorerApp, open};
use crate::export;
use crate::ui::article_view::ArticleView;
use crate::ui::file_dialog::{self, FileDialog};

/// Pan step for the arrow keys, in points.
const PAN_STEP: f64 = 60.0;
/// Zoom step for + and -.
const ZOOM_STEP: f64 = 1.25;

impl ExplorerApp {
    /// Carries out one user request.
    pub fn apply(&mut self, ctx: &egui::Context, action: Action) {
        // One file dialog and one background job at a time: a second would take the place of
        // the first, whose answer or result would then be lost.
        let starts_work = matches!(
            action,
            Action::ExportCsv
                | Action::CopyImage
                | Action::OpenExport(_)
                | Action::OpenFile(_)
                | Action::ExportAll
                | Action::ChooseExportPath(_)
                | Action::CopyExport(_)
        );
        if starts_work && (self.save.is_some() || self.job.is_some()) {
            self.toasts
                .info(Msg::FinishCancelDialogTask.text(self.lang));
            return;
        }
        let model = self.model.as_ref().ok();
        match action {
            Action::SelectCounty(code) => self.selection.select_county(code),
            Action::SelectProject(id) => {
                if let Some(project) = model.and_then(|m| m.dataset.project(&id)) {
                    self.selection.select_project(id, project.county.clone());
                }
            }
            Action::SelectItem(click) => {
                self.selection.select_county(click.county);
                self.selection.project = click.project;
            }
            Action::ClearSelection => self.selection.clear(),
            Action::Escape => {
                if self.save.is_some() {
                    self.save = None;
                } else if self.export.is_some() {
                    self.export = None;
                } else if self.show_help || self.show_about {
                    self.show_help = false;
                    self.show_about = false;
                } else if self.article_view.is_some() {
                    self.article_view = None;
                } else if !self.map.close_popups() {
                    self.selection.clear();
                }
            }
            Action::ClearProject => self.selection.project = None,
            Action::NextCounty { backwards } => {
                if let Some(model) = model {
                    let regions = &model.boundaries.regions;
                    let n = regions.len();
                    if n > 0 {
                        let current = self
                            .selection
                            .county
                            .as_deref()
                            .and_then(|c| model.boundaries.index_of(c));
                        let next = match (current, backwards) {
                            (None, false) => 0,
                            (None, true) => n - 1,
                            (Some(i), false) => (i + 1) % n,
                            (Some(i), true) => (i + n - 1) % n,
                        };
                        self.selection
                            .select_county(regions.get(next).map(|r| r.code.clone()));
                    }
                }
            }
            Action::Found(Target::County(code)) => {
                if let Some(region) = model.and_then(|m| m.boundaries.region_by_code(&code)) {
                    self.map.focus_on(region.bbox);
                }
                self.selection.select_county(Some(code));
            }
            Action::Found(Target::Project(id)) => {
                if let Some(project) = model.and_then(|m| m.dataset.project(&id)) {
                    self.map
                        .focus_on(geo::Rect::new(project.lonlat, project.lonlat));
                    self.selection.select_project(id, project.county.clone());
                }
            }
            Action::ShowQuote(id) => {
                if let Some(figure) = model.and_then(|m| m.dataset.figure(&id)) {
                    self.article_view = Some(ArticleView::new(
                        figure.source.article.clone(),
                        figure.source.quote.clone(),
                    ));
                }
            }
            Action::ExportCsv => {
                let dialog = FileDialog::save(
                    Msg::ExportCsvTitle.text(self.lang),
                    self.last_folder.clone(),
                    "zhaoqing-figures.csv",
                    ("CSV", &["csv"]),
                )
                .native_if(self.native_dialogs);
                self.save = Some((dialog, SaveTarget::TableCsv));
            }
            Action::Copied(n) => {
                self.toasts
                    .info(zq_core::fill!(Msg::CopiedRows, self.lang, n = n))
            }
            Action::CopyImage => {
                let request = ExportDialog::new(What::Chart).request(&self.export_context());
                self.copy_image(ctx, request);
            }
            Action::ShowTable(show) => self.charts.show_table = show,
            Action::ClearRecent => self.recent.clear(),
            Action::SetLang(lang) => self.lang = lang,
            Action::OpenExport(what) => self.export = Some(ExportDialog::new(what)),
            Action::OpenFile(kind) => {
                // What a file holds is told from its content; the filter only narrows the list.
                const MAP: file_dialog::Filter = (
                    "GeoJSON / TopoJSON",
                    &["geojson", "json", "topojson", "geojsons", "ndjson"],
                );
                let (title, filter): (_, file_dialog::Filter) = match kind {
                    OpenKind::Map => (Msg::OpenBoundariesProjectPoints.text(self.lang), MAP),
                    OpenKind::MapGcj02 => (Msg::OpenGcj02MapTitle.text(self.lang), MAP),
                    OpenKind::Figures => (
                        Msg::OpenFiguresTitle.text(self.lang),
                        ("JSON / CSV", &["json", "csv"]),
                    ),
                };
                let options = Options {
                    gcj02: kind == OpenKind::MapGcj02,
                };
                let dialog = FileDialog::open(title, self.last_folder.clone(), filter)
                    .native_if(self.native_dialogs);
                self.save = Some((dialog, SaveTarget::Open(options)));
            }
            Action::OpenPaths(paths) => {
                self.to_open
                    .extend(paths.into_iter().map(|p| (p, Options::default())));
                self.open_next(ctx);
            }
            Action::ExportAll => {
                let request = ExportDialog::new(What::Chart).request(&self.export_context());
                let dialog = FileDialog::folder(
                    Msg::ExportEveryChartMap.text(self.lang),
                    self.last_folder.clone(),
                )
                .native_if(self.native_dialogs);
                self.save = Some((dialog, SaveTarget::ExportAll(Box::new(request))));
            }
            Action::ResetView => self.map.reset(),
            Action::ToggleFullScreen => {
                let full = ctx.input(|i| i.viewport().fullscreen.unwrap_or(false));
                ctx.send_viewport_cmd(egui::ViewportCommand::Fullscreen(!full));
            }
            Action::ShowHelp => self.show_help = true,
            Action::ShowAbout => self.show_about = true,
            Action::DismissHint => self.show_hint = false,
            Action::Quit => ctx.send_viewport_cmd(egui::ViewportCommand::Close),
            Action::SaveTo { path, target } => self.save_to(ctx, path, target),
            Action::ChooseExportPath(request) => {
                let (name, ext): (&'static str, &'static [&'static str]) = match request.format {
                    export::Format::Png => ("PNG", &["png"]),
                    export::Format::Svg => ("SVG", &["svg"]),
                    export::Format::Pdf => ("PDF", &["pdf"]),
                    export::Format::Docx => ("Word", &["docx"]),
                };
                let title = match request.format {
                    export::Format::Png | export::Format::Svg => Msg::SaveImage,
                    export::Format::Pdf | export::Format::Docx => Msg::SaveDocument,
                };
                let dialog = FileDialog::save(
                    title.text(self.lang),
                    self.last_folder.clone(),
                    request.file_name(),
                    (name, ext),
                )
                .native_if(self.native_dialogs);
                self.save = Some((dialog, SaveTarget::Export(request)));
            }
            Action::CopyExport(request) => self.copy_image(ctx, *request),
            // A file being opened would be replaced by the new reading: the question waits.
            Action::ReadAgain(_) if self.opening.is_some() => self.wait_for_opening(),
            Action::ReadAgain(again) => {
                let title = match again.keys {
                    Some(_) => Msg::ReadingAgain.text(self.lang),
                    None => Msg::ConvertingFromGcj02.text(self.lang),
                };
                if let Some(model) = model {
                    let ReadAgain {
                        name,
                        bytes,
                        keys,
                        options,
                    } = *again;
                    // Converting asks the property question again if need be.
                    if keys.is_none() {
                        self.datum_dialog = None;
                    }
                    self.opening = Some(open::spawn_again(
                        ctx,
                        title,
                        name,
                        bytes,
                        keys,
                        options,
                        model.clone(),
                    ));
                }
                self.property_dialog = None;
            }
            Action::KeepCoordinates(name) => {
                self.datum_kept = Some(name);
                self.datum_dialog = None;
            }
        }
    }

    /// What background work finished with: a file opened (or refused), an export written or
    /// copied.
    pub(super) fn finish(&mut self, ctx: &egui::Context, done: Done) {
        match done {
            Done::Opened(outcome) => {
                self.opened(outcome);
                self.open_next(ctx);
            }
            Done::Job(outcome) => self.job_done(ctx, outcome),
        }
    }

    /// +/- zoom and arrow keys pan the map when no text field has the keyboard.
    pub(super) fn map_keys(&mut self, ctx: &egui::Context) {
        if ctx.memory(|m| m.focused().is_some()) {
            return;
        }
        let (zoom_in, zoom_out, left, right, up, down) = ctx.input(|i| {
            (
                i.key_pressed(Key::Plus) || i.key_pressed(Key::Equals),
                i.key_pressed(Key::Minus),
                i.key_pressed(Key::ArrowLeft),
                i.key_pressed(Key::ArrowRight),
                i.key_pressed(Key::ArrowUp),
                i.key_pressed(Key::ArrowDown),
            )
        });
        if zoom_in {
            self.map.zoom(ZOOM_STEP);
        }
        if zoom_out {
            self.map.zoom(1.0 / ZOOM_STEP);
        }
        let dx = f64::from(u8::from(left)) - f64::from(u8::from(right));
        let dy = f64::from(u8::from(up)) - f64::from(u8::from(down));
        if dx != 0.0 || dy != 0.0 {
            self.map.pan(dx * PAN_STEP, dy * PAN_STEP);
        }
    }
}
