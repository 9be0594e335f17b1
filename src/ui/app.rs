//! The one `eframe::App`: holds the loaded model and the view state, lays out the panels and
//! carries out what the user asks for. Panels, menus and keys report most of what the user did
//! as an [`Action`] for [`ExplorerApp::apply`]; widgets that only change a view (the layer
//! switches, the map's own panning and zooming) change it in place, and the dialogs' and jobs'
//! outcomes (a file chosen, an export finished) are acted on where they are polled, below.

use std::path::PathBuf;

use egui::{Key, RichText};
use geo::Coord;

use crate::Model;
use crate::atomic_write::write_atomic;
use crate::i18n::{Lang, Msg};
use crate::load_error::LoadError;
use crate::search::Target;
pub use crate::selection::Selection;
use crate::user_file::Options;

use super::article_view::ArticleView;
use super::chart_panel::ChartPanel;
use super::chart_view::ItemClick;
use super::datum_dialog::{DatumAnswer, DatumDialog};
use super::export_dialog::{ExportChoice, ExportContext, ExportDialog, What};
use super::file_dialog;
use super::file_dialog::{FileChoice, FileDialog};
use super::jobs::Job;
use super::map::{MapClick, MapView};
use super::menus::{self, MenuState};
use super::open;
use super::property_dialog::{PropertyAnswer, PropertyDialog};
use super::search_box::SearchBox;
use super::settings::{self, Settings};
use super::side_panel::{SidePanelAction, side_panel_ui};
use super::table_view::PanelAction;
use super::toasts::Toasts;
use crate::export::{self, Request};
use std::collections::VecDeque;

/// Pan step for the arrow keys, in points.
const PAN_STEP: f64 = 60.0;
/// Zoom step for + and -.
const ZOOM_STEP: f64 = 1.25;
/// How many files File → Open recent lists.
const RECENT_FILES: usize = 10;

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
    property_dialog: Option<PropertyDialog>,
    datum_dialog: Option<DatumDialog>,
    /// The file whose coordinates the user chose to keep as opened: reading it again with other
    /// properties does not ask again.
    datum_kept: Option<String>,
    /// An internal error caught at the top: shown instead of the window's content.
    crashed: Option<String>,
    toasts: Toasts,
}

/// What a background job ends with.
enum JobOutcome {
    Saved(Vec<PathBuf>),
    /// An image to put on the clipboard.
    Copied(egui::ColorImage),
    Failed(String),
    Cancelled,
}

/// What a save dialog is saving.
#[derive(Clone, Debug, PartialEq)]
enum SaveTarget {
    /// The table's rows as they are filtered and sorted now.
    TableCsv,
    /// An image export.
    Export(Box<Request>),
    /// Every chart and the map, into a folder.
    ExportAll(Box<Request>),
    /// A file to open.
    Open(Options),
}

/// Everything the user can ask for, from any panel, menu or key.
#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    SelectCounty(Option<String>),
    SelectProject(String),
    /// A chart item or table row: its county and project.
    SelectItem(ItemClick),
    ClearSelection,
    ClearProject,
    /// Esc: close the topmost dialog or window, else clear the selection.
    Escape,
    /// Step through the counties (Tab / Shift+Tab).
    NextCounty {
        backwards: bool,
    },
    Found(Target),
    ShowQuote(String),
    ExportCsv,
    Copied(usize),
    /// Put the chart shown on the clipboard as an image (2×).
    CopyImage,
    /// Show the table (true) or the charts in the right-hand panel.
    ShowTable(bool),
    ClearRecent,
    SetLang(Lang),
    /// Open the export dialog on the chart, the map or the report sheet.
    OpenExport(What),
    ExportAll,
    /// Ask which file to open (the title says what the user looks for).
    OpenFile(OpenKind),
    OpenPaths(Vec<PathBuf>),
    ResetView,
    ToggleFullScreen,
    ShowHelp,
    ShowAbout,
    DismissHint,
    Quit,
}

/// What File → Open looks for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OpenKind {
    /// Boundaries or project points, in WGS-84.
    Map,
    /// Boundaries or points in GCJ-02 (Amap, DataV.GeoAtlas, ECharts maps), converted on reading.
    MapGcj02,
    Figures,
}

