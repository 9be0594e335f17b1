//! The menu bar and the keyboard shortcuts: what a desktop user looks for under File, View and
//! Help, each item with its shortcut shown. Both report [`Action`]s for the app to carry out;
//! only View → Layers changes its switches in place.

use std::path::PathBuf;

use egui::{Key, KeyboardShortcut, Modifiers, Ui};

use zq_core::i18n::{Lang, Msg};

use super::action::{Action, OpenKind};
use super::export_dialog::What;
use zq_map::{LayerSettings, layers_ui};

use crate::ui::shortcuts::{COPY_IMAGE, EXPORT, OPEN, QUIT};

/// What the menus show and change in place (the layers' switches).
pub struct MenuState<'a> {
    pub lang: Lang,
    pub layers: &'a mut LayerSettings,
    pub recent: &'a [PathBuf],
    pub show_table: bool,
}

pub fn menus_ui(ui: &mut Ui, state: MenuState<'_>, actions: &mut Vec<Action>) {
    let lang = state.lang;
    ui.menu_button(Msg::File.text(lang), |ui| {
        file_menu_ui(ui, lang, state.recent, actions)
    });
    ui.menu_button(Msg::View.text(lang), |ui| {
        ui.menu_button(Msg::Layers.text(lang), |ui| {
            layers_ui(ui, state.layers, lang)
        });
        ui.menu_button(Msg::LanguageMenu.text(lang), |ui| {
            for l in [Lang::Zh, Lang::En] {
                if ui.radio(lang == l, l.own_name()).clicked() {
                    actions.push(Action::SetLang(l));
                }
            }
        });
        ui.separator();
        if ui
            .radio(!state.show_table, Msg::Charts.text(lang))
            .clicked()
        {
            actions.push(Action::ShowTable(false));
        }
        if ui.radio(state.show_table, Msg::Table.text(lang)).clicked() {
            actions.push(Action::ShowTable(true));
        }
        ui.separator();
        if ui.button(Msg::ResetView.text(lang)).clicked() {
            actions.push(Action::ResetView);
        }
        if ui
            .add(egui::Button::new(Msg::FullScreen.text(lang)).shortcut_text("F11"))
            .clicked()
        {
            actions.push(Action::ToggleFullScreen);
        }
    });
    ui.menu_button(Msg::Help.text(lang), |ui| {
        if ui
            .add(egui::Button::new(Msg::KeyboardShortcuts.text(lang)).shortcut_text("F1"))
            .clicked()
        {
            actions.push(Action::ShowHelp);
        }
        if ui.button(Msg::About.text(lang)).clicked() {
            actions.push(Action::ShowAbout);
        }
    });
}

fn file_menu_ui(ui: &mut Ui, lang: Lang, recent: &[PathBuf], actions: &mut Vec<Action>) {
    let item = |ui: &mut Ui, text: &str, shortcut: Option<&KeyboardShortcut>| {
        let mut button = egui::Button::new(text);
        if let Some(shortcut) = shortcut {
            button = button.shortcut_text(ui.ctx().format_shortcut(shortcut));
        }
        ui.add(button).clicked()
    };
    if item(ui, Msg::OpenBoundariesPoints.text(lang), Some(&OPEN)) {
        actions.push(Action::OpenFile(OpenKind::Map));
    }
    if item(ui, Msg::OpenGcj02MapMenu.text(lang), None) {
        actions.push(Action::OpenFile(OpenKind::MapGcj02));
    }
    if item(ui, Msg::OpenFigures.text(lang), None) {
        actions.push(Action::OpenFile(OpenKind::Figures));
    }
    ui.menu_button(Msg::OpenRecent.text(lang), |ui| {
        recent_ui(ui, lang, recent, actions)
    });
    ui.separator();
    if item(ui, Msg::ExportChart.text(lang), Some(&EXPORT)) {
        actions.push(Action::OpenExport(What::Chart));
    }
    if item(ui, Msg::ExportMap.text(lang), None) {
        actions.push(Action::OpenExport(What::Map));
    }
    if item(ui, Msg::ReportSheet.text(lang), None) {
        actions.push(Action::OpenExport(What::Report));
    }
    if item(ui, Msg::ExportAllCharts.text(lang), None) {
        actions.push(Action::ExportAll);
    }
    if item(ui, Msg::CopyImage.text(lang), Some(&COPY_IMAGE)) {
        actions.push(Action::CopyImage);
    }
    ui.separator();
    if item(ui, Msg::Quit.text(lang), Some(&QUIT)) {
        actions.push(Action::Quit);
    }
}

/// The files opened last, newest first; a file since moved or deleted is left out.
fn recent_ui(ui: &mut Ui, lang: Lang, recent: &[PathBuf], actions: &mut Vec<Action>) {
    let present: Vec<&PathBuf> = recent.iter().filter(|p| p.is_file()).collect();
    if present.is_empty() {
        ui.add_enabled(false, egui::Button::new(Msg::NoRecentFiles.text(lang)));
        return;
    }
    for path in present {
        let name = path.file_name().map_or_else(
            || path.display().to_string(),
            |n| n.to_string_lossy().into_owned(),
        );
        if ui
            .button(name)
            .on_hover_text(path.display().to_string())
            .clicked()
        {
            actions.push(Action::OpenPaths(vec![path.clone()]));
        }
    }
    ui.separator();
    if ui.button(Msg::ClearList.text(lang)).clicked() {
        actions.push(Action::ClearRecent);
    }
}

/// Keyboard shortcuts. Keys a focused text field or widget needs are left to it, and while a
/// dialog is open (`dialog_open`) Tab and the arrows move through the dialog, not the map; Esc
/// closes the dialog even from one of its fields.
pub fn shortcuts(ctx: &egui::Context, dialog_open: bool) -> Vec<Action> {
    let mut actions = Vec::new();
    let focused = ctx.memory(|m| m.focused().is_some());
    ctx.input_mut(|i| {
        for (shortcut, action) in [
            (QUIT, Action::Quit),
            (OPEN, Action::OpenFile(OpenKind::Map)),
            (EXPORT, Action::OpenExport(What::Chart)),
            (COPY_IMAGE, Action::CopyImage),
        ] {
            if i.consume_shortcut(&shortcut) {
                actions.push(action);
            }
        }
        if i.consume_key(Modifiers::NONE, Key::F1) {
            actions.push(Action::ShowHelp);
        }
        if i.consume_key(Modifiers::NONE, Key::F11) {
            actions.push(Action::ToggleFullScreen);
        }
        if (dialog_open || !focused) && i.consume_key(Modifiers::NONE, Key::Escape) {
            actions.push(Action::Escape);
        }
        if focused || dialog_open {
            return;
        }
        if i.consume_key(Modifiers::SHIFT, Key::Tab) {
            actions.push(Action::NextCounty { backwards: true });
        }
        if i.consume_key(Modifiers::NONE, Key::Tab) {
            actions.push(Action::NextCounty { backwards: false });
        }
    });
    if !focused && !dialog_open {
        // egui already read Tab and the arrows as "move the keyboard focus"; with no widget
        // focused they step through the counties and pan the map instead.
        ctx.memory_mut(|m| m.move_focus(egui::FocusDirection::None));
    }
    actions
}
