//! The map in the window: where it looks (fitted, moved, restored, focused on a search hit),
//! panning and zooming, what the pointer is over, clicks, the pick list for overlapping
//! symbols, and the controls over the map.

use egui::{Align2, Pos2, RichText, Sense, Ui, Vec2};
use geo::Coord;

use zq_core::Model;
use zq_core::geometry::Projector;
use zq_core::i18n::{Lang, Msg};
use zq_core::selection::Selection;

use super::convert::to_coord;
use super::counties::CountiesLayer;
use super::furniture::Furniture;
use super::layers::{
    Hit, LayerCaches, LayerContext, LayerSettings, Loaded, MapInputs, MapLayer, Reserved,
};
use super::picture;
use super::{decorations, has_legend, hit_test, layers_ui, legend_ui, paint_map, projects};

/// Where the map looked: its centre and zoom, kept in the settings between runs.
#[derive(Clone, Copy, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct SavedView {
    pub lon: f64,
    pub lat: f64,
    pub points_per_degree: f64,
}

/// Space around the city when the view is fitted, in points.
const FIT_MARGIN: f64 = 24.0;

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
    /// What the layers keep from frame to frame.
    caches: std::cell::RefCell<LayerCaches>,
    /// In a window drawn by a software renderer, the picture of the map (`None` draws live).
    picture: Option<picture::MapPicture>,
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
        self.picture = software.then(picture::MapPicture::default);
    }

    /// Whether the last frame drew the map from the kept picture (see [`picture`]).
    pub fn drew_picture(&self) -> bool {
        self.picture
            .as_ref()
            .is_some_and(picture::MapPicture::drew_picture)
    }

    /// The share of the map the last frame drew live rather than from kept pictures (all of it
    /// with a GPU; see [`picture`]).
    pub fn live_share(&self) -> f32 {
        self.picture
            .as_ref()
            .map_or(1.0, picture::MapPicture::live_share)
    }

    /// Whether a picture of the map is being made on a worker thread (see [`picture`]).
    pub fn making_picture(&self) -> bool {
        self.picture
            .as_ref()
            .is_some_and(picture::MapPicture::making)
    }

    /// How many pictures of the map have been made (see [`picture`]).
    pub fn pictures_made(&self) -> u64 {
        self.picture
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
            inputs: MapInputs {
                model: Loaded(model),
                lang,
                selection,
                settings: &settings,
                reserved: Reserved(&reserved),
            },
            projector: &projector,
            hovered: None,
            caches: &caches,
        };
        let hovered = pointer.and_then(|p| hit_test(p, &base));
        let cx = LayerContext {
            hovered: hovered.as_ref(),
            ..base
        };
        paint_map(&painter.with_clip_rect(rect), &cx, self.picture.as_mut());
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

/// The legend in the map's bottom-right corner, collapsible.
fn legend_overlay_ui(ui: &mut Ui, furniture: &Furniture, cx: &LayerContext<'_>) {
    if !has_legend(cx) {
        return;
    }
    egui::Area::new(furniture.legend)
        .pivot(Align2::RIGHT_BOTTOM)
        .fixed_pos(furniture.map.right_bottom() - Vec2::new(10.0, 10.0))
        .show(ui.ctx(), |ui| {
            egui::Frame::popup(ui.style()).show(ui, |ui| {
                egui::CollapsingHeader::new(RichText::new(Msg::Legend.text(cx.lang())).strong())
                    .id_salt("legend_header")
                    .default_open(false)
                    .show(ui, |ui| legend_ui(ui, cx));
            });
        });
}
