//! Drawing a [`Chart`] with egui_plot: title, legend of marks, one plot per panel (one unit per
//! value axis), the source line. The window and the image export both draw through
//! [`chart_ui`], so what is exported is what is seen.

use egui::{Align2, Color32, Pos2, Rect, RichText, Sense, Stroke, Ui, Vec2};
use egui_plot::{Arrows, Bar, BarChart, GridInput, GridMark, Plot, PlotPoint, PlotPoints, Text};

use zq_core::charts::{Chart, Item, Layout, Panel, PanelStyle, Status, display_kind, units};
use zq_core::data::period::Period;
use zq_core::data::{Bound, Dataset, Kind};
use zq_core::i18n::{Lang, Msg};
use zq_map::shape_groups::{group_ui, split};

use super::figure_card::{also_reported_text, copy_citation_button_ui, figure_details_ui};

/// Colours for print: one blue for reported values, the map's selection blue for highlighted
/// items, brown outlines for plans and goals.
pub mod colors {
    use egui::Color32;

    pub const BAR: Color32 = Color32::from_rgb(0x4C, 0x78, 0xA8);
    pub const BAR_DIMMED: Color32 = Color32::from_rgb(0xA9, 0xBF, 0xD8);
    pub const HIGHLIGHT: Color32 = Color32::from_rgb(0x1F, 0x5F, 0xA8);
    pub const HIGHLIGHT_OUTLINE: Color32 = Color32::from_rgb(0x0B, 0x2E, 0x59);
    pub const TARGET: Color32 = Color32::from_rgb(0xB3, 0x5C, 0x00);
    pub const TEXT: Color32 = Color32::from_rgb(0x22, 0x22, 0x22);
    pub const WEAK_TEXT: Color32 = Color32::from_rgb(0x55, 0x55, 0x55);
    pub const GRID: Color32 = Color32::from_rgb(0xD8, 0xD8, 0xD8);
    pub const HEADING: Color32 = Color32::from_rgb(0x1F, 0x3A, 0x5F);
    pub const CARD: Color32 = Color32::from_rgb(0xF4, 0xF6, 0xF9);
    pub const CARD_HIGHLIGHT: Color32 = Color32::from_rgb(0xDC, 0xE8, 0xF6);
}

/// Pixels per row of a bar panel: a label line and a bar.
const ROW_HEIGHT: f32 = 46.0;
/// Space for the value axis under a panel.
const AXIS_HEIGHT: f32 = 44.0;
/// Pixels per row of the timeline: a line of text and a bar under it.
const TIMELINE_ROW: f32 = 38.0;
/// About the height of a fact card with its gap, for balancing columns.
const CARD_HEIGHT: f32 = 92.0;
/// How far (as a share of the axis) an at-least arrow reaches past its bar.
const OPEN_END: f64 = 0.12;

/// What the chart is drawn for and what to highlight.
#[derive(Clone, Copy, Debug)]
pub struct ChartContext<'a> {
    pub dataset: &'a Dataset,
    pub lang: Lang,
    pub selected_county: Option<&'a str>,
    pub selected_project: Option<&'a str>,
    /// Items answer hover and click in the window, not in an exported image.
    pub interactive: bool,
    /// The chart shows the selected county's own figures (set by [`chart_ui`]).
    pub follows_county: bool,
    /// Some item of the chart is highlighted, so the others are dimmed (set by [`chart_ui`]).
    pub any_highlighted: bool,
    /// Drawn on a printed page with its own numbered list of sources (the report).
    pub page: Option<Page<'a>>,
}

/// A printed page with its own numbered list of sources (the report).
#[derive(Clone, Copy, Debug)]
pub struct Page<'a> {
    /// The page's sources in the order they are numbered: facts cite them as [n].
    pub sources: &'a [String],
    /// Facts as compact lines rather than cards, to fit more on the page.
    pub fact_lines: bool,
}

impl Page<'_> {
    /// `[n]` for an article of the page's list.
    fn cite(&self, article: &str) -> Option<String> {
        self.sources
            .iter()
            .position(|id| id == article)
            .map(|n| format!("[{}]", n + 1))
    }
}

