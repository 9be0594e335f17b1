//! Project and site symbols: shape and colour by industry, area by stated investment, hollow
//! when only the town or county is known, a "+" when the amount is a lower bound.

use egui::{Align2, Color32, FontId, Painter, Pos2, RichText, Sense, Shape, Stroke, Ui, Vec2};

use zq_core::data::{Industry, Precision, Project};
use zq_core::i18n::{Lang, Msg};

use super::layers::{Hit, LayerContext, LayerSettings, MapLayer};
use super::legend::row;
use super::palette;

pub struct ProjectsLayer;

/// Radius of a symbol for a project with no stated amount, and of one for 100 亿元.
const SMALL_RADIUS: f32 = 4.5;
const RADIUS_AT_100_YI: f32 = 11.0;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SymbolShape {
    Circle,
    Square,
    Triangle,
    Diamond,
    TriangleDown,
}

/// How an industry is drawn: a colour (Tableau 10 and two more) and a shape.
pub fn industry_style(industry: Industry) -> (Color32, SymbolShape) {
    use SymbolShape::*;
    match industry {
        Industry::Nev => (Color32::from_rgb(0x4E, 0x79, 0xA7), Circle),
        Industry::Battery => (Color32::from_rgb(0xF2, 0x8E, 0x2B), Square),
        Industry::Electronics => (Color32::from_rgb(0xE1, 0x57, 0x59), Diamond),
        Industry::Food => (Color32::from_rgb(0x76, 0xB7, 0xB2), Triangle),
        Industry::Agriculture => (Color32::from_rgb(0x59, 0xA1, 0x4F), Circle),
        Industry::Tourism => (Color32::from_rgb(0xB0, 0x7A, 0xA1), TriangleDown),
        Industry::Ecology => (Color32::from_rgb(0x2E, 0x8B, 0x57), Diamond),
        Industry::Energy => (Color32::from_rgb(0xED, 0xC9, 0x48), Square),
        Industry::Materials => (Color32::from_rgb(0x9C, 0x75, 0x5F), Triangle),
        Industry::Machinery => (Color32::from_rgb(0x6B, 0x6B, 0x6B), Square),
        Industry::Commerce => (Color32::from_rgb(0xFF, 0x9D, 0xA7), Circle),
        Industry::IndustrialPark => (Color32::from_rgb(0x8C, 0x6D, 0xD1), Diamond),
    }
}

/// Whether the point is only as precise as a town or county (drawn hollow).
pub fn is_approximate(precision: Precision) -> bool {
    matches!(precision, Precision::Town | Precision::County)
}

/// One project's symbol this frame.
#[derive(Clone, Debug)]
pub struct Symbol {
    pub index: usize,
    /// Where it is drawn: its project's point, or beside it when projects share the point.
    pub center: Pos2,
    /// Its project's point.
    pub anchor: Pos2,
    pub radius: f32,
    pub color: Color32,
    pub shape: SymbolShape,
    pub hollow: bool,
    pub at_least: bool,
}

/// A symbol's radius for an amount in 亿元: area proportional to the amount, from 25 亿元 (the
/// smallest that stays larger than a symbol with no amount) up.
pub fn radius_for(yi: Option<f64>) -> f32 {
    match yi {
        Some(v) if v > 0.0 => {
            (RADIUS_AT_100_YI * (v / 100.0).sqrt() as f32).max(SMALL_RADIUS + 1.0)
        }
        _ => SMALL_RADIUS,
    }
}

/// The symbols of every project, largest first so small ones stay visible on top.
pub fn symbols(cx: &LayerContext<'_>) -> Vec<Symbol> {
    let dataset = &cx.model().dataset;
    let mut symbols: Vec<Symbol> = dataset
        .projects
        .iter()
        .enumerate()
        .map(|(index, project)| {
            let amount = dataset.stated_investment(project).map(|s| s.amount);
            let (color, shape) = industry_style(project.industry);
            let at = cx.ui_from_lonlat(project.lonlat);
            Symbol {
                index,
                center: at,
                anchor: at,
                radius: radius_for(amount.map(|a| a.yi)),
                color,
                shape,
                hollow: is_approximate(project.precision),
                at_least: amount.is_some_and(|a| a.at_least),
            }
        })
        .collect();
    symbols.sort_by(|a, b| b.radius.total_cmp(&a.radius));
    fan_out(&mut symbols);
    symbols
}

