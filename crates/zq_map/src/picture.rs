//! The map (water, neighbouring prefectures, counties, project symbols, names) kept as one
//! picture while the view only moves, for software renderers.
//!
//! All of China is over a million triangles of fills and borders, and a few hundred names each
//! drawn five times for its halo. A software renderer (lavapipe or llvmpipe: under Xvfb, in a
//! virtual machine, on a computer without a GPU driver) spends most of a frame drawing them,
//! though while the map is dragged they only move. So what was just drawn is rasterized on the
//! CPU, by the exporter's rasterizer that follows egui-wgpu pixel for pixel, into a texture
//! (tens of milliseconds for all of China, less than one frame drawn live). Later frames draw
//! that one image, moved by whole pixels as the map moves, and draw live only the strips it
//! does not cover; after a long drag, or once the view stands still, a new one is made. While
//! the wheel turns the picture is shown scaled (as web maps do) and a sharp one is made once the
//! zoom settles. Other data, settings, language or selection make the picture stale; what is
//! under the pointer is drawn over it every frame (`HighlightLayer`). With a GPU the map is
//! drawn live: it costs next to nothing there, and a picture would only add its making.

use std::time::Duration;

use egui::epaint::{ClippedShape, ImageDelta, Mesh, Primitive, TextureAtlas};
use egui::{
    Color32, ColorImage, LayerId, Painter, Pos2, Rect, TextureHandle, TextureId, TextureOptions,
    TexturesDelta, Vec2,
};
use geo::Coord;

use egui_cpu_raster::{TextureStore, rasterize_part};
use zq_core::geometry::Projector;

use super::convert::to_pos2;

/// How long the view must stand still before a picture of it is made: long enough that a
/// pause between two notches of the wheel does not make one that the next notch throws away.
const STILL_SECONDS: f64 = 0.25;

/// How far a picture may be scaled while zooming before the map is drawn live instead.
const MAX_SCALE: f64 = 4.0;

/// How far the picture reaches beyond the map on each side, as a share of the map's width and
/// height: a drag that far needs nothing drawn live (all of China's counties along a strip cost
/// more than the picture's moving), at the price of a larger picture to make.
const OVERSCAN: f32 = 0.25;

/// Larger pictures than this (pixels a side) are not made; the map is drawn live instead.
const MAX_SIDE_PX: u32 = 8192;

/// What the picture shows, besides where and at what zoom: equal keys, equal pictures.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Key {
    /// Everything the kept layers draw from but the view: [`MapInputs::key`](crate::MapInputs::key).
    pub inputs: u64,
    pub pixels_per_point: f32,
}

/// The kept picture and what is needed to decide when to make the next.
#[derive(Clone, Default)]
pub struct MapPicture {
    picture: Option<Picture>,
    /// The view last drawn, and the time it was first drawn.
    view: Option<(Key, Projector, f64)>,
    /// The view the last picture was made of (or failed to be), so none is made twice.
    captured: Option<(Key, Projector)>,
    /// Whether the last frame drew from the picture.
    drew_picture: bool,
    /// How many pictures have been made.
    made: u64,
}

impl std::fmt::Debug for MapPicture {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("MapPicture")
            .field("picture", &self.picture.as_ref().map(|p| p.size_px))
            .finish()
    }
}

#[derive(Clone)]
struct Picture {
    key: Key,
    points_per_degree: f64,
    texture: TextureHandle,
    /// A lon/lat and where it was on screen when the picture was made: where it is now says
    /// how far to move the picture.
    anchor: Coord<f64>,
    made_at: Pos2,
    /// The screen pixel of the picture's top-left corner then, and its size.
    origin_px: [i32; 2],
    size_px: [u32; 2],
}