impl ChartContext<'_> {
    fn is_highlighted(&self, item: &Item) -> bool {
        if self.follows_county && self.selected_project.is_none() {
            // Every item of the per-county chart is the selected county's.
            return false;
        }
        match (self.selected_project, self.selected_county) {
            (Some(project), _) => item.project.as_deref() == Some(project),
            (None, Some(county)) => item.county.as_deref() == Some(county),
            (None, None) => false,
        }
    }

    fn has_selection(&self) -> bool {
        self.any_highlighted
    }
}

/// An item the user clicked: select its county and project on the map.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ItemClick {
    pub county: Option<String>,
    pub project: Option<String>,
}

/// Draws the whole chart: title, subtitle, legend, panels, source line.
pub fn chart_ui(ui: &mut Ui, chart: &Chart, cx: &ChartContext<'_>) -> Option<ItemClick> {
    let mut cx = ChartContext {
        follows_county: chart.county.is_some(),
        ..*cx
    };
    cx.any_highlighted = chart.items().any(|i| cx.is_highlighted(i));
    let cx = &cx;
    let lang = cx.lang;
    group_ui(ui, "title", |ui| {
        ui.label(
            RichText::new(chart.title(cx.dataset, lang))
                .size(18.0)
                .strong()
                .color(colors::TEXT),
        );
        ui.label(RichText::new(chart.def.subtitle.text(lang)).color(colors::WEAK_TEXT));
    });
    group_ui(ui, "legend", |ui| legend_ui(ui, chart, cx));
    ui.add_space(4.0);
    let mut clicked = None;
    if chart.panels.is_empty() {
        ui.label(
            RichText::new(Msg::ArticlesGiveNoCountyFigures.text(lang)).color(colors::WEAK_TEXT),
        );
    }
    match chart.def.layout {
        // (A report page lists its facts in two columns itself, and keeps the panels in one.)
        Layout::Bars
            if cx.page.is_none()
                && ui.available_width() >= TWO_COLUMNS_FROM
                && chart.panels.iter().map(panel_height).sum::<f32>() > TWO_COLUMNS_TALLER_THAN =>
        {
            // Wide and tall (an exported page): panels in two balanced columns, read down each.
            let columns = balance(&chart.panels);
            ui.columns(2, |cols| {
                for (col, indices) in cols.iter_mut().zip(&columns) {
                    for &index in indices {
                        if let Some(panel) = chart.panels.get(index)
                            && let Some(c) =
                                group_ui(col, "panel", |col| panel_ui(col, chart, index, panel, cx))
                        {
                            clicked = Some(c);
                        }
                    }
                }
            });
        }
        Layout::Bars => {
            for (index, panel) in chart.panels.iter().enumerate() {
                if let Some(c) = group_ui(ui, "panel", |ui| panel_ui(ui, chart, index, panel, cx)) {
                    clicked = Some(c);
                }
            }
        }
        Layout::Timeline => clicked = group_ui(ui, "timeline", |ui| timeline_ui(ui, chart, cx)),
    }
    // A page with its own numbered list of sources (the report) does not repeat them here.
    if cx.page.is_none() {
        ui.add_space(2.0);
        group_ui(ui, "source", |ui| {
            ui.label(
                RichText::new(chart.source_line(cx.dataset, lang))
                    .size(11.0)
                    .color(colors::WEAK_TEXT),
            )
        });
    }
    clicked
}

/// From this width (points) on, a chart whose panels are taller than
/// `TWO_COLUMNS_TALLER_THAN` sets them in two columns; a short chart keeps one column.
const TWO_COLUMNS_FROM: f32 = 900.0;
const TWO_COLUMNS_TALLER_THAN: f32 = 560.0;

/// A panel's height, about: its heading and title, and its rows and value axis or its cards.
fn panel_height(panel: &Panel) -> f32 {
    let heading = if panel.heading.is_some() { 30.0 } else { 0.0 };
    heading
        + match panel.style {
            PanelStyle::Bars => panel.items.len() as f32 * ROW_HEIGHT + AXIS_HEIGHT + 24.0,
            PanelStyle::Facts => panel.items.len().div_ceil(2) as f32 * CARD_HEIGHT + 24.0,
        }
}

