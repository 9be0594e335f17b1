//! A window's image kept from frame to frame and redrawn only where it changed.
//!
//! A software renderer that fills the whole window every frame spends most of the frame on
//! pixels that did not change: while the map is dragged the panels, charts and menus stand
//! still. So each frame's primitives are compared with the last frame's: the two lists are
//! matched in order (Myers' diff on a hash of each primitive, then checked exactly), and only
//! the pixels under primitives that appear in one list and not the other can differ. Within a
//! primitive that changed, only its triangles between the unchanged head and tail are counted
//! (a hovered button changes a few triangles of its panel's mesh). Those rectangles are drawn
//! again, everything in them in order, so the image is always what a full rendering would be.

use epaint::{ClippedPrimitive, Color32, Primitive, Rect, TextureId, Vertex};
use epaint::{
    Mesh,
    textures::{TextureWrapMode, TexturesDelta},
};
use image::RgbaImage;
use std::hash::{Hash, Hasher};

use crate::{TextureStore, rasterize_region};

/// A rectangle of pixels, `min` included and `max` not.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PixelRect {
    pub min: [u32; 2],
    pub max: [u32; 2],
}

impl PixelRect {
    pub fn width(self) -> u32 {
        self.max[0].saturating_sub(self.min[0])
    }

    pub fn height(self) -> u32 {
        self.max[1].saturating_sub(self.min[1])
    }

    fn area(self) -> u64 {
        u64::from(self.width()) * u64::from(self.height())
    }

    fn is_empty(self) -> bool {
        self.width() == 0 || self.height() == 0
    }

    fn union(self, other: Self) -> Self {
        Self {
            min: [self.min[0].min(other.min[0]), self.min[1].min(other.min[1])],
            max: [self.max[0].max(other.max[0]), self.max[1].max(other.max[1])],
        }
    }

    fn touches(self, other: Self) -> bool {
        self.min[0] <= other.max[0]
            && other.min[0] <= self.max[0]
            && self.min[1] <= other.max[1]
            && other.min[1] <= self.max[1]
    }
}

/// At most this many rectangles are drawn per frame: each one bins every triangle again, so
/// past a few a larger rectangle costs less than more of them.
const MAX_RECTS: usize = 4;

/// The image of a window, the textures it is drawn with, and the primitives it was last drawn
/// from.
pub struct Canvas {
    textures: TextureStore,
    image: RgbaImage,
    background: Color32,
    pixels_per_point: f32,
    last: Vec<ClippedPrimitive>,
    last_keys: Vec<u64>,
    /// Textures freed after the last frame was drawn.
    freed: Vec<TextureId>,
    /// The next frame is drawn whole (first frame, new size or scale).
    whole: bool,
}

impl Canvas {
    /// An empty canvas whose pixels, where nothing is drawn, are `background` (the colour a
    /// GPU renderer clears to).
    pub fn new(background: Color32) -> Self {
        Self {
            textures: TextureStore::new(),
            image: RgbaImage::new(0, 0),
            background,
            pixels_per_point: 1.0,
            last: Vec::new(),
            last_keys: Vec::new(),
            freed: Vec::new(),
            whole: true,
        }
    }

    /// The image as last painted: premultiplied RGBA, as [`crate::rasterize`] makes it.
    pub fn image(&self) -> &RgbaImage {
        &self.image
    }

    /// The next [`Canvas::paint`] draws everything (e.g. after the window was shown again).
    pub fn invalidate(&mut self) {
        self.whole = true;
    }

