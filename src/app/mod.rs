//! The one `eframe::App`: the loaded model and the view state, and the frame that lays them out.
//!
//! A frame runs one way: the views, menus, keys and dialogs report what the user did as
//! [`Action`]s (`chrome.rs`, `menus.rs`, `workflows.rs`' polls); then the router (`router.rs`)
//! carries each out, with the finished background work. Widgets that only change a view (the
//! layer switches, the map's own panning and zooming) change it in place.

mod action;
mod chrome;
mod done;
pub mod export_dialog;
pub mod menus;
mod open;
mod router;
mod workflows;

use std::collections::VecDeque;
use std::path::PathBuf;

use geo::Coord;

use zq_core::Model;
use zq_core::i18n::Lang;
use zq_core::load::{LoadError, Options};
pub use zq_core::selection::Selection;

use crate::ui::article_view::ArticleView;
use crate::ui::chart_panel::ChartPanel;
use crate::ui::datum_dialog::DatumDialog;
use crate::ui::file_dialog::{self, FileDialog};
use crate::ui::fonts::setup_context;
use crate::ui::jobs::Job;
use crate::ui::property_dialog::PropertyDialog;
use crate::ui::search_box::SearchBox;
use crate::ui::settings::{self, Settings};
use crate::ui::toasts::Toasts;
use done::JobOutcome;
use export_dialog::ExportDialog;
use zq_map::MapView;

pub use action::{Action, OpenKind, ReadAgain, SaveTarget};

pub struct ExplorerApp {
    /// The embedded data, or why it could not be loaded (shown instead of the map).
    model: Result<Model, Vec<LoadError>>,
    lang: Lang,
    selection: Selection,
    map: MapView,
    charts: ChartPanel,
    search: SearchBox,
    article_view: Option<ArticleView>,
    pointer_lonlat: Option<Coord<f64>>,
    /// The open save dialog and what it saves.
    save: Option<(FileDialog, SaveTarget)>,
    /// The folder the last file was saved in or opened from, proposed next time.
    last_folder: Option<PathBuf>,
    /// The files opened last, newest first (File → Open recent).
    recent: Vec<PathBuf>,
    /// Whether file dialogs are the desktop's own (else the in-app one).
    native_dialogs: bool,
    /// The window's size as last seen, to open at next time.
    window: Option<settings::WindowSize>,
    /// The dismissable hint shown on first launch.
    show_hint: bool,
    show_help: bool,
    show_about: bool,
    export: Option<ExportDialog>,
    /// Work running off the UI thread (an export), with its progress window.
    job: Option<Job<JobOutcome>>,
    /// A file being opened off the UI thread, and the files waiting to be opened after it.
    opening: Option<Job<open::Outcome>>,
    to_open: VecDeque<(PathBuf, Options)>,
    /// Files named on the command line, opened in the first frame.
    at_start: Vec<PathBuf>,
    property_dialog: Option<PropertyDialog>,
    datum_dialog: Option<DatumDialog>,
    /// The file whose coordinates the user chose to keep as opened: reading it again with other
    /// properties does not ask again.
    datum_kept: Option<String>,
    /// An internal error caught at the top: shown instead of the window's content.
    crashed: Option<String>,
    toasts: Toasts,
}

impl ExplorerApp {
    /// The app as eframe starts it: fonts installed, embedded data loaded, settings restored.
    pub fn new(cc: &eframe::CreationContext<'_>) -> Self {
        let software = cc.wgpu_render_state.as_ref().is_some_and(|s| {
            s.adapter.get_info().device_type == eframe::egui_wgpu::wgpu::DeviceType::Cpu
        });
        Self::for_window(&cc.egui_ctx, cc.storage, software)
    }

