//! The counties: filled (plainly, or by the chosen metric), outlined, the selection on top.

use egui::{Color32, Mesh, Painter, Pos2, Shape, Stroke, epaint::Vertex};
use geo::MultiPolygon;

use zq_core::choropleth::{self, Class, CountyValue};
use zq_core::geometry::{FillMesh, Projector};

use super::layers::{Hit, LayerContext, MapLayer};
use super::{palette, to_pos2};

pub struct CountiesLayer;

/// The choropleth of one frame: each county's value and the classes they fall in.
pub struct Choropleth {
    pub values: Vec<CountyValue>,
    pub classes: Vec<Class>,
}

impl Choropleth {
    pub fn of(cx: &LayerContext<'_>) -> Option<Self> {
        if !cx.settings.choropleth {
            return None;
        }
        let values = choropleth::county_values(&cx.model.dataset, cx.settings.metric);
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
    !cx.settings.choropleth
        && cx
            .model
            .boundaries
            .regions
            .get(index)
            .is_some_and(|r| cx.selection.county.as_deref() == Some(r.code.as_str()))
}

/// The county fills and borders, and the selection's outline over them.
impl MapLayer for CountiesLayer {
    fn paint(&self, painter: &Painter, cx: &LayerContext<'_>) {
        let geometry = &cx.model.boundaries;
        let choropleth = Choropleth::of(cx);
        let fill = |i: usize| match (&choropleth, geometry.regions.get(i)) {
            (Some(c), Some(region)) => c.color(&region.code).unwrap_or(palette::NO_DATA),
            (None, Some(_)) if wears_selection_fill(cx, i) => palette::SELECTED_FILL,
            _ => palette::LAND,
        };
        cx.caches
            .borrow_mut()
            .counties
            .paint(painter, geometry, cx.projector, COUNTY_BORDER, fill);
        // Over every county, so no neighbour covers it.
        let selected = cx.selection.county.as_deref();
        if let Some(region) = selected.and_then(|code| geometry.region_by_code(code)) {
            paint_outline(
                painter,
                &region.geometry,
                cx.projector,
                Stroke::new(3.0, palette::SELECTED_STROKE),
            );
        }
    }

    fn hit(&self, pos: Pos2, cx: &LayerContext<'_>) -> Option<Hit> {
        let lonlat = cx.projector.lonlat_from_ui(super::to_coord(pos));
        cx.model.boundaries.region_at(lonlat).map(Hit::County)
    }
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
