//! The map (water, neighbouring prefectures, counties, project symbols, names) kept as
//! pictures while the view only moves, for software renderers.
//!
//! All of China is over a million triangles of fills and borders, and a few hundred names each
//! drawn five times for its halo. A software renderer (lavapipe or llvmpipe: under Xvfb, in a
//! virtual machine, on a computer without a GPU driver) spends most of a frame drawing them,
//! though while the map is dragged they only move. So what was just drawn is rasterized on the
//! CPU, by the exporter's rasterizer that follows egui-wgpu pixel for pixel, into a texture
//! with a quarter of the map beyond each side. Later frames draw that one image, moved by whole
//! pixels as the map moves, and draw live only the strips it does not cover.
//!
//! While the map moves, new pictures are made on a worker thread that runs only when a core is
//! free (`background`), and the last one stands in meanwhile: when a drag passes its edge, and
//! when the wheel has zoomed twice or half as far as it shows (scaled, as web maps show their
//! tiles). The last few are kept, so that zooming back out the wider ones cover what the
//! latest, shrunk, no longer does (the one nearest the view's zoom drawn first) and all of China
//! is not drawn live. Once the view stands still a sharp one is made at once. Other data, settings, language or selection make the pictures stale; what is under the
//! pointer is drawn over them every frame (`HighlightLayer`). With a GPU the map is drawn live:
//! it costs next to nothing there, and a picture would only add its making.

use std::sync::{Arc, Mutex};
use std::time::Duration;

use egui::epaint::{
    ClippedPrimitive, ClippedShape, ImageDelta, Mesh, Primitive, Tessellator, TextureAtlas,
};
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

/// How far a picture is shown scaled before the map is drawn live instead: further, its
/// pixels show as blocks.
const MAX_SCALE: f64 = 4.0;

/// How far the wheel may take the view from the picture's zoom before a new one is started,
/// while it still turns: the new one is made in the background and is there before the old one
/// reaches [`MAX_SCALE`].
const RESCALE_AT: f64 = 2.0;

/// How many pictures are kept: the latest, before it those made at the zooms the view came
/// through, and the widest. Zooming back out, the wider ones cover what the latest, scaled
/// down, no longer does, and all of China is not drawn live around it.
const KEPT: usize = 6;

/// A picture being rasterized for longer than this is given up (its thread is gone).
const GIVE_UP_SECONDS: f64 = 10.0;

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

/// The kept pictures and what is needed to decide when to make the next.
#[derive(Clone, Default)]
pub struct MapPicture {
    /// The latest first, then older ones of the same look made at other zooms.
    pictures: Vec<Picture>,
    /// The picture being rasterized on a worker thread, if one is.
    pending: Option<Pending>,
    /// The view last drawn, and the time it was first drawn.
    view: Option<(Key, Projector, f64)>,
    /// The view the last picture was made of (or failed to be), so none is made twice.
    captured: Option<(Key, Projector)>,
    /// Whether the last frame drew from the picture.
    drew_picture: bool,
    /// The share of the map the last frame drew live.
    live_share: f32,
    /// How many pictures have been made (or started).
    made: u64,
}

impl std::fmt::Debug for MapPicture {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("MapPicture")
            .field(
                "pictures",
                &self
                    .pictures
                    .iter()
                    .map(|p| p.place.size_px)
                    .collect::<Vec<_>>(),
            )
            .field("pending", &self.pending.is_some())
            .finish()
    }
}

/// What a picture shows and where it was made.
#[derive(Clone, Copy, Debug)]
struct Placement {
    key: Key,
    points_per_degree: f64,
    /// A lon/lat and where it was on screen when the picture was made: where it is now says
    /// how far to move the picture.
    anchor: Coord<f64>,
    made_at: Pos2,
    /// The screen pixel of the picture's top-left corner then, and its size.
    origin_px: [i32; 2],
    size_px: [u32; 2],
}

#[derive(Clone)]
struct Picture {
    place: Placement,
    texture: TextureHandle,
}