/// Projects sized by their investment that share a point (a zone's midpoint) are drawn beside
/// each other around it, so that one never hides another of its size; small symbols stay on
/// the point, drawn over them. A click on the point still reaches them all.
fn fan_out(symbols: &mut [Symbol]) {
    for (anchor, _) in stacks(symbols) {
        let members: Vec<usize> = (0..symbols.len())
            .filter(|&i| {
                symbols[i].anchor.distance(anchor) < 1.0 && symbols[i].radius > SMALL_RADIUS
            })
            .collect();
        if members.len() < 2 {
            continue;
        }
        let widest = members
            .iter()
            .map(|&i| symbols[i].radius)
            .fold(0.0_f32, f32::max);
        // Overlapping by half: close to the point, and each shape still whole to the eye.
        let distance = widest * 0.55 + 1.0;
        let n = members.len() as f32;
        for (k, &i) in members.iter().enumerate() {
            let angle = std::f32::consts::TAU * k as f32 / n - std::f32::consts::FRAC_PI_2;
            symbols[i].center = anchor + Vec2::angled(angle) * distance;
        }
    }
}

impl MapLayer for ProjectsLayer {
    fn name(&self) -> &'static str {
        "projects"
    }

    fn paint(&self, painter: &Painter, cx: &LayerContext<'_>) {
        if !cx.settings().projects {
            return;
        }
        let all = symbols(cx);
        for symbol in &all {
            paint_symbol(painter, symbol, is_selected(cx, symbol));
        }
        // Several projects on one point (a county seat): say how many.
        for (anchor, count) in stacks(&all) {
            let pos = anchor + Vec2::new(7.0, -9.0);
            painter.circle_filled(pos, 7.0, palette::LABEL);
            painter.text(
                pos,
                Align2::CENTER_CENTER,
                count.to_string(),
                FontId::proportional(10.0),
                Color32::WHITE,
            );
        }
    }

    fn hit(&self, pos_in_ui: Pos2, cx: &LayerContext<'_>) -> Option<Hit> {
        if !cx.settings().projects {
            return None;
        }
        let mut under: Vec<(f32, usize)> = symbols(cx)
            .into_iter()
            .filter_map(|s| {
                let d = s.center.distance(pos_in_ui);
                (d <= s.radius.max(6.0) + 2.0).then_some((d, s.index))
            })
            .collect();
        under.sort_by(|a, b| a.0.total_cmp(&b.0));
        (!under.is_empty()).then(|| Hit::Projects(under.into_iter().map(|(_, i)| i).collect()))
    }

    fn settings_ui(&self, ui: &mut egui::Ui, settings: &mut LayerSettings, lang: Lang) {
        ui.checkbox(&mut settings.projects, Msg::Projects.text(lang));
    }

    fn in_legend(&self, cx: &LayerContext<'_>) -> bool {
        cx.settings().projects
    }

    /// The symbols by industry, filled or hollow, "+", the count on a shared point, the size.
    fn legend_ui(&self, ui: &mut egui::Ui, cx: &LayerContext<'_>) {
        let lang = cx.lang();
        ui.label(RichText::new(Msg::ProjectsIndustry.text(lang)).strong());
        let present: Vec<Industry> = Industry::ALL
            .into_iter()
            .filter(|i| cx.model().dataset.projects.iter().any(|p| p.industry == *i))
            .collect();
        let industry_rows = |ui: &mut Ui, industries: &[Industry]| {
            for &industry in industries {
                let (color, shape) = industry_style(industry);
                row(
                    ui,
                    |ui| symbol(ui, shape, color, false),
                    industry.name(lang),
                );
            }
        };
        // Beside a printed map there is room for two columns, which keeps the legend no
        // taller than the map.
        if ui.available_width() >= 300.0 && present.len() > 1 {
            let half = present.len().div_ceil(2);
            ui.columns(2, |cols| {
                for (col, chunk) in cols.iter_mut().zip(present.chunks(half)) {
                    col.spacing_mut().item_spacing.y = 3.0;
                    industry_rows(col, chunk);
                }
            });
        } else {
            industry_rows(ui, &present);
        }
        let gray = palette::LABEL;
        row(
            ui,
            |ui| symbol(ui, SymbolShape::Circle, gray, false),
            Msg::FilledSiteZone.text(lang),
        );
        row(
            ui,
            |ui| symbol(ui, SymbolShape::Circle, gray, true),
            Msg::HollowOnlyTownCounty.text(lang),
        );
        row(
            ui,
            |ui| {
                ui.label(RichText::new("+").strong());
            },
            Msg::AmountLowerBound.text(lang),
        );
        row(
            ui,
            |ui| {
                let (rect, _) = ui.allocate_exact_size(Vec2::splat(14.0), Sense::hover());
                ui.painter()
                    .circle_filled(rect.center(), 7.0, palette::LABEL);
                ui.painter().text(
                    rect.center(),
                    egui::Align2::CENTER_CENTER,
                    "3",
                    egui::FontId::proportional(10.0),
                    Color32::WHITE,
                );
            },
            Msg::NumberProjectsSharingOne.text(lang),
        );
        ui.horizontal(|ui| {
            // 25 亿元 is the smallest amount drawn true to area (smaller ones at that size).
            for yi in [25.0, 100.0] {
                let r = radius_for(Some(yi));
                let (rect, _) = ui.allocate_exact_size(Vec2::splat(r * 2.0 + 2.0), Sense::hover());
                ui.painter()
                    .circle_stroke(rect.center(), r, Stroke::new(1.0, gray));
                ui.label(RichText::new(format!("{yi:.0} 亿元")).small());
            }
        });
        ui.label(RichText::new(Msg::AreaStatedInvestmentUnder.text(lang)).small());
        ui.add_space(4.0);
    }
}

