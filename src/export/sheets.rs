//! What an exported image holds, laid out with egui: the chart or map as the window draws it,
//! plus what a report needs around it (title, legend, scale bar, north arrow, sources).

use egui::{RichText, Sense, Ui, Vec2};

use crate::ui::chart_view::{ChartContext, Page, chart_ui, colors};
use zq_core::Model;
use zq_core::charts::Chart;
use zq_core::geometry::Projector;
use zq_core::i18n::{Lang, Msg};
use zq_core::selection::Selection;
use zq_map::decorations::{north_arrow_area, paint_north_arrow, paint_scale_bar, scale_bar_area};
use zq_map::shape_groups::{group, group_ui};
use zq_map::{LayerContext, LayerSettings, Loaded, MapInputs, Reserved, legend_ui, paint_map};

/// How a report page is made to fit: the map's size (0.8 to 1.1 of its width) and whether the
/// facts are cards or, to fit more, lines.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct PageFit {
    pub map_scale: f32,
    pub fact_lines: bool,
    /// List the county's projects (name, industry, stated investment, source).
    pub projects: bool,
    /// How many figures were left out; the page says so.
    pub omitted: usize,
    /// Under each source, the passages quoted from it (the PDF, which runs to more pages).
    pub quotes: bool,
}

impl PageFit {
    /// Everything, at the map's own size: for output that runs to as many pages as it needs.
    pub const EVERYTHING: Self = Self {
        map_scale: 1.0,
        fact_lines: false,
        projects: true,
        omitted: 0,
        quotes: true,
    };
}

/// Space around everything on a page, in points.
pub const MARGIN: f32 = 24.0;

/// A chart as the window draws it, on a white page with a margin; `page` when it is part of a
/// report page.
pub fn chart_sheet_ui(
    ui: &mut Ui,
    model: &Model,
    chart: &Chart,
    selection: &Selection,
    lang: Lang,
    page: Option<Page<'_>>,
) {
    egui::Frame::new().inner_margin(MARGIN).show(ui, |ui| {
        let cx = ChartContext {
            dataset: &model.dataset,
            lang,
            selected_county: selection.county.as_deref(),
            selected_project: selection.project.as_deref(),
            interactive: false,
            follows_county: false,
            any_highlighted: false,
            page,
        };
        chart_ui(ui, chart, &cx);
    });
}

/// Which part of the map an export shows.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum MapExtent {
    /// All of Zhaoqing, whatever the window shows.
    WholeCity,
    /// What the window shows: its visible lon/lat box, all of which the export shows (and more
    /// on the sides where the page's map is wider than the window's).
    View(geo::Rect<f64>),
}

impl MapExtent {
    /// The projector for a map drawn in `viewport` (UI points).
    pub fn projector(self, model: &Model, viewport: geo::Rect<f64>) -> Projector {
        match self {
            Self::WholeCity => Projector::fit(model.boundaries.bbox, viewport, 12.0),
            Self::View(visible) => Projector::fit(visible, viewport, 0.0),
        }
    }
}

/// The map sheet's title: the city, and the selected county.
pub fn map_title(model: &Model, selection: &Selection, lang: Lang) -> String {
    match selection.county.as_deref() {
        Some(code) => format!(
            "{} · {}",
            Msg::ZhaoqingCity.text(lang),
            model.dataset.county_name(code, lang)
        ),
        None => Msg::ZhaoqingSCountyLevel.text(lang).to_owned(),
    }
}

