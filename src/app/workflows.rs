//! The work behind the file dialogs, the export dialog, the questions about a file and the
//! background jobs: how each dialog reports its answer (as an [`Action`]), and what the router
//! does with it (write, export, copy, open). Nothing here is called but from the frame (the
//! polls) or from the router (the rest).

use std::path::PathBuf;

use zq_core::Model;
use zq_core::atomic_write::write_atomic;
use zq_core::i18n::Msg;
use zq_core::load::Options;

use super::action::{Action, ReadAgain, SaveTarget};
use super::done::{Done, JobOutcome};
use super::export_dialog::{ExportChoice, ExportContext};
use super::{ExplorerApp, open};
use crate::export::{self, Request};
use crate::ui::datum_dialog::{DatumAnswer, DatumDialog};
use crate::ui::file_dialog::FileChoice;
use crate::ui::jobs::Job;
use crate::ui::property_dialog::{PropertyAnswer, PropertyDialog};

/// How many files File → Open recent lists.
const RECENT_FILES: usize = 10;

impl ExplorerApp {
    /// The open file dialog; its answer is reported as [`Action::SaveTo`]. A dialog whose write
    /// fails stays open (see `save_to`), so the user can pick another place.
    pub(super) fn save_dialog_ui(&mut self, ctx: &egui::Context, actions: &mut Vec<Action>) {
        let Some((dialog, target)) = &mut self.save else {
            return;
        };
        match dialog.window_ui(ctx, self.lang) {
            FileChoice::Open => {}
            FileChoice::Cancelled => self.save = None,
            FileChoice::Chosen(path) => actions.push(Action::SaveTo {
                path,
                target: target.clone(),
            }),
        }
    }