fn is_selected(cx: &LayerContext<'_>, symbol: &Symbol) -> bool {
    let project = cx.model().dataset.projects.get(symbol.index);
    project.is_some_and(|p| cx.selection().project.as_deref() == Some(p.id.as_str()))
}

/// The symbols of the `hovered` projects again, emphasized, over whatever is drawn (see
/// `HighlightLayer`).
pub fn paint_hovered(painter: &Painter, cx: &LayerContext<'_>, hovered: &[usize]) {
    if !cx.settings().projects {
        return;
    }
    for symbol in symbols(cx)
        .iter()
        .filter(|s| hovered.contains(&s.index) && !is_selected(cx, s))
    {
        paint_symbol(painter, symbol, true);
    }
}

/// Points where more than one project sits, with how many.
fn stacks(symbols: &[Symbol]) -> Vec<(Pos2, usize)> {
    let mut stacks: Vec<(Pos2, usize)> = Vec::new();
    for s in symbols {
        match stacks.iter_mut().find(|(c, _)| c.distance(s.anchor) < 1.0) {
            Some((_, n)) => *n += 1,
            None => stacks.push((s.anchor, 1)),
        }
    }
    stacks.retain(|(_, n)| *n > 1);
    stacks
}

pub fn paint_symbol(painter: &Painter, s: &Symbol, emphasis: bool) {
    let outline = Stroke::new(
        if emphasis { 2.5 } else { 1.2 },
        if emphasis {
            palette::SELECTED_STROKE
        } else {
            Color32::WHITE
        },
    );
    let (fill, stroke) = if s.hollow {
        (
            Color32::from_white_alpha(230),
            Stroke::new(if emphasis { 3.0 } else { 2.0 }, s.color),
        )
    } else {
        (s.color, outline)
    };
    paint_shape(painter, s.shape, s.center, s.radius, fill, stroke);
    if s.hollow && emphasis {
        paint_shape(
            painter,
            s.shape,
            s.center,
            s.radius + 2.5,
            Color32::TRANSPARENT,
            Stroke::new(1.5, palette::SELECTED_STROKE),
        );
    }
    if s.at_least {
        // "+" beside the symbol: the amount is at least this.
        let p = s.center + Vec2::new(s.radius * 0.8 + 3.0, -s.radius * 0.8 - 3.0);
        let stroke = Stroke::new(1.8, palette::LABEL);
        painter.line_segment([p - Vec2::new(3.5, 0.0), p + Vec2::new(3.5, 0.0)], stroke);
        painter.line_segment([p - Vec2::new(0.0, 3.5), p + Vec2::new(0.0, 3.5)], stroke);
    }
}

