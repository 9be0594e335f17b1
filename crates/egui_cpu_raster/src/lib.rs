//! A CPU rasterizer for egui's tessellated output, matching what egui-wgpu draws.
//!
//! Exporting through wgpu costs ~0.3 s per process (device creation, shader compilation,
//! readback), far more than running the UI and tessellating it. egui's tessellator already
//! anti-aliases by feathering (a rim of extra vertices with alpha 0), so plain triangle
//! rasterization with attributes interpolated at pixel centres and no multisampling reproduces
//! the GPU's picture. This crate does exactly that, following egui-wgpu 0.37's pipeline
//! (`renderer.rs` and `egui.wgsl`) into an `Rgba8Unorm` target, the format egui prefers and the
//! one egui_kittest renders into:
//!
//! - Vertex positions and clip rects are in points; both are scaled by `pixels_per_point`, and
//!   clip rects are rounded to whole pixels as egui-wgpu's `ScissorRect` does (an empty one skips
//!   its mesh).
//! - Coverage follows the Vulkan rules: sample at pixel centres, vertices snapped to 1/256 pixel
//!   (lavapipe's precision), top-left fill rule so that triangles sharing an edge never both
//!   draw a pixel on it, no culling.
//! - The fragment colour is the interpolated vertex colour times the texture sample, both in
//!   gamma (sRGB-encoded) space with premultiplied alpha, as `fs_main_gamma_framebuffer`
//!   computes it; it is rounded to 8 bits and blended "premultiplied over" with 8-bit
//!   arithmetic, as the framebuffer's unorm blending does. No dithering (kittest turns it off;
//!   exports should be reproducible).
//! - Textures are sampled like egui-wgpu's `predictable_texture_filtering` shader path: nearest
//!   or four-tap bilinear with texel centres at half-integers, and clamp/repeat/mirror wrapping.
//!   Minification or magnification is chosen per triangle from its texel-per-pixel scale, as the
//!   GPU's sampler does (textures have no mipmaps).
//!
//! For speed, the image is drawn in bands of 32 rows, each band by one thread from start to
//! finish so that it stays in cache while every triangle over it is drawn; row spans come from
//! the edge functions directly (one estimate and an exact integer check per edge and row); solid
//! fills are plain stores; and glyphs, which egui draws texel for pixel with texel centres on
//! pixel centres, are copied texel by texel instead of being filtered. A 2400×1400 chart frame
//! takes a few milliseconds, about half of it allocating the image.
//!
//! It mirrors egui-wgpu 0.37 and depends on epaint alone. The gate for every egui upgrade is the
//! application's `tests/raster.rs` (`cargo test --test raster`), which draws widgets, an
//! egui_plot, the project's chart and its whole window both with this crate and with egui-wgpu
//! on lavapipe, and compares the pixels; this crate's own tests cover the rules above one by one.
//!
//! Everything here is pure: no window, no GPU, no global state. Malformed input (indices out of
//! range, NaN, huge coordinates, empty clip rects, missing textures) is skipped or clipped, never
//! a panic.

mod canvas;

pub use canvas::{Canvas, PixelRect};

use std::collections::HashMap;
use std::num::NonZeroUsize;
use std::sync::{Arc, Mutex, PoisonError};
use std::thread;

use epaint::{
    ClippedPrimitive, Color32, ColorImage, ImageData, Rect, TextureId,
    textures::{TextureFilter, TextureOptions, TextureWrapMode, TexturesDelta},
};
use epaint::{Mesh, Primitive, Vertex};
use image::RgbaImage;

/// Textures as egui's renderer keeps them, kept up to date from each frame's [`TexturesDelta`].
#[derive(Default)]
pub struct TextureStore {
    textures: HashMap<TextureId, Texture>,
}

/// One texture: its texels (premultiplied sRGBA, as egui uploads them) and its sampler options.
struct Texture {
    /// Shared with the delta it came from until a partial update needs its own copy.
    image: Arc<ColorImage>,
    options: TextureOptions,
}

impl TextureStore {
    pub fn new() -> Self {
        Self::default()
    }

    /// Applies a frame's texture changes: whole images, patches at `pos`, then frees.
    ///
    /// Frees are applied at once, as egui_kittest does before it renders. egui means them to
    /// take effect after the frame is painted, so a caller that must honour that can paint
    /// between applying a delta with its `free` emptied and applying the frees.
    ///
    /// A delta whose texel count does not match its size, or a patch for a texture that does
    /// not exist, is ignored (egui-wgpu would panic on both).
    pub fn apply(&mut self, delta: &TexturesDelta) {
        self.apply_set(delta);
        self.apply_free(delta);
    }

    /// The first half of [`TextureStore::apply`]: new images and patches, no frees.
    pub fn apply_set(&mut self, delta: &TexturesDelta) {
        // The order across textures does not matter; within one texture it does, and each
        // texture's deltas are kept in order.
        for (id, deltas) in &delta.set {
            for image_delta in deltas {
                let ImageData::Color(image) = &image_delta.image;
                let [width, height] = image.size;
                if image.pixels.len() != width.saturating_mul(height) {
                    continue;
                }
                match image_delta.pos {
                    None => {
                        self.textures.insert(
                            *id,
                            Texture {
                                image: Arc::clone(image),
                                options: image_delta.options,
                            },
                        );
                    }
                    Some(pos) => {
                        if let Some(texture) = self.textures.get_mut(id) {
                            texture.options = image_delta.options;
                            copy_patch(Arc::make_mut(&mut texture.image), pos, image);
                        }
                    }
                }
            }
        }
    }

    /// The second half of [`TextureStore::apply`]: frees.
    pub fn apply_free(&mut self, delta: &TexturesDelta) {
        for id in &delta.free {
            self.textures.remove(id);
        }
    }

    /// A texture's size in texels, if it is known.
    pub fn size(&self, id: TextureId) -> Option<[usize; 2]> {
        self.textures.get(&id).map(|t| t.image.size)
    }

    /// How a texture is sampled, if it is known.
    pub fn options(&self, id: TextureId) -> Option<TextureOptions> {
        self.textures.get(&id).map(|t| t.options)
    }

    /// Whether a texture is known, for callers checking that every mesh can be drawn.
    pub fn contains(&self, id: TextureId) -> bool {
        self.textures.contains_key(&id)
    }
}

/// Writes `patch` into `target` with its top-left corner at `pos`, clipped to `target`.
fn copy_patch(target: &mut ColorImage, pos: [usize; 2], patch: &ColorImage) {
    let [target_w, target_h] = target.size;
    let [patch_w, patch_h] = patch.size;
    let width = patch_w.min(target_w.saturating_sub(pos[0]));
    let height = patch_h.min(target_h.saturating_sub(pos[1]));
    for row in 0..height {
        let from = row * patch_w;
        let to = (pos[1] + row) * target_w + pos[0];
        target.pixels[to..to + width].copy_from_slice(&patch.pixels[from..from + width]);
    }
}

/// Renders tessellated primitives into a premultiplied-alpha RGBA8 image of `size_px`, after
/// filling it with `background`.
///
/// `primitives` come from `egui::Context::tessellate` with the same `pixels_per_point`;
/// `textures` must hold every texture delta up to that frame. Meshes whose texture is missing
/// are skipped (egui-wgpu does the same); paint callbacks are skipped, as there is no GPU to
/// run them. Nothing farther than 2^18 pixels from the origin is drawn.
///
/// Use [`Color32::TRANSPARENT`] as the background to get exactly what egui-wgpu renders into a
/// cleared target.
///
/// The image is drawn in bands of rows, on as many threads as there are cores; the result does
/// not depend on how many.
pub fn rasterize(
    primitives: &[ClippedPrimitive],
    textures: &TextureStore,
    size_px: [u32; 2],
    pixels_per_point: f32,
    background: Color32,
) -> RgbaImage {
    rasterize_part(
        primitives,
        textures,
        [0, 0],
        size_px,
        pixels_per_point,
        background,
    )
}

/// Like [`rasterize`], for the part of the canvas whose top-left pixel is `origin_px`: pixel
/// (x, y) of the image is pixel `origin_px + (x, y)` of a full rendering, exactly.
pub fn rasterize_part(
    primitives: &[ClippedPrimitive],
    textures: &TextureStore,
    origin_px: [i32; 2],
    size_px: [u32; 2],
    pixels_per_point: f32,
    background: Color32,
) -> RgbaImage {
    let [width, height] = size_px;
    let mut image = RgbaImage::new(width, height);
    if width == 0 || height == 0 {
        return image;
    }
    let scene = Scene::new(
        primitives,
        textures,
        origin_px,
        size_px,
        pixels_per_point,
        None,
    );
    let background = background.to_array();
    let band_len = BAND_ROWS * width as usize;
    let (pixels, _) = image.as_chunks_mut::<4>();
    let band_count = pixels.len().div_ceil(band_len);
    let bands = Mutex::new(pixels.chunks_mut(band_len).enumerate());
    let work = || {
        loop {
            let next = bands.lock().unwrap_or_else(PoisonError::into_inner).next();
            let Some((index, band)) = next else {
                break;
            };
            band.fill(background);
            scene.draw_band(index, band);
        }
    };
    run_on_cores(band_count, work);
    image
}