/// Panel indices for two columns of about equal height, keeping the panels' order in each.
fn balance(panels: &[Panel]) -> [Vec<usize>; 2] {
    let height = panel_height;
    let total: f32 = panels.iter().map(height).sum();
    let mut columns = [Vec::new(), Vec::new()];
    let mut first = 0.0;
    for (i, panel) in panels.iter().enumerate() {
        // Fill the left column up to half, then the right, so both read top to bottom: once a
        // panel has gone right, every later one does too.
        if columns[1].is_empty()
            && (first + height(panel) / 2.0 <= total / 2.0 || columns[0].is_empty())
        {
            first += height(panel);
            columns[0].push(i);
        } else {
            columns[1].push(i);
        }
    }
    columns
}

/// Explains every mark the chart uses: reported bars, outlined plans and goals, ≥ ≤ ≈ and the
/// highlight of the selection.
fn legend_ui(ui: &mut Ui, chart: &Chart, cx: &ChartContext<'_>) {
    let marks = chart.marks();
    let lang = cx.lang;
    ui.horizontal_wrapped(|ui| {
        ui.spacing_mut().item_spacing.x = 6.0;
        if chart.def.layout == Layout::Bars
            && chart.panels.iter().any(|p| p.style == PanelStyle::Bars)
        {
            swatch(ui, colors::BAR, None);
            ui.label(small(Msg::ReportedValue.text(lang)));
        }
        if marks.target {
            swatch(ui, Color32::TRANSPARENT, Some(colors::TARGET));
            ui.label(small(Msg::OutlinedPlanGoalNot.text(lang)));
        }
        if marks.at_least {
            let has_bars = chart.def.layout == Layout::Bars
                && chart.panels.iter().any(|p| p.style == PanelStyle::Bars);
            ui.label(small(if has_bars {
                Msg::LeastArrowNoUpper.text(lang)
            } else {
                Msg::Least.text(lang)
            }));
        }
        if marks.at_most {
            ui.label(small(Msg::Most.text(lang)));
        }
        if marks.approx {
            ui.label(small(Msg::AboutApprox.text(lang)));
        }
        if chart.def.layout == Layout::Timeline {
            for kind in Kind::ALL {
                swatch(ui, kind_color(kind), None);
                ui.label(small(kind_name(kind, lang)));
            }
        }
        if cx.has_selection() {
            swatch(ui, colors::HIGHLIGHT, Some(colors::HIGHLIGHT_OUTLINE));
            ui.label(small(Msg::SelectedLower.text(lang)));
        }
    });
}

fn small(text: &str) -> RichText {
    RichText::new(text).size(12.0).color(colors::TEXT)
}

fn swatch(ui: &mut Ui, fill: Color32, stroke: Option<Color32>) {
    let (rect, _) = ui.allocate_exact_size(Vec2::new(16.0, 11.0), Sense::hover());
    ui.painter().rect_filled(rect, 1.0, fill);
    if let Some(color) = stroke {
        ui.painter()
            .rect_stroke(rect, 1.0, Stroke::new(1.5, color), egui::StrokeKind::Inside);
    }
}

/// A panel under its theme's heading (if it opens a theme): bars or fact cards.
fn panel_ui(
    ui: &mut Ui,
    chart: &Chart,
    index: usize,
    panel: &Panel,
    cx: &ChartContext<'_>,
) -> Option<ItemClick> {
    if let Some(theme) = panel.heading {
        ui.add_space(6.0);
        ui.label(
            RichText::new(theme.name(cx.lang))
                .size(15.5)
                .strong()
                .color(colors::HEADING),
        );
        ui.separator();
    }
    if !panel.title(cx.lang).is_empty() {
        panel_title_ui(ui, panel, cx);
    }
    match panel.style {
        PanelStyle::Bars => bar_panel_ui(ui, chart, index, panel, cx),
        PanelStyle::Facts => facts_ui(ui, chart, index, panel, cx),
    }
}

/// The panel's title, with the window-only hint beside it.
fn panel_title_ui(ui: &mut Ui, panel: &Panel, cx: &ChartContext<'_>) {
    let lang = cx.lang;
    let title = RichText::new(panel.title(lang))
        .strong()
        .color(colors::TEXT);
    match panel.hint.filter(|_| cx.interactive) {
        Some(hint) => {
            let hint = zq_core::fill!(Msg::Parenthesized, lang, text = hint.text(lang));
            ui.horizontal_wrapped(|ui| {
                ui.label(title);
                ui.label(RichText::new(hint).color(colors::WEAK_TEXT));
            });
        }
        None => {
            ui.label(title);
        }
    }
}

