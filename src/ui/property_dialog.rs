//! When a boundaries file leaves doubt about which properties hold the codes and names, the
//! file opens with the best guess and this dialog lets the user choose others.

use std::sync::Arc;

use egui::RichText;

use zq_core::i18n::{Lang, Msg};
use zq_core::load::Options;
use zq_core::load::{PropertyChoice, PropertyKeys};

pub struct PropertyDialog {
    pub name: String,
    pub bytes: Arc<[u8]>,
    /// How the file was read (as GCJ-02 or not), to read it again the same way.
    pub options: Options,
    choice: PropertyChoice,
    keys: PropertyKeys,
}

pub enum PropertyAnswer {
    Open,
    /// Keep the file as it was opened.
    Keep,
    /// Read it again with these properties.
    Use(PropertyKeys),
}

impl PropertyDialog {
    pub fn new(name: String, bytes: Arc<[u8]>, options: Options, choice: PropertyChoice) -> Self {
        Self {
            keys: choice.detected.clone(),
            name,
            bytes,
            options,
            choice,
        }
    }

    pub fn window_ui(&mut self, ctx: &egui::Context, lang: Lang) -> PropertyAnswer {
        let mut answer = PropertyAnswer::Open;
        egui::Window::new(Msg::WhichPropertiesHoldCodes.text(lang))
            .id(egui::Id::unique("property_dialog"))
            .collapsible(false)
            .anchor(egui::Align2::CENTER_CENTER, egui::Vec2::ZERO)
            .show(ctx, |ui| {
                ui.label(RichText::new(&self.name).strong());
                for reason in &self.choice.reasons {
                    ui.label(format!("• {reason}"));
                }
                ui.add_space(4.0);
                egui::Grid::new("property_keys")
                    .num_columns(2)
                    .show(ui, |ui| {
                        let label = ui.label(Msg::Code.text(lang)).id;
                        key_combo(ui, label, &mut self.keys.code, &self.choice.keys);
                        ui.end_row();
                        let label = ui.label(Msg::ChineseName.text(lang)).id;
                        optional_combo(ui, label, &mut self.keys.name_zh, &self.choice.keys, lang);
                        ui.end_row();
                        let label = ui.label(Msg::EnglishName.text(lang)).id;
                        optional_combo(ui, label, &mut self.keys.name_en, &self.choice.keys, lang);
                        ui.end_row();
                    });
                ui.horizontal(|ui| {
                    if ui
                        .button(RichText::new(Msg::UseThese.text(lang)).strong())
                        .clicked()
                    {
                        answer = PropertyAnswer::Use(self.keys.clone());
                    }
                    if ui.button(Msg::KeepOpened.text(lang)).clicked() {
                        answer = PropertyAnswer::Keep;
                    }
                });
            });
        answer
    }
}

/// Each combo box is named by the label beside it, so a screen reader says which it is.
fn key_combo(ui: &mut egui::Ui, label: egui::Id, key: &mut String, keys: &[String]) {
    egui::ComboBox::from_id_salt(label)
        .selected_text(key.as_str())
        .show_ui(ui, |ui| {
            for k in keys {
                ui.selectable_value(key, k.clone(), k);
            }
        })
        .response
        .labelled_by(label);
}

fn optional_combo(
    ui: &mut egui::Ui,
    label: egui::Id,
    key: &mut Option<String>,
    keys: &[String],
    lang: Lang,
) {
    let none = Msg::NoneChosen.text(lang);
    egui::ComboBox::from_id_salt(label)
        .selected_text(key.as_deref().unwrap_or(none))
        .show_ui(ui, |ui| {
            ui.selectable_value(key, None, none);
            for k in keys {
                ui.selectable_value(key, Some(k.clone()), k);
            }
        })
        .response
        .labelled_by(label);
}
