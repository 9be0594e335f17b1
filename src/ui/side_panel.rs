//! The side panel: what is selected (a project, a county, or the whole city) and what the
//! articles say about it.

use egui::{RichText, ScrollArea, Ui};

use zq_core::Model;
use zq_core::data::Project;
use zq_core::i18n::{Lang, Msg};
use zq_core::selection::Selection;

use super::figure_card::figure_card_ui;

/// What the user asked for in the panel.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SidePanelAction {
    /// Show a figure's quote in its article.
    ShowQuote(String),
    ClearSelection,
    /// Select a project listed under its county.
    SelectProject(String),
    /// Go back from a project to its county.
    ClearProject,
}

pub fn side_panel_ui(
    ui: &mut Ui,
    model: &Model,
    selection: &Selection,
    lang: Lang,
) -> Option<SidePanelAction> {
    let mut action = None;
    ScrollArea::vertical().auto_shrink(false).show(ui, |ui| {
        if let Some(project) = selection
            .project
            .as_deref()
            .and_then(|id| model.dataset.project(id))
        {
            project_ui(ui, model, project, lang, &mut action);
            return;
        }
        let scope = match selection
            .county
            .as_deref()
            .and_then(|code| model.boundaries.region_by_code(code))
        {
            Some(region) => {
                title_row_ui(
                    ui,
                    &region.name_zh,
                    lang,
                    SidePanelAction::ClearSelection,
                    &mut action,
                );
                ui.label(RichText::new(&region.name_en).size(15.0));
                ui.add_space(4.0);
                county_facts_ui(ui, model, &region.code, region.area_km2(), lang);
                region.code.as_str()
            }
            None => {
                ui.heading(Msg::CityWide.text(lang));
                ui.label(RichText::new(Msg::CityWideHint.text(lang)).weak());
                zq_core::data::figures::CITY_SCOPE
            }
        };
        ui.add_space(8.0);
        ui.separator();
        // Each fact once (a repeat is named on its card), grouped by theme.
        let count = model.dataset.facts_in_scope(scope).count();
        ui.label(RichText::new(format!("{} ({count})", Msg::Figures.text(lang))).strong());
        if count == 0 {
            ui.label(RichText::new(Msg::NoFigures.text(lang)).weak());
        }
        let every_card = every_card_wanted(ui);
        for (theme, in_theme) in model.dataset.facts_by_theme(scope) {
            ui.add_space(4.0);
            ui.label(
                RichText::new(zq_core::data::measures::theme_heading(theme, lang))
                    .strong()
                    .size(14.5),
            );
            for figure in in_theme {
                let key = ui.scope_id().with(("figure card", &figure.id, lang));
                if card_in_view_ui(ui, key, model.revision, every_card, |ui| {
                    figure_card_ui(ui, &model.dataset, figure, lang)
                }) {
                    action = Some(SidePanelAction::ShowQuote(figure.id.clone()));
                }
            }
        }
        let projects: Vec<_> = model.dataset.projects_in(scope).collect();
        if !projects.is_empty() {
            ui.add_space(8.0);
            ui.separator();
            ui.label(
                RichText::new(format!("{} ({})", Msg::Projects.text(lang), projects.len()))
                    .strong(),
            );
            for project in projects {
                if ui
                    .link(lang.pick(&project.name_zh, &project.name_en))
                    .on_hover_text(project.precision.describe(lang))
                    .clicked()
                {
                    action = Some(SidePanelAction::SelectProject(project.id.clone()));
                }
            }
        }
    });
    action
}

/// Whether every card is to be laid out, seen or not: with a screen reader on (AccessKit), for
/// it to read them all; while a widget has the keyboard focus, for Tab to reach every card.
fn every_card_wanted(ui: &Ui) -> bool {
    ui.ctx()
        .accesskit_node_builder(ui.unique_id(), |_| ())
        .is_some()
        || ui.memory(|m| m.focused().is_some())
}

/// What a card's height depends on besides its key: a height remembered for other data, width
/// or zoom is not its height now.
#[derive(Clone, Copy, PartialEq)]
struct LaidOutFor {
    /// `Model::revision`: a figures file opened may change a card (its wording, its "also
    /// reported in" line) and keep its key.
    revision: u64,
    width: f32,
    zoom: f32,
}

/// Lays out a card where it can be seen; unless `everything`, one scrolled out of view only
/// takes the room it took when last laid out for this data at this width and zoom. The whole
/// city's 109 cards laid out every frame were two fifths of a frame while the map was dragged
/// (`software_frame/drag`).
fn card_in_view_ui(
    ui: &mut Ui,
    key: egui::Id,
    revision: u64,
    everything: bool,
    add: impl FnOnce(&mut Ui) -> bool,
) -> bool {
    let now = LaidOutFor {
        revision,
        width: ui.available_width(),
        zoom: ui.ctx().pixels_per_point(),
    };
    if let Some((then, height)) = ui.data(|d| d.get_temp::<(LaidOutFor, f32)>(key))
        && then == now
        && !everything
    {
        let size = egui::vec2(now.width, height);
        if !ui.is_rect_visible(egui::Rect::from_min_size(ui.cursor().min, size)) {
            ui.allocate_space(size);
            return false;
        }
    }
    let card = ui.scope(add);
    let height = card.response.rect.height();
    ui.data_mut(|d| d.insert_temp(key, (now, height)));
    card.inner
}