/// Draws again the pixels of `image` (a full rendering's size) inside `region` (min x, min y,
/// max x, max y; max not included), exactly as [`rasterize`] would draw them, leaving the rest
/// as it is: what a window redrawn in part needs.
pub fn rasterize_region(
    primitives: &[ClippedPrimitive],
    textures: &TextureStore,
    image: &mut RgbaImage,
    region: [u32; 4],
    pixels_per_point: f32,
    background: Color32,
) {
    let size_px = [image.width(), image.height()];
    let [x0, y0] = [region[0].min(size_px[0]), region[1].min(size_px[1])];
    let [x1, y1] = [
        region[2].clamp(x0, size_px[0]),
        region[3].clamp(y0, size_px[1]),
    ];
    if x0 == x1 || y0 == y1 {
        return;
    }
    let limit = Scissor {
        x0: i64::from(x0),
        y0: i64::from(y0),
        x1: i64::from(x1),
        y1: i64::from(y1),
    };
    let scene = Scene::new(
        primitives,
        textures,
        [0, 0],
        size_px,
        pixels_per_point,
        Some(&limit),
    );
    let width = size_px[0] as usize;
    let background = background.to_array();
    let band_len = BAND_ROWS * width;
    let (pixels, _) = image.as_chunks_mut::<4>();
    let first_band = y0 as usize / BAND_ROWS;
    let bands = pixels
        .chunks_mut(band_len)
        .enumerate()
        .skip(first_band)
        .take((y1 as usize - 1) / BAND_ROWS + 1 - first_band);
    let band_count = bands.len();
    let bands = Mutex::new(bands);
    let work = || {
        loop {
            let next = bands.lock().unwrap_or_else(PoisonError::into_inner).next();
            let Some((index, band)) = next else {
                break;
            };
            let top = index * BAND_ROWS;
            for (row, pixels) in band.chunks_mut(width).enumerate() {
                if (y0 as usize..y1 as usize).contains(&(top + row)) {
                    pixels[x0 as usize..x1 as usize].fill(background);
                }
            }
            scene.draw_band(index, band);
        }
    };
    run_on_cores(band_count, work);
}

/// Runs `work` on this thread and helpers, one per core up to `tasks`.
fn run_on_cores(tasks: usize, work: impl Fn() + Sync) {
    let helpers = thread::available_parallelism()
        .map_or(1, NonZeroUsize::get)
        .min(tasks)
        .saturating_sub(1);
    thread::scope(|scope| {
        for _ in 0..helpers {
            // A helper that cannot be started leaves its share to the others, this thread
            // included.
            let _ = thread::Builder::new().spawn_scoped(scope, &work);
        }
        work();
    });
}

/// Rows per band. Each band is drawn by one thread from start to finish, every triangle over
/// it in order, so that it stays in cache (2400 pixels × 32 rows = 300 KiB) instead of every
/// full-width fill going out to memory.
const BAND_ROWS: usize = 32;

/// Sub-pixel precision of vertex positions: 8 bits, as lavapipe (llvmpipe) snaps them.
const SUBPIXEL_BITS: u32 = 8;
const SUBPIXEL: i64 = 1 << SUBPIXEL_BITS;
const HALF_PIXEL: i64 = SUBPIXEL / 2;

/// How far from the origin (in pixels) anything is drawn. Triangles reaching farther are first
/// clipped, so that the fixed-point edge functions cannot overflow `i64`: coordinates stay
/// within ±2^26 sub-pixel units, so each product of two differences stays under 2^55.
const GUARD_PX: f32 = (1 << 18) as f32;

/// The meshes to draw, and which triangles lie over each band.
///
/// Triangles are only binned here; each band sets up the ones over it when it draws them, so
/// that setting up is shared between the threads too and nothing per triangle is stored.
/// (Most triangles are small: a whole window frame sets up about 1.1 triangles per triangle.)
struct Scene<'a> {
    meshes: Vec<MeshJob<'a>>,
    /// For each band, the triangles over it in drawing order, as (mesh, triangle) indices.
    bins: Vec<Vec<[u32; 2]>>,
    width: usize,
    pixels_per_point: f32,
    /// The canvas pixel at the image's top-left corner, subtracted from every position.
    origin: [f32; 2],
}

/// A mesh with its clip rect in pixels and its texture.
struct MeshJob<'a> {
    mesh: &'a Mesh,
    scissor: Scissor,
    sampler: Sampler<'a>,
}

impl<'a> Scene<'a> {
    fn new(
        primitives: &'a [ClippedPrimitive],
        textures: &'a TextureStore,
        origin_px: [i32; 2],
        size_px: [u32; 2],
        pixels_per_point: f32,
        limit: Option<&Scissor>,
    ) -> Self {
        let band_count = (size_px[1] as usize).div_ceil(BAND_ROWS);
        let mut scene = Self {
            meshes: Vec::new(),
            bins: vec![Vec::new(); band_count],
            width: size_px[0] as usize,
            pixels_per_point,
            origin: origin_px.map(|c| c as f32),
        };
        for primitive in primitives {
            let Primitive::Mesh(mesh) = &primitive.primitive else {
                continue;
            };
            let mut scissor =
                Scissor::new(primitive.clip_rect, pixels_per_point, origin_px, size_px);
            if let Some(limit) = limit {
                scissor = scissor.intersect(limit);
            }
            if scissor.is_empty() {
                continue;
            }
            let texture = textures.textures.get(&mesh.texture_id);
            let Some(sampler) = texture.and_then(Sampler::new) else {
                continue;
            };
            let Ok(job) = u32::try_from(scene.meshes.len()) else {
                break;
            };
            for triangle in 0..mesh.indices.len() / 3 {
                let Ok(triangle_index) = u32::try_from(triangle) else {
                    break;
                };
                let Some((_, positions)) = corners(mesh, triangle, pixels_per_point, scene.origin)
                else {
                    continue;
                };
                // Rows whose centres the triangle may cover, a row wider each way than its
                // corners before snapping say.
                let ys = positions.map(|p| p[1]);
                let top = floor_i32(ys[0].min(ys[1]).min(ys[2]) - 0.5);
                let bottom = floor_i32(ys[0].max(ys[1]).max(ys[2]) - 0.5) + 1;
                let top = i64::from(top).max(scissor.y0);
                let bottom = i64::from(bottom).min(scissor.y1 - 1);
                if top > bottom {
                    continue;
                }
                let first_band = top as usize / BAND_ROWS;
                let last_band = bottom as usize / BAND_ROWS;
                for bin in scene.bins.iter_mut().take(last_band + 1).skip(first_band) {
                    bin.push([job, triangle_index]);
                }
            }
            scene.meshes.push(MeshJob {
                mesh,
                scissor,
                sampler,
            });
        }
        scene
    }

    /// Draws every triangle over band `index` into `band`, its pixels.
    fn draw_band(&self, index: usize, band: &mut [[u8; 4]]) {
        let Some(bin) = self.bins.get(index) else {
            return;
        };
        let top = (index * BAND_ROWS) as i64;
        let rows = (band.len() / self.width.max(1)) as i64;
        let mut target = Band {
            pixels: band,
            top,
            width: self.width,
        };
        for &[job, triangle] in bin {
            let Some(job) = self.meshes.get(job as usize) else {
                continue;
            };
            let Some((vertices, positions)) = corners(
                job.mesh,
                triangle as usize,
                self.pixels_per_point,
                self.origin,
            ) else {
                continue;
            };
            let scissor = Scissor {
                y0: job.scissor.y0.max(top),
                y1: job.scissor.y1.min(top + rows),
                ..job.scissor
            };
            draw_triangle(&mut target, &scissor, &job.sampler, vertices, positions);
        }
    }
}

/// The pixels of one band of rows.
struct Band<'a> {
    pixels: &'a mut [[u8; 4]],
    /// The image row of its first row.
    top: i64,
    width: usize,
}

/// Triangle `triangle` of a mesh: its vertices and their positions in pixels, if its indices
/// are valid and its positions finite.
#[inline]
fn corners(
    mesh: &Mesh,
    triangle: usize,
    pixels_per_point: f32,
    origin: [f32; 2],
) -> Option<([&Vertex; 3], [[f32; 2]; 3])> {
    let indices = mesh.indices.get(3 * triangle..3 * triangle + 3)?;
    let vertex = |k: usize| mesh.vertices.get(indices[k] as usize);
    let vertices = [vertex(0)?, vertex(1)?, vertex(2)?];
    // Subtracting a whole number of pixels is exact, so a part matches the whole rendering.
    let positions = vertices.map(|v| {
        [
            v.pos.x * pixels_per_point - origin[0],
            v.pos.y * pixels_per_point - origin[1],
        ]
    });
    let finite = positions.iter().flatten().all(|c| c.is_finite());
    finite.then_some((vertices, positions))
}

/// Draws a triangle (`vertices` at `positions`, in pixels) into the part of `band` inside
/// `scissor`.
fn draw_triangle(
    band: &mut Band<'_>,
    scissor: &Scissor,
    sampler: &Sampler<'_>,
    vertices: [&Vertex; 3],
    positions: [[f32; 2]; 3],
) {
    if scissor.is_empty() {
        return;
    }
    if positions.iter().flatten().all(|c| c.abs() <= GUARD_PX) {
        draw_piece(
            band,
            scissor,
            sampler,
            vertices,
            positions,
            positions.map(snap),
        );
    } else {
        // Clip to the clip rect plus a pixel: the new edges lie outside every pixel centre
        // drawn, and interpolation still uses the original corners, so only coverage changes.
        let polygon = clip_polygon(positions, scissor);
        for k in 1..polygon.len().saturating_sub(1) {
            let corners = [polygon[0], polygon[k], polygon[k + 1]];
            draw_piece(
                band,
                scissor,
                sampler,
                vertices,
                positions,
                corners.map(snap),
            );
        }
    }
}