impl ExplorerApp {
    /// The app as eframe starts it: fonts installed, embedded data loaded, settings restored.
    pub fn new(cc: &eframe::CreationContext<'_>) -> Self {
        setup_context(&cc.egui_ctx);
        let mut app = Self::with_storage(Model::embedded(), cc.storage);
        let software = cc.wgpu_render_state.as_ref().is_some_and(|s| {
            s.adapter.get_info().device_type == eframe::egui_wgpu::wgpu::DeviceType::Cpu
        });
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
        );
        if starts_work && (self.save.is_some() || self.job.is_some()) {
            self.toasts.info(self.lang.pick(
                "请先完成或取消当前的对话框或任务",
                "Finish or cancel the dialog or task first",
            ));
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
                    self.lang.pick("导出 CSV", "Export CSV"),
                    self.last_folder.clone(),
                    "zhaoqing-figures.csv",
                    ("CSV", &["csv"]),
                )
                .native_if(self.native_dialogs);
                self.save = Some((dialog, SaveTarget::TableCsv));
            }
            Action::Copied(n) => self.toasts.info(match self.lang {
                Lang::Zh => format!("已复制 {n} 行（TSV），可粘贴到 Excel / WPS"),
                Lang::En => format!("Copied {n} rows as TSV; paste them into Excel / WPS"),
            }),
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
                    OpenKind::Map => (
                        self.lang.pick(
                            "打开边界或项目文件（GeoJSON、TopoJSON）",
                            "Open boundaries or project points (GeoJSON, TopoJSON)",
                        ),
                        MAP,
                    ),
                    OpenKind::MapGcj02 => (
                        self.lang.pick(
                            "打开 GCJ-02 坐标的地图数据（高德、DataV、ECharts）",
                            "Open GCJ-02 map data (Amap, DataV, ECharts)",
                        ),
                        MAP,
                    ),
                    OpenKind::Figures => (
                        self.lang
                            .pick("打开数据文件（JSON 或 CSV）", "Open figures (JSON or CSV)"),
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
            Action::OpenPaths(paths) => self
                .to_open
                .extend(paths.into_iter().map(|p| (p, Options::default()))),
            Action::ExportAll => {
                let request = ExportDialog::new(What::Chart).request(&self.export_context());
                let dialog = FileDialog::folder(
                    self.lang.pick(
                        "导出全部图表与地图到文件夹",
                        "Export every chart and the map to a folder",
                    ),
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
        }
    }

    /// +/- zoom and arrow keys pan the map when no text field has the keyboard.
    fn map_keys(&mut self, ctx: &egui::Context) {
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

    /// The menus, the title, the search box and the language switch, in one bar.
    fn top_bar_ui(&mut self, ui: &mut egui::Ui, actions: &mut Vec<Action>) {
        egui::MenuBar::new().ui(ui, |ui| {
            let state = MenuState {
                lang: self.lang,
                layers: &mut self.map.layers,
                recent: &self.recent,
                show_table: self.charts.show_table,
            };
            menus::menus_ui(ui, state, actions);
            ui.separator();
            ui.label(
                RichText::new(Msg::AppTitle.text(self.lang))
                    .strong()
                    .size(16.0),
            );
            ui.add_space(12.0);
            if let Ok(model) = &self.model
                && let Some(target) = self.search.ui(ui, &model.dataset, self.lang)
            {
                actions.push(Action::Found(target));
            }
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                if ui.button(Msg::Language.text(self.lang)).clicked() {
                    actions.push(Action::SetLang(match self.lang {
                        Lang::Zh => Lang::En,
                        Lang::En => Lang::Zh,
                    }));
                }
            });
        });
    }

    fn status_bar_ui(&self, ui: &mut egui::Ui) {
        ui.horizontal(|ui| {
            let cursor = match self.pointer_lonlat {
                Some(p) => format!(
                    "{}: {:.5}°{}, {:.5}°{}",
                    Msg::Cursor.text(self.lang),
                    p.x.abs(),
                    if p.x >= 0.0 { "E" } else { "W" },
                    p.y.abs(),
                    if p.y >= 0.0 { "N" } else { "S" },
                ),
                None => format!("{}: –", Msg::Cursor.text(self.lang)),
            };
            ui.monospace(cursor);
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                if let Ok(model) = &self.model {
                    ui.label(
                        RichText::new(model.boundary_attribution(self.lang))
                            .weak()
                            .small(),
                    );
                }
            });
        });
    }

    /// The side panel, chart panel and map, each reporting what the user did.
    fn panels_ui(&mut self, ui: &mut egui::Ui, actions: &mut Vec<Action>) {
        let model = match &self.model {
            Ok(model) => model,
            Err(problems) => {
                egui::CentralPanel::default()
                    .show(ui, |ui| load_errors_ui(ui, problems, self.lang));
                return;
            }
        };
        egui::Panel::left("side_panel")
            .default_size(300.0)
            .size_range(240.0..=520.0)
            .show(ui, |ui| {
                if self.show_hint {
                    hint_ui(ui, self.lang, actions);
                }
                match side_panel_ui(ui, model, &self.selection, self.lang) {
                    Some(SidePanelAction::ClearSelection) => actions.push(Action::ClearSelection),
                    Some(SidePanelAction::ClearProject) => actions.push(Action::ClearProject),
                    Some(SidePanelAction::SelectProject(id)) => {
                        actions.push(Action::SelectProject(id))
                    }
                    Some(SidePanelAction::ShowQuote(id)) => actions.push(Action::ShowQuote(id)),
                    None => {}
                }
            });
        egui::Panel::right("chart_panel")
            .default_size(500.0)
            .size_range(360.0..=900.0)
            .show(ui, |ui| {
                let county = self.selection.county.as_deref();
                let project = self.selection.project.as_deref();
                match self.charts.ui(ui, model, county, project, self.lang) {
                    Some(PanelAction::Select(click)) => actions.push(Action::SelectItem(click)),
                    Some(PanelAction::Copied(n)) => actions.push(Action::Copied(n)),
                    Some(PanelAction::ExportCsv) => actions.push(Action::ExportCsv),
                    Some(PanelAction::ExportChart) => actions.push(Action::OpenExport(What::Chart)),
                    None => {}
                }
            });
        egui::CentralPanel::no_frame().show(ui, |ui| {
            let output = self.map.ui(ui, model, &self.selection, self.lang);
            self.pointer_lonlat = output.pointer_lonlat;
            if output.export {
                actions.push(Action::OpenExport(What::Map));
            }
            match output.clicked {
                Some(MapClick::County(code)) => actions.push(Action::SelectCounty(code)),
                Some(MapClick::Project(id)) => actions.push(Action::SelectProject(id)),
                None => {}
            }
        });
    }

    /// Windows over the panels: article view, save dialog, help, about.
    fn windows_ui(&mut self, ctx: &egui::Context) {
        let lang = self.lang;
        if let (Some(view), Ok(model)) = (&mut self.article_view, &self.model)
            && !view.window_ui(ctx, &model.dataset, lang)
        {
            self.article_view = None;
        }
        self.export_dialog_ui(ctx);
        self.save_dialog_ui(ctx);
        self.job_ui(ctx);
        self.opening_ui(ctx);
        self.property_dialog_ui(ctx);
        self.datum_dialog_ui(ctx);
        egui::Window::new(Msg::KeyboardShortcuts.text(lang))
            .id(egui::Id::unique("help_window"))
            .open(&mut self.show_help)
            .collapsible(false)
            .show(ctx, |ui| super::help::shortcuts_ui(ui, lang));
        egui::Window::new(Msg::About.text(lang))
            .id(egui::Id::unique("about_window"))
            .open(&mut self.show_about)
            .collapsible(false)
            .default_width(520.0)
            .show(ctx, |ui| {
                let dataset = self.model.as_ref().ok().map(|m| &m.dataset);
                egui::ScrollArea::vertical()
                    .max_height(ctx.content_rect().height() * 0.75)
                    .show(ui, |ui| super::help::about_ui(ui, dataset, lang));
            });
    }

    fn save_dialog_ui(&mut self, ctx: &egui::Context) {
        let (Some((dialog, target)), Ok(model)) = (&mut self.save, &self.model) else {
            return;
        };
        let path = match dialog.window_ui(ctx, self.lang) {
            FileChoice::Open => return,
            FileChoice::Cancelled => {
                self.save = None;
                return;
            }
            FileChoice::Chosen(path) => path,
        };
        let lang = self.lang;
        match target {
            SaveTarget::TableCsv => {
                let table = &self.charts.table;
                let rows = crate::table::rows(&model.dataset, &table.filter, table.sort, lang);
                let bytes = crate::table::to_csv(&model.dataset, &rows, lang);
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
                let (model, request) = (model.clone(), (**request).clone());
                self.last_folder = path.parent().map(PathBuf::from);
                self.job = Some(Job::spawn(
                    lang.pick("正在导出…", "Exporting…"),
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
                self.to_open.push_back((path, *options));
                self.save = None;
            }
            SaveTarget::ExportAll(request) => {
                let (model, request) = (model.clone(), (**request).clone());
                self.last_folder = Some(path.clone());
                self.job = Some(Job::spawn(
                    lang.pick("正在导出全部图表…", "Exporting every chart…"),
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
}

impl ExplorerApp {
    /// What an export takes from the window: the chart, selection, layers, view and language.
    fn export_context(&self) -> ExportContext<'_> {
        ExportContext {
            chart_id: self.charts.chart_id,
            selection: &self.selection,
            layers: &self.map.layers,
            visible: self.map.projector().map(|p| p.visible_lonlat()),
            lang: self.lang,
        }
    }

    fn export_dialog_ui(&mut self, ctx: &egui::Context) {
        let Some(mut dialog) = self.export.take() else {
            return;
        };
        match dialog.window_ui(ctx, &self.export_context()) {
            ExportChoice::Open => self.export = Some(dialog),
            // Closed: the dialog was taken out above and stays out.
            ExportChoice::Cancel => {}
            ExportChoice::Save(request) => {
                let (name, ext): (&'static str, &'static [&'static str]) = match request.format {
                    export::Format::Png => ("PNG", &["png"]),
                    export::Format::Svg => ("SVG", &["svg"]),
                };
                let dialog = FileDialog::save(
                    self.lang.pick("保存图像", "Save image"),
                    self.last_folder.clone(),
                    request.file_name(),
                    (name, ext),
                )
                .native_if(self.native_dialogs);
                self.save = Some((dialog, SaveTarget::Export(Box::new(request))));
            }
            ExportChoice::Copy(request) => self.copy_image(ctx, request),
        }
    }

    /// Renders `request` off the UI thread; the image then goes to the clipboard.
    fn copy_image(&mut self, ctx: &egui::Context, request: Request) {
        let Ok(model) = &self.model else { return };
        let model = model.clone();
        let title = self.lang.pick("正在生成图像…", "Making the image…");
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

    /// Starts the next queued file when nothing is being opened; shows progress; applies the
    /// result: the new model when the file is good, a message (and nothing changed) when not.
    fn opening_ui(&mut self, ctx: &egui::Context) {
        if self.opening.is_none()
            && let (Some((source, options)), Ok(model)) = (self.to_open.front(), &self.model)
        {
            let title = format!(
                "{} {}",
                self.lang.pick("正在打开", "Opening"),
                source.display()
            );
            let (source, options) = (source.clone(), *options);
            self.datum_kept = None;
            self.opening = Some(open::spawn(ctx, &title, source, options, model.clone()));
            self.to_open.pop_front();
        }
        let cancel = Msg::Cancel.text(self.lang);
        let Some(outcome) = Job::finished(&mut self.opening, ctx, cancel) else {
            return;
        };
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
                    lang.pick("已打开", "Opened"),
                    changes.summary(lang)
                ));
                if options.gcj02 {
                    self.toasts.info(lang.pick(
                        "坐标已由 GCJ-02 转换为 WGS-84",
                        "Coordinates converted from GCJ-02 to WGS-84",
                    ));
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
                        lang.pick("个其他问题", "more problems")
                    ));
                }
            }
            Ok(open::Outcome::Cancelled) => self
                .toasts
                .info(lang.pick("已取消打开", "Opening cancelled")),
            Err(message) => self.toasts.error(match crate::crash::last_crash() {
                Some(crash) => crash.summary(),
                None => message,
            }),
        }
    }

    /// Puts `path` first in File → Open recent (once; the oldest beyond ten drop off).
    fn remember_recent(&mut self, path: PathBuf) {
        let path = std::fs::canonicalize(&path).unwrap_or(path);
        self.recent.retain(|p| *p != path);
        self.recent.insert(0, path);
        self.recent.truncate(RECENT_FILES);
    }

    /// Shows a newly loaded model; a selection that no longer exists is cleared.
    fn replace_model(&mut self, model: Model) {
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

    fn property_dialog_ui(&mut self, ctx: &egui::Context) {
        let Some(dialog) = &mut self.property_dialog else {
            return;
        };
        match dialog.window_ui(ctx, self.lang) {
            PropertyAnswer::Open => {}
            PropertyAnswer::Keep => self.property_dialog = None,
            // A file being opened would be replaced by the new reading: the dialog waits.
            PropertyAnswer::Use(_) if self.opening.is_some() => self.wait_for_opening(),
            PropertyAnswer::Use(keys) => {
                if let Ok(model) = &self.model {
                    let title = self.lang.pick("正在重新读取", "Reading again");
                    self.opening = Some(open::spawn_again(
                        ctx,
                        title,
                        dialog.name.clone(),
                        dialog.bytes.clone(),
                        Some(keys),
                        dialog.options,
                        model.clone(),
                    ));
                }
                self.property_dialog = None;
            }
        }
    }

    fn wait_for_opening(&mut self) {
        self.toasts.info(self.lang.pick(
            "请等正在打开的文件打开后再选",
            "Wait until the file being opened has opened, then choose",
        ));
    }

    fn datum_dialog_ui(&mut self, ctx: &egui::Context) {
        let Some(dialog) = &self.datum_dialog else {
            return;
        };
        match dialog.window_ui(ctx, self.lang) {
            DatumAnswer::Open => {}
            DatumAnswer::Keep => {
                self.datum_kept = Some(dialog.name.clone());
                self.datum_dialog = None;
            }
            DatumAnswer::Convert if self.opening.is_some() => self.wait_for_opening(),
            DatumAnswer::Convert => {
                if let Ok(model) = &self.model {
                    let title = self
                        .lang
                        .pick("正在按 GCJ-02 转换", "Converting from GCJ-02");
                    self.opening = Some(open::spawn_again(
                        ctx,
                        title,
                        dialog.name.clone(),
                        dialog.bytes.clone(),
                        None,
                        Options { gcj02: true },
                        model.clone(),
                    ));
                }
                // The keys chosen for the unconverted file are asked again if need be.
                self.property_dialog = None;
                self.datum_dialog = None;
            }
        }
    }

    /// Files dropped on the window open as if chosen from the File menu.
    fn dropped_files(ctx: &egui::Context) -> Vec<PathBuf> {
        ctx.input(|i| {
            i.raw
                .dropped_files
                .iter()
                .map(|f| f.path().to_owned())
                .collect()
        })
    }

    /// The running job's progress window, and its outcome when it is done.
    fn job_ui(&mut self, ctx: &egui::Context) {
        let cancel = Msg::Cancel.text(self.lang);
        let Some(outcome) = Job::finished(&mut self.job, ctx, cancel) else {
            return;
        };
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
                        match lang {
                            Lang::Zh => format!("{saved} {} 个文件到 {folder}", paths.len()),
                            Lang::En => format!("{saved} {} files in {folder}", paths.len()),
                        }
                    }
                });
            }
            Ok(JobOutcome::Copied(image)) => {
                // eframe hands the image to the system clipboard (arboard with image support).
                ctx.copy_image(image);
                self.toasts.info(lang.pick(
                    "图像已复制，可粘贴到报告中",
                    "Image copied; paste it into your report",
                ));
            }
            Ok(JobOutcome::Failed(message)) | Err(message) => self.toasts.error(message),
            Ok(JobOutcome::Cancelled) => self.toasts.info(lang.pick("已取消", "Cancelled")),
        }
    }
}

