//! The window's furniture around the views: the top bar (menus, title, search, language), the
//! status bar, the three panels, the windows over them, the first-run hint, and the screens shown
//! instead when the data could not be loaded or the program hit an internal error. Each reports
//! what the user did as an [`Action`].

use egui::RichText;

use zq_core::i18n::{Lang, Msg};
use zq_core::load::LoadError;

use super::ExplorerApp;
use super::action::Action;
use super::done::Done;
use super::export_dialog::What;
use super::menus::{self, MenuState};
use crate::ui::side_panel::{SidePanelAction, side_panel_ui};
use crate::ui::table_view::PanelAction;
use zq_map::MapClick;

impl ExplorerApp {
    /// The menus, the title, the search box and the language switch, in one bar.
    pub(super) fn top_bar_ui(&mut self, ui: &mut egui::Ui, actions: &mut Vec<Action>) {
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

    pub(super) fn status_bar_ui(&self, ui: &mut egui::Ui) {
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
    pub(super) fn panels_ui(&mut self, ui: &mut egui::Ui, actions: &mut Vec<Action>) {
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

    /// Windows over the panels: article view, dialogs, progress, help, about. Their answers
    /// are reported; background work that finished is returned for the router.
    pub(super) fn windows_ui(
        &mut self,
        ctx: &egui::Context,
        actions: &mut Vec<Action>,
    ) -> Vec<Done> {
        let lang = self.lang;
        if let (Some(view), Ok(model)) = (&mut self.article_view, &self.model)
            && !view.window_ui(ctx, &model.dataset, lang)
        {
            self.article_view = None;
        }
        self.export_dialog_ui(ctx, actions);
        self.save_dialog_ui(ctx, actions);
        let done: Vec<Done> = [self.job_ui(ctx), self.opening_ui(ctx)]
            .into_iter()
            .flatten()
            .collect();
        self.property_dialog_ui(ctx, actions);
        self.datum_dialog_ui(ctx, actions);
        egui::Window::new(Msg::KeyboardShortcuts.text(lang))
            .id(egui::Id::unique("help_window"))
            .open(&mut self.show_help)
            .collapsible(false)
            .show(ctx, |ui| crate::ui::help::shortcuts_ui(ui, lang));
        egui::Window::new(Msg::About.text(lang))
            .id(egui::Id::unique("about_window"))
            .open(&mut self.show_about)
            .collapsible(false)
            .default_width(520.0)
            .show(ctx, |ui| {
                let dataset = self.model.as_ref().ok().map(|m| &m.dataset);
                egui::ScrollArea::vertical()
                    .max_height(ctx.content_rect().height() * 0.75)
                    .show(ui, |ui| crate::ui::help::about_ui(ui, dataset, lang));
            });
        done
    }

    /// What the window shows after an internal error: what happened and where the report is.
    pub(super) fn crash_screen_ui(ui: &mut egui::Ui, message: &str, lang: Lang) {
        egui::CentralPanel::default().show(ui, |ui| {
            ui.heading(Msg::SomethingWentWrongInside.text(lang));
            ui.label(message);
            ui.add_space(8.0);
            ui.label(Msg::NothingYouOpenedSaved.text(lang));
            ui.horizontal(|ui| {
                if ui.button(Msg::CopyMessage.text(lang)).clicked() {
                    ui.ctx().copy_text(message.to_owned());
                }
                if ui.button(Msg::Quit.text(lang)).clicked() {
                    ui.ctx().send_viewport_cmd(egui::ViewportCommand::Close);
                }
            });
        });
    }
}

/// The first-run hint: what to click. Dismissed once, remembered.
fn hint_ui(ui: &mut egui::Ui, lang: Lang, actions: &mut Vec<Action>) {
    egui::Frame::group(ui.style())
        .fill(egui::Color32::from_rgb(0xFF, 0xF6, 0xD5))
        .show(ui, |ui| {
            ui.label(RichText::new(Msg::GettingStarted.text(lang)).strong());
            ui.label(Msg::ClickCountyProjectSymbol.text(lang));
            if ui.button(Msg::GotIt.text(lang)).clicked() {
                actions.push(Action::DismissHint);
            }
        });
    ui.add_space(6.0);
}

fn load_errors_ui(ui: &mut egui::Ui, problems: &[LoadError], lang: Lang) {
    ui.heading(Msg::LoadFailed.text(lang));
    egui::ScrollArea::vertical().show(ui, |ui| {
        for problem in problems {
            ui.label(problem.to_string());
        }
    });
}
