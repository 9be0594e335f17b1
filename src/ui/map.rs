//! The map widget: counties filled and outlined, labelled, with pan, zoom, hover and click.
//! All geography goes through the one [`Projector`].

use egui::{
    Align2, Color32, FontId, Mesh, Pos2, Rect, Sense, Shape, Stroke, Ui, Vec2, epaint::Vertex,
};
use geo::Coord;

use crate::Model;
use crate::geometry::Projector;
use crate::i18n::{Lang, Msg};

/// Space around the city when the view is fitted, in points.
const FIT_MARGIN: f64 = 24.0;

/// The map's colours, chosen for print: light fills, dark outlines, one accent for selection.
pub mod palette {
    use egui::Color32;

    pub const WATER: Color32 = Color32::from_rgb(0xE8, 0xEE, 0xF3);
    pub const LAND: Color32 = Color32::from_rgb(0xF4, 0xF0, 0xE6);
    pub const LAND_HOVER: Color32 = Color32::from_rgb(0xE9, 0xDF, 0xC6);
    pub const SELECTED_FILL: Color32 = Color32::from_rgb(0xD4, 0xE4, 0xF7);
    pub const SELECTED_STROKE: Color32 = Color32::from_rgb(0x1F, 0x5F, 0xA8);
    pub const BORDER: Color32 = Color32::from_rgb(0x6E, 0x6A, 0x60);
    pub const LABEL: Color32 = Color32::from_rgb(0x2B, 0x2B, 0x2B);
    pub const HALO: Color32 = Color32::from_rgba_premultiplied(0xFF, 0xFF, 0xFF, 0xD0);
}

/// What happened on the map this frame.
#[derive(Clone, Debug, Default)]
pub struct MapOutput {
    /// `Some(Some(code))`: a county was clicked; `Some(None)`: empty ground was clicked.
    pub clicked: Option<Option<String>>,
    /// The lon/lat under the pointer, when it is over the map.
    pub pointer_lonlat: Option<Coord<f64>>,
}

/// The view state: where the map looks. `None` until the first frame knows the widget's size.
#[derive(Clone, Debug, Default)]
pub struct MapView {
    projector: Option<Projector>,
    /// Once the user pans or zooms, a window resize keeps their view instead of refitting.
    user_moved: bool,
}

impl MapView {
    /// Shows all of the loaded boundaries again.
    pub fn reset(&mut self) {
        self.projector = None;
        self.user_moved = false;
    }

    pub fn projector(&self) -> Option<&Projector> {
        self.projector.as_ref()
    }

    pub fn ui(
        &mut self,
        ui: &mut Ui,
        model: &Model,
        selected: Option<&str>,
        lang: Lang,
    ) -> MapOutput {
        let (response, painter) = ui.allocate_painter(ui.available_size(), Sense::click_and_drag());
        let rect = response.rect;
        let viewport = to_geo_rect(rect);
        let projector = match self.projector {
            Some(p) if self.user_moved => p.with_viewport(viewport),
            _ => Projector::fit(model.boundaries.bbox, viewport, FIT_MARGIN),
        };
        let mut projector = projector;

        // Pan and zoom.
        if response.dragged() {
            let d = response.drag_delta();
            projector.pan_by(Coord {
                x: d.x as f64,
                y: d.y as f64,
            });
            self.user_moved = true;
        }
        if let Some(hover) = response.hover_pos() {
            let (scroll, pinch) = ui.input(|i| (i.smooth_scroll_delta.y, i.zoom_delta()));
            let factor = (scroll as f64 / 200.0).exp() * pinch as f64;
            if (factor - 1.0).abs() > 1e-6 {
                projector.zoom_around(to_coord(hover), factor);
                self.user_moved = true;
            }
        }
        if response.double_clicked() {
            projector = Projector::fit(model.boundaries.bbox, viewport, FIT_MARGIN);
            self.user_moved = false;
        }
        self.projector = Some(projector);

        let pointer_lonlat = response
            .hover_pos()
            .map(|p| projector.lonlat_from_ui(to_coord(p)));
        let hovered = pointer_lonlat.and_then(|p| model.boundaries.region_at(p));

        painter.rect_filled(rect, 0.0, palette::WATER);
        paint_regions(&painter, model, &projector, hovered, selected);
        paint_labels(&painter, model, &projector, selected, lang);

        let mut output = MapOutput {
            clicked: None,
            pointer_lonlat,
        };
        if let Some(index) = hovered
            && let Some(region) = model.boundaries.regions.get(index)
        {
            let name = lang.pick(&region.name_zh, &region.name_en);
            let other = lang.pick(&region.name_en, &region.name_zh);
            response.clone().on_hover_ui_at_pointer(|ui| {
                ui.strong(name);
                ui.label(other);
            });
        }
        if response.clicked() {
            output.clicked = Some(
                hovered
                    .and_then(|i| model.boundaries.regions.get(i))
                    .map(|r| r.code.clone()),
            );
        }

        self.reset_button_ui(ui, rect, lang);
        output
    }

