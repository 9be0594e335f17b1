//! Names on the map: counties at their poles of inaccessibility, neighbouring prefectures, and
//! project names once zoomed in; placed so they never collide with each other or the symbols.

use egui::{Align2, Color32, FontId, Painter, Pos2, Vec2};
use geo::{Coord, Rect};

use zq_core::geometry::labels::{AROUND_POINT, Candidate, Placement, place_labels};
use zq_core::i18n::{Lang, Msg};

use super::convert::{lonlat_box, to_coord};
use super::layers::{LayerContext, LayerSettings, MapLayer};
use super::palette;
use super::projects::symbols;

pub struct LabelsLayer;

/// A region smaller than this on screen (UI points across) gets no name.
const MIN_REGION_POINTS: f64 = 24.0;

/// From this zoom (UI points per degree) on, projects are named too.
const PROJECT_NAMES_FROM: f64 = 1500.0;

const CENTERED: [Placement; 1] = [Placement::Center];
/// A county name may move off its pole of inaccessibility to clear a project symbol.
const COUNTY: [Placement; 5] = [
    Placement::Center,
    Placement::Above,
    Placement::Below,
    Placement::Right,
    Placement::Left,
];

/// A label to place, with how it is drawn.
struct Text {
    text: String,
    font: FontId,
    color: egui::Color32,
}

impl MapLayer for LabelsLayer {
    fn name(&self) -> &'static str {
        "labels"
    }

    fn paint(&self, painter: &Painter, cx: &LayerContext<'_>) {
        if !cx.settings().labels {
            return;
        }
        for (rect, text) in layout(painter, cx) {
            let center = Pos2::new(
                ((rect.min().x + rect.max().x) / 2.0) as f32,
                ((rect.min().y + rect.max().y) / 2.0) as f32,
            );
            paint_text_with_halo(painter, center, &text.text, text.font, text.color);
        }
    }

    fn settings_ui(&self, ui: &mut egui::Ui, settings: &mut LayerSettings, lang: Lang) {
        ui.checkbox(&mut settings.labels, Msg::Labels.text(lang));
    }
}

/// A region's name as the map writes it: English names without "District", "County" or
/// "City", as maps print them, so that they fit inside small counties.
fn map_name(name: &str, lang: Lang) -> String {
    if !lang.is_en() {
        return name.to_owned();
    }
    [" District", " County", " City"]
        .iter()
        .find_map(|suffix| name.strip_suffix(suffix))
        .unwrap_or(name)
        .to_owned()
}

/// The labels placed this frame: each one's rectangle (UI points) and text.
pub fn placed_labels(painter: &Painter, cx: &LayerContext<'_>) -> Vec<(Rect<f64>, String)> {
    if !cx.settings().labels {
        return Vec::new();
    }
    layout(painter, cx)
        .into_iter()
        .map(|(rect, t)| (rect, t.text))
        .collect()
}