impl Picture {
    /// Where the picture goes today, in points: at its own zoom moved by a whole number of
    /// pixels (so it is drawn texel for pixel), at another zoom scaled around its anchor.
    fn rect(&self, projector: &Projector, pixels_per_point: f32) -> Rect {
        let now = to_pos2(projector.ui_from_lonlat(self.anchor));
        let origin = Pos2::new(self.origin_px[0] as f32, self.origin_px[1] as f32);
        let size = Vec2::new(self.size_px[0] as f32, self.size_px[1] as f32);
        let scale = (projector.points_per_degree() / self.points_per_degree) as f32;
        if scale == 1.0 {
            let moved = ((now - self.made_at) * pixels_per_point).round();
            Rect::from_min_size(origin + moved, size) / pixels_per_point
        } else {
            let min = now + (origin / pixels_per_point - self.made_at) * scale;
            Rect::from_min_size(min, size * scale / pixels_per_point)
        }
    }

    /// Whether it can stand for the map at `projector`'s zoom: its own, or (scaled) one near
    /// it.
    fn fits(&self, key: &Key, projector: &Projector) -> bool {
        let ratio = projector.points_per_degree() / self.points_per_degree;
        self.key == *key && (1.0 / MAX_SCALE..=MAX_SCALE).contains(&ratio)
    }
}

impl MapPicture {
    /// Draws `base` over the painter's clip rect: from the kept picture where it covers it,
    /// live elsewhere, and makes a new picture when needed. `background` is the opaque colour
    /// `base` starts with: the picture has it at its edges too, where a live drawing's
    /// anti-aliasing would leave a half-transparent row that shows once the picture moves.
    pub fn paint(
        &mut self,
        painter: &Painter,
        projector: &Projector,
        key: Key,
        background: Color32,
        base: impl Fn(&Painter),
    ) {
        let ctx = painter.ctx();
        let now = ctx.input(|i| i.time);
        let pixels_per_point = ctx.pixels_per_point();
        let clip = painter.clip_rect();
        let since = match self.view {
            Some((k, p, t)) if k == key && p == *projector => t,
            _ => now,
        };
        self.view = Some((key, *projector, since));
        let covered = |picture: Option<&Picture>| {
            picture
                .filter(|p| p.fits(&key, projector))
                .map(|p| (p.texture.id(), p.rect(projector, pixels_per_point)))
        };
        // Slivers under half a pixel (a clip rect off the pixel grid) are not worth drawing;
        // the others reach a pixel under the picture, so that rounding never leaves a gap.
        let pixel = 1.0 / pixels_per_point;
        let strips = |rect: Rect| {
            uncovered(clip, rect)
                .into_iter()
                .filter(|r| r.width() >= pixel / 2.0 && r.height() >= pixel / 2.0)
                .map(|r| r.expand(pixel).intersect(clip))
                .collect::<Vec<_>>()
        };
        let mut placed = covered(self.picture.as_ref());
        let uncovered_share = placed.map_or(1.0, |(_, rect)| {
            strips(rect).iter().map(|r| r.area()).sum::<f32>() / clip.area().max(1.0)
        });
        let sharp = self
            .picture
            .as_ref()
            .is_some_and(|p| p.points_per_degree == projector.points_per_degree());
        // Make a picture once the view stands still, and at once when there is none to show or
        // a drag has gone past its overscan (strips of all of China's counties cost more than
        // a new picture within a few frames). Not while zooming: each notch would make one
        // that the next throws away.
        let at_once = placed.is_none() || (sharp && uncovered_share > 0.0);
        if (uncovered_share > 0.0 || !sharp) && self.captured != Some((key, *projector)) {
            let wait = STILL_SECONDS - (now - since);
            if wait <= 0.0 || at_once {
                self.capture(painter, projector, key, background, &base);
                placed = covered(self.picture.as_ref());
            } else {
                ctx.request_repaint_after(Duration::from_secs_f64(wait));
            }
        }
        self.drew_picture = placed.is_some();
        match placed {
            Some((texture, rect)) => {
                let mut mesh = Mesh::with_texture(texture);
                let uv = Rect::from_min_max(Pos2::ZERO, Pos2::new(1.0, 1.0));
                mesh.add_rect_with_uv(rect, uv, Color32::WHITE);
                painter.add(mesh);
                for strip in strips(rect) {
                    base(&painter.with_clip_rect(strip));
                }
            }
            None => base(painter),
        }
    }