/// Light theme (the map and charts are made for print) and the CJK font.
pub fn setup_context(ctx: &egui::Context) {
    super::fonts::install_fonts(ctx);
    ctx.set_theme(egui::Theme::Light);
}

/// The first-run hint: what to click. Dismissed once, remembered.
fn hint_ui(ui: &mut egui::Ui, lang: Lang, actions: &mut Vec<Action>) {
    egui::Frame::group(ui.style())
        .fill(egui::Color32::from_rgb(0xFF, 0xF6, 0xD5))
        .show(ui, |ui| {
            ui.label(RichText::new(lang.pick("使用提示", "Getting started")).strong());
            ui.label(lang.pick(
                "点击地图上的县区或项目符号查看文章所述数据；右侧图表随所选县区变化，点击图表条目可在地图上选中。顶部可搜索名称，F1 查看快捷键。",
                "Click a county or a project symbol on the map to see what the articles report; the charts on the right follow your selection, and clicking a chart item selects it on the map. Search names at the top; F1 lists the shortcuts.",
            ));
            if ui.button(lang.pick("知道了", "Got it")).clicked() {
                actions.push(Action::DismissHint);
            }
        });
    ui.add_space(6.0);
}

impl eframe::App for ExplorerApp {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        let ctx = ui.ctx().clone();
        if let Some(message) = &self.crashed {
            crash_screen_ui(ui, message, self.lang);
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
        self.to_open
            .extend(paths.into_iter().map(|p| (p, Options::default())));
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
        self.opening.is_some() || !self.to_open.is_empty()
    }