/// Horizontal bars on one value axis, each with its label above and its printed value at its
/// end; a decline is drawn to the left of zero.
fn bar_panel_ui(
    ui: &mut Ui,
    chart: &Chart,
    index: usize,
    panel: &Panel,
    cx: &ChartContext<'_>,
) -> Option<ItemClick> {
    let lang = cx.lang;
    // Bar panels of one unit in a chart share one scale, so that a bar's length compares across
    // them (897 亿元 planned is not drawn as long as 171.2 亿元 spent).
    let values = chart
        .panels
        .iter()
        .filter(|p| p.style == PanelStyle::Bars && p.unit == panel.unit)
        .flat_map(|p| p.items.iter().map(|i| i.value));
    let min = values.clone().fold(0.0_f64, f64::min);
    // One length for the open ends: the largest magnitude on the axis.
    let max = values.fold(0.0_f64, f64::max).max(-min).max(1e-9);
    let rows = panel.items.len();
    let height = rows as f32 * ROW_HEIGHT + AXIS_HEIGHT;
    let axis_title = units::describe(&panel.unit, lang);
    let plot = fixed_plot((chart.def.id, index, chart.county.as_deref().unwrap_or("")))
        .height(height)
        .show_axes([true, false])
        .show_grid([true, false])
        .x_axis_label(axis_title)
        .include_x(0.0)
        // Room after the longest bar for its open end and its value label.
        .include_x(if min < 0.0 { 0.0 } else { max * 1.6 })
        .include_x(if min < 0.0 { min * 1.6 } else { 0.0 })
        .include_y(0.6)
        .include_y(-(rows as f64) + 0.4)
        .set_margin_fraction(Vec2::new(0.0, 0.02))
        .grid_color(colors::GRID)
        .x_grid_spacer(nice_grid)
        .x_axis_formatter(|mark: GridMark, _| tick_label(mark))
        .y_grid_spacer(|_: GridInput| Vec::<GridMark>::new());
    let (painter, parts) = (ui.painter().clone(), plot_parts(ui.clip_rect()));
    let response = split(
        &painter,
        || {
            plot.show(ui, |plot_ui| {
                for (row, item) in panel.items.iter().enumerate() {
                    let y = -(row as f64);
                    let highlighted = cx.is_highlighted(item);
                    let color = match (highlighted, cx.has_selection()) {
                        (true, _) => colors::HIGHLIGHT,
                        (false, true) => colors::BAR_DIMMED,
                        (false, false) => colors::BAR,
                    };
                    let bar = Bar::new(y - 0.18, item.value).width(0.36).horizontal();
                    let bar = match item.status {
                        Status::Achieved => bar.fill(color).stroke(Stroke::new(
                            if highlighted { 2.0 } else { 0.0 },
                            colors::HIGHLIGHT_OUTLINE,
                        )),
                        // A plan stays unfilled when selected (a fill means reported): a heavier outline
                        // in the selection's colour marks it.
                        Status::Planned | Status::Target => {
                            bar.fill(Color32::TRANSPARENT).stroke(if highlighted {
                                Stroke::new(3.0, colors::HIGHLIGHT_OUTLINE)
                            } else {
                                Stroke::new(1.6, colors::TARGET)
                            })
                        }
                    };
                    plot_ui.bar_chart(
                        BarChart::new(format!("bar{row}"), vec![bar]).allow_hover(false),
                    );
                    let mut label_x = item.value;
                    if item.bound == Bound::AtLeast {
                        // The open end reaches past every known value on the axis, so a floor never
                        // reads as smaller than an exact amount it may exceed.
                        let tip = item.value.max(max) + max * OPEN_END;
                        plot_ui.arrows(
                            Arrows::new(
                                format!("open{row}"),
                                PlotPoints::new(vec![[item.value, y - 0.18]]),
                                PlotPoints::new(vec![[tip, y - 0.18]]),
                            )
                            .color(if item.status == Status::Achieved {
                                color
                            } else {
                                colors::TARGET
                            })
                            .tip_length(9.0)
                            .allow_hover(false),
                        );
                        label_x = tip;
                    }
                    let (value_x, anchor) = if item.value < 0.0 {
                        (label_x - max * 0.02, Align2::RIGHT_CENTER)
                    } else {
                        (label_x + max * 0.02, Align2::LEFT_CENTER)
                    };
                    plot_ui.text(
                        Text::new(
                            format!("value{row}"),
                            PlotPoint::new(value_x, y - 0.18),
                            RichText::new(item.value_text(lang))
                                .size(12.5)
                                .color(colors::TEXT),
                        )
                        .anchor(anchor)
                        .allow_hover(false),
                    );
                    plot_ui.text(
                        Text::new(
                            format!("label{row}"),
                            PlotPoint::new(0.0, y + 0.08),
                            RichText::new(item.label(lang))
                                .size(12.5)
                                .color(colors::TEXT),
                        )
                        .anchor(Align2::LEFT_BOTTOM)
                        .allow_hover(false),
                    );
                }
            })
        },
        parts,
    );
    let transform = response.transform;
    let mut clicked = None;
    if cx.interactive {
        for (row, item) in panel.items.iter().enumerate() {
            let y = -(row as f64);
            let a = transform.position_from_point(&PlotPoint::new(item.value.min(0.0), y + 0.45));
            let b = transform.position_from_point(&PlotPoint::new(item.value.max(0.0), y - 0.4));
            let rect = Rect::from_two_pos(a, Pos2::new(b.x.max(a.x + 80.0), b.y));
            let id = ui.scope_id().with((chart.def.id, index, row));
            if let Some(c) = item_interaction_ui(ui, rect, id, item, cx) {
                clicked = Some(c);
            }
        }
    }
    clicked
}

