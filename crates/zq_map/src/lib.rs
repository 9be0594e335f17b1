//! The map widget: layers over the one [`Projector`], with pan, zoom, hover and click, a layer
//! panel, a legend, a scale bar and a north arrow.

mod context_layer;
pub mod counties;
pub mod decorations;
pub mod highlight;
pub mod labels;
pub mod layers;
pub mod legend;
pub mod picture;
pub mod projects;
pub mod region_cache;

use egui::{Align2, Color32, FontId, Painter, Pos2, Rect, RichText, Sense, Ui, Vec2};
use geo::Coord;

use zq_core::Model;
use zq_core::choropleth::Metric;
use zq_core::geometry::Projector;
use zq_core::i18n::{Lang, Msg};
use zq_core::selection::Selection;

use context_layer::ContextLayer;
use counties::CountiesLayer;
use highlight::HighlightLayer;
use labels::LabelsLayer;
pub use layers::{Hit, LayerContext, LayerSettings, MapLayer};
use projects::ProjectsLayer;

/// Where the map looked: its centre and zoom, kept in the settings between runs.
#[derive(Clone, Copy, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct SavedView {
    pub lon: f64,
    pub lat: f64,
    pub points_per_degree: f64,
}

/// Space around the city when the view is fitted, in points.
const FIT_MARGIN: f64 = 24.0;

/// The map's colours, chosen for print: light fills, dark outlines, one accent for selection.
pub mod palette {
    use egui::Color32;

    pub const WATER: Color32 = Color32::from_rgb(0xE8, 0xEE, 0xF3);
    pub const LAND: Color32 = Color32::from_rgb(0xF4, 0xF0, 0xE6);
    pub const NO_DATA: Color32 = Color32::from_rgb(0xD9, 0xD9, 0xD9);
    pub const SELECTED_FILL: Color32 = Color32::from_rgb(0xD4, 0xE4, 0xF7);
    pub const SELECTED_STROKE: Color32 = Color32::from_rgb(0x1F, 0x5F, 0xA8);
    pub const BORDER: Color32 = Color32::from_rgb(0x6E, 0x6A, 0x60);
    pub const LABEL: Color32 = Color32::from_rgb(0x2B, 0x2B, 0x2B);
    pub const HALO: Color32 = Color32::from_rgba_premultiplied(0xFF, 0xFF, 0xFF, 0xD0);
    pub const CONTEXT_LAND: Color32 = Color32::from_rgb(0xE4, 0xE4, 0xE2);
    pub const CONTEXT_BORDER: Color32 = Color32::from_rgb(0xB4, 0xB4, 0xB0);
    pub const CONTEXT_LABEL: Color32 = Color32::from_rgb(0x80, 0x80, 0x7C);
    pub const PANEL_BG: Color32 = Color32::from_rgba_premultiplied(0xF8, 0xF8, 0xF8, 0xE6);
}

/// The layers that change only with the view, the data, the settings and the selection,
/// bottom to top, over the water: in the window they are drawn from one kept picture while the
/// view only moves (see [`picture`]).
const BASE_LAYERS: [&dyn MapLayer; 4] =
    [&ContextLayer, &CountiesLayer, &ProjectsLayer, &LabelsLayer];

/// Drawn afresh every frame over the base: what is under the pointer.
const TOP_LAYERS: [&dyn MapLayer; 1] = [&HighlightLayer];

/// Paints every layer that is on: the one drawing of the map, for the window and for export.
pub fn paint_map(painter: &Painter, cx: &LayerContext<'_>) {
    let base = |painter: &Painter| {
        painter.rect_filled(painter.clip_rect(), 0.0, palette::WATER);
        for layer in BASE_LAYERS {
            layer.paint(painter, cx);
        }
    };
    // Out of the caches while the base layers use them.
    let kept = cx.caches.borrow_mut().picture.take();
    match kept {
        Some(mut kept) => {
            let key = picture_key(painter, cx);
            kept.paint(painter, cx.projector, key, palette::WATER, base);
            cx.caches.borrow_mut().picture = Some(kept);
        }
        None => base(painter),
    }
    for layer in TOP_LAYERS {
        layer.paint(painter, cx);
    }
}

