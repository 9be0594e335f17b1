//! The search box: type part of a county's or project's name, pick from the matches (or press
//! Enter for the first), and the map centres on it and selects it.

use egui::{Key, RichText, Ui};

use zq_core::data::Dataset;
use zq_core::i18n::{Lang, Msg};
use zq_core::search::{Match, Target, search};

const MAX_MATCHES: usize = 8;

#[derive(Clone, Debug, Default)]
pub struct SearchBox {
    pub query: String,
    /// Where the list of matches was last drawn: a click on a match first takes the focus
    /// from the text field, and the list must stay until the click is done.
    matches_rect: Option<egui::Rect>,
}

impl SearchBox {
    pub fn ui(&mut self, ui: &mut Ui, dataset: &Dataset, lang: Lang) -> Option<Target> {
        let edit = egui::TextEdit::singleline(&mut self.query)
            .id_salt("search_box")
            .hint_text(Msg::FindCountyProjectE.text(lang))
            .desired_width(260.0);
        let response = ui
            .add(edit)
            .on_hover_text(Msg::EnterPicksFirstMatch.text(lang));
        let matches = search(dataset, &self.query, MAX_MATCHES);
        let mut picked = None;
        let entered = response.lost_focus() && ui.input(|i| i.key_pressed(Key::Enter));
        if entered {
            picked = matches.first().map(|m| m.target.clone());
        }
        // Only while a click on the list is under way, not for a pointer merely resting there.
        let pointer_on_list = self.matches_rect.is_some_and(|rect| {
            ui.input(|i| {
                (i.pointer.any_down() || i.pointer.any_released())
                    && i.pointer.interact_pos().is_some_and(|p| rect.contains(p))
            })
        });
        self.matches_rect = None;
        if (response.has_focus() || pointer_on_list) && !self.query.trim().is_empty() {
            let area = egui::Area::new(ui.scope_id().with("search_matches"))
                .order(egui::Order::Foreground)
                .fixed_pos(response.rect.left_bottom())
                .show(ui.ctx(), |ui| {
                    egui::Frame::popup(ui.style()).show(ui, |ui| {
                        ui.set_min_width(response.rect.width());
                        if matches.is_empty() {
                            ui.label(RichText::new(Msg::NoMatch.text(lang)).weak());
                        }
                        for m in &matches {
                            if ui.selectable_label(false, match_text(m, lang)).clicked() {
                                picked = Some(m.target.clone());
                            }
                        }
                    });
                });
            self.matches_rect = Some(area.response.rect);
        }
        if picked.is_some() {
            response.surrender_focus();
            self.matches_rect = None;
        }
        picked
    }
}

fn match_text(m: &Match, lang: Lang) -> String {
    let kind = match m.target {
        Target::County(_) => Msg::CountyNoun.text(lang),
        Target::Project(_) => Msg::Project.text(lang),
    };
    format!(
        "{}  ·  {}  ({kind})",
        lang.pick(&m.name_zh, &m.name_en),
        lang.pick(&m.name_en, &m.name_zh)
    )
}