/// The parts of a plot, for a vector export's groups: egui_plot paints the axes (clipped as the
/// `Ui` is), then the grid lines and the series (clipped to the plot's frame).
fn plot_parts(ui_clip: Rect) -> impl Fn(&egui::epaint::ClippedShape) -> &'static str {
    move |shape| match &shape.shape {
        _ if shape.clip_rect == ui_clip => "axis",
        egui::Shape::LineSegment { stroke, .. } if stroke.color == colors::GRID => "grid",
        _ => "series",
    }
}

/// Grid lines at round values (1, 2 or 5 times a power of ten), about five across the axis,
/// all of one weight: a report chart needs few, clear lines.
/// A plot that stays as drawn: a chart in a report has no pan, zoom or coordinate readout, and
/// is drawn on the page's background.
fn fixed_plot<'a>(id: impl egui::AsIdSalt) -> Plot<'a> {
    Plot::new(id)
        .show_background(false)
        .allow_drag(false)
        .allow_zoom(false)
        .allow_scroll(false)
        .allow_boxed_zoom(false)
        .allow_double_click_reset(false)
        .show_x(false)
        .show_y(false)
}

fn nice_grid(input: GridInput) -> Vec<GridMark> {
    let (lo, hi) = input.bounds;
    let span = (hi - lo).abs();
    if !span.is_finite() || span <= 0.0 {
        return Vec::new();
    }
    let rough = span / 5.0;
    let power = 10f64.powf(rough.log10().floor());
    let step = [1.0, 2.0, 5.0, 10.0]
        .into_iter()
        .map(|m| m * power)
        .find(|s| *s >= rough)
        .unwrap_or(10.0 * power);
    let first = (lo / step).ceil() as i64;
    let last = (hi / step).floor() as i64;
    (first..=last)
        .map(|k| GridMark {
            value: k as f64 * step,
            step_size: step,
        })
        .collect()
}

/// A tick label with as many decimals as the grid step needs (0.5 → "0.5", 100 → "100").
fn tick_label(mark: GridMark) -> String {
    let decimals = if mark.step_size >= 1.0 {
        0
    } else {
        (-mark.step_size.log10()).ceil().clamp(0.0, 6.0) as usize
    };
    format!("{:.*}", decimals, mark.value)
}

