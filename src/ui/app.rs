//! The one `eframe::App`: holds the loaded model and the view state, and lays out the panels.

use egui::{Key, RichText};
use geo::Coord;

use crate::Model;
use crate::i18n::{Lang, Msg};
use crate::load_error::LoadError;

use super::article_view::ArticleView;
use super::map::MapView;
use super::side_panel::{SidePanelAction, side_panel_ui};

pub struct ExplorerApp {
    /// The embedded data, or why it could not be loaded (shown instead of the map).
    model: Result<Model, Vec<LoadError>>,
    lang: Lang,
    /// The selected county's adcode.
    selected: Option<String>,
    map: MapView,
    article_view: Option<ArticleView>,
    pointer_lonlat: Option<Coord<f64>>,
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
            selected: None,
            map: MapView::default(),
            article_view: None,
            pointer_lonlat: None,
        }
    }

    pub fn model(&self) -> Option<&Model> {
        self.model.as_ref().ok()
    }

    pub fn selected(&self) -> Option<&str> {
        self.selected.as_deref()
    }

    pub fn map(&self) -> &MapView {
        &self.map
    }

    pub fn set_lang(&mut self, lang: Lang) {
        self.lang = lang;
    }

    fn handle_keys(&mut self, ctx: &egui::Context) {
        if ctx.input(|i| i.key_pressed(Key::Escape)) {
            self.selected = None;
        }
    }

    fn top_bar_ui(&mut self, ui: &mut egui::Ui) {
        ui.horizontal(|ui| {
            ui.label(
                RichText::new(Msg::AppTitle.text(self.lang))
                    .strong()
                    .size(16.0),
            );
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                if ui.button(Msg::Language.text(self.lang)).clicked() {
                    self.lang = match self.lang {
                        Lang::Zh => Lang::En,
                        Lang::En => Lang::Zh,
                    };
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
                ui.label(
                    RichText::new(Msg::BoundaryAttribution.text(self.lang))
                        .weak()
                        .small(),
                );
            });
        });
    }
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
        egui::Panel::top("top_bar").show(ui, |ui| self.top_bar_ui(ui));
        egui::Panel::bottom("status_bar").show(ui, |ui| self.status_bar_ui(ui));

        let model = match &self.model {
            Ok(model) => model,
            Err(problems) => {
                egui::CentralPanel::default()
                    .show(ui, |ui| load_errors_ui(ui, problems, self.lang));
                return;
            }
        };

        let mut action = None;
        egui::Panel::left("side_panel")
            .default_size(340.0)
            .size_range(260.0..=520.0)
            .show(ui, |ui| {
                action = side_panel_ui(ui, model, self.selected.as_deref(), self.lang);
            });
        let mut clicked = None;
        egui::CentralPanel::no_frame().show(ui, |ui| {
            let output = self.map.ui(ui, model, self.selected.as_deref(), self.lang);
            self.pointer_lonlat = output.pointer_lonlat;
            clicked = output.clicked;
        });
        if let Some(code) = clicked {
            self.selected = code;
        }
        match action {
            Some(SidePanelAction::ClearSelection) => self.selected = None,
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