/// Which kept picture (by index) is drawn where, within which gap, and what is left live.
struct Layout {
    drawn: Vec<(usize, Rect, Option<Rect>)>,
    gaps: Vec<Rect>,
    /// The share of the map the latest picture of this look leaves uncovered where it is now,
    /// at any zoom (1 with none): whether a new one is wanted.
    latest_uncovered: f32,
}

/// A picture whose pixels a worker thread is making.
#[derive(Clone)]
struct Pending {
    place: Placement,
    /// Filled by the worker: a picture, or none when one cannot be made of these shapes.
    image: Arc<Mutex<Option<Option<ColorImage>>>>,
    started: f64,
}

impl Placement {
    /// Where the picture goes today, in points: at its own zoom moved by a whole number of
    /// pixels (so it is drawn texel for pixel), at another zoom scaled around its anchor.
    fn rect(&self, projector: &Projector, pixels_per_point: f32) -> Rect {
        let now = to_pos2(projector.ui_from_lonlat(self.anchor));
        let origin = Pos2::new(self.origin_px[0] as f32, self.origin_px[1] as f32);
        let size = Vec2::new(self.size_px[0] as f32, self.size_px[1] as f32);
        let scale = self.scale(projector) as f32;
        if scale == 1.0 {
            let moved = ((now - self.made_at) * pixels_per_point).round();
            Rect::from_min_size(origin + moved, size) / pixels_per_point
        } else {
            let min = now + (origin / pixels_per_point - self.made_at) * scale;
            Rect::from_min_size(min, size * scale / pixels_per_point)
        }
    }

    /// How much larger the map is shown at `projector` than in the picture.
    fn scale(&self, projector: &Projector) -> f64 {
        projector.points_per_degree() / self.points_per_degree
    }

    /// Whether it can stand for the map at `projector`'s zoom: its own, or (scaled) one near
    /// it.
    fn fits(&self, key: &Key, projector: &Projector) -> bool {
        self.key == *key && (1.0 / MAX_SCALE..=MAX_SCALE).contains(&self.scale(projector))
    }
}

impl Picture {
    /// The picture as a mesh covering `rect`.
    fn mesh(&self, rect: Rect) -> Mesh {
        let mut mesh = Mesh::with_texture(self.texture.id());
        let uv = Rect::from_min_max(Pos2::ZERO, Pos2::new(1.0, 1.0));
        mesh.add_rect_with_uv(rect, uv, Color32::WHITE);
        mesh
    }
}