    /// A button in the map's top-right corner that fits the whole city again.
    fn reset_button_ui(&mut self, ui: &mut Ui, map_rect: Rect, lang: Lang) {
        let size = Vec2::new(110.0, 26.0);
        let button_rect = Rect::from_min_size(
            Pos2::new(map_rect.right() - size.x - 10.0, map_rect.top() + 10.0),
            size,
        );
        let button = egui::Button::new(Msg::ResetView.text(lang));
        if ui
            .put(button_rect, button)
            .on_hover_text(Msg::ResetViewHint.text(lang))
            .clicked()
        {
            self.reset();
        }
    }
}

fn paint_regions(
    painter: &egui::Painter,
    model: &Model,
    projector: &Projector,
    hovered: Option<usize>,
    selected: Option<&str>,
) {
    for (index, (region, fill)) in model
        .boundaries
        .regions
        .iter()
        .zip(&model.fills)
        .enumerate()
    {
        let is_selected = selected == Some(region.code.as_str());
        let color = if is_selected {
            palette::SELECTED_FILL
        } else if hovered == Some(index) {
            palette::LAND_HOVER
        } else {
            palette::LAND
        };
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
    // Outlines after all fills, the selected one last so that its outline is never covered.
    let selected_index = selected.and_then(|code| model.boundaries.index_of(code));
    for (index, region) in model.boundaries.regions.iter().enumerate() {
        if Some(index) != selected_index {
            paint_outline(
                painter,
                region,
                projector,
                Stroke::new(1.0, palette::BORDER),
            );
        }
    }
    if let Some(region) = selected_index.and_then(|i| model.boundaries.regions.get(i)) {
        paint_outline(
            painter,
            region,
            projector,
            Stroke::new(3.0, palette::SELECTED_STROKE),
        );
    }
}

fn paint_outline(
    painter: &egui::Painter,
    region: &crate::geometry::Region,
    projector: &Projector,
    stroke: Stroke,
) {
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

fn paint_labels(
    painter: &egui::Painter,
    model: &Model,
    projector: &Projector,
    selected: Option<&str>,
    lang: Lang,
) {
    for region in &model.boundaries.regions {
        let pos = to_pos2(projector.ui_from_lonlat(region.label_lonlat));
        if !painter.clip_rect().contains(pos) {
            continue;
        }
        let size = if selected == Some(region.code.as_str()) {
            16.0
        } else {
            14.0
        };
        let text = lang.pick(&region.name_zh, &region.name_en);
        paint_text_with_halo(
            painter,
            pos,
            text,
            FontId::proportional(size),
            palette::LABEL,
        );
    }
}

/// Text with a soft white outline, legible on any fill.
pub fn paint_text_with_halo(
    painter: &egui::Painter,
    pos: Pos2,
    text: &str,
    font: FontId,
    color: Color32,
) {
    let galley = painter.layout_no_wrap(text.to_owned(), font, color);
    let top_left = Align2::CENTER_CENTER.anchor_size(pos, galley.size()).min;
    for offset in [
        Vec2::new(-1.0, 0.0),
        Vec2::new(1.0, 0.0),
        Vec2::new(0.0, -1.0),
        Vec2::new(0.0, 1.0),
    ] {
        painter.galley_with_override_text_color(top_left + offset, galley.clone(), palette::HALO);
    }
    painter.galley(top_left, galley, color);
}

pub fn to_pos2(c: Coord<f64>) -> Pos2 {
    Pos2::new(c.x as f32, c.y as f32)
}

pub fn to_coord(p: Pos2) -> Coord<f64> {
    Coord {
        x: p.x as f64,
        y: p.y as f64,
    }
}

fn to_geo_rect(r: Rect) -> geo::Rect<f64> {
    geo::Rect::new(to_coord(r.min), to_coord(r.max))
}