/// An invisible widget over a drawn item: it carries the item's accessible label, shows its
/// details on hover and reports a click.
fn item_interaction_ui(
    ui: &mut Ui,
    rect: Rect,
    id: egui::Id,
    item: &Item,
    cx: &ChartContext<'_>,
) -> Option<ItemClick> {
    let lang = cx.lang;
    let response = ui.interact(rect, id, Sense::click());
    let label = format!("{}: {}", item.label(lang), item.value_text(lang));
    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, &label));
    if response.hovered() {
        ui.painter().rect_stroke(
            rect.expand(2.0),
            3.0,
            Stroke::new(1.0, colors::WEAK_TEXT),
            egui::StrokeKind::Outside,
        );
    }
    let clickable = item.county.is_some() || item.project.is_some();
    let response = response.on_hover_ui(|ui| {
        match item
            .figure_id
            .as_deref()
            .and_then(|id| cx.dataset.figure(id))
        {
            Some(figure) => figure_details_ui(ui, cx.dataset, figure, lang),
            None => {
                ui.strong(item.label(lang));
                ui.label(format!(
                    "{} {}",
                    item.printed,
                    Msg::FiguresDataset.text(lang)
                ));
            }
        }
        if clickable {
            ui.label(RichText::new(Msg::ClickSelectMap.text(lang)).weak());
        }
    });
    if clickable && response.clicked() {
        return Some(ItemClick {
            county: item.county.clone(),
            project: item.project.clone(),
        });
    }
    None
}

/// Fact cards in rows of as many as fit: each a value with its mark, what it measures, its period
/// and its article. Nothing is compared, so each stands alone.
fn facts_ui(
    ui: &mut Ui,
    chart: &Chart,
    index: usize,
    panel: &Panel,
    cx: &ChartContext<'_>,
) -> Option<ItemClick> {
    if cx.page.is_some_and(|p| p.fact_lines) {
        facts_list_ui(ui, panel, cx);
        return None;
    }
    let per_row = ((ui.available_width() / 300.0).floor() as usize).clamp(1, 3);
    let mut clicked = None;
    for (r, row) in panel.items.chunks(per_row).enumerate() {
        ui.columns(per_row, |cols| {
            for (c, (col, item)) in cols.iter_mut().zip(row).enumerate() {
                let id = col.scope_id().with((chart.def.id, index, r, c));
                if let Some(click) = card_ui(col, id, item, cx) {
                    clicked = Some(click);
                }
            }
        });
        ui.add_space(4.0);
    }
    clicked
}

/// Facts as a compact list for a printed page with numbered sources: per line the value with its
/// mark, what it measures, where, when and the source's number.
fn facts_list_ui(ui: &mut Ui, panel: &Panel, cx: &ChartContext<'_>) {
    let half = panel.items.len().div_ceil(2);
    if ui.available_width() >= TWO_COLUMNS_FROM && half > 0 {
        ui.columns(2, |cols| {
            for (col, items) in cols.iter_mut().zip(panel.items.chunks(half)) {
                fact_lines_ui(col, items, cx);
            }
        });
    } else {
        fact_lines_ui(ui, &panel.items, cx);
    }
    ui.add_space(4.0);
}

fn fact_lines_ui(ui: &mut Ui, items: &[Item], cx: &ChartContext<'_>) {
    let lang = cx.lang;
    for item in items {
        let figure = item
            .figure_id
            .as_deref()
            .and_then(|id| cx.dataset.figure(id));
        let number = figure
            .zip(cx.page)
            .and_then(|(f, page)| page.cite(&f.source.article))
            .map(|n| format!(" {n}"))
            .unwrap_or_default();
        let scope = item
            .county
            .as_deref()
            .map_or(Msg::ZhaoqingScope.text(lang), |code| {
                cx.dataset.county_name(code, lang)
            });
        let period = item
            .period
            .as_deref()
            .unwrap_or(Msg::PeriodUnstated.text(lang));
        let value_color = match item.status {
            Status::Achieved => colors::TEXT,
            Status::Planned | Status::Target => colors::TARGET,
        };
        ui.horizontal_wrapped(|ui| {
            ui.spacing_mut().item_spacing.x = 5.0;
            ui.label(
                RichText::new(item.value_text(lang))
                    .size(12.5)
                    .strong()
                    .color(value_color),
            );
            ui.label(
                RichText::new(item.label(lang))
                    .size(12.0)
                    .color(colors::TEXT),
            );
            ui.label(
                RichText::new(format!("{scope} · {period}{number}"))
                    .size(11.0)
                    .color(colors::WEAK_TEXT),
            );
        });
    }
}