impl MapPicture {
    /// Draws `base` over the painter's clip rect: from the kept pictures where they cover it,
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
        self.finish_pending(ctx, now);
        let since = match self.view {
            Some((k, p, t)) if k == key && p == *projector => t,
            _ => now,
        };
        self.view = Some((key, *projector, since));
        let latest = self.pictures.first().filter(|p| p.place.key == key);
        let scale = latest.map_or(1.0, |p| p.place.scale(projector));
        let sharp = scale == 1.0;
        let mut layout = self.layout(clip, &key, projector, pixels_per_point);
        let latest_uncovered = layout.latest_uncovered;
        // A new picture is made when the latest does not cover the map at its own zoom: with
        // none of the map's look, at once, here; once the view has stood still, here too (the
        // user is not moving it, and a worker could wait long on a busy machine). While the
        // view moves, on a worker thread, and the kept ones are shown meanwhile, moved or
        // scaled: when a drag has gone past the latest's overscan (strips of all of China's
        // counties cost more than a new picture within a few frames), when none covers some of
        // the map, or when the wheel has gone far from the latest's zoom. Not at each notch of
        // the wheel, which the next would throw away.
        let wanted = (latest_uncovered > 0.0 || !sharp) && self.captured != Some((key, *projector));
        let wait = STILL_SECONDS - (now - since);
        let far = !(1.0 / RESCALE_AT..=RESCALE_AT).contains(&scale);
        if wanted && (latest.is_none() || wait <= 0.0) {
            self.pending = None;
            self.capture(painter, projector, key, background, &base, false);
            // A picture kept, or none coming any more: laid out again.
            layout = self.layout(clip, &key, projector, pixels_per_point);
        } else if wanted
            && self.pending.is_none()
            && ((sharp && latest_uncovered > 0.0) || !layout.gaps.is_empty() || far)
        {
            self.capture(painter, projector, key, background, &base, true);
            // One coming now: the latest stands in at any zoom.
            layout = self.layout(clip, &key, projector, pixels_per_point);
        } else if wanted {
            ctx.request_repaint_after(Duration::from_secs_f64(wait));
        }
        self.drew_picture = !layout.drawn.is_empty();
        self.live_share = share(&layout.gaps, clip);
        for (i, rect, within) in layout.drawn {
            let mesh = self.pictures[i].mesh(rect);
            match within {
                Some(gap) => painter.with_clip_rect(gap).add(mesh),
                None => painter.add(mesh),
            };
        }
        for gap in layout.gaps {
            base(&painter.with_clip_rect(gap));
        }
    }

    /// Where the kept pictures go over `clip`: the latest, or one that covers it all; else, from
    /// the one nearest the view's zoom to the farthest, each where those before it leave a gap
    /// (so every pixel is drawn from one texture), and the gaps none reaches, to be drawn live.
    fn layout(
        &self,
        clip: Rect,
        key: &Key,
        projector: &Projector,
        pixels_per_point: f32,
    ) -> Layout {
        let placed = |picture: &Picture| {
            picture
                .place
                .fits(key, projector)
                .then(|| picture.place.rect(projector, pixels_per_point))
        };
        let latest = self.pictures.first().filter(|p| p.place.key == *key);
        let latest_strips = latest.map(|p| {
            let rect = p.place.rect(projector, pixels_per_point);
            (rect, strips(clip, rect, pixels_per_point))
        });
        let latest_uncovered = latest_strips
            .as_ref()
            .map_or(1.0, |(_, strips)| share(strips, clip));
        // While a new picture is coming, the latest stands in for it at any zoom.
        let coming = self.pending.is_some();
        let shown = latest_strips
            .filter(|_| coming || latest.is_some_and(|p| p.place.fits(key, projector)));
        // While the wheel turns, one picture over all of the map, if the latest is not that but
        // another near its zoom is (zooming out, an older wider one), rather than pictures of
        // two zooms, whose names differ in size where they meet. Not while the latest is at the
        // view's zoom (a drag past its edge): the whole map would turn blurred for a moment.
        let covers = |rect: &Rect| strips(clip, *rect, pixels_per_point).is_empty();
        // How far a picture's zoom is from the view's, either way.
        let off = |i: usize| self.pictures[i].place.scale(projector).ln().abs();
        let sharp = latest.is_some_and(|p| p.place.scale(projector) == 1.0);
        if !sharp && !shown.as_ref().is_some_and(|(_, strips)| strips.is_empty()) {
            let near =
                |p: &Picture| (1.0 / RESCALE_AT..=RESCALE_AT).contains(&p.place.scale(projector));
            let whole = self
                .pictures
                .iter()
                .enumerate()
                .filter(|(_, p)| near(p))
                .filter_map(|(i, p)| placed(p).filter(covers).map(|rect| (i, rect)))
                .min_by(|(a, _), (b, _)| off(*a).total_cmp(&off(*b)));
            if let Some((i, rect)) = whole {
                return Layout {
                    drawn: vec![(i, rect, None)],
                    gaps: Vec::new(),
                    latest_uncovered,
                };
            }
        }
        let Some((rect, _)) = shown else {
            return Layout {
                drawn: Vec::new(),
                gaps: vec![clip],
                latest_uncovered,
            };
        };
        // Nearest the view's zoom first, the latest of equals: zoomed out past them all, the
        // wider one covers the map, not the latest shrunk to a patch of small names amid it.
        let mut order: Vec<(usize, Rect)> = std::iter::once((0, rect))
            .chain(
                self.pictures
                    .iter()
                    .enumerate()
                    .skip(1)
                    .filter_map(|(i, p)| placed(p).map(|rect| (i, rect))),
            )
            .collect();
        order.sort_by(|(a, _), (b, _)| off(*a).total_cmp(&off(*b)));
        let mut drawn = Vec::new();
        let mut gaps = vec![clip];
        for (i, rect) in order {
            let mut left = Vec::new();
            for gap in gaps {
                if gap.intersects(rect) {
                    drawn.push((i, rect, Some(gap)));
                    left.extend(strips(gap, rect, pixels_per_point));
                } else {
                    left.push(gap);
                }
            }
            gaps = left;
        }
        Layout {
            drawn,
            gaps,
            latest_uncovered,
        }
    }

    /// Takes the worker's picture once it is done, as the latest; gives up one that takes far
    /// too long (its thread died) or was made for a look the map no longer has.
    fn finish_pending(&mut self, ctx: &egui::Context, now: f64) {
        let Some(pending) = &self.pending else {
            return;
        };
        let image = pending.image.lock().ok().and_then(|mut slot| slot.take());
        match image {
            Some(image) => {
                let place = pending.place;
                self.pending = None;
                if let Some(image) = image {
                    self.keep(ctx, place, image);
                }
            }
            None if now - pending.started > GIVE_UP_SECONDS => self.pending = None,
            None => {}
        }
    }

    /// Makes a picture of what `base` draws over the painter's clip rect and [`OVERSCAN`] around
    /// it. It is drawn on a layer of its own that is emptied again, so the frame shows only the
    /// picture. In the `background`, only the shapes are made here; the pixels are made on a
    /// worker thread and the picture is kept once they are there.
    fn capture(
        &mut self,
        painter: &Painter,
        projector: &Projector,
        key: Key,
        background_color: Color32,
        base: &impl Fn(&Painter),
        background: bool,
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
        let anchor = projector.center_lonlat();
        let place = Placement {
            key,
            points_per_degree: projector.points_per_degree(),
            anchor,
            made_at: to_pos2(projector.ui_from_lonlat(anchor)),
            origin_px,
            size_px,
        };
        let options = ctx.tessellation_options(|o| *o);
        let atlas_size = ctx.fonts(|f| f.font_image_size());
        let atlas = font_atlas(ctx);
        let draw = move |primitives: Vec<ClippedPrimitive>| {
            // Shapes and text use only the font atlas (solid colours its white texel).
            // Anything else (an image, a paint callback) is not at hand here: then no picture
            // is made.
            let atlas_only = primitives.iter().all(|p| match &p.primitive {
                Primitive::Mesh(mesh) => mesh.texture_id == TextureId::default(),
                Primitive::Callback(_) => false,
            });
            atlas_only.then(|| {
                let image = rasterize_part(
                    &primitives,
                    &atlas,
                    origin_px,
                    size_px,
                    pixels_per_point,
                    background_color,
                );
                ColorImage::from_rgba_premultiplied(
                    [size_px[0] as usize, size_px[1] as usize],
                    image.as_raw(),
                )
            })
        };
        self.made += 1;
        // Discs drawn into the font atlas are not to be had off this thread: with them on, the
        // shapes are tessellated here.
        let worker_tessellates = background && !options.prerasterized_discs;
        let mut shapes = Some(shapes);
        let primitives = match worker_tessellates {
            true => Vec::new(),
            false => ctx.tessellate(shapes.take().unwrap_or_default(), pixels_per_point),
        };
        if background {
            let slot = Arc::new(Mutex::new(None));
            let (out, ctx_then) = (Arc::clone(&slot), ctx.clone());
            let spawned = crate::background::spawn("map picture", move || {
                let primitives = match shapes {
                    Some(shapes) => {
                        Tessellator::new(pixels_per_point, options, atlas_size, Vec::new())
                            .tessellate_shapes(shapes)
                    }
                    None => primitives,
                };
                let image = draw(primitives);
                if let Ok(mut out) = out.lock() {
                    *out = Some(image);
                }
                ctx_then.request_repaint();
            });
            if spawned.is_ok() {
                self.pending = Some(Pending {
                    place,
                    image: slot,
                    started: ctx.input(|i| i.time),
                });
            }
            // No thread to be had: no picture this time; the view is drawn as it is.
            return;
        }
        if let Some(image) = draw(primitives) {
            self.keep(ctx, place, image);
        }
    }

    /// Keeps a finished picture as the latest (if it shows the map's look of today), with the
    /// last [`KEPT`] of the same look behind it; the texture of one no longer kept is reused.
    fn keep(&mut self, ctx: &egui::Context, place: Placement, image: ColorImage) {
        let current = self.view.map(|(key, ..)| key);
        if current.is_some_and(|key| key != place.key) {
            return;
        }
        self.pictures.retain(|p| p.place.key == place.key);
        let reused = (self.pictures.len() >= KEPT)
            .then(|| self.pictures.remove(most_alike(&self.pictures, &place)));
        let texture = match reused {
            Some(mut picture) => {
                picture.texture.set(image, TextureOptions::LINEAR);
                picture.texture
            }
            None => ctx.load_texture("map_picture", image, TextureOptions::LINEAR),
        };
        self.pictures.insert(0, Picture { place, texture });
    }

    /// Whether the last frame drew from the picture (for tests and benchmarks).
    pub fn drew_picture(&self) -> bool {
        self.drew_picture
    }

    /// The share of the map the last frame drew live, not from a picture (for tests).
    pub fn live_share(&self) -> f32 {
        self.live_share
    }

    /// Whether a picture is being made on a worker thread (for tests).
    pub fn making(&self) -> bool {
        self.pending.is_some()
    }

    /// How many pictures have been made, or started on a worker thread (for tests and
    /// benchmarks).
    pub fn pictures_made(&self) -> u64 {
        self.made
    }
}