/// Everything the base layers' drawing depends on but the view.
fn picture_key(painter: &Painter, cx: &LayerContext<'_>) -> picture::Key {
    use std::hash::{Hash, Hasher};
    let mut hasher = std::collections::hash_map::DefaultHasher::new();
    (cx.settings, cx.lang, cx.selection).hash(&mut hasher);
    for r in cx.reserved {
        [r.min.x, r.min.y, r.max.x, r.max.y]
            .map(f32::to_bits)
            .hash(&mut hasher);
    }
    picture::Key {
        model: cx.model.revision,
        settings: hasher.finish(),
        pixels_per_point: painter.ctx().pixels_per_point(),
    }
}

/// What lies under `pos`: the topmost layer that answers wins.
pub fn hit_test(pos: Pos2, cx: &LayerContext<'_>) -> Option<Hit> {
    BASE_LAYERS
        .iter()
        .chain(&TOP_LAYERS)
        .rev()
        .find_map(|layer| layer.hit(pos, cx))
}

/// What the map keeps from frame to frame: the meshes of its two sets of regions and, in a
/// window drawn by a software renderer, its picture (`None` draws live).
#[derive(Clone, Debug, Default)]
pub struct MapCaches {
    pub counties: region_cache::RegionCache,
    pub context: region_cache::RegionCache,
    pub picture: Option<picture::MapPicture>,
}

/// What the user clicked on the map this frame.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum MapClick {
    /// A county, or empty ground (`None`).
    County(Option<String>),
    Project(String),
}

#[derive(Clone, Debug, Default)]
pub struct MapOutput {
    pub clicked: Option<MapClick>,
    /// The lon/lat under the pointer, when it is over the map.
    pub pointer_lonlat: Option<Coord<f64>>,
    /// The user asked to export the map.
    pub export: bool,
}

/// The view state: where the map looks and which layers are on.
#[derive(Clone, Debug, Default)]
pub struct MapView {
    projector: Option<Projector>,
    /// Once the user pans or zooms, a window resize keeps their view instead of refitting.
    user_moved: bool,
    pub layers: LayerSettings,
    /// Where the user clicked on several overlapping project symbols: a list to pick from.
    pick_list: Option<(Pos2, Vec<usize>)>,
    /// The lon/lat box to show on the next frame (after a search).
    focus: Option<geo::Rect<f64>>,
    /// A view restored from the settings, applied once the widget's size is known.
    restore: Option<SavedView>,
    /// Meshes kept from frame to frame.
    caches: std::cell::RefCell<MapCaches>,
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

    /// The view to remember, if the user moved away from the fitted one.
    pub fn saved_view(&self) -> Option<SavedView> {
        let p = self.projector.filter(|_| self.user_moved)?;
        let c = p.center_lonlat();
        Some(SavedView {
            lon: c.x,
            lat: c.y,
            points_per_degree: p.points_per_degree(),
        })
    }

    /// Closes the list of overlapping projects, if open; says whether it was.
    pub fn close_popups(&mut self) -> bool {
        self.pick_list.take().is_some()
    }

    /// Says whether frames are drawn by a software renderer: then the map is kept as a
    /// picture (see [`picture`]); with a GPU it is drawn live.
    pub fn set_software_rendering(&mut self, software: bool) {
        self.caches.get_mut().picture = software.then(picture::MapPicture::default);
    }

    /// Whether the last frame drew the map from the kept picture (see [`picture`]).
    pub fn drew_picture(&self) -> bool {
        self.caches
            .borrow()
            .picture
            .as_ref()
            .is_some_and(picture::MapPicture::drew_picture)
    }

    /// How many pictures of the map have been made (see [`picture`]).
    pub fn pictures_made(&self) -> u64 {
        self.caches
            .borrow()
            .picture
            .as_ref()
            .map_or(0, picture::MapPicture::pictures_made)
    }

    pub fn restore_view(&mut self, view: SavedView) {
        self.restore = Some(view);
    }

    /// Zooms around the centre of the view (keyboard + and -).
    pub fn zoom(&mut self, factor: f64) {
        if let Some(p) = &mut self.projector {
            let c = p.viewport().center();
            p.zoom_around(c, factor);
            self.user_moved = true;
        }
    }

    /// Pans by a distance in points (arrow keys).
    pub fn pan(&mut self, dx: f64, dy: f64) {
        if let Some(p) = &mut self.projector {
            p.pan_by(Coord { x: dx, y: dy });
            self.user_moved = true;
        }
    }