    /// Makes a picture of what `base` draws over the painter's clip rect and [`OVERSCAN`] around
    /// it. It is drawn on a layer of its own that is emptied again, so the frame shows only the
    /// picture.
    fn capture(
        &mut self,
        painter: &Painter,
        projector: &Projector,
        key: Key,
        background: Color32,
        base: &impl Fn(&Painter),
    ) {
        self.captured = Some((key, *projector));
        let ctx = painter.ctx();
        let own = painter.layer_id();
        let layer = LayerId::new(own.order, own.id.with("picture"));
        let area = painter.clip_rect();
        let area = area.expand2(area.size() * OVERSCAN);
        base(&Painter::new(ctx.clone(), layer, area));
        let shapes: Vec<ClippedShape> = ctx.graphics_mut(|g| {
            std::mem::take(g.entry(layer))
                .all_entries()
                .cloned()
                .collect()
        });
        let pixels_per_point = ctx.pixels_per_point();
        let clip = area * pixels_per_point;
        let origin_px = [clip.min.x.round() as i32, clip.min.y.round() as i32];
        let size_px = [
            (clip.max.x.round() as i32 - origin_px[0]).max(0) as u32,
            (clip.max.y.round() as i32 - origin_px[1]).max(0) as u32,
        ];
        // The renderer's own limit too: an old GPU may take no more than 4096 a side.
        let max_side =
            MAX_SIDE_PX.min(u32::try_from(ctx.input(|i| i.max_texture_side)).unwrap_or(u32::MAX));
        if size_px.contains(&0) || size_px.iter().any(|&s| s > max_side) {
            return;
        }
        let primitives = ctx.tessellate(shapes, pixels_per_point);
        // Shapes and text use only the font atlas (solid colours its white texel). Anything
        // else (an image, a paint callback) is not at hand here: then no picture is made.
        let atlas_only = primitives.iter().all(|p| match &p.primitive {
            Primitive::Mesh(mesh) => mesh.texture_id == TextureId::default(),
            Primitive::Callback(_) => false,
        });
        if !atlas_only {
            return;
        }
        let image = rasterize_part(
            &primitives,
            &font_atlas(ctx),
            origin_px,
            size_px,
            pixels_per_point,
            background,
        );
        let image = ColorImage::from_rgba_premultiplied(
            [size_px[0] as usize, size_px[1] as usize],
            image.as_raw(),
        );
        let texture = match self.picture.take() {
            Some(mut picture) => {
                picture.texture.set(image, TextureOptions::LINEAR);
                picture.texture
            }
            None => ctx.load_texture("map_picture", image, TextureOptions::LINEAR),
        };
        let anchor = projector.center_lonlat();
        self.made += 1;
        self.picture = Some(Picture {
            key,
            points_per_degree: projector.points_per_degree(),
            texture,
            anchor,
            made_at: to_pos2(projector.ui_from_lonlat(anchor)),
            origin_px,
            size_px,
        });
    }

    /// Whether the last frame drew from the picture (for tests and benchmarks).
    pub fn drew_picture(&self) -> bool {
        self.drew_picture
    }

    /// How many pictures have been made (for tests and benchmarks).
    pub fn pictures_made(&self) -> u64 {
        self.made
    }
}

/// The font atlas as it is now, with every glyph laid out so far (this frame's too).
fn font_atlas(ctx: &egui::Context) -> TextureStore {
    let mut store = TextureStore::new();
    let mut delta = TexturesDelta::default();
    delta.push(
        TextureId::default(),
        ImageDelta::full(ctx.fonts(|f| f.image()), TextureAtlas::texture_options()),
    );
    store.apply(&delta);
    delta.clear();
    store
}