/// Draws the part of a triangle (`vertices` at `positions`, in pixels) covered by `corners`, in
/// sub-pixel units.
fn draw_piece(
    band: &mut Band<'_>,
    scissor: &Scissor,
    sampler: &Sampler<'_>,
    vertices: [&Vertex; 3],
    positions: [[f32; 2]; 3],
    corners: [[i64; 2]; 3],
) {
    let Some(coverage) = Coverage::new(corners, scissor) else {
        return;
    };
    let Some(shading) = Shading::new(vertices, positions, sampler, &coverage) else {
        return;
    };
    for y in coverage.y_lo..=coverage.y_hi {
        if let Some((x0, x1)) = coverage.span(y) {
            let start = (y - band.top) as usize * band.width;
            let pixels = &mut band.pixels[start + x0 as usize..start + x1 as usize];
            shading.shade(pixels, [x0, y], &coverage, sampler);
        }
    }
}

/// A position in pixels as fixed-point sub-pixel units, rounded to nearest (without a libm
/// call: the coordinate is within the guard band).
#[inline]
fn snap(p: [f32; 2]) -> [i64; 2] {
    p.map(|c| {
        let scaled = c * SUBPIXEL as f32;
        let whole = scaled as i64;
        let fraction = scaled - whole as f32;
        whole + i64::from(fraction >= 0.5) - i64::from(fraction <= -0.5)
    })
}

/// A clip rect in whole pixels, `x0..x1` × `y0..y1`, inside the image.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Scissor {
    x0: i64,
    y0: i64,
    x1: i64,
    y1: i64,
}

impl Scissor {
    /// Rounds a clip rect in points to pixels exactly as egui-wgpu's `ScissorRect::new` does:
    /// round each side, saturate to `u32` (negatives and NaN become 0), clamp to the target;
    /// then moves it by `-origin_px` for an image of part of the target.
    fn new(clip_rect: Rect, pixels_per_point: f32, origin_px: [i32; 2], size_px: [u32; 2]) -> Self {
        // In i64, not u32 as egui-wgpu: a part may begin left of or above the target (a map
        // picture's overscan), and what lies there must be drawn. Clamped below to the image,
        // a whole target's scissor is egui-wgpu's.
        let px = |points: f32, origin: i32| {
            ((pixels_per_point * points).round() as i64) - i64::from(origin)
        };
        let [w, h] = size_px.map(i64::from);
        let x0 = px(clip_rect.min.x, origin_px[0]).clamp(0, w);
        let y0 = px(clip_rect.min.y, origin_px[1]).clamp(0, h);
        let x1 = px(clip_rect.max.x, origin_px[0]).clamp(x0, w);
        let y1 = px(clip_rect.max.y, origin_px[1]).clamp(y0, h);
        let guard = GUARD_PX as i64;
        Self {
            x0: x0.min(guard),
            y0: y0.min(guard),
            x1: x1.min(guard),
            y1: y1.min(guard),
        }
    }

    fn is_empty(&self) -> bool {
        self.x0 >= self.x1 || self.y0 >= self.y1
    }

    fn intersect(&self, other: &Self) -> Self {
        Self {
            x0: self.x0.max(other.x0),
            y0: self.y0.max(other.y0),
            x1: self.x1.min(other.x1),
            y1: self.y1.min(other.y1),
        }
    }
}

/// Which pixels a triangle covers: its pixel bounding box within the scissor, and its three
/// edge functions for finding each row's span.
struct Coverage {
    edges: [Edge; 3],
    /// The first pixel of the bounding box before the scissor: where attributes are
    /// interpolated from, so that a pixel's value does not depend on what clips the triangle
    /// (a band, a part of the window redrawn alone).
    first: [i64; 2],
    /// The bounding box's size in pixels before the scissor, less one.
    extent: [i64; 2],
    x_lo: i64,
    x_hi: i64,
    y_lo: i64,
    y_hi: i64,
}

/// An edge function at pixel centres: `E(x, y) = per_row y + constant + step x`, positive
/// inside the triangle, biased so that `E >= 0` applies the top-left rule.
struct Edge {
    per_row: i64,
    constant: i64,
    step: i64,
    /// `1 / |step|`, for estimating where a row crosses the edge without dividing.
    inverse_step: f64,
}

impl Coverage {
    /// `None` if the triangle has no area or covers no pixel centre inside the scissor.
    fn new(corners: [[i64; 2]; 3], scissor: &Scissor) -> Option<Self> {
        let [a, b, c] = corners;
        let area = (b[0] - a[0]) * (c[1] - a[1]) - (b[1] - a[1]) * (c[0] - a[0]);
        if area == 0 {
            return None;
        }
        // Orient the corners so that inside is where every edge function is positive.
        let corners = if area > 0 { [a, b, c] } else { [a, c, b] };

        // Pixels whose centre lies within the bounding box, inside the scissor.
        let min = |axis: usize| a[axis].min(b[axis]).min(c[axis]);
        let max = |axis: usize| a[axis].max(b[axis]).max(c[axis]);
        let first = [0, 1].map(|axis| ceil_div(min(axis) - HALF_PIXEL, SUBPIXEL));
        let last = [0, 1].map(|axis| floor_div(max(axis) - HALF_PIXEL, SUBPIXEL));
        let x_lo = first[0].max(scissor.x0);
        let x_hi = last[0].min(scissor.x1 - 1);
        let y_lo = first[1].max(scissor.y0);
        let y_hi = last[1].min(scissor.y1 - 1);
        if x_lo > x_hi || y_lo > y_hi {
            return None;
        }

        // Edge k from corner k to corner k+1 has the edge function
        //   E(P) = dx (P.y - from.y) - dy (P.x - from.x),
        // positive inside. At the centre of pixel (x, y), P = 256 (x, y) + 128, so
        //   E = 256 dx y + dx (128 - from.y) + dy (from.x - 128) - 256 dy x.
        // Pixels exactly on an edge belong to the triangle only if the edge is a top edge
        // (horizontal, inside below it) or a left edge (going up, since y points down); the
        // bias of -1 excludes them from the others.
        let edge = |k: usize| {
            let from = corners[k];
            let to = corners[(k + 1) % 3];
            let dx = to[0] - from[0];
            let dy = to[1] - from[1];
            let top_left = dy < 0 || (dy == 0 && dx > 0);
            let step = -dy * SUBPIXEL;
            Edge {
                per_row: dx * SUBPIXEL,
                constant: dx * (HALF_PIXEL - from[1])
                    + dy * (from[0] - HALF_PIXEL)
                    + if top_left { 0 } else { -1 },
                step,
                inverse_step: if step == 0 {
                    0.0
                } else {
                    1.0 / (step.abs() as f64)
                },
            }
        };
        Some(Self {
            edges: [edge(0), edge(1), edge(2)],
            first,
            extent: [last[0] - first[0], last[1] - first[1]],
            x_lo,
            x_hi,
            y_lo,
            y_hi,
        })
    }

    /// The pixels `x0..x1` of row `y` whose centres are inside, if any.
    #[inline]
    fn span(&self, y: i64) -> Option<(i64, i64)> {
        let mut lo = self.x_lo;
        let mut hi = self.x_hi;
        for edge in &self.edges {
            let row = edge.per_row * y + edge.constant;
            let inside = |x: i64| row + edge.step * x >= 0;
            if edge.step > 0 {
                // Inside from some x on: estimate where, then settle it exactly.
                let estimate = -(row as f64) * edge.inverse_step;
                let mut x = estimate.clamp(lo as f64, (hi + 1) as f64) as i64;
                while x > lo && inside(x - 1) {
                    x -= 1;
                }
                while x <= hi && !inside(x) {
                    x += 1;
                }
                lo = x;
            } else if edge.step < 0 {
                // Inside up to some x.
                let estimate = row as f64 * edge.inverse_step;
                let mut x = estimate.clamp((lo - 1) as f64, hi as f64) as i64;
                while x < hi && inside(x + 1) {
                    x += 1;
                }
                while x >= lo && !inside(x) {
                    x -= 1;
                }
                hi = x;
            } else if row < 0 {
                return None;
            }
            if lo > hi {
                return None;
            }
        }
        Some((lo, hi + 1))
    }
}

/// floor(a / b) for b > 0.
fn floor_div(a: i64, b: i64) -> i64 {
    a.div_euclid(b)
}

/// ceil(a / b) for b > 0.
fn ceil_div(a: i64, b: i64) -> i64 {
    -(-a).div_euclid(b)
}

/// Clips a triangle (pixels) to the scissor grown by one pixel (Sutherland–Hodgman), giving a
/// convex polygon of at most 7 corners, empty if nothing is left.
fn clip_polygon(triangle: [[f32; 2]; 3], scissor: &Scissor) -> Vec<[f32; 2]> {
    let bounds = [
        (0, scissor.x0 as f64 - 1.0, true),
        (0, scissor.x1 as f64 + 1.0, false),
        (1, scissor.y0 as f64 - 1.0, true),
        (1, scissor.y1 as f64 + 1.0, false),
    ];
    let mut polygon: Vec<[f64; 2]> = triangle.iter().map(|p| p.map(f64::from)).collect();
    for (axis, limit, keep_above) in bounds {
        let inside = |p: &[f64; 2]| {
            if keep_above {
                p[axis] >= limit
            } else {
                p[axis] <= limit
            }
        };
        let mut clipped = Vec::with_capacity(polygon.len() + 1);
        for (k, current) in polygon.iter().enumerate() {
            let previous = polygon[(k + polygon.len() - 1) % polygon.len()];
            if inside(current) != inside(&previous) {
                let t = (limit - previous[axis]) / (current[axis] - previous[axis]);
                let mut point = [
                    previous[0] + t * (current[0] - previous[0]),
                    previous[1] + t * (current[1] - previous[1]),
                ];
                // Exactly on the boundary: computed, far corners would cancel to garbage.
                point[axis] = limit;
                clipped.push(point);
            }
            if inside(current) {
                clipped.push(*current);
            }
        }
        polygon = clipped;
        if polygon.is_empty() {
            break;
        }
    }
    polygon.iter().map(|p| p.map(|c| c as f32)).collect()
}