    /// Shows `bbox` (lon/lat) on the next frame, e.g. a county or a project found by search.
    pub fn focus_on(&mut self, bbox: geo::Rect<f64>) {
        self.focus = Some(bbox);
    }

    pub fn ui(
        &mut self,
        ui: &mut Ui,
        model: &Model,
        selection: &Selection,
        lang: Lang,
    ) -> MapOutput {
        let (response, painter) = ui.allocate_painter(ui.available_size(), Sense::click_and_drag());
        let rect = response.rect;
        let viewport = geo::Rect::new(to_coord(rect.min), to_coord(rect.max));
        let mut projector = match (self.projector, self.focus.take()) {
            (_, Some(bbox)) => {
                self.user_moved = true;
                let mut p = Projector::fit(bbox, viewport, FIT_MARGIN * 4.0);
                // A point (a project) would zoom in without limit: show its surroundings.
                let fitted = Projector::fit(model.boundaries.bbox, viewport, FIT_MARGIN);
                if p.points_per_degree() > fitted.points_per_degree() * 6.0 {
                    p = fitted;
                    p.center_on(bbox.center());
                    p.zoom_around(p.viewport().center(), 6.0);
                }
                p
            }
            (Some(p), None) if self.user_moved => p.with_viewport(viewport),
            _ => {
                let mut p = Projector::fit(model.boundaries.bbox, viewport, FIT_MARGIN);
                // A view saved over other boundaries (all of China, opened last time) may show
                // none of today's: then the fitted view is the one worth showing.
                let bbox = model.boundaries.bbox;
                if let Some(view) = self.restore.take()
                    && (bbox.min().x..=bbox.max().x).contains(&view.lon)
                    && (bbox.min().y..=bbox.max().y).contains(&view.lat)
                {
                    p.center_on(Coord {
                        x: view.lon,
                        y: view.lat,
                    });
                    p.set_points_per_degree(view.points_per_degree);
                    self.user_moved = true;
                }
                p
            }
        };

        if response.dragged() {
            let d = response.drag_delta();
            projector.pan_by(Coord {
                x: f64::from(d.x),
                y: f64::from(d.y),
            });
            self.user_moved = true;
            self.pick_list = None;
        }
        if let Some(hover) = response.hover_pos() {
            let (scroll, pinch) = ui.input(|i| (i.smooth_scroll_delta.y, i.zoom_delta()));
            let factor = (f64::from(scroll) / 200.0).exp() * f64::from(pinch);
            if (factor - 1.0).abs() > 1e-6 {
                projector.zoom_around(to_coord(hover), factor);
                self.user_moved = true;
                self.pick_list = None;
            }
        }
        if response.double_clicked() {
            projector = Projector::fit(model.boundaries.bbox, viewport, FIT_MARGIN);
            self.user_moved = false;
        }
        self.projector = Some(projector);

        let pointer = response.hover_pos();
        let settings = self.layers.clone();
        // Borrowed out of `self` for the frame (the controls below need `self` mutably).
        let caches = std::mem::take(&mut self.caches);
        let furniture = Furniture::of(ui, rect);
        let reserved = furniture.reserved(ui);
        let base = LayerContext {
            model,
            projector: &projector,
            lang,
            selection,
            hovered: None,
            settings: &settings,
            caches: &caches,
            reserved: &reserved,
        };
        let hovered = pointer.and_then(|p| hit_test(p, &base));
        let cx = LayerContext {
            hovered: hovered.as_ref(),
            ..base
        };
        paint_map(&painter.with_clip_rect(rect), &cx);
        decorations::paint_scale_bar(
            &painter,
            &projector,
            furniture.scale_bar,
            Furniture::SCALE_BAR_LENGTH,
        );
        decorations::paint_north_arrow(
            &painter,
            furniture.north_arrow,
            Furniture::NORTH_ARROW_SIZE,
            lang,
        );

        let mut output = MapOutput {
            clicked: None,
            pointer_lonlat: pointer.map(|p| projector.lonlat_from_ui(to_coord(p))),
            export: false,
        };
        match &hovered {
            Some(Hit::County(i)) => {
                if let Some(region) = model.boundaries.regions.get(*i) {
                    response.clone().on_hover_ui_at_pointer(|ui| {
                        ui.strong(lang.pick(&region.name_zh, &region.name_en));
                        ui.label(lang.pick(&region.name_en, &region.name_zh));
                    });
                }
            }
            Some(Hit::Projects(list)) => {
                response.clone().on_hover_ui_at_pointer(|ui| {
                    for (n, &i) in list.iter().enumerate() {
                        if n > 0 {
                            ui.separator();
                        }
                        if let Some(project) = model.dataset.projects.get(i) {
                            projects::project_tooltip_ui(ui, &cx, project);
                        }
                    }
                });
            }
            None => {}
        }
        if response.clicked() {
            self.pick_list = None;
            output.clicked = match hovered.clone() {
                Some(Hit::Projects(list)) if list.len() == 1 => model
                    .dataset
                    .projects
                    .get(list[0])
                    .map(|p| MapClick::Project(p.id.clone())),
                Some(Hit::Projects(list)) => {
                    // Several symbols here: select the county under them and offer the list.
                    self.pick_list = pointer.map(|p| (p, list));
                    let county = pointer.and_then(|p| CountiesLayer.hit(p, &cx));
                    Some(MapClick::County(match county {
                        Some(Hit::County(i)) => {
                            model.boundaries.regions.get(i).map(|r| r.code.clone())
                        }
                        _ => None,
                    }))
                }
                Some(Hit::County(i)) => Some(MapClick::County(
                    model.boundaries.regions.get(i).map(|r| r.code.clone()),
                )),
                None => Some(MapClick::County(None)),
            };
        }
        let just_opened = response.clicked() && self.pick_list.is_some();
        if let Some(click) = self.pick_list_ui(ui, model, lang, just_opened) {
            output.clicked = Some(click);
        }
        output.export = self.controls_ui(ui, &furniture, lang);
        legend_overlay_ui(ui, &furniture, &cx);
        self.caches = caches;
        output
    }