    /// Draws a frame: applies `textures` (frees after drawing, as egui means them) and empties
    /// it, finds what changed since the last frame and redraws that. Returns the rectangles
    /// redrawn, for the caller to present.
    pub fn paint(
        &mut self,
        primitives: Vec<ClippedPrimitive>,
        textures: &mut TexturesDelta,
        size_px: [u32; 2],
        pixels_per_point: f32,
    ) -> Vec<PixelRect> {
        // A texture freed after the last frame is gone now: what used it draws differently.
        let mut changed: Vec<(TextureId, Change)> = std::mem::take(&mut self.freed)
            .into_iter()
            .map(|id| (id, Change::Whole))
            .collect();
        for (id, deltas) in &textures.set {
            let known = self.textures.options(*id);
            let patches = deltas.iter().map(|d| match (d.pos, known) {
                // A patch of a clamped texture that keeps its options: only what samples it
                // changes (a new glyph in the font atlas goes where nothing is drawn from yet).
                // A repeating texture samples a patch from anywhere, so it all changes.
                (Some([x, y]), Some(options))
                    if options == d.options
                        && options.wrap_mode == TextureWrapMode::ClampToEdge =>
                {
                    Some([x, y, x + d.image.width(), y + d.image.height()])
                }
                _ => None,
            });
            let change = patches
                .collect::<Option<Vec<_>>>()
                .map_or(Change::Whole, Change::Texels);
            changed.push((*id, change));
        }
        self.textures.apply_set(textures);
        if [self.image.width(), self.image.height()] != size_px
            || self.pixels_per_point != pixels_per_point
        {
            self.image = RgbaImage::new(size_px[0], size_px[1]);
            self.pixels_per_point = pixels_per_point;
            self.whole = true;
        }
        let keys: Vec<u64> = primitives.iter().map(key).collect();
        let whole = PixelRect {
            min: [0, 0],
            max: size_px,
        };
        let rects = if self.whole {
            vec![whole]
        } else {
            self.changes(&primitives, &keys, &changed, whole)
        };
        for rect in &rects {
            self.draw(&primitives, *rect);
        }
        self.textures.apply_free(textures);
        self.freed = textures.free.iter().copied().collect();
        textures.clear();
        self.last = primitives;
        self.last_keys = keys;
        self.whole = false;
        rects
    }

    /// The rectangles whose pixels may differ between the last frame and this one.
    fn changes(
        &self,
        primitives: &[ClippedPrimitive],
        keys: &[u64],
        changed_textures: &[(TextureId, Change)],
        canvas: PixelRect,
    ) -> Vec<PixelRect> {
        let ppp = self.pixels_per_point;
        let mut rects = Vec::new();
        let mut add = |rect: Option<PixelRect>| {
            if let Some(rect) = rect.and_then(|r| clamp(r, canvas)) {
                rects.push(rect);
            }
        };
        // What samples a changed texture, in this frame and the last.
        for p in self.last.iter().chain(primitives) {
            match &p.primitive {
                Primitive::Mesh(mesh) => {
                    for (id, change) in changed_textures {
                        if *id != mesh.texture_id {
                            continue;
                        }
                        match change {
                            Change::Whole => add(bounds(p, ppp)),
                            Change::Texels(patches) => {
                                let size = self.textures.size(*id).unwrap_or([1, 1]);
                                add(sampling(p, mesh, size, patches, ppp));
                            }
                        }
                    }
                }
                Primitive::Callback(_) => add(bounds(p, ppp)),
            }
        }
        for op in similar::capture_diff_slices(similar::Algorithm::Myers, &self.last_keys, keys) {
            let (_, old, new) = op.as_tag_tuple();
            let (old, new) = (&self.last[old], &primitives[new]);
            if old.len() == new.len() {
                // Equal (by hash) or replaced one for one: compare each pair exactly, and for a
                // mesh that changed only the triangles that did.
                for (a, b) in old.iter().zip(new) {
                    if !same(a, b) {
                        for rect in changed_triangles(a, b, ppp) {
                            add(Some(rect));
                        }
                    }
                }
            } else {
                for p in old.iter().chain(new) {
                    add(bounds(p, ppp));
                }
            }
        }
        merge(rects)
    }

    fn draw(&mut self, primitives: &[ClippedPrimitive], rect: PixelRect) {
        rasterize_region(
            primitives,
            &self.textures,
            &mut self.image,
            [rect.min[0], rect.min[1], rect.max[0], rect.max[1]],
            self.pixels_per_point,
            self.background,
        );
    }
}

/// How a texture changed this frame.
enum Change {
    Whole,
    /// Only these texels (min x, min y, max x, max y; max not included).
    Texels(Vec<[usize; 4]>),
}