/// One fact as a card; in the window it answers hover and click and copies its citation.
fn card_ui(ui: &mut Ui, id: egui::Id, item: &Item, cx: &ChartContext<'_>) -> Option<ItemClick> {
    let lang = cx.lang;
    let figure = item
        .figure_id
        .as_deref()
        .and_then(|id| cx.dataset.figure(id));
    let fill = if cx.is_highlighted(item) {
        colors::CARD_HIGHLIGHT
    } else {
        colors::CARD
    };
    let inner = egui::Frame::new()
        .fill(fill)
        .corner_radius(3.0)
        .inner_margin(8.0)
        .show(ui, |ui| {
            ui.set_width(ui.available_width());
            let value = RichText::new(item.value_text(lang)).size(16.0).strong();
            let value = match item.status {
                Status::Achieved => value.color(colors::TEXT),
                Status::Planned | Status::Target => value.color(colors::TARGET),
            };
            ui.label(value);
            ui.label(
                RichText::new(item.label(lang))
                    .size(12.5)
                    .color(colors::TEXT),
            );
            let period = item
                .period
                .as_deref()
                .unwrap_or(Msg::PeriodUnstated.text(lang));
            let source = figure
                .and_then(|f| cx.dataset.article(&f.source.article))
                .map(|a| a.citation(lang))
                .unwrap_or_default();
            // On a page with numbered sources, the number.
            let cited = figure
                .zip(cx.page)
                .and_then(|(f, page)| page.cite(&f.source.article))
                .unwrap_or_else(|| source.clone());

            // Where the figure holds, so that a card read alone says it.
            let scope = match (&item.county, figure) {
                (Some(code), _) => cx.dataset.county_name(code, lang),
                (None, Some(f)) if f.scope == zq_core::data::figures::COMPANY_SCOPE => {
                    Msg::CompanyWhole.text(lang)
                }
                (None, _) => Msg::ZhaoqingScope.text(lang),
            };
            ui.label(
                RichText::new(format!("{scope} · {period} · {cited}"))
                    .size(11.0)
                    .color(colors::WEAK_TEXT),
            );
            if let Some(also) = figure.and_then(|f| also_reported_text(cx.dataset, f, lang)) {
                ui.label(RichText::new(also).size(11.0).color(colors::WEAK_TEXT));
            }
            let text_bottom = ui.min_rect().bottom();
            if cx.interactive
                && let Some(f) = figure
            {
                ui.horizontal(|ui| copy_citation_button_ui(ui, cx.dataset, f, lang));
            }
            text_bottom
        });
    if !cx.interactive {
        return None;
    }
    // Over the card's text only, so that the button below keeps its clicks.
    let mut rect = inner.response.rect;
    rect.max.y = inner.inner;
    item_interaction_ui(ui, rect, id, item, cx)
}

/// Time as a month on the axis: the year and the share of it gone at the month's start.
fn month_x((year, month): (u16, u8)) -> f64 {
    f64::from(year) + f64::from(month.saturating_sub(1)) / 12.0
}