/// Every label that fits this frame, with its rectangle.
fn layout(painter: &Painter, cx: &LayerContext<'_>) -> Vec<(Rect<f64>, Text)> {
    let lang = cx.lang();
    let clip = painter.clip_rect();
    let mut texts: Vec<Text> = Vec::new();
    let mut candidates: Vec<Candidate> = Vec::new();
    let mut add = |texts: &mut Vec<Text>,
                   anchor: Pos2,
                   text: String,
                   font: FontId,
                   color,
                   priority,
                   gaps: &'static [f64],
                   placements: &'static [Placement]| {
        // Only what lies in the clip rect is named there: a strip drawn beside the kept
        // picture of the map (see `picture`) must not name again what the picture names.
        if !clip.contains(anchor) {
            return;
        }
        let size = painter
            .layout_no_wrap(text.clone(), font.clone(), color)
            .size();
        candidates.push(Candidate {
            key: texts.len(),
            anchor: to_coord(anchor),
            size: Coord {
                x: f64::from(size.x),
                y: f64::from(size.y),
            },
            priority,
            gaps,
            placements,
        });
        texts.push(Text { text, font, color });
    };
    let selected = cx.selection().county.as_deref();
    // Only regions in the clip rect and large enough on screen to hold a name are candidates:
    // with all of China loaded, most counties are a few pixels across at the whole-country view.
    let regions = &cx.model().boundaries.regions;
    let large_enough = |bbox: geo::Rect<f64>| {
        let size = bbox.width() * cx.projector.points_per_degree();
        size >= MIN_REGION_POINTS
            && bbox.height() * cx.projector.points_per_degree() >= MIN_REGION_POINTS / 2.0
    };
    let in_view = cx
        .model()
        .boundaries
        .regions_in(lonlat_box(cx.projector, clip));
    for region in in_view
        .iter()
        .filter_map(|&i| regions.get(i))
        .filter(|r| large_enough(r.bbox))
    {
        let size = if selected == Some(region.code.as_str()) {
            16.0
        } else {
            14.0
        };
        let name = map_name(lang.pick(&region.name_zh, &region.name_en), lang);
        add(
            &mut texts,
            cx.ui_from_lonlat(region.label_lonlat()),
            name,
            FontId::proportional(size),
            palette::LABEL,
            100,
            &[8.0, 16.0, 26.0],
            &COUNTY,
        );
    }
    if cx.settings().context {
        for region in &cx.model().context.regions {
            let name = lang.pick(&region.name_zh, &region.name_en).to_owned();
            add(
                &mut texts,
                cx.ui_from_lonlat(region.label_lonlat()),
                name,
                FontId::proportional(13.0),
                palette::CONTEXT_LABEL,
                10,
                &[],
                &CENTERED,
            );
        }
    }
    let symbols = if cx.settings().projects {
        symbols(cx)
    } else {
        Vec::new()
    };
    if cx.settings().projects && cx.projector.points_per_degree() >= PROJECT_NAMES_FROM {
        for s in &symbols {
            let project = &cx.model().dataset.projects[s.index];
            let name = lang.pick(&project.name_zh, &project.name_en).to_owned();
            // The gap leaves room for the symbol, measured from its centre.
            let gaps: &'static [f64] = match s.radius {
                r if r <= 6.0 => &[9.0],
                r if r <= 10.0 => &[13.0],
                _ => &[20.0],
            };
            add(
                &mut texts,
                s.center,
                name,
                FontId::proportional(11.5),
                palette::LABEL,
                50,
                gaps,
                &AROUND_POINT,
            );
        }
    }
    let obstacles: Vec<Rect<f64>> = symbols
        .iter()
        .map(|s| {
            let r = f64::from(s.radius) + 1.0;
            let c = to_coord(s.center);
            Rect::new(
                Coord {
                    x: c.x - r,
                    y: c.y - r,
                },
                Coord {
                    x: c.x + r,
                    y: c.y + r,
                },
            )
        })
        .collect();
    let obstacles: Vec<Rect<f64>> = obstacles
        .into_iter()
        .chain(
            cx.reserved()
                .iter()
                .map(|r| Rect::new(to_coord(r.min), to_coord(r.max))),
        )
        .collect();
    let bounds = Rect::new(to_coord(clip.min), to_coord(clip.max));
    let placed = place_labels(&candidates, &obstacles, bounds);
    let mut texts: Vec<Option<Text>> = texts.into_iter().map(Some).collect();
    placed
        .into_iter()
        .filter_map(|p| Some((p.rect, texts.get_mut(p.key)?.take()?)))
        .collect()
}

/// Text with a soft white outline, legible on any fill.
pub fn paint_text_with_halo(
    painter: &Painter,
    pos: Pos2,
    text: &str,
    font: FontId,
    color: Color32,
) {
    let galley = painter.layout_no_wrap(text.to_owned(), font, color);
    let top_left = Align2::CENTER_CENTER.anchor_size(pos, galley.size()).min;
    crate::shape_groups::group(painter, crate::shape_groups::HALO, || {
        for offset in [
            Vec2::new(-1.0, 0.0),
            Vec2::new(1.0, 0.0),
            Vec2::new(0.0, -1.0),
            Vec2::new(0.0, 1.0),
        ] {
            painter.galley_with_override_text_color(
                top_left + offset,
                galley.clone(),
                palette::HALO,
            );
        }
    });
    painter.galley(top_left, galley, color);
}