/// The bounds of the triangles of `mesh` that sample any of `patches` of its texture (of
/// `size` texels), one texel wider for bilinear filtering.
fn sampling(
    primitive: &ClippedPrimitive,
    mesh: &Mesh,
    size: [usize; 2],
    patches: &[[usize; 4]],
    ppp: f32,
) -> Option<PixelRect> {
    let (w, h) = (size[0] as f32, size[1] as f32);
    let mut rect = Rect::NOTHING;
    for t in mesh.indices.chunks_exact(3) {
        let vertices = [0, 1, 2].map(|k| mesh.vertices.get(t[k] as usize));
        let mut uv = Rect::NOTHING;
        for v in vertices.iter().flatten() {
            uv.extend_with(epaint::pos2(v.uv.x * w, v.uv.y * h));
        }
        // Clamped sampling reads the edge texels for coordinates beyond the texture.
        let uv = uv.expand(1.0);
        let uv = Rect::from_min_max(
            epaint::pos2(uv.min.x.clamp(0.0, w - 1.0), uv.min.y.clamp(0.0, h - 1.0)),
            epaint::pos2(uv.max.x.clamp(1.0, w), uv.max.y.clamp(1.0, h)),
        );
        let hit = patches.iter().any(|&[x0, y0, x1, y1]| {
            uv.max.x > x0 as f32
                && uv.min.x < x1 as f32
                && uv.max.y > y0 as f32
                && uv.min.y < y1 as f32
        });
        if hit {
            for v in vertices.iter().flatten() {
                rect.extend_with(v.pos);
            }
        }
    }
    to_pixels(rect.intersect(primitive.clip_rect), ppp)
}

/// A hash of everything a primitive draws with, to match the two frames' lists quickly.
fn key(primitive: &ClippedPrimitive) -> u64 {
    let mut hasher = rustc_hash::FxHasher::default();
    hash_rect(primitive.clip_rect, &mut hasher);
    match &primitive.primitive {
        Primitive::Mesh(mesh) => {
            mesh.texture_id.hash(&mut hasher);
            hasher.write(bytemuck::cast_slice(&mesh.indices));
            hasher.write(bytemuck::cast_slice(&mesh.vertices));
        }
        // A callback may draw anything: it never matches (and is never drawn here anyway).
        Primitive::Callback(_) => hasher.write_u8(0xff),
    }
    hasher.finish()
}

fn hash_rect(rect: Rect, hasher: &mut impl Hasher) {
    for v in [rect.min.x, rect.min.y, rect.max.x, rect.max.y] {
        hasher.write_u32(v.to_bits());
    }
}

fn same(a: &ClippedPrimitive, b: &ClippedPrimitive) -> bool {
    a.clip_rect == b.clip_rect
        && match (&a.primitive, &b.primitive) {
            (Primitive::Mesh(a), Primitive::Mesh(b)) => {
                a.texture_id == b.texture_id
                    && a.indices == b.indices
                    && bytemuck::cast_slice::<Vertex, u8>(&a.vertices)
                        == bytemuck::cast_slice::<Vertex, u8>(&b.vertices)
            }
            _ => false,
        }
}

/// Where a primitive can draw, in pixels: its vertices' bounds within its clip rect, one pixel
/// wider each way for rounding.
fn bounds(primitive: &ClippedPrimitive, ppp: f32) -> Option<PixelRect> {
    match &primitive.primitive {
        Primitive::Mesh(mesh) => {
            let mut rect = Rect::NOTHING;
            for &i in &mesh.indices {
                if let Some(v) = mesh.vertices.get(i as usize) {
                    rect.extend_with(v.pos);
                }
            }
            to_pixels(rect.intersect(primitive.clip_rect), ppp)
        }
        Primitive::Callback(_) => to_pixels(primitive.clip_rect, ppp),
    }
}

/// The bounds of the triangles two versions of one mesh do not share at their head and tail.
/// Triangles are drawn in order, so outside these bounds both versions draw the same.
fn changed_triangles(a: &ClippedPrimitive, b: &ClippedPrimitive, ppp: f32) -> Vec<PixelRect> {
    let (Primitive::Mesh(ma), Primitive::Mesh(mb)) = (&a.primitive, &b.primitive) else {
        return [bounds(a, ppp), bounds(b, ppp)]
            .into_iter()
            .flatten()
            .collect();
    };
    if a.clip_rect != b.clip_rect || ma.texture_id != mb.texture_id {
        return [bounds(a, ppp), bounds(b, ppp)]
            .into_iter()
            .flatten()
            .collect();
    }
    let ta = triangles(ma);
    let tb = triangles(mb);
    let head = ta.iter().zip(&tb).take_while(|(x, y)| x == y).count();
    let tail = ta[head..]
        .iter()
        .rev()
        .zip(tb[head..].iter().rev())
        .take_while(|(x, y)| x == y)
        .count();
    let mut rect = Rect::NOTHING;
    for tri in ta[head..ta.len() - tail]
        .iter()
        .chain(&tb[head..tb.len() - tail])
    {
        for v in tri.iter().flatten() {
            rect.extend_with(v.pos);
        }
    }
    to_pixels(rect.intersect(a.clip_rect), ppp)
        .into_iter()
        .collect()
}