/// A texture ready for sampling.
struct Sampler<'a> {
    texels: &'a [Color32],
    width: i32,
    height: i32,
    options: TextureOptions,
}

impl<'a> Sampler<'a> {
    /// `None` for an empty or absurdly large texture, which cannot be sampled.
    fn new(texture: &'a Texture) -> Option<Self> {
        let [width, height] = texture.image.size;
        if texture.image.pixels.len() != width.checked_mul(height)? {
            return None;
        }
        let width = i32::try_from(width)
            .ok()
            .filter(|w| (1..1 << 24).contains(w))?;
        let height = i32::try_from(height)
            .ok()
            .filter(|h| (1..1 << 24).contains(h))?;
        Some(Self {
            texels: &texture.image.pixels,
            width,
            height,
            options: texture.options,
        })
    }

    /// The texel at integer coordinates after wrapping, as `0.0..=1.0` per channel.
    #[inline(always)]
    fn load(&self, x: i32, y: i32) -> [f32; 4] {
        let x = wrap(x, self.width, self.options.wrap_mode);
        let y = wrap(y, self.height, self.options.wrap_mode);
        // In range: wrapping keeps x and y inside the texture, whose texel count is checked.
        let texel = self.texels[y as usize * self.width as usize + x as usize];
        texel.to_array().map(|c| f32::from(c) * (1.0 / 255.0))
    }

    /// Samples at texel coordinates (normalized UV times the texture size), as `egui.wgsl`'s
    /// `sample_texture` does with predictable filtering.
    #[inline(always)]
    fn sample(&self, x: f32, y: f32, filter: TextureFilter) -> [f32; 4] {
        match filter {
            TextureFilter::Nearest => self.load(floor_i32(x), floor_i32(y)),
            TextureFilter::Linear => {
                let (x, y) = (x - 0.5, y - 0.5);
                let (x0, y0) = (floor_i32(x), floor_i32(y));
                let (fx, fy) = (x - x0 as f32, y - y0 as f32);
                let top_left = self.load(x0, y0);
                let top_right = self.load(x0 + 1, y0);
                let bottom_left = self.load(x0, y0 + 1);
                let bottom_right = self.load(x0 + 1, y0 + 1);
                std::array::from_fn(|c| {
                    let top = mix(top_left[c], top_right[c], fx);
                    let bottom = mix(bottom_left[c], bottom_right[c], fx);
                    mix(top, bottom, fy)
                })
            }
        }
    }
}

/// WGSL's `mix`.
#[inline(always)]
fn mix(a: f32, b: f32, t: f32) -> f32 {
    a * (1.0 - t) + b * t
}

/// floor(x) as `i32`, kept far from overflow (NaN becomes 0), without a libm call.
#[inline(always)]
fn floor_i32(x: f32) -> i32 {
    let x = x.clamp(-1.0e9, 1.0e9);
    let truncated = x as i32;
    truncated - i32::from((truncated as f32) > x)
}

/// `egui.wgsl`'s `wrap_texel_coord` for one axis.
#[inline(always)]
fn wrap(coord: i32, size: i32, mode: TextureWrapMode) -> i32 {
    match mode {
        TextureWrapMode::ClampToEdge => coord.clamp(0, size - 1),
        TextureWrapMode::Repeat => coord.rem_euclid(size),
        TextureWrapMode::MirroredRepeat => {
            let phase = coord.rem_euclid(2 * size);
            phase.min(2 * size - 1 - phase)
        }
    }
}

/// How a triangle's pixels get their colour.
enum Shading {
    /// One opaque colour: the same vertex colour and texture coordinate at all three corners,
    /// which is how egui fills solid shapes (with its white texel).
    Opaque([u8; 4]),
    /// One colour, blended.
    Translucent([u8; 4]),
    /// The vertex colour varies but the texture coordinate does not (feathered edges,
    /// gradients): the texture is sampled once.
    Smooth { color: Plane<4>, texel: [f32; 4] },
    /// Texels one to one onto pixels, texel centres on pixel centres, inside the texture: how
    /// egui draws glyphs. Either filter then gives exactly one texel per pixel; `texel` is the
    /// one under the bounding box's top-left pixel.
    Aligned { color: Plane<4>, texel: [i32; 2] },
    /// Anything else (images, scaled or rotated text).
    Textured {
        color: Plane<4>,
        uv: Plane<2>,
        filter: TextureFilter,
    },
}

impl Shading {
    /// `None` if the triangle cannot change any pixel.
    fn new(
        vertices: [&Vertex; 3],
        positions: [[f32; 2]; 3],
        sampler: &Sampler<'_>,
        coverage: &Coverage,
    ) -> Option<Self> {
        let [a, b, c] = vertices;
        let origin = coverage.first;
        let texel_uv = |v: &Vertex| {
            [
                v.uv.x * sampler.width as f32,
                v.uv.y * sampler.height as f32,
            ]
        };
        let colors = vertices.map(|v| v.color.to_array().map(f32::from));
        // Compared as floats, not `Pos2`, whose `==` rejects NaN in debug builds.
        let uv = |v: &Vertex| [v.uv.x, v.uv.y];
        if uv(a) == uv(b) && uv(a) == uv(c) {
            let [x, y] = texel_uv(a);
            // No change in texture coordinates means magnification, as on the GPU.
            let texel = sampler.sample(x, y, sampler.options.magnification);
            if texel == [0.0; 4] {
                return None;
            }
            if a.color == b.color && a.color == c.color {
                let src: [u8; 4] = std::array::from_fn(|k| to_u8(colors[0][k] * texel[k]));
                return match src {
                    [0, 0, 0, 0] => None,
                    [_, _, _, 255] => Some(Self::Opaque(src)),
                    _ => Some(Self::Translucent(src)),
                };
            }
            let color = Plane::new(positions, colors.map(|c| c.map(|v| v / 255.0)), origin)?;
            return Some(Self::Smooth { color, texel });
        }
        let color = Plane::new(positions, colors.map(|c| c.map(|v| v / 255.0)), origin)?;
        let uv = Plane::new(positions, vertices.map(texel_uv), origin)?;
        if let Some(texel) = aligned_texel(&uv, coverage, sampler) {
            return Some(Self::Aligned { color, texel });
        }
        // The GPU picks the minification filter when a pixel spans more than one texel.
        let scale_x = uv.dx[0] * uv.dx[0] + uv.dx[1] * uv.dx[1];
        let scale_y = uv.dy[0] * uv.dy[0] + uv.dy[1] * uv.dy[1];
        let filter = if scale_x.max(scale_y) > 1.0 {
            sampler.options.minification
        } else {
            sampler.options.magnification
        };
        Some(Self::Textured { color, uv, filter })
    }

    /// Shades `pixels`, the pixels from `start` = (x, y) along a row.
    #[inline(always)]
    fn shade(
        &self,
        pixels: &mut [[u8; 4]],
        start: [i64; 2],
        coverage: &Coverage,
        sampler: &Sampler<'_>,
    ) {
        let origin = coverage.first;
        match self {
            Self::Opaque(src) => fill(pixels, *src),
            Self::Translucent(src) => blend_span(pixels, *src),
            Self::Smooth { color, texel } => {
                let (first, step, offset) = color.along_row(start, origin);
                for (k, dst) in pixels.iter_mut().enumerate() {
                    let k = offset + k as f32;
                    let src =
                        std::array::from_fn(|c| to_u8((first[c] + step[c] * k) * texel[c] * 255.0));
                    blend_any(dst, src);
                }
            }
            Self::Aligned { color, texel } => {
                let (first, step, offset) = color.along_row(start, origin);
                let x = texel[0] as i64 + (start[0] - origin[0]);
                let y = texel[1] as i64 + (start[1] - origin[1]);
                let row_start = (y * i64::from(sampler.width) + x) as usize;
                let Some(texels) = sampler.texels.get(row_start..row_start + pixels.len()) else {
                    return;
                };
                if step == [0.0; 4] && first == [1.0; 4] {
                    blend_texels(pixels, texels);
                    return;
                }
                for (k, (dst, texel)) in pixels.iter_mut().zip(texels).enumerate() {
                    if *texel == Color32::TRANSPARENT {
                        continue;
                    }
                    let texel = texel.to_array();
                    let k = offset + k as f32;
                    let src = std::array::from_fn(|c| {
                        to_u8((first[c] + step[c] * k) * f32::from(texel[c]))
                    });
                    blend_any(dst, src);
                }
            }
            Self::Textured { color, uv, filter } => {
                let (color_first, color_step, offset) = color.along_row(start, origin);
                let (uv_first, uv_step, _) = uv.along_row(start, origin);
                if *filter == TextureFilter::Linear && uv_step[1] == 0.0 && color_step == [0.0; 4] {
                    shade_scaled_row(pixels, offset, color_first, uv_first, uv_step[0], sampler);
                    return;
                }
                for (k, dst) in pixels.iter_mut().enumerate() {
                    let k = offset + k as f32;
                    let texel = sampler.sample(
                        uv_first[0] + uv_step[0] * k,
                        uv_first[1] + uv_step[1] * k,
                        *filter,
                    );
                    let src = std::array::from_fn(|c| {
                        to_u8((color_first[c] + color_step[c] * k) * texel[c] * 255.0)
                    });
                    blend_any(dst, src);
                }
            }
        }
    }
}