    /// Writes what a file dialog was for to `path`, or starts the job that does, or queues the
    /// file to open.
    pub(super) fn save_to(&mut self, ctx: &egui::Context, path: PathBuf, target: SaveTarget) {
        let Ok(model) = &self.model else {
            // Nothing is loaded, so there is nothing to save or to check a file against.
            self.save = None;
            return;
        };
        let lang = self.lang;
        match target {
            SaveTarget::TableCsv => {
                let table = &self.charts.table;
                let rows = zq_core::table::rows(&model.dataset, &table.filter, table.sort, lang);
                let bytes = zq_core::table::to_csv(&model.dataset, &rows, lang);
                match write_atomic(&path, &bytes) {
                    Ok(()) => {
                        self.toasts
                            .info(format!("{} {}", Msg::Saved.text(lang), path.display()));
                        self.last_folder = path.parent().map(PathBuf::from);
                        self.save = None;
                    }
                    // The dialog stays open so the user can pick another place.
                    Err(err) => self.toasts.error(err.to_string()),
                }
            }
            SaveTarget::Export(request) => {
                let (model, request) = (model.clone(), *request);
                self.last_folder = path.parent().map(PathBuf::from);
                self.job =
                    Some(Job::spawn(
                        Msg::Exporting.text(lang),
                        ctx,
                        move |_| match export::export_to(&model, &request, &path) {
                            Ok(()) => JobOutcome::Saved(vec![path]),
                            Err(err) => JobOutcome::Failed(err.to_string()),
                        },
                    ));
                self.save = None;
            }
            SaveTarget::Open(options) => {
                self.last_folder = path.parent().map(PathBuf::from);
                self.to_open.push_back((path, options));
                self.save = None;
                self.open_next(ctx);
            }
            SaveTarget::ExportAll(request) => {
                let (model, request) = (model.clone(), *request);
                self.last_folder = Some(path.clone());
                self.job = Some(Job::spawn(
                    Msg::ExportingEveryChart.text(lang),
                    ctx,
                    move |progress| {
                        let result = export::export_all_with_progress(
                            &model,
                            &request,
                            &path,
                            |done, total| {
                                progress.set(done as f32 / total as f32);
                                !progress.is_cancelled()
                            },
                        );
                        match result {
                            Ok(_) if progress.is_cancelled() => JobOutcome::Cancelled,
                            Ok(written) => JobOutcome::Saved(written),
                            Err(err) => JobOutcome::Failed(err.to_string()),
                        }
                    },
                ));
                self.save = None;
            }
        }
    }
    /// What an export takes from the window: the chart, selection, layers, view and language.
    pub(super) fn export_context(&self) -> ExportContext<'_> {
        ExportContext {
            chart_id: self.charts.chart_id,
            selection: &self.selection,
            layers: &self.map.layers,
            visible: self.map.projector().map(|p| p.visible_lonlat()),
            lang: self.lang,
        }
    }
    /// The export dialog; Save and Copy are reported as actions.
    pub(super) fn export_dialog_ui(&mut self, ctx: &egui::Context, actions: &mut Vec<Action>) {
        let Some(mut dialog) = self.export.take() else {
            return;
        };
        match dialog.window_ui(ctx, &self.export_context()) {
            ExportChoice::Open => self.export = Some(dialog),
            // Closed: the dialog was taken out above and stays out.
            ExportChoice::Cancel => {}
            ExportChoice::Save(request) => {
                actions.push(Action::ChooseExportPath(Box::new(request)))
            }
            ExportChoice::Copy(request) => actions.push(Action::CopyExport(Box::new(request))),
        }
    }

    /// Renders `request` off the UI thread; the image then goes to the clipboard.
    pub(super) fn copy_image(&mut self, ctx: &egui::Context, request: Request) {
        let Ok(model) = &self.model else { return };
        let model = model.clone();
        let title = Msg::MakingImage.text(self.lang);
        self.job = Some(Job::spawn(
            title,
            ctx,
            move |_| match export::render_image(&model, &request) {
                Ok(image) => JobOutcome::Copied(egui::ColorImage::from_rgba_unmultiplied(
                    [image.width() as usize, image.height() as usize],
                    image.as_raw(),
                )),
                Err(err) => JobOutcome::Failed(err.to_string()),
            },
        ));
    }
    /// Starts opening the next queued file when none is being opened.
    pub(super) fn open_next(&mut self, ctx: &egui::Context) {
        if self.opening.is_none()
            && let (Some((source, options)), Ok(model)) = (self.to_open.front(), &self.model)
        {
            let title = format!("{} {}", Msg::Opening.text(self.lang), source.display());
            let (source, options) = (source.clone(), *options);
            self.datum_kept = None;
            self.opening = Some(open::spawn(ctx, &title, source, options, model.clone()));
            self.to_open.pop_front();
        }
    }

    /// The progress of the file being opened, and how it ended when it has.
    pub(super) fn opening_ui(&mut self, ctx: &egui::Context) -> Option<Done> {
        let cancel = Msg::Cancel.text(self.lang);
        Job::finished(&mut self.opening, ctx, cancel).map(Done::Opened)
    }

    /// Shows what opening a file ended with: the new model when the file is good, a message
    /// (and nothing changed) when not.
    pub(super) fn opened(&mut self, outcome: Result<open::Outcome, String>) {
        let lang = self.lang;
        match outcome {
            Ok(open::Outcome::Ready(opened)) => {
                let open::Opened {
                    name,
                    path,
                    bytes,
                    options,
                    model,
                    changes,
                    choice,
                    gcj02,
                } = *opened;
                self.replace_model(model);
                if let Some(path) = path {
                    self.remember_recent(path);
                }
                self.toasts.info(format!(
                    "{} {}",
                    Msg::Opened.text(lang),
                    changes.summary(lang)
                ));
                if options.gcj02 {
                    self.toasts
                        .info(Msg::CoordinatesConvertedFromGcj02.text(lang));
                }
                for note in changes.notes.iter().take(3) {
                    self.toasts.info(note.clone());
                }
                if let Some(reason) = gcj02
                    && self.datum_kept.as_deref() != Some(name.as_str())
                {
                    self.datum_dialog = Some(DatumDialog::new(name.clone(), bytes.clone(), reason));
                }
                if let Some(choice) = choice {
                    self.property_dialog = Some(PropertyDialog::new(name, bytes, options, choice));
                }
            }
            Ok(open::Outcome::Refused(problems)) => {
                let shown = problems.len().min(5);
                for problem in &problems[..shown] {
                    self.toasts.error(problem.to_string());
                }
                if problems.len() > shown {
                    self.toasts.error(format!(
                        "… {} {}",
                        problems.len() - shown,
                        Msg::MoreProblems.text(lang)
                    ));
                }
            }
            Ok(open::Outcome::Cancelled) => self.toasts.info(Msg::OpeningCancelled.text(lang)),
            Err(message) => self.toasts.error(match crate::crash::last_crash() {
                Some(crash) => crash.summary(),
                None => message,
            }),
        }
    }
    /// Puts `path` first in File → Open recent (once; the oldest beyond ten drop off).
    pub(super) fn remember_recent(&mut self, path: PathBuf) {
        let path = std::fs::canonicalize(&path).unwrap_or(path);
        self.recent.retain(|p| *p != path);
        self.recent.insert(0, path);
        self.recent.truncate(RECENT_FILES);
    }
    /// Shows a newly loaded model; a selection that no longer exists is cleared.
    pub(super) fn replace_model(&mut self, model: Model) {
        let boundaries_changed = self
            .model
            .as_ref()
            .map_or(true, |m| m.boundaries.source != model.boundaries.source);
        if let Some(county) = &self.selection.county
            && model.boundaries.region_by_code(county).is_none()
        {
            self.selection.clear();
        }
        if let Some(project) = &self.selection.project
            && model.dataset.project(project).is_none()
        {
            self.selection.project = None;
        }
        if boundaries_changed {
            self.map.reset();
        }
        self.charts.invalidate();
        let filter = std::mem::take(&mut self.charts.table.filter);
        self.charts.table.filter = filter.without_missing(&model.dataset);
        self.model = Ok(model);
    }
    /// The question which properties hold the code and names; the answer to use others is
    /// reported as [`Action::ReadAgain`].
    pub(super) fn property_dialog_ui(&mut self, ctx: &egui::Context, actions: &mut Vec<Action>) {
        let Some(dialog) = &mut self.property_dialog else {
            return;
        };
        match dialog.window_ui(ctx, self.lang) {
            PropertyAnswer::Open => {}
            PropertyAnswer::Keep => self.property_dialog = None,
            PropertyAnswer::Use(keys) => actions.push(Action::ReadAgain(Box::new(ReadAgain {
                name: dialog.name.clone(),
                bytes: dialog.bytes.clone(),
                keys: Some(keys),
                options: dialog.options,
            }))),
        }
    }

    /// The question whether the coordinates are GCJ-02; either answer is reported.
    pub(super) fn datum_dialog_ui(&mut self, ctx: &egui::Context, actions: &mut Vec<Action>) {
        let Some(dialog) = &self.datum_dialog else {
            return;
        };
        match dialog.window_ui(ctx, self.lang) {
            DatumAnswer::Open => {}
            DatumAnswer::Keep => actions.push(Action::KeepCoordinates(dialog.name.clone())),
            DatumAnswer::Convert => actions.push(Action::ReadAgain(Box::new(ReadAgain {
                name: dialog.name.clone(),
                bytes: dialog.bytes.clone(),
                keys: None,
                options: Options { gcj02: true },
            }))),
        }
    }

    pub(super) fn wait_for_opening(&mut self) {
        self.toasts.info(Msg::WaitUntilFileBeing.text(self.lang));
    }
    /// The running job's progress window, and its outcome when it is done.
    pub(super) fn job_ui(&mut self, ctx: &egui::Context) -> Option<Done> {
        let cancel = Msg::Cancel.text(self.lang);
        Job::finished(&mut self.job, ctx, cancel).map(Done::Job)
    }

    /// Says what a finished job did; a copied image goes to the clipboard.
    pub(super) fn job_done(&mut self, ctx: &egui::Context, outcome: Result<JobOutcome, String>) {
        let lang = self.lang;
        match outcome {
            Ok(JobOutcome::Saved(paths)) => {
                let saved = Msg::Saved.text(lang);
                self.toasts.info(match paths.as_slice() {
                    [path] => format!("{saved} {}", path.display()),
                    _ => {
                        let folder = paths
                            .first()
                            .and_then(|p| p.parent())
                            .map(|f| f.display().to_string())
                            .unwrap_or_default();
                        zq_core::fill!(Msg::SavedFiles, lang, n = paths.len(), folder = folder)
                    }
                });
            }
            Ok(JobOutcome::Copied(image)) => {
                // eframe hands the image to the system clipboard (arboard with image support).
                ctx.copy_image(image);
                self.toasts.info(Msg::ImageCopiedPasteInto.text(lang));
            }
            Ok(JobOutcome::Failed(message)) | Err(message) => self.toasts.error(message),
            Ok(JobOutcome::Cancelled) => self.toasts.info(Msg::Cancelled.text(lang)),
        }
    }
    /// Files dropped on the window open as if chosen from the File menu.
    pub(super) fn dropped_files(ctx: &egui::Context) -> Vec<PathBuf> {
        ctx.input(|i| {
            i.raw
                .dropped_files
                .iter()
                .map(|f| f.path().to_owned())
                .collect()
        })
    }
}