/// The parts of `clip` outside `covered`: up to four rectangles (above, below, left, right).
fn uncovered(clip: Rect, covered: Rect) -> Vec<Rect> {
    let top = covered.min.y.clamp(clip.min.y, clip.max.y);
    let bottom = covered.max.y.clamp(top, clip.max.y);
    let left = covered.min.x.clamp(clip.min.x, clip.max.x);
    let right = covered.max.x.clamp(left, clip.max.x);
    [
        Rect::from_x_y_ranges(clip.x_range(), clip.min.y..=top),
        Rect::from_x_y_ranges(clip.x_range(), bottom..=clip.max.y),
        Rect::from_x_y_ranges(clip.min.x..=left, top..=bottom),
        Rect::from_x_y_ranges(right..=clip.max.x, top..=bottom),
    ]
    .into_iter()
    .filter(|r| r.width() > 0.0 && r.height() > 0.0)
    .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn area(rects: &[Rect]) -> f32 {
        rects.iter().map(|r| r.area()).sum()
    }

    #[test]
    fn the_strips_cover_exactly_what_the_picture_does_not() {
        let clip = Rect::from_min_size(Pos2::new(10.0, 20.0), Vec2::new(400.0, 300.0));
        for shift in [
            Vec2::ZERO,
            Vec2::new(37.0, 0.0),
            Vec2::new(-12.0, 55.0),
            Vec2::new(-500.0, 9.0),
            Vec2::new(3.0, -1000.0),
        ] {
            let covered = clip.translate(shift);
            let strips = uncovered(clip, covered);
            let overlap = if clip.intersects(covered) {
                clip.intersect(covered).area()
            } else {
                0.0
            };
            assert!(
                (area(&strips) - (clip.area() - overlap)).abs() < 1e-3,
                "{shift:?}: {strips:?}"
            );
            for s in &strips {
                assert!(clip.expand(1e-3).contains_rect(*s), "{s:?} outside the map");
                assert!(
                    !s.shrink(1e-3).intersects(covered),
                    "{s:?} under the picture"
                );
            }
        }
    }

    #[test]
    fn a_picture_moves_by_whole_pixels() {
        let viewport = geo::Rect::new(Coord { x: 0.0, y: 0.0 }, Coord { x: 400.0, y: 300.0 });
        let bbox = geo::Rect::new(Coord { x: 112.0, y: 23.0 }, Coord { x: 113.0, y: 24.0 });
        let mut projector = Projector::fit(bbox, viewport, 10.0);
        let ctx = egui::Context::default();
        let texture = ctx.load_texture(
            "t",
            ColorImage::new([1, 1], vec![Color32::WHITE]),
            TextureOptions::NEAREST,
        );
        let anchor = projector.center_lonlat();
        let picture = Picture {
            key: Key {
                inputs: 1,
                pixels_per_point: 1.5,
            },
            points_per_degree: projector.points_per_degree(),
            texture,
            anchor,
            made_at: to_pos2(projector.ui_from_lonlat(anchor)),
            origin_px: [3, 4],
            size_px: [600, 450],
        };
        let at_rest = picture.rect(&projector, 1.5);
        assert_eq!(at_rest.min * 1.5, Pos2::new(3.0, 4.0));
        projector.pan_by(Coord { x: 10.2, y: -3.2 });
        let moved = picture.rect(&projector, 1.5);
        let shift = (moved.min - at_rest.min) * 1.5;
        assert!(
            (shift.x - 15.0).abs() < 1e-3 && (shift.y + 5.0).abs() < 1e-3,
            "{shift:?}"
        );
        assert!(((moved.size() - at_rest.size()) * 1.5).length() < 1e-3);

        // Zoomed: scaled so that every place in it stays over that place on the map.
        let place = Coord { x: 112.3, y: 23.8 };
        let texel = to_pos2(projector.ui_from_lonlat(place)) * 1.5 - moved.min.to_vec2() * 1.5;
        projector.zoom_around(Coord { x: 120.0, y: 77.0 }, 1.7);
        let zoomed = picture.rect(&projector, 1.5);
        assert!((zoomed.width() / moved.width() - 1.7).abs() < 1e-4);
        let drawn_at = zoomed.min + texel.to_vec2() / 1.5 * 1.7;
        let belongs_at = to_pos2(projector.ui_from_lonlat(place));
        assert!(
            (drawn_at - belongs_at).length() < 0.7 * 1.7,
            "{drawn_at:?} {belongs_at:?}"
        );
    }
}