/// Which of `kept` (the latest first) goes when `new` comes: the one whose zoom is nearest
/// another's, so that those kept span the zooms the view came through (a wheel turned far in
/// and back out finds one at every zoom on its way); of equals, the oldest. Never the widest.
fn most_alike(kept: &[Picture], new: &Placement) -> usize {
    let zoom = |p: &Placement| p.points_per_degree.ln();
    let widest = (0..kept.len()).min_by(|&a, &b| {
        kept[a]
            .place
            .points_per_degree
            .total_cmp(&kept[b].place.points_per_degree)
    });
    let nearest = |i: usize| {
        std::iter::once(new)
            .chain(
                kept.iter()
                    .enumerate()
                    .filter(|&(j, _)| j != i)
                    .map(|(_, p)| &p.place),
            )
            .map(|other| (zoom(other) - zoom(&kept[i].place)).abs())
            .fold(f64::INFINITY, f64::min)
    };
    (0..kept.len())
        .rev()
        .filter(|&i| Some(i) != widest || kept.len() == 1)
        .min_by(|&a, &b| nearest(a).total_cmp(&nearest(b)))
        .unwrap_or(kept.len() - 1)
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

/// The parts of `area` outside `rect` worth drawing: slivers under half a pixel (a clip rect
/// off the pixel grid) are not; the others reach a pixel under the picture, so that rounding
/// never leaves a gap.
fn strips(area: Rect, rect: Rect, pixels_per_point: f32) -> Vec<Rect> {
    let pixel = 1.0 / pixels_per_point;
    uncovered(area, rect)
        .into_iter()
        .filter(|r| r.width() >= pixel / 2.0 && r.height() >= pixel / 2.0)
        .map(|r| r.expand(pixel).intersect(area))
        .collect()
}

/// How much of `clip` the `rects` (within it, not overlapping) cover, as a share.
fn share(rects: &[Rect], clip: Rect) -> f32 {
    rects.iter().map(|r| r.area()).sum::<f32>() / clip.area().max(1.0)
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
        let anchor = projector.center_lonlat();
        let picture = Placement {
            key: Key {
                inputs: 1,
                pixels_per_point: 1.5,
            },
            points_per_degree: projector.points_per_degree(),
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

    #[test]
    fn zoomed_out_past_every_picture_the_nearest_zoom_covers_the_map_not_the_latest() {
        let ctx = egui::Context::default();
        let viewport = geo::Rect::new(Coord { x: 0.0, y: 0.0 }, Coord { x: 400.0, y: 300.0 });
        let bbox = geo::Rect::new(Coord { x: 112.0, y: 23.0 }, Coord { x: 113.0, y: 24.0 });
        let middle = Coord { x: 200.0, y: 150.0 };
        let key = Key {
            inputs: 1,
            pixels_per_point: 1.0,
        };
        // A picture of the whole view and a quarter beyond each side, as `capture` makes it.
        let picture_at = |projector: &Projector| {
            let anchor = projector.center_lonlat();
            Picture {
                place: Placement {
                    key,
                    points_per_degree: projector.points_per_degree(),
                    anchor,
                    made_at: to_pos2(projector.ui_from_lonlat(anchor)),
                    origin_px: [-100, -75],
                    size_px: [600, 450],
                },
                texture: ctx.load_texture(
                    "t",
                    ColorImage::new([1, 1], vec![Color32::WHITE]),
                    TextureOptions::LINEAR,
                ),
            }
        };
        let fitted = Projector::fit(bbox, viewport, 10.0);
        let mut zoomed_in = fitted;
        zoomed_in.zoom_around(middle, 8.0);
        let mut view = fitted;
        view.zoom_around(middle, 1.0 / 1.6);
        let mut map = MapPicture {
            // The latest made far in; the one of the fitted view before it.
            pictures: vec![picture_at(&zoomed_in), picture_at(&fitted)],
            ..MapPicture::default()
        };
        let clip = Rect::from_min_size(Pos2::ZERO, Vec2::new(400.0, 300.0));
        let wide = map.pictures[1].place.rect(&view, 1.0);
        assert!(
            !wide.contains_rect(clip),
            "no picture covers the view: {wide:?}"
        );

        // A sharp picture of this view coming: the latest stands in, shrunk to a patch.
        map.pending = Some(Pending {
            place: map.pictures[0].place,
            image: Arc::new(Mutex::new(None)),
            started: 0.0,
        });
        let layout = map.layout(clip, &key, &view, 1.0);
        let drawn: Vec<usize> = layout.drawn.iter().map(|(i, ..)| *i).collect();
        assert_eq!(drawn, [1], "the fitted view's picture alone covers the map");
        assert!(
            (share(&layout.gaps, clip) - (1.0 - wide.intersect(clip).area() / clip.area())).abs()
                < 0.02,
            "only what it does not reach is live: {:?}",
            layout.gaps
        );
    }

    #[test]
    fn the_pictures_kept_span_the_zooms_the_view_came_through() {
        let ctx = egui::Context::default();
        let at_zoom = |points_per_degree: f64| Placement {
            key: Key {
                inputs: 1,
                pixels_per_point: 1.0,
            },
            points_per_degree,
            anchor: Coord { x: 112.0, y: 23.0 },
            made_at: Pos2::ZERO,
            origin_px: [0, 0],
            size_px: [1, 1],
        };
        let kept = |zooms: &[f64]| -> Vec<Picture> {
            zooms
                .iter()
                .map(|&z| Picture {
                    place: at_zoom(z),
                    texture: ctx.load_texture(
                        "t",
                        ColorImage::new([1, 1], vec![Color32::WHITE]),
                        TextureOptions::LINEAR,
                    ),
                })
                .collect()
        };
        // Zoomed in from 100 to 6400, now back out at 800: the one at 800 made on the way in
        // goes, not the oldest (at 200), which covers the way further out.
        let pictures = kept(&[6400.0, 3200.0, 1600.0, 800.0, 400.0, 200.0, 100.0]);
        assert_eq!(most_alike(&pictures, &at_zoom(790.0)), 3);
        // Never the widest, however near another it is.
        assert_eq!(
            most_alike(&kept(&[3200.0, 101.0, 100.0]), &at_zoom(6400.0)),
            1
        );
        assert_eq!(
            most_alike(&kept(&[3200.0, 100.0, 101.0]), &at_zoom(6400.0)),
            2
        );
    }
}