/// A mesh's triangles as their vertices' bytes, comparable across meshes whose indices differ.
fn triangles(mesh: &Mesh) -> Vec<[Option<TriangleVertex>; 3]> {
    mesh.indices
        .chunks_exact(3)
        .map(|t| [0, 1, 2].map(|k| mesh.vertices.get(t[k] as usize).map(TriangleVertex::from)))
        .collect()
}

/// A vertex compared by its bits (so that NaN equals itself and the test stays exact).
#[derive(Clone, Copy)]
struct TriangleVertex {
    pos: epaint::Pos2,
    bits: [u32; 5],
}

impl From<&Vertex> for TriangleVertex {
    fn from(v: &Vertex) -> Self {
        Self {
            pos: v.pos,
            bits: [
                v.pos.x.to_bits(),
                v.pos.y.to_bits(),
                v.uv.x.to_bits(),
                v.uv.y.to_bits(),
                u32::from_le_bytes(v.color.to_array()),
            ],
        }
    }
}

impl PartialEq for TriangleVertex {
    fn eq(&self, other: &Self) -> bool {
        self.bits == other.bits
    }
}

fn to_pixels(rect: Rect, ppp: f32) -> Option<PixelRect> {
    if !(rect.min.x <= rect.max.x && rect.min.y <= rect.max.y) {
        return None;
    }
    let px = |v: f32, round: fn(f32) -> f32, pad: f32| round(v * ppp + pad).clamp(0.0, 1e9) as u32;
    Some(PixelRect {
        min: [
            px(rect.min.x, f32::floor, -1.0),
            px(rect.min.y, f32::floor, -1.0),
        ],
        max: [
            px(rect.max.x, f32::ceil, 1.0),
            px(rect.max.y, f32::ceil, 1.0),
        ],
    })
}

fn clamp(rect: PixelRect, canvas: PixelRect) -> Option<PixelRect> {
    let clamped = PixelRect {
        min: [
            rect.min[0].min(canvas.max[0]),
            rect.min[1].min(canvas.max[1]),
        ],
        max: [
            rect.max[0].min(canvas.max[0]),
            rect.max[1].min(canvas.max[1]),
        ],
    };
    (!clamped.is_empty()).then_some(clamped)
}