/// The dated figures on a time axis, one row each in time order: a period is drawn from its
/// first month to the end of its last, so a multi-year total shows as the span it covers. Above
/// each bar, from the axis' left edge, the row says its period, what it measures and its value.
fn timeline_ui(ui: &mut Ui, chart: &Chart, cx: &ChartContext<'_>) -> Option<ItemClick> {
    let lang = cx.lang;
    let rows: Vec<(Period, &Item)> = chart
        .items()
        .filter_map(|i| Some((Period::parse(i.period.as_deref()?)?, i)))
        .collect();
    let (Some(first), Some(last)) = (
        rows.iter().map(|(p, _)| p.start.0).min(),
        rows.iter().map(|(p, _)| p.end.0).max(),
    ) else {
        return None;
    };
    let (lo, hi) = (f64::from(first), f64::from(last) + 1.0);
    let height = rows.len() as f32 * TIMELINE_ROW + AXIS_HEIGHT;
    let plot = fixed_plot((chart.def.id, "timeline"))
        .height(height)
        .show_axes([true, false])
        .show_grid([true, false])
        .grid_color(colors::GRID)
        .x_axis_label(Msg::Year.text(lang))
        // A little room either side for the first and last year's tick labels.
        .include_x(lo - 0.08)
        .include_x(hi + 0.12)
        .include_y(0.75)
        .include_y(-(rows.len() as f64) + 0.45)
        .set_margin_fraction(Vec2::new(0.0, 0.0))
        .x_grid_spacer(|input: GridInput| {
            let (lo, hi) = input.bounds;
            ((lo.ceil() as i64)..=(hi.floor() as i64))
                .map(|v| GridMark {
                    value: v as f64,
                    step_size: 1.0,
                })
                .collect()
        })
        .x_axis_formatter(|mark: GridMark, _| format!("{:.0}", mark.value))
        .y_grid_spacer(|_: GridInput| Vec::<GridMark>::new());
    let span_of = |period: &Period| (month_x(period.start), month_x(period.end) + 1.0 / 12.0);
    let (painter, parts) = (ui.painter().clone(), plot_parts(ui.clip_rect()));
    let response = split(
        &painter,
        || {
            plot.show(ui, |plot_ui| {
                for (r, (period, item)) in rows.iter().enumerate() {
                    let y = -(r as f64);
                    let (start, end) = span_of(period);
                    let color = item_color(cx, item);
                    let bar = Bar::new((start + end) / 2.0, 0.3)
                        .base_offset(y - 0.35)
                        .width(end - start)
                        .vertical();
                    let bar = match item.status {
                        Status::Achieved => bar.fill(color),
                        Status::Planned | Status::Target => bar
                            .fill(Color32::TRANSPARENT)
                            .stroke(Stroke::new(1.6, color)),
                    };
                    plot_ui
                        .bar_chart(BarChart::new(format!("span{r}"), vec![bar]).allow_hover(false));
                    let text = format!(
                        "{} · {}{}{}",
                        period_label(item),
                        item.subject(lang),
                        Msg::LabelSeparator.text(lang),
                        item.value_text(lang)
                    );
                    plot_ui.text(
                        Text::new(
                            format!("t{r}"),
                            PlotPoint::new(lo, y + 0.02),
                            RichText::new(text).size(12.0).color(colors::TEXT),
                        )
                        .anchor(Align2::LEFT_BOTTOM)
                        .allow_hover(false),
                    );
                }
            })
        },
        parts,
    );
    let mut clicked = None;
    if cx.interactive {
        let transform = response.transform;
        for (r, (period, item)) in rows.iter().enumerate() {
            let (start, end) = span_of(period);
            let y = -(r as f64);
            let a = transform.position_from_point(&PlotPoint::new(lo, y + 0.45));
            let b = transform.position_from_point(&PlotPoint::new(end.max(start + 0.3), y - 0.4));
            let id = ui.scope_id().with((chart.def.id, "timeline", r));
            if let Some(click) = item_interaction_ui(ui, Rect::from_two_pos(a, b), id, item, cx) {
                clicked = Some(click);
            }
        }
    }
    clicked
}

/// `2018–2021` for a span, the period as the data give it otherwise.
fn period_label(item: &Item) -> String {
    item.period
        .as_deref()
        .unwrap_or_default()
        .replacen('-', "–", 1)
}

/// A colour per kind of figure for the timeline (Tableau 10, colour-blind aware).
fn kind_color(kind: Kind) -> Color32 {
    match kind {
        Kind::Investment => Color32::from_rgb(0x4C, 0x78, 0xA8),
        Kind::Output => Color32::from_rgb(0x59, 0xA1, 0x4F),
        Kind::Count => Color32::from_rgb(0x76, 0xB7, 0xB2),
        Kind::Growth => Color32::from_rgb(0xE1, 0x57, 0x59),
        Kind::Target => colors::TARGET,
        Kind::Rank => Color32::from_rgb(0xB0, 0x7A, 0xA1),
        Kind::Other => Color32::from_rgb(0x79, 0x70, 0x6E),
    }
}

fn kind_name(kind: Kind, lang: Lang) -> &'static str {
    match kind {
        Kind::Investment => Msg::Investment.text(lang),
        Kind::Output => Msg::Output.text(lang),
        Kind::Count => Msg::Count.text(lang),
        Kind::Growth => Msg::Growth.text(lang),
        Kind::Target => Msg::GoalPlan.text(lang),
        Kind::Rank => Msg::Rank.text(lang),
        Kind::Other => Msg::Other.text(lang),
    }
}

fn item_color(cx: &ChartContext<'_>, item: &Item) -> Color32 {
    if cx.is_highlighted(item) {
        return colors::HIGHLIGHT;
    }
    item.figure_id
        .as_deref()
        .and_then(|id| cx.dataset.figure(id))
        .map_or(kind_color(Kind::Other), |f| kind_color(display_kind(f)))
}