    /// The app for a window drawing with `ctx`: `software` when its pixels are drawn on the CPU
    /// (the map then keeps a picture of itself while it moves).
    pub fn for_window(
        ctx: &egui::Context,
        storage: Option<&dyn eframe::Storage>,
        software: bool,
    ) -> Self {
        setup_context(ctx);
        if software {
            // Circles tessellated rather than taken from discs drawn into the font atlas: the
            // map's picture is then tessellated on a worker thread, which cannot reach them.
            ctx.tessellation_options_mut(|o| o.prerasterized_discs = false);
        }
        let mut app = Self::with_storage(Model::embedded(), storage);
        app.map.set_software_rendering(software);
        app.native_dialogs = file_dialog::native_available();
        app
    }

    /// The app with `model`, restoring what `storage` remembers (if anything).
    pub fn with_storage(
        model: Result<Model, Vec<LoadError>>,
        storage: Option<&dyn eframe::Storage>,
    ) -> Self {
        let (settings, notice) = settings::load(storage);
        let mut app = Self::with_model(model);
        app.apply_settings(settings);
        if let Some(notice) = notice {
            app.toasts.info(notice);
        }
        app
    }

    /// The app with `model` and default settings.
    pub fn with_model(model: Result<Model, Vec<LoadError>>) -> Self {
        Self {
            model,
            lang: Lang::Zh,
            selection: Selection::default(),
            map: MapView::default(),
            charts: ChartPanel::default(),
            search: SearchBox::default(),
            article_view: None,
            pointer_lonlat: None,
            save: None,
            last_folder: None,
            recent: Vec::new(),
            native_dialogs: false,
            window: None,
            show_hint: false,
            show_help: false,
            show_about: false,
            export: None,
            job: None,
            opening: None,
            to_open: VecDeque::new(),
            at_start: Vec::new(),
            property_dialog: None,
            datum_dialog: None,
            datum_kept: None,
            crashed: None,
            toasts: Toasts::default(),
        }
    }

    fn apply_settings(&mut self, s: Settings) {
        self.lang = s.lang.unwrap_or_else(settings::system_lang);
        // Only restore a selection that still exists in the loaded data.
        if let Ok(model) = &self.model {
            let county_ok = s
                .selection
                .county
                .as_deref()
                .is_none_or(|c| model.dataset.county(c).is_some());
            let project_ok = s
                .selection
                .project
                .as_deref()
                .is_none_or(|p| model.dataset.project(p).is_some());
            if county_ok && project_ok {
                self.selection = s.selection;
            }
        }
        self.charts.show_chart(&s.chart);
        self.charts.show_table = s.show_table;
        self.charts.table.filter = match &self.model {
            Ok(model) => s.table_filter.without_missing(&model.dataset),
            Err(_) => s.table_filter,
        };
        self.charts.table.sort = s.table_sort;
        self.map.layers = s.layers;
        if let Some(view) = s.view {
            self.map.restore_view(view);
        }
        self.last_folder = s.last_folder;
        self.recent = s.recent;
        self.window = s.window;
        self.show_hint = !s.hint_dismissed;
    }

    /// What is remembered for the next run.
    pub fn settings(&self) -> Settings {
        Settings {
            version: settings::VERSION,
            lang: Some(self.lang),
            selection: self.selection.clone(),
            chart: self.charts.chart_id.to_owned(),
            show_table: self.charts.show_table,
            table_filter: self.charts.table.filter.clone(),
            table_sort: self.charts.table.sort,
            layers: self.map.layers.clone(),
            view: self.map.saved_view(),
            last_folder: self.last_folder.clone(),
            recent: self.recent.clone(),
            window: self.window,
            hint_dismissed: !self.show_hint,
        }
    }

    pub fn model(&self) -> Option<&Model> {
        self.model.as_ref().ok()
    }

    pub fn selected(&self) -> Option<&str> {
        self.selection.county.as_deref()
    }

    pub fn selected_project(&self) -> Option<&str> {
        self.selection.project.as_deref()
    }

    pub fn lang(&self) -> Lang {
        self.lang
    }

    pub fn map(&self) -> &MapView {
        &self.map
    }

    pub fn map_mut(&mut self) -> &mut MapView {
        &mut self.map
    }