/// Joins rectangles that touch, then the pair that grows least, until at most [`MAX_RECTS`].
fn merge(mut rects: Vec<PixelRect>) -> Vec<PixelRect> {
    if rects.len() > 64 {
        // Joining many pairs costs more than it saves: one rectangle around them all.
        return rects
            .into_iter()
            .reduce(PixelRect::union)
            .into_iter()
            .collect();
    }
    let mut joined = true;
    while joined {
        joined = false;
        'outer: for i in 0..rects.len() {
            for j in i + 1..rects.len() {
                if rects[i].touches(rects[j]) {
                    rects[i] = rects[i].union(rects[j]);
                    rects.swap_remove(j);
                    joined = true;
                    break 'outer;
                }
            }
        }
    }
    while rects.len() > MAX_RECTS {
        let mut best = (0, 1, u64::MAX);
        for i in 0..rects.len() {
            for j in i + 1..rects.len() {
                let growth = rects[i]
                    .union(rects[j])
                    .area()
                    .saturating_sub(rects[i].area() + rects[j].area());
                if growth < best.2 {
                    best = (i, j, growth);
                }
            }
        }
        rects[best.0] = rects[best.0].union(rects[best.1]);
        rects.swap_remove(best.1);
    }
    rects
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rasterize;
    use epaint::textures::TextureOptions;
    use epaint::{ColorImage, ImageDelta, Pos2, pos2, vec2};

    const SIZE: [u32; 2] = [97, 61];
    const PPP: f32 = 1.5;

    fn rect_mesh(rects: &[(Rect, Color32)]) -> Mesh {
        let mut mesh = Mesh::default();
        for (rect, color) in rects {
            mesh.add_colored_rect(*rect, *color);
        }
        mesh
    }

    fn clipped(mesh: Mesh, clip: Rect) -> ClippedPrimitive {
        ClippedPrimitive {
            clip_rect: clip,
            primitive: Primitive::Mesh(mesh),
        }
    }

    fn everywhere() -> Rect {
        Rect::from_min_size(Pos2::ZERO, vec2(100.0, 100.0))
    }

    fn at(x: f32, y: f32, w: f32, h: f32) -> Rect {
        Rect::from_min_size(pos2(x, y), vec2(w, h))
    }

    /// Paints the frames one after another and checks each against a full rendering with the
    /// textures as they are then; returns the share of the canvas redrawn in the last frame.
    fn check(frames: Vec<(Vec<ClippedPrimitive>, TexturesDelta)>) -> f64 {
        let mut canvas = Canvas::new(Color32::TRANSPARENT);
        let mut store = TextureStore::new();
        let mut share = 1.0;
        for (index, (primitives, mut delta)) in frames.into_iter().enumerate() {
            store.apply_set(&delta);
            let full = rasterize(&primitives, &store, SIZE, PPP, Color32::TRANSPARENT);
            store.apply_free(&delta);
            let rects = canvas.paint(primitives, &mut delta, SIZE, PPP);
            assert!(
                canvas.image().as_raw() == full.as_raw(),
                "frame {index} redrawn in {rects:?} differs from the frame drawn whole"
            );
            share =
                rects.iter().map(|r| r.area() as f64).sum::<f64>() / f64::from(SIZE[0] * SIZE[1]);
        }
        share
    }

    fn no_textures() -> TexturesDelta {
        TexturesDelta::default()
    }

    #[test]
    fn a_moving_rect_redraws_only_where_it_was_and_is() {
        let background = || clipped(rect_mesh(&[(everywhere(), Color32::WHITE)]), everywhere());
        let frames = (0..6)
            .map(|i| {
                let moving = at(3.0 + 2.7 * i as f32, 5.0, 9.0, 7.0);
                let half = Color32::from_rgba_premultiplied(0, 0, 120, 120);
                (
                    vec![
                        background(),
                        clipped(rect_mesh(&[(moving, half)]), everywhere()),
                    ],
                    no_textures(),
                )
            })
            .collect();
        let share = check(frames);
        assert!(share < 0.1, "{share} of the canvas was redrawn");
    }

    #[test]
    fn a_changed_rect_inside_a_mesh_redraws_only_its_triangles() {
        let frames = [Color32::RED, Color32::GREEN]
            .into_iter()
            .map(|hovered| {
                let rects = [
                    (at(0.0, 0.0, 60.0, 40.0), Color32::GRAY),
                    (at(20.0, 10.0, 8.0, 6.0), hovered),
                    (at(40.0, 20.0, 10.0, 10.0), Color32::BLUE),
                ];
                (
                    vec![clipped(rect_mesh(&rects), everywhere())],
                    no_textures(),
                )
            })
            .collect();
        let share = check(frames);
        assert!(share < 0.05, "{share} of the canvas was redrawn");
    }

    #[test]
    fn inserted_removed_and_reordered_primitives_are_redrawn() {
        let a = || {
            clipped(
                rect_mesh(&[(at(5.0, 5.0, 30.0, 20.0), Color32::RED)]),
                everywhere(),
            )
        };
        let b = || {
            clipped(
                rect_mesh(&[(at(15.0, 10.0, 30.0, 20.0), Color32::BLUE)]),
                everywhere(),
            )
        };
        let c = || {
            clipped(
                rect_mesh(&[(at(40.0, 30.0, 9.0, 9.0), Color32::GREEN)]),
                at(0.0, 0.0, 44.0, 36.0),
            )
        };
        check(vec![
            (vec![a(), b()], no_textures()),
            (vec![a(), c(), b()], no_textures()),
            (vec![b(), c(), a()], no_textures()),
            (vec![b()], no_textures()),
            (vec![], no_textures()),
            (vec![c(), a()], no_textures()),
        ]);
    }

    #[test]
    fn a_changed_or_freed_texture_redraws_what_uses_it() {
        let id = TextureId::Managed(7);
        let image = |color| {
            let mut delta = TexturesDelta::default();
            delta.set.insert(
                id,
                [ImageDelta::full(
                    ColorImage::filled([4, 4], color),
                    TextureOptions::NEAREST,
                )]
                .into(),
            );
            delta
        };
        let textured = || {
            let mut mesh = Mesh::with_texture(id);
            mesh.add_rect_with_uv(
                at(10.0, 10.0, 20.0, 20.0),
                Rect::from_min_max(Pos2::ZERO, pos2(1.0, 1.0)),
                Color32::WHITE,
            );
            clipped(mesh, everywhere())
        };
        let mut freed = TexturesDelta::default();
        freed.free.insert(id);
        check(vec![
            (vec![textured()], image(Color32::RED)),
            (vec![textured()], image(Color32::YELLOW)),
            (vec![textured()], freed),
            (vec![textured()], no_textures()),
        ]);
        // A patch of texels: what samples them is redrawn, and only that.
        let atlas = || {
            let mut mesh = Mesh::with_texture(id);
            // Samples the texture's left half only.
            mesh.add_rect_with_uv(
                at(10.0, 10.0, 20.0, 20.0),
                Rect::from_min_max(Pos2::ZERO, pos2(0.25, 1.0)),
                Color32::WHITE,
            );
            clipped(mesh, everywhere())
        };
        let big = |color| {
            let mut delta = TexturesDelta::default();
            let image = ColorImage::filled([16, 4], color);
            delta
                .set
                .insert(id, [ImageDelta::full(image, TextureOptions::LINEAR)].into());
            delta
        };
        let patch = |x: usize, color| {
            let mut delta = TexturesDelta::default();
            let image = ColorImage::filled([2, 2], color);
            delta.set.insert(
                id,
                [ImageDelta::partial([x, 1], image, TextureOptions::LINEAR)].into(),
            );
            delta
        };
        let far = check(vec![
            (vec![atlas()], big(Color32::RED)),
            (vec![atlas()], patch(12, Color32::BLUE)),
        ]);
        assert_eq!(
            far, 0.0,
            "a patch nothing samples redrew {far} of the canvas"
        );
        let near = check(vec![
            (vec![atlas()], big(Color32::RED)),
            (vec![atlas()], patch(2, Color32::BLUE)),
        ]);
        assert!(near > 0.0);
        // UVs past the right edge read the last column when clamped: a patch there shows.
        let beyond = || {
            let mut mesh = Mesh::with_texture(id);
            mesh.add_rect_with_uv(
                at(10.0, 10.0, 20.0, 20.0),
                Rect::from_min_max(pos2(1.5, 0.0), pos2(2.0, 1.0)),
                Color32::WHITE,
            );
            clipped(mesh, everywhere())
        };
        let edge = check(vec![
            (vec![beyond()], big(Color32::RED)),
            (vec![beyond()], patch(14, Color32::BLUE)),
        ]);
        assert!(edge > 0.0, "a patch at the clamped edge was not redrawn");
        // A repeating texture samples a far patch too: the whole mesh is redrawn.
        let repeat = TextureOptions {
            wrap_mode: TextureWrapMode::Repeat,
            ..TextureOptions::LINEAR
        };
        let with = |mut delta: TexturesDelta| {
            for d in delta.set.values_mut().flat_map(|deltas| deltas.iter_mut()) {
                d.options = repeat;
            }
            delta
        };
        let repeated = check(vec![
            (vec![beyond()], with(big(Color32::RED))),
            (vec![beyond()], with(patch(2, Color32::BLUE))),
        ]);
        assert!(
            repeated > 0.0,
            "a patch of a repeating texture was not redrawn"
        );
    }

    #[test]
    fn a_new_size_or_scale_redraws_everything() {
        let mut canvas = Canvas::new(Color32::TRANSPARENT);
        let prims = || {
            vec![clipped(
                rect_mesh(&[(at(1.0, 1.0, 5.0, 5.0), Color32::RED)]),
                everywhere(),
            )]
        };
        canvas.paint(prims(), &mut no_textures(), SIZE, PPP);
        assert!(
            canvas
                .paint(prims(), &mut no_textures(), SIZE, PPP)
                .is_empty()
        );
        let full = PixelRect {
            min: [0, 0],
            max: [50, 40],
        };
        assert_eq!(
            canvas.paint(prims(), &mut no_textures(), [50, 40], PPP),
            [full]
        );
        assert_eq!(
            canvas.paint(prims(), &mut no_textures(), [50, 40], 2.0),
            [full]
        );
        canvas.invalidate();
        assert_eq!(
            canvas.paint(prims(), &mut no_textures(), [50, 40], 2.0),
            [full]
        );
    }

    #[test]
    fn many_rects_are_merged_to_a_few() {
        let rects: Vec<PixelRect> = (0..30)
            .map(|i| PixelRect {
                min: [i * 10, i * 3],
                max: [i * 10 + 4, i * 3 + 2],
            })
            .collect();
        let merged = merge(rects.clone());
        assert!(merged.len() <= MAX_RECTS);
        for r in rects {
            assert!(
                merged.iter().any(|m| m.union(r) == *m),
                "{r:?} is not covered"
            );
        }
    }
}
