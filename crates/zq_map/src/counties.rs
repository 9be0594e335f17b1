//! The counties: filled (plainly, or by the chosen metric), outlined, the selection on top.

use egui::{Color32, Mesh, Painter, Pos2, RichText, Shape, Stroke, Ui, epaint::Vertex};
use geo::MultiPolygon;

use zq_core::choropleth::{self, Class, CountyValue};
use zq_core::geometry::{FillMesh, Projector};

use zq_core::choropleth::Metric;
use zq_core::data::figures::format_value;
use zq_core::i18n::{Lang, Msg};

use super::convert::to_coord;
use super::convert::to_pos2;
use super::layers::{Hit, LayerContext, LayerSettings, MapLayer};
use super::legend::{row, swatch};
use super::palette;
use super::region_cache::RegionCache;

pub struct CountiesLayer;

/// The choropleth of one frame: each county's value and the classes they fall in.
pub struct Choropleth {
    pub values: Vec<CountyValue>,
    pub classes: Vec<Class>,
}

impl Choropleth {
    pub fn of(cx: &LayerContext<'_>) -> Option<Self> {
        if !cx.settings().choropleth {
            return None;
        }
        let values = choropleth::county_values(&cx.model().dataset, cx.settings().metric);
        let present: Vec<f64> = values.iter().filter_map(|v| v.value).collect();
        Some(Self {
            classes: choropleth::classes(&present),
            values,
        })
    }

    /// The fill of a county, or `None` when the data say nothing about it.
    pub fn color(&self, code: &str) -> Option<Color32> {
        let value = self.values.iter().find(|v| v.adcode == code)?.value?;
        let class = choropleth::class_of(&self.classes, value)?;
        let [r, g, b] = choropleth::class_color(class, self.classes.len());
        Some(Color32::from_rgb(r, g, b))
    }
}

/// Whether county `index` wears the selection's fill: it is selected and no choropleth colours
/// it. (Hovering leaves that fill alone.)
pub fn wears_selection_fill(cx: &LayerContext<'_>, index: usize) -> bool {
    !cx.settings().choropleth
        && cx
            .model()
            .boundaries
            .regions
            .get(index)
            .is_some_and(|r| cx.selection().county.as_deref() == Some(r.code.as_str()))
}

/// The county fills and borders, and the selection's outline over them.
impl MapLayer for CountiesLayer {
    fn name(&self) -> &'static str {
        "counties"
    }

    fn paint(&self, painter: &Painter, cx: &LayerContext<'_>) {
        let geometry = &cx.model().boundaries;
        let choropleth = Choropleth::of(cx);
        let fill = |i: usize| match (&choropleth, geometry.regions.get(i)) {
            (Some(c), Some(region)) => c.color(&region.code).unwrap_or(palette::NO_DATA),
            (None, Some(_)) if wears_selection_fill(cx, i) => palette::SELECTED_FILL,
            _ => palette::LAND,
        };
        cx.with_cache(|meshes: &mut CountyMeshes| {
            meshes
                .0
                .paint(painter, geometry, cx.projector, COUNTY_BORDER, fill);
        });
        // Over every county, so no neighbour covers it.
        let selected = cx.selection().county.as_deref();
        if let Some(region) = selected.and_then(|code| geometry.region_by_code(code)) {
            paint_outline(
                painter,
                &region.geometry,
                cx.projector,
                Stroke::new(3.0, palette::SELECTED_STROKE),
            );
        }
    }

    fn hit(&self, pos_in_ui: Pos2, cx: &LayerContext<'_>) -> Option<Hit> {
        let lonlat = cx.projector.lonlat_from_ui(to_coord(pos_in_ui));
        cx.model().boundaries.region_at(lonlat).map(Hit::County)
    }

    fn settings_ui(&self, ui: &mut Ui, settings: &mut LayerSettings, lang: Lang) {
        ui.checkbox(&mut settings.choropleth, Msg::Choropleth.text(lang));
        ui.add_enabled_ui(settings.choropleth, |ui| {
            egui::ComboBox::new("choropleth_metric", Msg::Metric.text(lang))
                .selected_text(settings.metric.name(lang))
                .show_ui(ui, |ui| {
                    for metric in Metric::ALL {
                        ui.selectable_value(&mut settings.metric, metric, metric.name(lang));
                    }
                });
        });
    }

    fn in_legend(&self, cx: &LayerContext<'_>) -> bool {
        cx.settings().choropleth
    }

    /// The classes and their colours, "no data", and what the sums hold.
    fn legend_ui(&self, ui: &mut Ui, cx: &LayerContext<'_>) {
        let Some(c) = Choropleth::of(cx) else {
            return;
        };
        let lang = cx.lang();
        ui.label(RichText::new(cx.settings().metric.name(lang)).strong());
        let any_lower_bound = c.values.iter().any(|v| v.at_least);
        for (i, class) in c.classes.iter().enumerate() {
            let [r, g, b] = choropleth::class_color(i, c.classes.len());
            let range = if class.min == class.max {
                format_value(round(class.min))
            } else {
                format!(
                    "{} – {}",
                    format_value(round(class.min)),
                    format_value(round(class.max))
                )
            };
            row(ui, |ui| swatch(ui, Color32::from_rgb(r, g, b)), &range);
        }
        row(
            ui,
            |ui| swatch(ui, palette::NO_DATA),
            Msg::NoData.text(lang),
        );
        if cx.settings().metric == choropleth::Metric::Investment {
            ui.label(RichText::new(Msg::ProjectInvestmentOnlyPlanned.text(lang)).small());
        }
        if any_lower_bound {
            ui.label(RichText::new(Msg::SumsIncludeLowerBounds.text(lang)).small());
        }
        ui.add_space(4.0);
    }
}

/// The county meshes, kept between frames.
#[derive(Default)]
struct CountyMeshes(RegionCache);

fn round(v: f64) -> f64 {
    (v * 100.0).round() / 100.0
}

const COUNTY_BORDER: Stroke = Stroke {
    width: 1.0,
    color: palette::BORDER,
};

/// Fills a region's triangles, moved through the projector.
pub fn paint_fill(painter: &Painter, fill: &FillMesh, projector: &Projector, color: Color32) {
    let mesh = Mesh {
        vertices: fill
            .vertices
            .iter()
            .map(|&c| Vertex {
                pos: to_pos2(projector.ui_from_lonlat(c)),
                uv: egui::epaint::WHITE_UV,
                color,
            })
            .collect(),
        indices: fill.indices.clone(),
        ..Default::default()
    };
    painter.add(Shape::mesh(mesh));
}

pub fn paint_outline(
    painter: &Painter,
    geometry: &MultiPolygon<f64>,
    projector: &Projector,
    stroke: Stroke,
) {
    for polygon in geometry {
        for ring in std::iter::once(polygon.exterior()).chain(polygon.interiors()) {
            let points: Vec<Pos2> = ring
                .0
                .iter()
                .map(|&c| to_pos2(projector.ui_from_lonlat(c)))
                .collect();
            painter.add(Shape::closed_line(points, stroke));
        }
    }
}