/// The map with its title, legend, scale bar, north arrow and attribution.
pub fn map_sheet_ui(
    ui: &mut Ui,
    model: &Model,
    selection: &Selection,
    layers: &LayerSettings,
    extent: MapExtent,
    map_size: Vec2,
    lang: Lang,
) {
    egui::Frame::new().inner_margin(MARGIN).show(ui, |ui| {
        let title = map_title(model, selection, lang);
        group_ui(ui, "title", |ui| {
            ui.label(RichText::new(title).size(20.0).strong().color(colors::TEXT));
            ui.label(
                RichText::new(Msg::ProjectsCountyBoundaries.text(lang)).color(colors::WEAK_TEXT),
            );
        });
        ui.add_space(6.0);
        ui.horizontal_top(|ui| {
            let (rect, _) = ui.allocate_exact_size(map_size, Sense::hover());
            let viewport = geo::Rect::new(
                geo::Coord {
                    x: f64::from(rect.min.x),
                    y: f64::from(rect.min.y),
                },
                geo::Coord {
                    x: f64::from(rect.max.x),
                    y: f64::from(rect.max.y),
                },
            );
            let projector = extent.projector(model, viewport);
            let painter = ui.painter_at(rect);
            let caches = Default::default();
            let (scale_bar, scale_bar_length) =
                (rect.left_bottom() + Vec2::new(16.0, -16.0), 120.0);
            let (north_arrow, north_arrow_size) = (rect.right_top() + Vec2::new(-30.0, 34.0), 15.0);
            let reserved = [
                scale_bar_area(scale_bar, scale_bar_length),
                north_arrow_area(north_arrow, north_arrow_size),
            ];
            let cx = LayerContext {
                inputs: MapInputs {
                    model: Loaded(model),
                    lang,
                    selection,
                    settings: layers,
                    reserved: Reserved(&reserved),
                },
                projector: &projector,
                hovered: None,
                caches: &caches,
            };
            group(&painter, "map", || paint_map(&painter, &cx, None));
            group(&painter, "frame", || {
                painter.rect_stroke(
                    rect,
                    0.0,
                    egui::Stroke::new(1.0, colors::WEAK_TEXT),
                    egui::StrokeKind::Inside,
                );
            });
            group(&painter, "scale-bar", || {
                paint_scale_bar(&painter, &projector, scale_bar, scale_bar_length);
            });
            group(&painter, "north-arrow", || {
                paint_north_arrow(&painter, north_arrow, north_arrow_size, lang);
            });
            ui.add_space(12.0);
            group_ui(ui, "legend", |ui| {
                ui.vertical(|ui| {
                    ui.set_width(ui.available_width());
                    ui.label(RichText::new(Msg::Legend.text(lang)).size(15.0).strong());
                    if selection.county.is_some() {
                        ui.horizontal(|ui| {
                            let (r, _) =
                                ui.allocate_exact_size(Vec2::new(18.0, 12.0), Sense::hover());
                            ui.painter()
                                .rect_filled(r, 1.0, zq_map::palette::SELECTED_FILL);
                            ui.painter().rect_stroke(
                                r,
                                1.0,
                                egui::Stroke::new(2.0, zq_map::palette::SELECTED_STROKE),
                                egui::StrokeKind::Inside,
                            );
                            ui.label(RichText::new(Msg::SelectedCounty.text(lang)).size(12.0));
                        });
                    }
                    legend_ui(ui, &cx);
                })
            });
        });
        ui.add_space(6.0);
        group_ui(ui, "attribution", |ui| {
            ui.label(
                RichText::new(attribution(model, lang))
                    .small()
                    .color(colors::WEAK_TEXT),
            )
        });
    });
}

/// The county's projects on a report page: name, industry, stated investment and the numbers
/// of the articles that name it.
fn projects_list_ui(
    ui: &mut Ui,
    model: &Model,
    projects: &[&zq_core::data::Project],
    sources: &[String],
    lang: Lang,
) {
    ui.label(
        RichText::new(format!(
            "{}（{}）",
            Msg::ProjectsCounty.text(lang),
            projects.len()
        ))
        .size(15.0)
        .strong()
        .color(colors::TEXT),
    );
    for project in projects {
        let stated = model
            .dataset
            .stated_investment(project)
            .map(|s| lang.labelled(Msg::StatedInvestmentLower.text(lang), &s.amount.label()))
            .unwrap_or_else(|| Msg::NoAmountStated.text(lang).to_owned());
        let cited: Vec<String> = project
            .articles
            .iter()
            .filter_map(|a| sources.iter().position(|s| s == a))
            .map(|n| format!("[{}]", n + 1))
            .collect();
        ui.horizontal_wrapped(|ui| {
            ui.spacing_mut().item_spacing.x = 5.0;
            ui.label(
                RichText::new(lang.pick(&project.name_zh, &project.name_en))
                    .size(12.5)
                    .strong()
                    .color(colors::TEXT),
            );
            ui.label(
                RichText::new(format!(
                    "{} · {stated} · {}",
                    project.industry.name(lang),
                    cited.join("")
                ))
                .size(11.0)
                .color(colors::WEAK_TEXT),
            );
        });
    }
}

/// The boundary data's attribution (the licence's wording, as in the window), printed under
/// every map.
pub fn attribution(model: &Model, lang: Lang) -> String {
    let attribution = model.boundary_attribution(lang);
    zq_core::fill!(Msg::MapAttribution, lang, attribution = attribution)
}