/// The `Textured` shading of a row whose texture row and colour do not change along it (an
/// image scaled on screen, as the map's picture is while the wheel turns), linearly filtered:
/// the same arithmetic per pixel, with the row's part of it done once. A zero step adds
/// nothing, so every value is the one the general loop computes.
#[inline(never)]
fn shade_scaled_row(
    pixels: &mut [[u8; 4]],
    offset: f32,
    tint: [f32; 4],
    uv_first: [f32; 2],
    u_step: f32,
    sampler: &Sampler<'_>,
) {
    let to_unit = |texel: Color32| texel.to_array().map(|c| f32::from(c) * (1.0 / 255.0));
    let y = uv_first[1] - 0.5;
    let y0 = floor_i32(y);
    let fy = y - y0 as f32;
    let width = sampler.width as usize;
    let wrap_mode = sampler.options.wrap_mode;
    let row = |y: i32| wrap(y, sampler.height, wrap_mode) as usize * width;
    let (Some(top_row), Some(bottom_row)) = (
        sampler.texels.get(row(y0)..row(y0) + width),
        sampler.texels.get(row(y0 + 1)..row(y0 + 1) + width),
    ) else {
        return;
    };
    for (k, dst) in pixels.iter_mut().enumerate() {
        let x = uv_first[0] + u_step * (offset + k as f32) - 0.5;
        let x0 = floor_i32(x);
        let fx = x - x0 as f32;
        let left = wrap(x0, sampler.width, wrap_mode) as usize;
        let right = wrap(x0 + 1, sampler.width, wrap_mode) as usize;
        let (Some(&tl), Some(&tr), Some(&bl), Some(&br)) = (
            top_row.get(left),
            top_row.get(right),
            bottom_row.get(left),
            bottom_row.get(right),
        ) else {
            continue;
        };
        let (top_left, top_right) = (to_unit(tl), to_unit(tr));
        let (bottom_left, bottom_right) = (to_unit(bl), to_unit(br));
        let src: [u8; 4] = std::array::from_fn(|c| {
            let top = mix(top_left[c], top_right[c], fx);
            let bottom = mix(bottom_left[c], bottom_right[c], fx);
            to_u8(tint[c] * mix(top, bottom, fy) * 255.0)
        });
        blend_any(dst, src);
    }
}

/// The `Aligned` shading of a row in white, as the map's picture is drawn while a drag moves
/// it: each texel times one is the texel itself (`to_u8` of a whole number is that number), so
/// the row is the texels blended on, with none of the per-channel arithmetic; and a row of
/// opaque texels (all of a picture with an opaque background) is copied.
#[inline(never)]
fn blend_texels(pixels: &mut [[u8; 4]], texels: &[Color32]) {
    // A scan of the whole row (no early exit, so it vectorizes), then one copy.
    if texels.len() == pixels.len() && texels.iter().fold(255, |all, t| all & t.a()) == 255 {
        pixels.copy_from_slice(bytemuck::cast_slice(texels));
        return;
    }
    for (dst, texel) in pixels.iter_mut().zip(texels) {
        blend_any(dst, texel.to_array());
    }
}

/// The texel under the bounding box's top-left pixel if the triangle maps texels one to one
/// onto pixels with texel centres on pixel centres, and stays inside the texture.
fn aligned_texel(uv: &Plane<2>, coverage: &Coverage, sampler: &Sampler<'_>) -> Option<[i32; 2]> {
    let [columns, rows] = coverage.extent;
    // Off by less than a thousandth of a texel anywhere in the triangle, the bilinear weights
    // are within a thousandth of (1, 0, 0, 0): at most a quarter step on a channel.
    let extent = (columns.max(rows) + 1) as f32;
    let close = |value: f32, target: f32| (value - target).abs() * extent < 1.0e-3;
    let one_to_one = close(uv.dx[0], 1.0)
        && close(uv.dx[1], 0.0)
        && close(uv.dy[0], 0.0)
        && close(uv.dy[1], 1.0);
    if !one_to_one {
        return None;
    }
    let centre = |at: f32| {
        let texel = floor_i32(at);
        ((at - 0.5 - texel as f32).abs() < 1.0e-3).then_some(texel)
    };
    let x = centre(uv.at_origin[0])?;
    let y = centre(uv.at_origin[1])?;
    let inside = x >= 0
        && y >= 0
        && i64::from(x) + columns < i64::from(sampler.width)
        && i64::from(y) + rows < i64::from(sampler.height);
    inside.then_some([x, y])
}

/// `N` attributes interpolated linearly over a triangle, evaluated at pixel centres as the GPU
/// does: their values at the centre of the bounding box's top-left pixel and their change per
/// pixel. Kept relative to the triangle so that `f32` loses nothing that matters.
struct Plane<const N: usize> {
    at_origin: [f32; N],
    dx: [f32; N],
    dy: [f32; N],
}

impl<const N: usize> Plane<N> {
    /// `None` if a value or gradient is not finite (NaN texture coordinates, say).
    fn new(positions: [[f32; 2]; 3], values: [[f32; N]; 3], origin: [i64; 2]) -> Option<Self> {
        let p = positions.map(|p| p.map(f64::from));
        let v = values.map(|v| v.map(f64::from));
        let e1 = [p[1][0] - p[0][0], p[1][1] - p[0][1]];
        let e2 = [p[2][0] - p[0][0], p[2][1] - p[0][1]];
        let inverse_det = 1.0 / (e1[0] * e2[1] - e2[0] * e1[1]);
        // From the first corner to the centre of the origin pixel.
        let to_origin = [
            origin[0] as f64 + 0.5 - p[0][0],
            origin[1] as f64 + 0.5 - p[0][1],
        ];
        let gradient = |k: usize| {
            let (d1, d2) = (v[1][k] - v[0][k], v[2][k] - v[0][k]);
            let gradient = [
                (d1 * e2[1] - d2 * e1[1]) * inverse_det,
                (d2 * e1[0] - d1 * e2[0]) * inverse_det,
            ];
            // A triangle too thin to interpolate over (snapping can still leave it pixels):
            // take the first corner's value.
            if gradient.iter().all(|g| g.is_finite()) {
                gradient
            } else {
                [0.0; 2]
            }
        };
        let gradients: [[f64; 2]; N] = std::array::from_fn(gradient);
        let at_origin: [f64; N] = std::array::from_fn(|k| {
            v[0][k] + gradients[k][0] * to_origin[0] + gradients[k][1] * to_origin[1]
        });
        at_origin.iter().all(|v| v.is_finite()).then(|| Self {
            at_origin: at_origin.map(|v| v as f32),
            dx: gradients.map(|g| g[0] as f32),
            dy: gradients.map(|g| g[1] as f32),
        })
    }

    /// For the row of pixel `at`: the values at the origin's column, their change per pixel,
    /// and how many pixels `at` is from that column. A pixel's value is then the same however
    /// its row is clipped.
    #[inline(always)]
    fn along_row(&self, at: [i64; 2], origin: [i64; 2]) -> ([f32; N], [f32; N], f32) {
        let y = (at[1] - origin[1]) as f32;
        let row = std::array::from_fn(|k| self.at_origin[k] + self.dy[k] * y);
        (row, self.dx, (at[0] - origin[0]) as f32)
    }
}

/// A colour channel in `0.0..=255.0` to 8 bits, rounding to nearest (NaN becomes 0).
#[inline(always)]
fn to_u8(value: f32) -> u8 {
    (value + 0.5) as u8
}

/// `a × b / 255`, rounded to nearest, for `a, b ≤ 255`.
#[inline(always)]
fn mul_255(a: u32, b: u32) -> u32 {
    let t = a * b + 128;
    (t + (t >> 8)) >> 8
}

/// Premultiplied "over": `dst = src + dst × (1 − src.a)`, with `keep = 255 − src.a`. Saturates
/// like a unorm target, since egui's additive colours (alpha 0, colour > 0) can overflow.
#[inline(always)]
fn blend(dst: &mut [u8; 4], src: [u8; 4], keep: u32) {
    for c in 0..4 {
        dst[c] = (u32::from(src[c]) + mul_255(u32::from(dst[c]), keep)).min(255) as u8;
    }
}

/// Fills a span with one colour. Kept out of line so that the colour sits in a register and
/// the loop becomes wide stores, whatever the caller's state.
#[inline(never)]
fn fill(pixels: &mut [[u8; 4]], color: [u8; 4]) {
    pixels.fill(color);
}

/// Blends one colour over a span, out of line for the same reason as [`fill`].
#[inline(never)]
fn blend_span(pixels: &mut [[u8; 4]], src: [u8; 4]) {
    let keep = 255 - u32::from(src[3]);
    for dst in pixels {
        blend(dst, src, keep);
    }
}