pub fn paint_shape(
    painter: &Painter,
    shape: SymbolShape,
    c: Pos2,
    r: f32,
    fill: Color32,
    stroke: Stroke,
) {
    let polygon = |points: Vec<Pos2>| Shape::convex_polygon(points, fill, stroke);
    match shape {
        SymbolShape::Circle => {
            painter.circle(c, r, fill, stroke);
        }
        SymbolShape::Square => {
            let h = r * 0.89;
            painter.add(polygon(vec![
                c + Vec2::new(-h, -h),
                c + Vec2::new(h, -h),
                c + Vec2::new(h, h),
                c + Vec2::new(-h, h),
            ]));
        }
        SymbolShape::Diamond => {
            let h = r * 1.2;
            painter.add(polygon(vec![
                c + Vec2::new(0.0, -h),
                c + Vec2::new(h, 0.0),
                c + Vec2::new(0.0, h),
                c + Vec2::new(-h, 0.0),
            ]));
        }
        SymbolShape::Triangle => {
            let h = r * 1.3;
            painter.add(polygon(vec![
                c + Vec2::new(0.0, -h),
                c + Vec2::new(h * 0.87, h * 0.5),
                c + Vec2::new(-h * 0.87, h * 0.5),
            ]));
        }
        SymbolShape::TriangleDown => {
            let h = r * 1.3;
            painter.add(polygon(vec![
                c + Vec2::new(-h * 0.87, -h * 0.5),
                c + Vec2::new(h * 0.87, -h * 0.5),
                c + Vec2::new(0.0, h),
            ]));
        }
    }
}

/// Tooltip lines for a project: name, industry, investment with its qualifier, precision.
pub fn project_tooltip_ui(ui: &mut egui::Ui, cx: &LayerContext<'_>, project: &Project) {
    let lang = cx.lang();
    ui.strong(lang.pick(&project.name_zh, &project.name_en));
    ui.label(lang.labelled(Msg::Industry.text(lang), project.industry.name(lang)));
    match cx.model().dataset.stated_investment(project) {
        Some(stated) => {
            ui.label(lang.labelled(Msg::StatedInvestment.text(lang), &stated.amount.label()))
        }
        None => ui.label(Msg::NoAmountStatedCapital.text(lang)),
    };
    ui.label(lang.labelled(Msg::Location.text(lang), project.precision.describe(lang)));
}

/// A project symbol as a legend key.
fn symbol(ui: &mut Ui, shape: SymbolShape, color: Color32, hollow: bool) {
    let (rect, _) = ui.allocate_exact_size(Vec2::new(18.0, 14.0), Sense::hover());
    let (fill, stroke) = if hollow {
        (Color32::WHITE, Stroke::new(2.0, color))
    } else {
        (color, Stroke::new(1.0, Color32::WHITE))
    };
    paint_shape(ui.painter(), shape, rect.center(), 5.0, fill, stroke);
}