fn title_row_ui(
    ui: &mut Ui,
    title: &str,
    lang: Lang,
    close: SidePanelAction,
    action: &mut Option<SidePanelAction>,
) {
    ui.horizontal(|ui| {
        ui.heading(RichText::new(title).strong());
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            if ui
                .small_button("×")
                .on_hover_text(Msg::ClearSelection.text(lang))
                .clicked()
            {
                *action = Some(close);
            }
        });
    });
}

/// A selected project: names, industry, where it is and how precisely, its figures and sources.
fn project_ui(
    ui: &mut Ui,
    model: &Model,
    project: &Project,
    lang: Lang,
    action: &mut Option<SidePanelAction>,
) {
    let dataset = &model.dataset;
    title_row_ui(
        ui,
        &project.name_zh,
        lang,
        SidePanelAction::ClearProject,
        action,
    );
    ui.label(RichText::new(&project.name_en).size(14.0));
    ui.add_space(4.0);
    egui::Grid::new("project_facts")
        .num_columns(2)
        .spacing([12.0, 4.0])
        .show(ui, |ui| {
            ui.label(RichText::new(Msg::Industry.text(lang)).weak());
            ui.label(project.industry.name(lang));
            ui.end_row();
            ui.label(RichText::new(Msg::ProjectCounty.text(lang)).weak());
            ui.label(dataset.county_name(&project.county, lang));
            ui.end_row();
            ui.label(RichText::new(Msg::Location.text(lang)).weak());
            ui.label(
                project
                    .location_zh
                    .as_deref()
                    .filter(|_| !lang.is_en())
                    .or(project.location_en.as_deref())
                    .unwrap_or("–"),
            );
            ui.end_row();
            ui.label(RichText::new(Msg::Precision.text(lang)).weak());
            ui.label(project.precision.describe(lang));
            ui.end_row();
            if let Some(stated) = dataset.stated_investment(project) {
                ui.label(RichText::new(Msg::StatedInvestment.text(lang)).weak());
                ui.label(stated.amount.label());
                ui.end_row();
            }
        });
    if let Some(note) = &project.location_note {
        ui.label(RichText::new(note).small().weak());
    }
    ui.add_space(6.0);
    ui.separator();
    let figures: Vec<_> = project
        .figures
        .iter()
        .filter_map(|id| dataset.figure(id))
        .collect();
    ui.label(RichText::new(format!("{} ({})", Msg::Figures.text(lang), figures.len())).strong());
    if figures.is_empty() {
        ui.label(RichText::new(Msg::ArticlesGiveNoFigures.text(lang)).weak());
    }
    for figure in figures {
        if figure_card_ui(ui, dataset, figure, lang) {
            *action = Some(SidePanelAction::ShowQuote(figure.id.clone()));
        }
    }
    ui.add_space(6.0);
    ui.label(RichText::new(Msg::ArticlesMention.text(lang)).strong());
    for article in project.articles.iter().filter_map(|id| dataset.article(id)) {
        ui.label(format!("• {}", article.citation(lang)));
    }
}

/// Adcode, seat, area and the articles' statements about a county.
fn county_facts_ui(ui: &mut Ui, model: &Model, code: &str, area_km2: f64, lang: Lang) {
    let county = model.dataset.county(code);
    egui::Grid::new("county_facts")
        .num_columns(2)
        .spacing([12.0, 4.0])
        .show(ui, |ui| {
            ui.label(RichText::new(Msg::Adcode.text(lang)).weak());
            ui.label(code);
            ui.end_row();
            if let Some(county) = county {
                ui.label(RichText::new(Msg::Seat.text(lang)).weak());
                let seat = ui.label(lang.pick(&county.seat.name_zh, &county.seat.name_en));
                if let Some(note) = &county.seat.note {
                    seat.on_hover_text(note);
                }
                ui.end_row();
            }
            ui.label(RichText::new(Msg::Area.text(lang)).weak());
            ui.label(format!("{area_km2:.0} km²"))
                .on_hover_text(Msg::AreaNote.text(lang));
            ui.end_row();
        });
    if let Some(county) = county
        && !county.facts.is_empty()
    {
        ui.add_space(6.0);
        ui.label(RichText::new(Msg::Facts.text(lang)).strong());
        for fact in &county.facts {
            let citation = model
                .dataset
                .article(&fact.article)
                .map(|a| a.citation(lang))
                .unwrap_or_default();
            let source = lang.labelled(Msg::Source.text(lang), &citation);
            // The Chinese is quoted as the article has it; an English rendering is ours, so it
            // is not put in quotation marks, and the original follows it.
            if lang.is_en() {
                ui.label(&fact.text_en).on_hover_text(&source);
                ui.label(RichText::new(format!("“{}”", fact.text_zh)).weak().small())
                    .on_hover_text(&source);
            } else {
                ui.label(format!("“{}”", fact.text_zh))
                    .on_hover_text(&source);
            }
        }
    }
}
