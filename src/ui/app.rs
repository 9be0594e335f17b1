//! The one `eframe::App`: holds the loaded model and the view state, and lays out the panels.

use egui::{Key, RichText};
use geo::Coord;

use crate::Model;
use crate::i18n::{Lang, Msg};
use crate::load_error::LoadError;
pub use crate::selection::Selection;

use super::article_view::ArticleView;
use super::chart_panel::ChartPanel;
use super::map::{MapClick, MapView};
use super::save_dialog::{SaveChoice, SaveDialog};
use super::search_box::SearchBox;
use super::side_panel::{SidePanelAction, side_panel_ui};
use super::table_view::TableAction;
use super::toasts::Toasts;
use crate::atomic_write::write_atomic;
use crate::search::Target;
use std::path::PathBuf;

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
    save: Option<(SaveDialog, SaveTarget)>,
    /// The folder the last file was saved in, proposed next time.
    last_folder: Option<PathBuf>,
    toasts: Toasts,
}

/// What a save dialog is saving.
#[derive(Clone, Debug, PartialEq, Eq)]
enum SaveTarget {
    /// The table's rows as they are filtered and sorted now.
    TableCsv,
}

impl ExplorerApp {
    /// The app as eframe starts it: fonts installed, embedded data loaded.
    pub fn new(cc: &eframe::CreationContext<'_>) -> Self {
        setup_context(&cc.egui_ctx);
        Self::with_model(Model::embedded())
    }

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
            toasts: Toasts::default(),
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

    pub fn map(&self) -> &MapView {
        &self.map
    }

    pub fn charts_mut(&mut self) -> &mut ChartPanel {
        &mut self.charts
    }

    pub fn select_county(&mut self, county: Option<String>) {
        self.selection.select_county(county);
    }

    pub fn set_lang(&mut self, lang: Lang) {
        self.lang = lang;
    }

    fn handle_keys(&mut self, ctx: &egui::Context) {
        if ctx.input(|i| i.key_pressed(Key::Escape)) {
            self.selection.select_county(None);
        }
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
                ui.label(
                    RichText::new(Msg::BoundaryAttribution.text(self.lang))
                        .weak()
                        .small(),
                );
            });
        });
    }
}

/// Title, search and language switch.
fn top_bar_ui(
    ui: &mut egui::Ui,
    search: &mut SearchBox,
    lang: &mut Lang,
    model: Option<&Model>,
) -> Option<Target> {
    let mut found = None;
    ui.horizontal(|ui| {
        ui.label(RichText::new(Msg::AppTitle.text(*lang)).strong().size(16.0));
        ui.add_space(16.0);
        if let Some(model) = model {
            found = search.ui(ui, &model.dataset, *lang);
        }
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            if ui.button(Msg::Language.text(*lang)).clicked() {
                *lang = match *lang {
                    Lang::Zh => Lang::En,
                    Lang::En => Lang::Zh,
                };
            }
        });
    });
    found
}

/// Light theme (the map and charts are made for print) and the CJK font.
pub fn setup_context(ctx: &egui::Context) {
    super::fonts::install_fonts(ctx);
    ctx.set_theme(egui::Theme::Light);
}

impl eframe::App for ExplorerApp {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        let ctx = ui.ctx().clone();
        self.handle_keys(&ctx);
        let mut found = None;
        egui::Panel::top("top_bar").show(ui, |ui| {
            found = top_bar_ui(
                ui,
                &mut self.search,
                &mut self.lang,
                self.model.as_ref().ok(),
            );
        });
        egui::Panel::bottom("status_bar").show(ui, |ui| self.status_bar_ui(ui));

        let model = match &self.model {
            Ok(model) => model,
            Err(problems) => {
                egui::CentralPanel::default()
                    .show(ui, |ui| load_errors_ui(ui, problems, self.lang));
                return;
            }
        };