    /// The list shown after a click on overlapping symbols: one entry per project there.
    fn pick_list_ui(
        &mut self,
        ui: &mut Ui,
        model: &Model,
        lang: Lang,
        just_opened: bool,
    ) -> Option<MapClick> {
        let (pos, list) = self.pick_list.as_ref()?;
        let mut picked = None;
        let area = egui::Area::new(ui.scope_id().with("project_pick_list"))
            .order(egui::Order::Foreground)
            .fixed_pos(*pos + Vec2::new(8.0, 8.0))
            .show(ui.ctx(), |ui| {
                egui::Frame::popup(ui.style()).show(ui, |ui| {
                    ui.label(RichText::new(Msg::SeveralProjectsHere.text(lang)).strong());
                    for &i in list {
                        if let Some(p) = model.dataset.projects.get(i)
                            && ui.button(lang.pick(&p.name_zh, &p.name_en)).clicked()
                        {
                            picked = Some(MapClick::Project(p.id.clone()));
                        }
                    }
                });
            });
        // The click that opened the list is "elsewhere" too; it must not close it.
        let dismissed = (!just_opened && area.response.clicked_elsewhere())
            || ui.input(|i| i.key_pressed(egui::Key::Escape));
        if picked.is_some() || dismissed {
            self.pick_list = None;
        }
        picked
    }

    /// Reset and export buttons (top right) and the layer panel (top left); says whether the
    /// user asked to export the map.
    fn controls_ui(&mut self, ui: &mut Ui, furniture: &Furniture, lang: Lang) -> bool {
        if ui
            .put(
                furniture.reset,
                egui::Button::new(Msg::ResetView.text(lang)),
            )
            .on_hover_text(Msg::ResetViewHint.text(lang))
            .clicked()
        {
            self.reset();
        }
        let export = ui
            .put(
                furniture.export,
                egui::Button::new(Msg::ExportMap.text(lang)),
            )
            .on_hover_text(Msg::PngScalesOrCopy.text(lang))
            .clicked();
        egui::Area::new(furniture.layer_panel)
            .fixed_pos(furniture.map.left_top() + Vec2::new(10.0, 10.0))
            .show(ui.ctx(), |ui| {
                egui::Frame::popup(ui.style()).show(ui, |ui| {
                    egui::CollapsingHeader::new(RichText::new(Msg::Layers.text(lang)).strong())
                        .id_salt("layers_header")
                        .default_open(false)
                        .show(ui, |ui| layers_ui(ui, &mut self.layers, lang));
                });
            });
        export
    }
}