    pub fn charts_mut(&mut self) -> &mut ChartPanel {
        &mut self.charts
    }

    pub fn toasts(&self) -> &Toasts {
        &self.toasts
    }
}

impl eframe::App for ExplorerApp {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        crate::software_window::WindowApp::ui(self, ui);
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        crate::software_window::WindowApp::save(self, storage);
    }
}

impl crate::software_window::WindowApp for ExplorerApp {
    fn ui(&mut self, ui: &mut egui::Ui) {
        let ctx = ui.ctx().clone();
        if let Some(message) = &self.crashed {
            Self::crash_screen_ui(ui, message, self.lang);
            return;
        }
        // A panic anywhere in a frame is caught here: the window then says what happened and
        // where the report was written, instead of vanishing.
        let frame =
            std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| self.frame_ui(ui, &ctx)));
        if frame.is_err() {
            self.crashed = Some(match crate::crash::last_crash() {
                Some(crash) => crash.summary(),
                None => "Zhaoqing Explorer hit an internal error.".to_owned(),
            });
            ctx.request_repaint();
        }
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        settings::save(storage, &self.settings());
    }
}

impl ExplorerApp {
    /// Queues files to open once the window runs (from the command line).
    pub fn open_at_start(mut self, paths: Vec<PathBuf>) -> Self {
        self.at_start = paths;
        self
    }

    /// Remembers the window's size; a full-screen or minimized window keeps the size it had.
    fn note_window_size(&mut self, ctx: &egui::Context) {
        let info = ctx.input(|i| i.viewport().clone());
        if info.fullscreen == Some(true) || info.minimized == Some(true) {
            return;
        }
        let maximized = info.maximized == Some(true);
        match (info.inner_rect, maximized) {
            // Maximized: keep the size to return to (the first window's, if it was never
            // anything but maximized), note that it was maximized.
            (_, true) => {
                let [width, height] = settings::DEFAULT_WINDOW_SIZE;
                let window = self.window.get_or_insert(settings::WindowSize {
                    width,
                    height,
                    maximized: true,
                });
                window.maximized = true;
            }
            (Some(rect), false) => {
                self.window = Some(settings::WindowSize {
                    width: rect.width(),
                    height: rect.height(),
                    maximized: false,
                });
            }
            (None, false) => {}
        }
    }

    /// Whether a dialog holds the keyboard (Tab and the arrows are then its own).
    fn dialog_open(&self) -> bool {
        self.save.is_some()
            || self.export.is_some()
            || self.property_dialog.is_some()
            || self.datum_dialog.is_some()
    }

    /// Whether a file is still being opened or waits to be.
    pub fn is_opening(&self) -> bool {
        self.opening.is_some() || !self.to_open.is_empty() || !self.at_start.is_empty()
    }

    /// One frame of the window's content. eframe calls it (behind the crash guard); the
    /// benchmarks call it to time a frame without a window.
    pub fn frame_ui(&mut self, ui: &mut egui::Ui, ctx: &egui::Context) {
        let ctx = ctx.clone();
        self.note_window_size(&ctx);
        let mut actions = menus::shortcuts(&ctx, self.dialog_open());
        // Files named on the command line open as files dropped on the window do.
        let mut dropped = std::mem::take(&mut self.at_start);
        dropped.extend(Self::dropped_files(&ctx));
        if !dropped.is_empty() {
            actions.push(Action::OpenPaths(dropped));
        }
        if !self.dialog_open() {
            self.map_keys(&ctx);
        }
        egui::Panel::top("top_bar").show(ui, |ui| self.top_bar_ui(ui, &mut actions));
        egui::Panel::bottom("status_bar").show(ui, |ui| self.status_bar_ui(ui));
        self.panels_ui(ui, &mut actions);
        let done = self.windows_ui(&ctx, &mut actions);
        for done in done {
            self.finish(&ctx, done);
        }
        for action in actions {
            self.apply(&ctx, action);
        }
        self.toasts.ui(&ctx);
    }
}
