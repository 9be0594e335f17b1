//! A county's fact sheet: its facts grouped by theme (investment and projects, industry and
//! output, towns and villages, Party building and services, city and environment), each fact
//! once. Figures that may share an axis (see [`super::comparable`]) are drawn as bars when
//! there are two or more of them; every other fact is a card of its own.

use crate::data::measures::theme_heading;
use crate::data::{Dataset, Figure, Kind};
use crate::i18n::{Lang, Msg};

use super::comparable::AxisKey;
use super::{Item, Panel, PanelStyle, Status, units};

/// The panels of the county's sheet, theme by theme; a theme's first panel carries its heading.
pub fn panels(dataset: &Dataset, code: &str) -> Vec<Panel> {
    let mut panels = Vec::new();
    for (theme, in_theme) in dataset.facts_by_theme(code) {
        let first = panels.len();
        // Groups of comparable figures, in the order their first figure appears.
        let mut groups: Vec<(AxisKey<'_>, Vec<&Figure>)> = Vec::new();
        for &figure in &in_theme {
            let key = AxisKey::of(figure);
            match groups.iter_mut().find(|(k, _)| *k == key) {
                Some((_, members)) => members.push(figure),
                None => groups.push((key, vec![figure])),
            }
        }
        let mut singles = Vec::new();
        for (_, members) in groups {
            let chartable = members.len() >= 2 && members.iter().all(|f| f.kind != Kind::Rank);
            if chartable {
                panels.push(bar_panel(dataset, &members));
            } else {
                singles.extend(members);
            }
        }
        // Cards keep the order of the articles, not of the groups.
        singles.sort_by_key(|f| in_theme.iter().position(|g| g.id == f.id));
        if !singles.is_empty() {
            // Under the theme's heading: untitled when the cards are all the theme holds.
            let (zh, en) = match (theme, panels.len() > first) {
                (Some(_), false) => ("", ""),
                (_, true) => (Msg::OtherFigures.zh(), Msg::OtherFigures.en()),
                (None, false) => (theme_heading(None, Lang::Zh), theme_heading(None, Lang::En)),
            };
            panels.push(Panel {
                title_zh: zh.to_owned(),
                title_en: en.to_owned(),
                unit: String::new(),
                style: PanelStyle::Facts,
                heading: None,
                items: singles
                    .into_iter()
                    .map(|f| Item::from_figure(f, None))
                    .collect(),
                hint: None,
            });
        }
        if let Some(panel) = panels.get_mut(first) {
            panel.heading = theme;
        }
    }
    panels
}

/// Bars for comparable figures: titled with what they measure (and whether they are plans or
/// goals), each bar labelled with its subject.
fn bar_panel(dataset: &Dataset, members: &[&Figure]) -> Panel {
    let first = members[0];
    let (mut zh, mut en) = match dataset.measure_of(first) {
        Some(m) => (m.zh.clone(), m.en.clone()),
        None => (first.subject_zh.clone(), first.subject_en.clone()),
    };
    if let Some(mark) = Status::of(first).mark(Lang::Zh) {
        zh = format!(
            "{zh}{}",
            crate::fill!(Msg::Parenthesized, Lang::Zh, text = mark)
        );
    }
    if let Some(mark) = Status::of(first).mark(Lang::En) {
        en = format!(
            "{en} {}",
            crate::fill!(Msg::Parenthesized, Lang::En, text = mark)
        );
    }
    let unit = &first.unit;
    Panel {
        title_zh: format!("{zh} · {}", units::describe(unit, Lang::Zh)),
        title_en: format!("{en} · {}", units::describe(unit, Lang::En)),
        unit: unit.clone(),
        style: PanelStyle::Bars,
        heading: None,
        items: members.iter().map(|f| Item::from_figure(f, None)).collect(),
        hint: None,
    }
}