        match found {
            Some(Target::County(code)) => {
                if let Some(region) = model.boundaries.region_by_code(&code) {
                    self.map.focus_on(region.bbox);
                }
                self.selection.select_county(Some(code));
            }
            Some(Target::Project(id)) => {
                if let Some(project) = model.dataset.project(&id) {
                    self.map
                        .focus_on(geo::Rect::new(project.lonlat, project.lonlat));
                    self.selection.select_project(id, project.county.clone());
                }
            }
            None => {}
        }
        let mut action = None;
        egui::Panel::left("side_panel")
            .default_size(300.0)
            .size_range(240.0..=520.0)
            .show(ui, |ui| {
                action = side_panel_ui(ui, model, &self.selection, self.lang);
            });
        let mut panel_action = None;
        egui::Panel::right("chart_panel")
            .default_size(500.0)
            .size_range(360.0..=900.0)
            .show(ui, |ui| {
                panel_action = self.charts.ui(
                    ui,
                    model,
                    self.selection.county.as_deref(),
                    self.selection.project.as_deref(),
                    self.lang,
                );
            });
        let mut clicked = None;
        egui::CentralPanel::no_frame().show(ui, |ui| {
            let output = self.map.ui(ui, model, &self.selection, self.lang);
            self.pointer_lonlat = output.pointer_lonlat;
            clicked = output.clicked;
        });
        match clicked {
            Some(MapClick::County(code)) => self.selection.select_county(code),
            Some(MapClick::Project(id)) => {
                if let Some(project) = model.dataset.project(&id) {
                    self.selection.select_project(id, project.county.clone());
                }
            }
            None => {}
        }
        match panel_action {
            Some(TableAction::Select(click)) => {
                self.selection.select_county(click.county);
                self.selection.project = click.project;
            }
            Some(TableAction::Copied(n)) => self.toasts.info(match self.lang {
                Lang::Zh => format!("已复制 {n} 行（TSV），可粘贴到 Excel / WPS"),
                Lang::En => format!("Copied {n} rows as TSV; paste them into Excel / WPS"),
            }),
            Some(TableAction::ExportCsv) => {
                let dialog = SaveDialog::new(
                    self.lang.pick("导出 CSV", "Export CSV"),
                    self.last_folder.clone(),
                    "zhaoqing-figures.csv",
                    ("CSV", &["csv"]),
                );
                self.save = Some((dialog, SaveTarget::TableCsv));
            }
            None => {}
        }
        match action {
            Some(SidePanelAction::ClearSelection) => self.selection.clear(),
            Some(SidePanelAction::ClearProject) => self.selection.project = None,
            Some(SidePanelAction::SelectProject(id)) => {
                if let Some(project) = model.dataset.project(&id) {
                    self.selection.select_project(id, project.county.clone());
                }
            }
            Some(SidePanelAction::ShowQuote(id)) => {
                if let Some(figure) = model.dataset.figure(&id) {
                    self.article_view = Some(ArticleView::new(
                        figure.source.article.clone(),
                        figure.source.quote.clone(),
                    ));
                }
            }
            None => {}
        }
        if let Some(view) = &mut self.article_view
            && !view.window_ui(&ctx, &model.dataset, self.lang)
        {
            self.article_view = None;
        }
        if let Some((dialog, target)) = &mut self.save {
            match dialog.window_ui(&ctx, self.lang) {
                SaveChoice::Open => {}
                SaveChoice::Cancelled => self.save = None,
                SaveChoice::Save(path) => {
                    let bytes = match target {
                        SaveTarget::TableCsv => {
                            let table = &self.charts.table;
                            let rows = crate::table::rows(
                                &model.dataset,
                                &table.filter,
                                table.sort,
                                self.lang,
                            );
                            crate::table::to_csv(&model.dataset, &rows, self.lang)
                        }
                    };
                    match write_atomic(&path, &bytes) {
                        Ok(()) => {
                            self.toasts.info(format!(
                                "{} {}",
                                self.lang.pick("已保存", "Saved"),
                                path.display()
                            ));
                            self.last_folder = path.parent().map(PathBuf::from);
                            self.save = None;
                        }
                        // The dialog stays open so the user can pick another place.
                        Err(err) => self.toasts.error(err.to_string()),
                    }
                }
            }
        }
        self.toasts.ui(&ctx);
    }
}

fn load_errors_ui(ui: &mut egui::Ui, problems: &[LoadError], lang: Lang) {
    ui.heading(Msg::LoadFailed.text(lang));
    egui::ScrollArea::vertical().show(ui, |ui| {
        for problem in problems {
            ui.label(problem.to_string());
        }
    });
}