/// [`blend`] for a source that changes per pixel, skipping the no-op of a transparent one.
#[inline(always)]
fn blend_any(dst: &mut [u8; 4], src: [u8; 4]) {
    match src[3] {
        255 => *dst = src,
        0 if src == [0; 4] => {}
        alpha => blend(dst, src, 255 - u32::from(alpha)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use epaint::ImageDelta;
    use epaint::{Pos2, pos2};

    const WHITE_TEXTURE: TextureId = TextureId::Managed(0);
    const BLUE: Color32 = Color32::from_rgb(0, 0, 255);

    /// Applies one delta the way a frame would (a `TexturesDelta` must be emptied before it is
    /// dropped).
    fn apply(store: &mut TextureStore, id: TextureId, delta: Option<ImageDelta>, free: bool) {
        let mut deltas = TexturesDelta::default();
        if let Some(delta) = delta {
            deltas.push(id, delta);
        }
        if free {
            deltas.free(id);
        }
        store.apply(&deltas);
        deltas.clear();
    }

    fn image(size: [usize; 2], pixels: Vec<Color32>) -> ColorImage {
        ColorImage::new(size, pixels)
    }

    /// A store holding egui's font atlas stand-in: one white texel, for solid fills.
    fn white_store() -> TextureStore {
        let mut store = TextureStore::new();
        let white = image([1, 1], vec![Color32::WHITE]);
        apply(
            &mut store,
            WHITE_TEXTURE,
            Some(ImageDelta::full(white, TextureOptions::LINEAR)),
            false,
        );
        store
    }

    fn vertex(x: f32, y: f32, color: Color32) -> Vertex {
        Vertex {
            pos: pos2(x, y),
            uv: epaint::WHITE_UV,
            color,
        }
    }

    /// A solid axis-aligned rectangle from `min` to `max`, as two triangles.
    fn quad(min: [f32; 2], max: [f32; 2], color: Color32) -> Mesh {
        let corners = [min, [max[0], min[1]], max, [min[0], max[1]]];
        let vertices = corners.map(|[x, y]| vertex(x, y, color)).to_vec();
        mesh(vertices, vec![0, 1, 2, 0, 2, 3], WHITE_TEXTURE)
    }

    /// A rectangle with texture `id`, its corners given by `corner` at (0, 0) to (1, 1).
    fn unit_quad(corner: impl Fn(f32, f32) -> Vertex, id: TextureId) -> Mesh {
        let vertices = [[0.0, 0.0], [1.0, 0.0], [1.0, 1.0], [0.0, 1.0]]
            .map(|[x, y]| corner(x, y))
            .to_vec();
        mesh(vertices, vec![0, 1, 2, 0, 2, 3], id)
    }

    /// A solid triangle, one colour at its three corners.
    fn triangle(corners: [[f32; 2]; 3], color: Color32) -> Mesh {
        let vertices = corners.map(|[x, y]| vertex(x, y, color)).to_vec();
        mesh(vertices, vec![0, 1, 2], WHITE_TEXTURE)
    }

    fn mesh(vertices: Vec<Vertex>, indices: Vec<u32>, texture_id: TextureId) -> Mesh {
        Mesh {
            indices,
            vertices,
            texture_id,
        }
    }

    fn clipped(mesh: Mesh, clip_rect: Rect) -> ClippedPrimitive {
        ClippedPrimitive {
            clip_rect,
            primitive: Primitive::Mesh(mesh),
        }
    }

    /// Draws meshes unclipped on a `size`² blue image at one pixel per point.
    fn draw(meshes: Vec<Mesh>, store: &TextureStore, size: u32) -> RgbaImage {
        let primitives: Vec<_> = meshes
            .into_iter()
            .map(|m| clipped(m, Rect::EVERYTHING))
            .collect();
        rasterize(&primitives, store, [size, size], 1.0, BLUE)
    }

    fn pixel(image: &RgbaImage, x: u32, y: u32) -> [u8; 4] {
        image.get_pixel(x, y).0
    }

    #[test]
    fn an_opaque_triangle_covers_the_pixel_centres_inside_it() {
        let red = Color32::RED;
        let triangle = triangle([[0.0, 0.0], [8.0, 0.0], [0.0, 8.0]], red);
        let out = draw(vec![triangle], &white_store(), 10);
        for y in 0..10 {
            for x in 0..10 {
                // Centres on the hypotenuse (x + y + 1 = 8) lie on a bottom-right edge: outside.
                let inside = x + y + 1 < 8;
                let expected = if inside { red } else { BLUE };
                assert_eq!(pixel(&out, x, y), expected.to_array(), "pixel ({x}, {y})");
            }
        }
    }

    /// A part of the canvas, clip rects included, is the same pixels as that crop of the whole.
    #[test]
    fn a_part_is_the_crop_of_the_whole() {
        let half = Color32::from_rgba_premultiplied(0, 90, 0, 128);
        let triangles = mesh(
            vec![
                vertex(1.3, 0.7, Color32::RED),
                vertex(38.9, 12.2, Color32::RED),
                vertex(13.1, 29.4, Color32::RED),
                vertex(5.5, 33.0, half),
                vertex(39.0, 4.25, half),
                vertex(30.0, 39.0, half),
            ],
            vec![0, 1, 2, 3, 4, 5],
            WHITE_TEXTURE,
        );
        let clip = Rect::from_min_max(pos2(3.0, 2.0), pos2(36.0, 35.0));
        let primitives = [clipped(triangles, clip)];
        let store = white_store();
        for pixels_per_point in [1.0, 1.5, 2.0] {
            let size = (40.0 * pixels_per_point) as u32;
            let whole = rasterize(&primitives, &store, [size, size], pixels_per_point, BLUE);
            let [x0, y0, w, h] = [7, 5, 23, 31];
            let part = rasterize_part(
                &primitives,
                &store,
                [x0 as i32, y0 as i32],
                [w, h],
                pixels_per_point,
                BLUE,
            );
            let crop = image::imageops::crop_imm(&whole, x0, y0, w, h).to_image();
            assert_eq!(part, crop, "at {pixels_per_point} pixels per point");
        }
    }

    #[test]
    fn a_part_reaching_left_of_and_above_the_target_is_drawn_there_too() {
        let red = Color32::RED;
        let square = mesh(
            vec![
                vertex(-20.0, -20.0, red),
                vertex(20.0, -20.0, red),
                vertex(20.0, 20.0, red),
                vertex(-20.0, 20.0, red),
            ],
            vec![0, 1, 2, 0, 2, 3],
            WHITE_TEXTURE,
        );
        let clip = Rect::from_min_max(pos2(-30.0, -30.0), pos2(36.0, 35.0));
        let primitives = [clipped(square, clip)];
        let store = white_store();
        let whole = rasterize(&primitives, &store, [40, 40], 1.0, BLUE);
        let part = rasterize_part(&primitives, &store, [-10, -8], [30, 30], 1.0, BLUE);
        assert_eq!(
            part.get_pixel(2, 2).0,
            red.to_array(),
            "the overscan is drawn"
        );
        let crop = image::imageops::crop_imm(&whole, 0, 0, 20, 22).to_image();
        assert_eq!(
            image::imageops::crop_imm(&part, 10, 8, 20, 22).to_image(),
            crop
        );
    }

    #[test]
    fn either_winding_draws_the_same() {
        let red = Color32::RED;
        let corners = vec![
            vertex(1.3, 0.7, red),
            vertex(8.9, 2.2, red),
            vertex(3.1, 9.4, red),
        ];
        let forward = mesh(corners.clone(), vec![0, 1, 2], WHITE_TEXTURE);
        let backward = mesh(corners, vec![0, 2, 1], WHITE_TEXTURE);
        let store = white_store();
        assert_eq!(
            draw(vec![forward], &store, 10),
            draw(vec![backward], &store, 10)
        );
    }

    /// Triangles sharing edges, blended half-transparent: every covered pixel must be blended
    /// exactly once — no gap, no darker seam.
    #[test]
    fn triangles_sharing_edges_draw_each_pixel_once() {
        let half = Color32::from_rgba_premultiplied(100, 0, 0, 128);
        let once = [100, 0, 127, 255];
        // A square split on its diagonal, which passes through pixel centres.
        let square = quad([0.0, 0.0], [8.0, 8.0], half);
        let out = draw(vec![square], &white_store(), 10);
        for y in 0..10 {
            for x in 0..10 {
                let expected = if x < 8 && y < 8 {
                    once
                } else {
                    BLUE.to_array()
                };
                assert_eq!(pixel(&out, x, y), expected, "pixel ({x}, {y})");
            }
        }

        // A fan of twelve slanted triangles around an off-grid centre; well inside it (radius
        // under 11 · cos 15°) nothing is left uncovered.
        let centre = pos2(16.3, 15.7);
        let out = draw(
            vec![star(centre, 12, [14.0, 11.0], 0.1, half)],
            &white_store(),
            32,
        );
        assert_blended_once(&out, centre, 10.0, once);
    }

    /// A star of `spokes` triangles around `centre`, its points alternately at the two radii,
    /// turned by `turn` radians.
    fn star(centre: Pos2, spokes: u32, radii: [f32; 2], turn: f32, color: Color32) -> Mesh {
        let mut vertices = vec![vertex(centre.x, centre.y, color)];
        for k in 0..spokes {
            let angle = k as f32 * std::f32::consts::TAU / spokes as f32 + turn;
            let radius = radii[k as usize % 2];
            vertices.push(vertex(
                centre.x + radius * angle.cos(),
                centre.y + radius * angle.sin(),
                color,
            ));
        }
        let indices = (0..spokes)
            .flat_map(|k| [0, k + 1, (k + 1) % spokes + 1])
            .collect();
        mesh(vertices, indices, WHITE_TEXTURE)
    }

    /// Every pixel is the background or blended exactly once (`once`), and none within
    /// `inside` of `centre` is left uncovered. Returns how many are covered.
    fn assert_blended_once(out: &RgbaImage, centre: Pos2, inside: f32, once: [u8; 4]) -> usize {
        let mut covered = 0;
        for (x, y, p) in out.enumerate_pixels() {
            assert!(
                p.0 == once || p.0 == BLUE.to_array(),
                "pixel ({x}, {y}) is {:?}",
                p.0
            );
            let distance = pos2(x as f32 + 0.5, y as f32 + 0.5).distance(centre);
            if distance < inside {
                assert_eq!(p.0, once, "gap at ({x}, {y})");
            }
            covered += usize::from(p.0 == once);
        }
        covered
    }

    #[test]
    fn the_clip_rect_is_rounded_to_pixels_and_honoured() {
        let red = Color32::RED;
        let everything = triangle([[-5.0, -5.0], [40.0, -5.0], [-5.0, 40.0]], red);
        // At two pixels per point: x 1.2..2.6 → pixels 2.4..5.2 → 2..5; y 0.8..3.3 → 2..7.
        let clip = Rect::from_min_max(pos2(1.2, 0.8), pos2(2.6, 3.3));
        let out = rasterize(
            &[clipped(everything.clone(), clip)],
            &white_store(),
            [10, 10],
            2.0,
            BLUE,
        );
        for (x, y, p) in out.enumerate_pixels() {
            let inside = (2..5).contains(&x) && (2..7).contains(&y);
            let expected = if inside { red } else { BLUE };
            assert_eq!(p.0, expected.to_array(), "pixel ({x}, {y})");
        }

        // An empty clip rect, or one outside the image, draws nothing.
        for clip in [
            Rect::from_min_max(pos2(3.0, 3.0), pos2(3.1, 3.1)),
            Rect::from_min_max(pos2(20.0, 0.0), pos2(30.0, 10.0)),
            Rect::NOTHING,
            Rect::NAN,
        ] {
            let out = rasterize(
                &[clipped(everything.clone(), clip)],
                &white_store(),
                [10, 10],
                1.0,
                BLUE,
            );
            assert!(out.pixels().all(|p| p.0 == BLUE.to_array()), "{clip:?}");
        }
    }

    #[test]
    fn half_transparent_colour_is_blended_premultiplied_over_the_background() {
        let half_red = Color32::from_rgba_premultiplied(128, 0, 0, 128);
        let quad = quad([0.0, 0.0], [4.0, 4.0], half_red);
        let out = draw(vec![quad.clone()], &white_store(), 4);
        // src + dst × (1 − 128/255): blue 255 × 127/255 = 127, alpha 128 + 127.
        assert_eq!(pixel(&out, 1, 1), [128, 0, 127, 255]);

        // Over a transparent background the result stays premultiplied and half transparent.
        let primitives = [clipped(quad, Rect::EVERYTHING)];
        let out = rasterize(
            &primitives,
            &white_store(),
            [4, 4],
            1.0,
            Color32::TRANSPARENT,
        );
        assert_eq!(pixel(&out, 2, 2), [128, 0, 0, 128]);
    }

    #[test]
    fn colours_are_interpolated_in_gamma_space() {
        // A feathered edge as egui makes it: opaque on one side, transparent on the other.
        let white = Color32::WHITE;
        let clear = Color32::TRANSPARENT;
        let ramp = mesh(
            vec![
                vertex(0.0, 0.0, white),
                vertex(0.0, 4.0, white),
                vertex(4.0, 0.0, clear),
                vertex(4.0, 4.0, clear),
            ],
            vec![0, 1, 2, 2, 1, 3],
            WHITE_TEXTURE,
        );
        let primitives = [clipped(ramp, Rect::EVERYTHING)];
        let out = rasterize(&primitives, &white_store(), [4, 4], 1.0, Color32::BLACK);
        // Pixel centres at x = 0.5, 1.5, … carry 7/8, 5/8, 3/8, 1/8 of white, in sRGB values.
        let expected = [223, 159, 96, 32];
        for (x, y, p) in out.enumerate_pixels() {
            let grey = expected[x as usize];
            assert_eq!(p.0, [grey, grey, grey, 255], "({x}, {y})");
        }
    }

    /// A 2×2 texture drawn over 4×4 pixels with the given options.
    fn draw_2x2(options: TextureOptions) -> RgbaImage {
        let id = TextureId::Managed(7);
        let texels = vec![
            Color32::from_rgb(255, 0, 0),
            Color32::from_rgb(0, 255, 0),
            Color32::from_rgb(0, 0, 255),
            Color32::from_rgb(255, 255, 255),
        ];
        let mut store = TextureStore::new();
        apply(
            &mut store,
            id,
            Some(ImageDelta::full(image([2, 2], texels), options)),
            false,
        );
        let corner = |x: f32, y: f32| Vertex {
            pos: pos2(4.0 * x, 4.0 * y),
            uv: pos2(x, y),
            color: Color32::WHITE,
        };
        let quad = unit_quad(corner, id);
        draw(vec![quad], &store, 4)
    }

    fn rgb(image: &RgbaImage, x: u32, y: u32) -> [u8; 3] {
        let [r, g, b, _] = pixel(image, x, y);
        [r, g, b]
    }

    #[test]
    fn nearest_sampling_repeats_each_texel() {
        let out = draw_2x2(TextureOptions::NEAREST);
        for (x, y, expected) in [
            (0, 0, [255, 0, 0]),
            (1, 1, [255, 0, 0]),
            (2, 0, [0, 255, 0]),
            (3, 1, [0, 255, 0]),
            (0, 3, [0, 0, 255]),
            (3, 3, [255, 255, 255]),
        ] {
            assert_eq!(rgb(&out, x, y), expected, "({x}, {y})");
        }
    }

    #[test]
    fn linear_sampling_mixes_texels_around_texel_centres() {
        let out = draw_2x2(TextureOptions::LINEAR);
        // Pixel centres fall at texel coordinates 0.25, 0.75, 1.25, 1.75: the outer ones clamp
        // to the edge texel, the inner ones mix 3:1 and 1:3.
        let row0: Vec<_> = (0..4).map(|x| rgb(&out, x, 0)).collect();
        assert_eq!(row0, [[255, 0, 0], [191, 64, 0], [64, 191, 0], [0, 255, 0]]);
        let column0: Vec<_> = (0..4).map(|y| rgb(&out, 0, y)).collect();
        assert_eq!(
            column0,
            [[255, 0, 0], [191, 0, 64], [64, 0, 191], [0, 0, 255]]
        );
        // The middle mixes all four: 9/16 of red, 3/16 green, 3/16 blue, 1/16 white.
        assert_eq!(rgb(&out, 1, 1), [159, 64, 64]);

        // Repeating wraps the outer taps to the opposite texel instead.
        let out = draw_2x2(TextureOptions::LINEAR_REPEAT);
        assert_eq!(rgb(&out, 0, 0), [159, 64, 64]);
        let out = draw_2x2(TextureOptions::LINEAR_MIRRORED_REPEAT);
        assert_eq!(rgb(&out, 0, 0), [255, 0, 0]);
    }

    #[test]
    fn a_scaled_row_is_shaded_as_the_general_loop_shades_it() {
        let texels: Vec<Color32> = (0..35u32)
            .map(|i| {
                let a = (i * 37 % 256) as u8;
                let c = |k: u32| ((i * k % 256) as u8).min(a);
                Color32::from_rgba_premultiplied(c(53), c(91), c(17), a)
            })
            .collect();
        for options in [
            TextureOptions::LINEAR,
            TextureOptions::LINEAR_REPEAT,
            TextureOptions::LINEAR_MIRRORED_REPEAT,
        ] {
            let texture = Texture {
                image: Arc::new(image([7, 5], texels.clone())),
                options,
            };
            let Some(sampler) = Sampler::new(&texture) else {
                panic!("a 7×5 texture can be sampled");
            };
            // Magnified and minified, inside and beyond the texture, tinted and not.
            for (u, step, v, offset, tint) in [
                (0.3, 0.27, 2.6, 0.0, [1.0; 4]),
                (-3.1, 0.61, -0.4, 5.0, [0.5, 0.25, 1.0, 0.75]),
                (6.9, 1.9, 4.95, 2.0, [1.0, 1.0, 1.0, 0.5]),
                (2.5, -0.33, 1.5, 1.0, [0.2, 0.9, 0.4, 1.0]),
            ] {
                let background = [[30, 60, 90, 255]; 29];
                let mut fast = background;
                shade_scaled_row(&mut fast, offset, tint, [u, v], step, &sampler);
                let mut general = background;
                for (k, dst) in general.iter_mut().enumerate() {
                    let k = offset + k as f32;
                    let texel = sampler.sample(u + step * k, v + 0.0 * k, TextureFilter::Linear);
                    let src =
                        std::array::from_fn(|c| to_u8((tint[c] + 0.0 * k) * texel[c] * 255.0));
                    blend_any(dst, src);
                }
                assert_eq!(fast, general, "{options:?} u {u} step {step} v {v}");
                assert_ne!(fast, background);
            }
        }
    }

    #[test]
    fn a_row_of_texels_in_white_is_shaded_as_the_general_loop_shades_it() {
        // Every alpha, opaque and transparent among them, with colour up to it (premultiplied);
        // then the same colours opaque.
        let texel = |a: u8, alpha: u8| {
            let c = |k: u16| ((u16::from(a) * k % 256) as u8).min(alpha);
            Color32::from_rgba_premultiplied(c(53), c(91), c(17), alpha)
        };
        for texels in [
            (0..=255u8).map(|a| texel(a, a)).collect::<Vec<_>>(),
            (0..=255u8).map(|a| texel(a, 255)).collect(),
        ] {
            let background = [[30, 60, 90, 255]; 256];
            let mut fast = background;
            blend_texels(&mut fast, &texels);
            let mut general = background;
            for (k, (dst, texel)) in general.iter_mut().zip(&texels).enumerate() {
                let texel = texel.to_array();
                let src = std::array::from_fn(|c| {
                    to_u8((1.0 + 0.0 * (0.5 + k as f32)) * f32::from(texel[c]))
                });
                blend_any(dst, src);
            }
            assert_eq!(fast, general);
            assert_ne!(fast, background);
        }
    }

    /// A 5×4 texture of distinct texels, drawn with its texels on pixels at (3, 2), as egui
    /// draws glyphs; `shift` moves the texture coordinates by that many texels.
    fn glyph(options: TextureOptions, tint: Color32, shift: f32) -> (Mesh, TextureStore) {
        let id = TextureId::Managed(5);
        let texels = (0..20u8)
            .map(|k| {
                let alpha = if k % 7 == 3 { 0 } else { 60 + 9 * k };
                Color32::from_rgba_premultiplied(alpha / 2, alpha / 3, alpha, alpha)
            })
            .collect();
        let mut store = TextureStore::new();
        apply(
            &mut store,
            id,
            Some(ImageDelta::full(image([5, 4], texels), options)),
            false,
        );
        let corner = |x: f32, y: f32| Vertex {
            pos: pos2(3.0 + 5.0 * x, 2.0 + 4.0 * y),
            uv: pos2(x + shift / 5.0, y + shift / 4.0),
            color: tint,
        };
        let quad = unit_quad(corner, id);
        (quad, store)
    }

    fn draw_glyph(options: TextureOptions, tint: Color32, shift: f32) -> RgbaImage {
        let (quad, store) = glyph(options, tint, shift);
        draw(vec![quad], &store, 10)
    }

    /// How each triangle of `mesh` would be shaded, drawn unclipped on a 16×16 image.
    fn shading_of(mesh: Mesh, store: &TextureStore) -> Vec<&'static str> {
        let texture = &store.textures[&mesh.texture_id];
        let sampler = Sampler::new(texture).expect("a texture");
        let scissor = Scissor::new(Rect::EVERYTHING, 1.0, [0, 0], [16, 16]);
        let kind = |triangle: usize| {
            let (vertices, positions) =
                corners(&mesh, triangle, 1.0, [0.0, 0.0]).expect("a triangle");
            let coverage = Coverage::new(positions.map(snap), &scissor).expect("some pixels");
            match Shading::new(vertices, positions, &sampler, &coverage) {
                None => "nothing",
                Some(Shading::Opaque(_)) => "opaque",
                Some(Shading::Translucent(_)) => "translucent",
                Some(Shading::Smooth { .. }) => "smooth",
                Some(Shading::Aligned { .. }) => "aligned",
                Some(Shading::Textured { .. }) => "textured",
            }
        };
        (0..mesh.indices.len() / 3).map(kind).collect()
    }

    #[test]
    fn texels_drawn_one_to_one_are_copied_exactly() {
        for options in [TextureOptions::LINEAR, TextureOptions::NEAREST] {
            let (quad, store) = glyph(options, Color32::WHITE, 0.0);
            assert_eq!(shading_of(quad, &store), ["aligned"; 2]);
            let out = draw_glyph(options, Color32::WHITE, 0.0);
            for (x, y, p) in out.enumerate_pixels() {
                let expected = if (3..8).contains(&x) && (2..6).contains(&y) {
                    let k = ((y - 2) * 5 + (x - 3)) as u8;
                    let alpha = if k % 7 == 3 { 0 } else { 60 + 9 * k };
                    let src = [alpha / 2, alpha / 3, alpha, alpha];
                    let mut dst = BLUE.to_array();
                    blend(&mut dst, src, 255 - u32::from(alpha));
                    dst
                } else {
                    BLUE.to_array()
                };
                assert_eq!(p.0, expected, "({x}, {y}) with {options:?}");
            }
        }
    }

    /// The one-to-one shortcut must agree with full bilinear sampling, which a shift of a
    /// hundredth of a texel forces while barely changing the weights.
    #[test]
    fn the_one_to_one_shortcut_agrees_with_bilinear_sampling() {
        let tint = Color32::from_rgba_premultiplied(200, 120, 40, 220);
        let exact = draw_glyph(TextureOptions::LINEAR, tint, 0.0);
        let shifted = draw_glyph(TextureOptions::LINEAR, tint, 0.01);
        let (quad, store) = glyph(TextureOptions::LINEAR, tint, 0.01);
        assert_eq!(shading_of(quad, &store), ["textured"; 2]);
        for (p, q) in exact.pixels().zip(shifted.pixels()) {
            for c in 0..4 {
                assert!(p.0[c].abs_diff(q.0[c]) <= 2, "{:?} vs {:?}", p.0, q.0);
            }
        }
        assert_ne!(exact, draw(vec![], &TextureStore::new(), 10));
    }

    /// Big enough for many bands (and threads): a fan of slanted half-transparent triangles
    /// must still blend every pixel exactly once, across band boundaries.
    #[test]
    fn bands_do_not_change_the_picture() {
        let half = Color32::from_rgba_premultiplied(100, 0, 0, 128);
        let once = [100, 0, 127, 255];
        let centre = pos2(101.3, 97.7);
        let out = draw(
            vec![star(centre, 37, [96.0, 80.0], 0.05, half)],
            &white_store(),
            200,
        );
        let covered = assert_blended_once(&out, centre, 75.0, once);
        assert!(covered > 20_000, "{covered}");
    }

    #[test]
    fn texture_deltas_set_patch_and_free() {
        let id = TextureId::Managed(3);
        let mut store = TextureStore::new();
        let black = image([2, 2], vec![Color32::BLACK; 4]);
        apply(
            &mut store,
            id,
            Some(ImageDelta::full(black, TextureOptions::NEAREST)),
            false,
        );
        let patch = image([2, 1], vec![Color32::RED, Color32::GREEN]);
        // A patch hanging over the edge is clipped, not a panic.
        apply(
            &mut store,
            id,
            Some(ImageDelta::partial([1, 1], patch, TextureOptions::NEAREST)),
            false,
        );
        let texels = &store.textures[&id].image.pixels;
        assert_eq!(
            texels,
            &[Color32::BLACK, Color32::BLACK, Color32::BLACK, Color32::RED]
        );

        // A malformed image, or a patch for an unknown texture, is ignored.
        let malformed = ColorImage {
            size: [3, 3],
            source_size: epaint::Vec2::splat(3.0),
            pixels: vec![Color32::RED],
        };
        apply(
            &mut store,
            id,
            Some(ImageDelta::full(malformed, TextureOptions::NEAREST)),
            false,
        );
        assert_eq!(store.textures[&id].image.size, [2, 2]);
        let unknown = TextureId::Managed(99);
        let patch = image([1, 1], vec![Color32::RED]);
        apply(
            &mut store,
            unknown,
            Some(ImageDelta::partial([0, 0], patch, TextureOptions::NEAREST)),
            false,
        );
        assert!(!store.contains(unknown));

        apply(&mut store, id, None, true);
        assert!(!store.contains(id));
    }

    #[test]
    fn bad_input_is_skipped_without_panicking() {
        let red = Color32::RED;
        let store = white_store();
        let nan = f32::NAN;
        let blank = BLUE.to_array();
        let cases = vec![
            // Indices out of range, and a trailing incomplete triangle.
            mesh(vec![vertex(0.0, 0.0, red)], vec![0, 1, 2, 0], WHITE_TEXTURE),
            // NaN and infinite corners.
            triangle([[nan, 0.0], [8.0, 0.0], [0.0, 8.0]], red),
            triangle([[f32::INFINITY, 0.0], [8.0, 0.0], [0.0, 8.0]], red),
            // Degenerate: a line and a point.
            mesh(
                vec![
                    vertex(0.0, 0.0, red),
                    vertex(4.0, 4.0, red),
                    vertex(8.0, 8.0, red),
                ],
                vec![0, 1, 2, 0, 0, 0],
                WHITE_TEXTURE,
            ),
            // A texture that does not exist.
            mesh(
                vec![
                    vertex(0.0, 0.0, red),
                    vertex(8.0, 0.0, red),
                    vertex(0.0, 8.0, red),
                ],
                vec![0, 1, 2],
                TextureId::User(1),
            ),
            // Far outside the image.
            triangle([[-1e6, 0.0], [-1e6 + 5.0, 0.0], [-1e6, 8.0]], red),
        ];
        for case in cases {
            let out = draw(vec![case.clone()], &store, 8);
            assert!(out.pixels().all(|p| p.0 == blank), "{case:?}");
        }

        // NaN texture coordinates and a NaN scale do not panic either.
        let mut odd = triangle([[0.0, 0.0], [8.0, 0.0], [0.0, 8.0]], red);
        odd.vertices[1].uv = pos2(nan, 0.5);
        draw(vec![odd.clone()], &store, 8);
        rasterize(
            &[clipped(odd.clone(), Rect::EVERYTHING)],
            &store,
            [8, 8],
            nan,
            BLUE,
        );
        rasterize(&[clipped(odd, Rect::EVERYTHING)], &store, [0, 0], 1.0, BLUE);
    }

    #[test]
    fn huge_triangles_are_clipped_not_overflowed() {
        let red = Color32::RED;
        let huge = triangle([[-1e20, -1e20], [1e20, -1e20], [0.0, 1e20]], red);
        let out = draw(vec![huge], &white_store(), 16);
        assert!(out.pixels().all(|p| p.0 == red.to_array()));

        // Half of the image, with one corner far away: the edge through the image survives.
        let half = triangle([[0.0, 0.0], [0.0, 1e9], [1e9, 1e9]], red);
        let out = draw(vec![half], &white_store(), 16);
        for (x, y, p) in out.enumerate_pixels() {
            // Below the diagonal, which is the triangle's right edge: centres on it are outside.
            let expected = if x < y { red } else { BLUE };
            assert_eq!(p.0, expected.to_array(), "({x}, {y})");
        }
    }

    #[test]
    fn indices_beyond_u16_are_used() {
        let red = Color32::RED;
        let mut vertices = vec![vertex(0.0, 0.0, Color32::GREEN); 70_000];
        vertices.extend([
            vertex(0.0, 0.0, red),
            vertex(4.0, 0.0, red),
            vertex(0.0, 4.0, red),
        ]);
        let triangle = mesh(vertices, vec![70_000, 70_001, 70_002], WHITE_TEXTURE);
        let out = draw(vec![triangle], &white_store(), 4);
        assert_eq!(pixel(&out, 0, 0), red.to_array());
    }
}