    /// One frame of the window's content. eframe calls it (behind the crash guard); the
    /// benchmarks call it to time a frame without a window.
    pub fn frame_ui(&mut self, ui: &mut egui::Ui, ctx: &egui::Context) {
        let ctx = ctx.clone();
        self.note_window_size(&ctx);
        let mut actions = menus::shortcuts(&ctx, self.dialog_open());
        let dropped = Self::dropped_files(&ctx);
        if !dropped.is_empty() {
            actions.push(Action::OpenPaths(dropped));
        }
        if !self.dialog_open() {
            self.map_keys(&ctx);
        }
        egui::Panel::top("top_bar").show(ui, |ui| self.top_bar_ui(ui, &mut actions));
        egui::Panel::bottom("status_bar").show(ui, |ui| self.status_bar_ui(ui));
        self.panels_ui(ui, &mut actions);
        self.windows_ui(&ctx);
        for action in actions {
            self.apply(&ctx, action);
        }
        self.toasts.ui(&ctx);
    }
}

/// What the window shows after an internal error: what happened and where the report is.
fn crash_screen_ui(ui: &mut egui::Ui, message: &str, lang: Lang) {
    egui::CentralPanel::default().show(ui, |ui| {
        ui.heading(lang.pick("程序内部出错", "Something went wrong inside the program"));
        ui.label(message);
        ui.add_space(8.0);
        ui.label(lang.pick(
            "已打开的数据未被修改。请将错误报告发给维护者，然后重新启动程序。",
            "Nothing you opened or saved was changed. Please send the crash report to the maintainers and restart the program.",
        ));
        ui.horizontal(|ui| {
            if ui.button(lang.pick("复制信息", "Copy the message")).clicked() {
                ui.ctx().copy_text(message.to_owned());
            }
            if ui.button(lang.pick("退出", "Quit")).clicked() {
                ui.ctx().send_viewport_cmd(egui::ViewportCommand::Close);
            }
        });
    });
}

fn load_errors_ui(ui: &mut egui::Ui, problems: &[LoadError], lang: Lang) {
    ui.heading(Msg::LoadFailed.text(lang));
    egui::ScrollArea::vertical().show(ui, |ui| {
        for problem in problems {
            ui.label(problem.to_string());
        }
    });
}