/// An A4 page: the map with the selected county, its fact sheet and the charts it appears in,
/// and the list of sources, laid out as `fit` says.
pub fn report_sheet_ui(
    ui: &mut Ui,
    model: &Model,
    selection: &Selection,
    layers: &LayerSettings,
    charts: &[Chart],
    fit: PageFit,
    lang: Lang,
) {
    let width = ui.available_width();
    map_sheet_ui(
        ui,
        model,
        selection,
        layers,
        MapExtent::WholeCity,
        Vec2::new(width * 0.58, width * 0.46) * fit.map_scale,
        lang,
    );
    let sources = ReportSources::new(model, selection, charts, fit);
    let (articles, sized, projects) = (&sources.articles, &sources.sized, &sources.projects);
    let number = |id: &str| articles.iter().position(|a| a == id).map(|n| n + 1);
    let page = Page {
        sources: articles,
        fact_lines: fit.fact_lines,
    };
    for chart in charts {
        chart_sheet_ui(ui, model, chart, selection, lang, Some(page));
    }
    if !projects.is_empty() {
        egui::Frame::new().inner_margin(MARGIN).show(ui, |ui| {
            projects_list_ui(ui, model, projects, articles, lang);
        });
    }
    egui::Frame::new().inner_margin(MARGIN).show(ui, |ui| {
        let omitted = fit.omitted;
        if omitted > 0 {
            ui.label(
                RichText::new(zq_core::fill!(Msg::FiguresOmitted, lang, n = omitted)).italics(),
            );
        }
        let heading = if fit.quotes {
            Msg::SourcesAndQuotes
        } else {
            Msg::Sources
        };
        ui.label(RichText::new(heading.text(lang)).size(15.0).strong());
        if fit.quotes {
            ui.label(RichText::new(Msg::SourcesAndQuotesNote.text(lang)).color(colors::WEAK_TEXT));
        }
        for (n, id) in sources.articles.iter().enumerate() {
            if let Some(a) = model.dataset.article(id) {
                let quotes = if fit.quotes {
                    sources.quotes(model, charts, id)
                } else {
                    Vec::new()
                };
                // A source stays on one page with its quotes.
                group_ui(ui, "reference", |ui| {
                    source_entry_ui(ui, n + 1, &a.reference(lang), &quotes);
                });
            }
        }
        let sized: Vec<String> = sized
            .iter()
            .filter_map(|id| number(id))
            .map(|n| format!("[{n}]"))
            .collect();
        if !sized.is_empty() {
            ui.label(
                RichText::new(lang.labelled(Msg::MapSymbolSizes.text(lang), &sized.join(" ")))
                    .size(12.0),
            );
        }
        ui.label(
            RichText::new(attribution(model, lang))
                .small()
                .color(colors::WEAK_TEXT),
        );
    });
}

/// What a report page cites: every article a figure on it comes from, numbered in this order
/// (the facts cite these numbers); those that size the map's symbols; the county's projects.
pub struct ReportSources<'a> {
    pub articles: Vec<String>,
    pub sized: Vec<String>,
    pub projects: Vec<&'a zq_core::data::Project>,
}

impl<'a> ReportSources<'a> {
    pub fn new(model: &'a Model, selection: &'a Selection, charts: &[Chart], fit: PageFit) -> Self {
        // The map's symbols are sized by the projects' stated investment, so its articles count.
        let mut sized: Vec<String> = model
            .dataset
            .projects
            .iter()
            .filter_map(|p| model.dataset.stated_investment(p))
            .flat_map(|s| s.figures.into_iter().map(|f| f.source.article.clone()))
            .collect();
        sized.sort_unstable();
        sized.dedup();
        let projects: Vec<&zq_core::data::Project> = match selection.county.as_deref() {
            Some(code) if fit.projects => model.dataset.projects_in(code).collect(),
            _ => Vec::new(),
        };
        let mut articles: Vec<String> = charts
            .iter()
            .flat_map(|c| c.articles.clone())
            .chain(sized.iter().cloned())
            .chain(projects.iter().flat_map(|p| p.articles.iter().cloned()))
            .collect();
        articles.sort_unstable();
        articles.dedup();
        Self {
            articles,
            sized,
            projects,
        }
    }

    /// The sentences quoted from article `id` for the figures on the page, each once.
    pub fn quotes(&self, model: &Model, charts: &[Chart], id: &str) -> Vec<String> {
        let from_charts = charts
            .iter()
            .flat_map(|c| c.items())
            .filter_map(|i| i.figure_id.as_deref())
            .filter_map(|f| model.dataset.figure(f))
            .map(|f| &f.source);
        let from_projects: Vec<zq_core::data::figures::Source> = self
            .projects
            .iter()
            .filter_map(|p| model.dataset.stated_investment(p))
            .flat_map(|s| s.figures.into_iter().map(|f| f.source.clone()))
            .collect();
        let mut quotes: Vec<String> = Vec::new();
        for source in from_charts.chain(from_projects.iter()) {
            if source.article == id && !quotes.contains(&source.quote) {
                quotes.push(source.quote.clone());
            }
        }
        quotes
    }
}

/// One numbered source: the reference (outlet, date, headline) and, under it, the passages
/// the page quotes from it.
pub fn source_entry_ui(ui: &mut Ui, n: usize, reference: &str, quotes: &[String]) {
    ui.label(RichText::new(format!("[{n}] {reference}")).size(12.0));
    for quote in quotes {
        ui.horizontal_top(|ui| {
            ui.add_space(22.0);
            ui.label(
                RichText::new(format!("“{quote}”"))
                    .size(11.0)
                    .color(colors::WEAK_TEXT),
            );
        });
    }
}