/// Checkboxes for the layers and the choropleth's metric.
pub fn layers_ui(ui: &mut Ui, layers: &mut LayerSettings, lang: Lang) {
    // One line each: in the map's narrow floating panel, names would otherwise wrap a word
    // (or a letter) per line.
    ui.style_mut().wrap_mode = Some(egui::TextWrapMode::Extend);
    ui.checkbox(&mut layers.projects, Msg::Projects.text(lang));
    ui.checkbox(&mut layers.choropleth, Msg::Choropleth.text(lang));
    ui.add_enabled_ui(layers.choropleth, |ui| {
        egui::ComboBox::new("choropleth_metric", Msg::Metric.text(lang))
            .selected_text(layers.metric.name(lang))
            .show_ui(ui, |ui| {
                for metric in Metric::ALL {
                    ui.selectable_value(&mut layers.metric, metric, metric.name(lang));
                }
            });
    });
    ui.checkbox(&mut layers.labels, Msg::Labels.text(lang));
    ui.checkbox(
        &mut layers.context,
        Msg::NeighbouringPrefecturesLayer.text(lang),
    );
}

/// The legend in the map's bottom-right corner, collapsible.
fn legend_overlay_ui(ui: &mut Ui, furniture: &Furniture, cx: &LayerContext<'_>) {
    if !(cx.settings.choropleth || cx.settings.projects || cx.settings.context) {
        return;
    }
    egui::Area::new(furniture.legend)
        .pivot(Align2::RIGHT_BOTTOM)
        .fixed_pos(furniture.map.right_bottom() - Vec2::new(10.0, 10.0))
        .show(ui.ctx(), |ui| {
            egui::Frame::popup(ui.style()).show(ui, |ui| {
                egui::CollapsingHeader::new(RichText::new(Msg::Legend.text(cx.lang)).strong())
                    .id_salt("legend_header")
                    .default_open(false)
                    .show(ui, |ui| legend::legend_ui(ui, cx));
            });
        });
}

/// Where the things drawn over the map sit: buttons, the layer panel, the legend, the scale
/// bar and the north arrow. Names on the map keep clear of them.
struct Furniture {
    map: Rect,
    reset: Rect,
    export: Rect,
    layer_panel: egui::Id,
    legend: egui::Id,
    /// The scale bar's left end and the north arrow's centre.
    scale_bar: Pos2,
    north_arrow: Pos2,
}

impl Furniture {
    const SCALE_BAR_LENGTH: f32 = 110.0;
    const NORTH_ARROW_SIZE: f32 = 14.0;

    fn of(ui: &Ui, map: Rect) -> Self {
        let button = Vec2::new(100.0, 26.0);
        let reset = Rect::from_min_size(
            Pos2::new(map.right() - button.x - 10.0, map.top() + 10.0),
            button,
        );
        Self {
            map,
            reset,
            export: reset.translate(Vec2::new(-button.x - 6.0, 0.0)),
            layer_panel: ui.scope_id().with("layer_panel"),
            legend: ui.scope_id().with("map_legend"),
            scale_bar: map.left_bottom() + Vec2::new(16.0, -16.0),
            north_arrow: map.right_top() + Vec2::new(-28.0, 72.0),
        }
    }

    /// Everything it covers; the two panels as they were last drawn (open or closed).
    fn reserved(&self, ui: &Ui) -> Vec<Rect> {
        let panels: Vec<Rect> = ui.ctx().memory(|m| {
            [self.layer_panel, self.legend]
                .into_iter()
                .filter_map(|id| m.area_rect(id))
                .collect()
        });
        [
            self.reset,
            self.export,
            decorations::scale_bar_area(self.scale_bar, Self::SCALE_BAR_LENGTH),
            decorations::north_arrow_area(self.north_arrow, Self::NORTH_ARROW_SIZE),
        ]
        .into_iter()
        .chain(panels)
        .collect()
    }
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

/// The lon/lat box shown in `rect` (UI points), e.g. a painter's clip rect.
pub fn lonlat_box(projector: &Projector, rect: Rect) -> geo::Rect<f64> {
    projector.lonlat_of(geo::Rect::new(to_coord(rect.min), to_coord(rect.max)))
}

pub fn to_coord(p: Pos2) -> Coord<f64> {
    Coord {
        x: f64::from(p.x),
        y: f64::from(p.y),
    }
}
