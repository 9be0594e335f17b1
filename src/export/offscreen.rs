//! Running the UI without a window: an egui context of a fixed size and scale, the same setup as
//! the window (fonts, light theme), whose painted output is rasterized on the CPU.

use egui::epaint::ClippedShape;
use egui::{Color32, Pos2, Rect, Ui, Vec2, ViewportId};
use image::RgbaImage;

use super::vector::Drawing;
use crate::ui::fonts::setup_context;
use egui_cpu_raster::{TextureStore, rasterize};
use zq_map::shape_groups::{self, Span};

/// What one headless frame painted, with everything needed to turn it into pixels.
pub struct Painted {
    pub ctx: egui::Context,
    pub shapes: Vec<ClippedShape>,
    /// The named groups in `shapes` ([`zq_map::shape_groups`]), for the vector exports.
    pub groups: Vec<Span>,
    pub textures: TextureStore,
    pub size_points: Vec2,
    pub pixels_per_point: f32,
}

/// A context set up like the window's, with animations off so one frame shows the final state.
fn context() -> egui::Context {
    let ctx = egui::Context::default();
    setup_context(&ctx);
    ctx.all_styles_mut(|style| {
        style.animation_time = 0.0;
        style.scroll_animation = egui::style::ScrollAnimation::none();
    });
    ctx
}

fn input(size_points: Vec2, pixels_per_point: f32) -> egui::RawInput {
    let mut input = egui::RawInput {
        screen_rect: Some(Rect::from_min_size(Pos2::ZERO, size_points)),
        ..Default::default()
    };
    if let Some(viewport) = input.viewports.get_mut(&ViewportId::ROOT) {
        viewport.native_pixels_per_point = Some(pixels_per_point);
    }
    input
}

/// Runs `ui` in a `size_points` canvas at `pixels_per_point`. The UI runs a few passes, as in
/// the window, so that sizes measured in one pass (plot axes, wrapped text) settle.
pub fn paint(size_points: Vec2, pixels_per_point: f32, ui: impl FnMut(&mut Ui)) -> Painted {
    run(size_points, pixels_per_point, false, ui)
}

/// [`paint`] for a vector file: the named groups are recorded ([`zq_map::shape_groups`]), and
/// the map paints its outlines as lines, not as the meshes it keeps for pixels.
pub fn paint_vector(size_points: Vec2, ui: impl FnMut(&mut Ui)) -> Painted {
    run(size_points, 1.0, true, ui)
}

fn run(
    size_points: Vec2,
    pixels_per_point: f32,
    record: bool,
    mut ui: impl FnMut(&mut Ui),
) -> Painted {
    const PASSES: usize = 3;
    let ctx = context();
    let mut textures = TextureStore::new();
    let mut shapes = Vec::new();
    let mut groups = Vec::new();
    for pass in 0..PASSES {
        if record {
            shape_groups::record(&ctx);
        }
        let mut output = ctx.run_ui(input(size_points, pixels_per_point), |root| {
            egui::CentralPanel::no_frame().show(root, |panel| ui_with_background(panel, &mut ui));
        });
        textures.apply(&output.textures_delta);
        output.textures_delta.clear();
        let spans = shape_groups::take(&ctx);
        if pass + 1 == PASSES {
            shapes = output.shapes;
            // The page is painted on the background layer, whose shapes come first in the
            // output, so a span's indices there are its indices in `shapes`.
            groups = spans
                .into_iter()
                .filter(|s| s.layer == egui::LayerId::background())
                .collect();
        }
    }
    Painted {
        ctx,
        shapes,
        groups,
        textures,
        size_points,
        pixels_per_point,
    }
}

/// The height `ui` needs at `width` points, rounded up to whole points, so that every scale of
/// an export has exactly the same layout and 2× is exactly twice 1×.
pub fn measure_height(width: f32, mut draw: impl FnMut(&mut Ui)) -> f32 {
    let ctx = context();
    let mut height = 0.0_f32;
    for _ in 0..2 {
        let mut output = ctx.run_ui(input(Vec2::new(width, 20_000.0), 1.0), |root| {
            egui::CentralPanel::no_frame().show(root, |ui| {
                let response = ui.scope(|page| ui_with_background(page, &mut draw));
                height = response.response.rect.height();
            });
        });
        output.textures_delta.clear();
    }
    height.ceil()
}

/// A white page: exports stand alone in a report, whatever the window's theme.
fn ui_with_background(ui: &mut Ui, contents: &mut dyn FnMut(&mut Ui)) {
    ui.painter().rect_filled(ui.max_rect(), 0.0, Color32::WHITE);
    contents(ui);
}

impl Painted {
    /// The frame as a vector drawing, for SVG and PDF.
    pub fn to_drawing(&self) -> Drawing {
        Drawing::new(&self.shapes, &self.groups, self.size_points)
    }

    /// The frame in pixels: `size_points × pixels_per_point`, on white.
    pub fn to_image(&self) -> RgbaImage {
        let size_px = [
            (self.size_points.x * self.pixels_per_point).round() as u32,
            (self.size_points.y * self.pixels_per_point).round() as u32,
        ];
        let primitives = self
            .ctx
            .tessellate(self.shapes.clone(), self.pixels_per_point);
        rasterize(
            &primitives,
            &self.textures,
            size_px,
            self.pixels_per_point,
            Color32::WHITE,
        )
    }
}
