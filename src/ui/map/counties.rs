//! The counties: filled (plainly, or by the chosen metric), outlined, the selection on top.

use egui::{Color32, Mesh, Painter, Pos2, Shape, Stroke, epaint::Vertex};

use crate::choropleth::{self, Class, CountyValue};
use crate::geometry::{FillMesh, Projector, Region};

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

impl MapLayer for CountiesLayer {
    fn paint(&self, painter: &Painter, cx: &LayerContext<'_>) {
        let model = cx.model;
        let choropleth = Choropleth::of(cx);
        let hovered = match cx.hovered {
            Some(Hit::County(i)) => Some(*i),
            _ => None,
        };
        let selected = cx.selection.county.as_deref();
        let regions = &model.boundaries.regions;
        let color = |index: usize| {
            let Some(region) = regions.get(index) else {
                return palette::LAND;
            };
            let base = match &choropleth {
                Some(c) => c.color(&region.code).unwrap_or(palette::NO_DATA),
                None => palette::LAND,
            };
            if selected == Some(region.code.as_str()) && choropleth.is_none() {
                palette::SELECTED_FILL
            } else if hovered == Some(index) {
                darken(base)
            } else {
                base
            }
        };
        cx.caches.borrow_mut().counties.paint(
            painter,
            &model.boundaries,
            cx.projector,
            Stroke::new(1.0, palette::BORDER),
            color,
        );
        // The selection's outline on top of everything, so no neighbour covers it.
        if let Some(region) = selected.and_then(|code| model.boundaries.region_by_code(code)) {
            paint_outline(
                painter,
                region,
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

pub fn paint_outline(painter: &Painter, region: &Region, projector: &Projector, stroke: Stroke) {
    for polygon in &region.geometry {
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

fn darken(c: Color32) -> Color32 {
    Color32::from_rgb(
        (f32::from(c.r()) * 0.9) as u8,
        (f32::from(c.g()) * 0.9) as u8,
        (f32::from(c.b()) * 0.9) as u8,
    )
}
