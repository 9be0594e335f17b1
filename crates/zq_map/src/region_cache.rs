//! Drawing many regions fast: only those in view, at the level of detail the zoom needs, from
//! meshes made once per level and zoom and reused while the map pans.
//!
//! A region's fill (triangles made once in lon/lat) and outline (a stroke tessellated once) are
//! projected when first drawn at a zoom and kept; while only the map's position changes, the
//! kept meshes are drawn again shifted by how far the map moved. A new zoom or new data starts
//! the cache afresh.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use egui::emath::TSTransform;
use egui::epaint::{Mesh, TessellationOptions, Tessellator, Vertex, WHITE_UV};
use egui::{Color32, Painter, Pos2, Shape, Stroke, Vec2};
use geo::{Coord, MultiPolygon};

use zq_core::geometry::lod::Level;
use zq_core::geometry::{FillMesh, Projector};
use zq_core::model::MapGeometry;

use super::convert::to_pos2;

/// What a cache's meshes were made for; any change makes them stale.
#[derive(Clone, Copy, Debug, PartialEq)]
struct Key {
    geometry: usize,
    level: Option<usize>,
    points_per_degree: f64,
    pixels_per_point: f32,
    stroke: Stroke,
}

/// The kept meshes of one set of regions (the counties, or the neighbouring prefectures).
#[derive(Clone, Default)]
pub struct RegionCache {
    key: Option<Key>,
    /// A lon/lat and where it was on screen when the meshes were made: today's position of it
    /// says how far to shift them.
    reference: Coord<f64>,
    origin: Pos2,
    /// Per region: the fill (with the colour it was made in) and, at full detail, the outline.
    fills: Vec<Option<(Arc<Mesh>, Color32)>>,
    outlines: Vec<Option<Arc<Mesh>>>,
    /// At a simplified level: the borders' strokes (each drawn once for both its sides), merged
    /// per tile of the map so that a frame adds a few meshes rather than thousands.
    tiles: Vec<Tile>,
    /// Kept across zooms, unlike the meshes.
    prefetch: Prefetch,
}

/// Fills and names made ahead on a worker thread. A region's fill triangles are made the first
/// time it is drawn at a level and its label point the first time it is named: up to half a
/// second each for the few hundred of China's counties a zoom brings into view. Made ahead (the
/// names and fills of the regions in view, the fills around it and those of the next finer
/// level in it: what panning and the next zoom in draw), a zoom finds them ready.
#[derive(Clone, Default)]
struct Prefetch {
    /// The geometry, level and lon/lat box last asked for.
    asked: Option<(usize, Option<usize>, geo::Rect<f64>)>,
    /// Set by the worker when it is done.
    done: Option<Arc<AtomicBool>>,
}

impl Prefetch {
    fn ask(&mut self, geometry: &Arc<MapGeometry>, level: Option<usize>, view: geo::Rect<f64>) {
        if self
            .done
            .as_ref()
            .is_some_and(|d| !d.load(Ordering::Acquire))
        {
            return; // one at a time
        }
        let id = Arc::as_ptr(geometry) as usize;
        if self
            .asked
            .is_some_and(|(g, l, around)| g == id && l == level && contains(around, view))
        {
            return;
        }
        let around = grow(view);
        // The next finer level: finest first, and full detail (`None`) after level 0.
        let finer = match level {
            Some(0) => Some(None),
            Some(l) => Some(Some(l - 1)),
            None => None,
        };
        let done = Arc::new(AtomicBool::new(false));
        let (geometry, flag) = (Arc::clone(geometry), Arc::clone(&done));
        let spawned = crate::background::spawn("map fills", move || {
            // Names first: a zoom in names the counties in view at once.
            geometry.prepare(level, view, true);
            geometry.prepare(level, around, false);
            if let Some(finer) = finer {
                geometry.prepare(finer, view, false);
            }
            flag.store(true, Ordering::Release);
        });
        // Without a thread the fills are made when drawn, as they would be anyway.
        if spawned.is_ok() {
            self.asked = Some((id, level, around));
            self.done = Some(done);
        }
    }
}

/// `view` and as much again on each side.
fn grow(view: geo::Rect<f64>) -> geo::Rect<f64> {
    let (w, h) = (view.width(), view.height());
    geo::Rect::new(
        Coord {
            x: view.min().x - w,
            y: view.min().y - h,
        },
        Coord {
            x: view.max().x + w,
            y: view.max().y + h,
        },
    )
}

fn contains(outer: geo::Rect<f64>, inner: geo::Rect<f64>) -> bool {
    outer.min().x <= inner.min().x
        && outer.min().y <= inner.min().y
        && outer.max().x >= inner.max().x
        && outer.max().y >= inner.max().y
}

/// The borders whose middle falls in one cell of a grid over the data.
#[derive(Clone, Default)]
struct Tile {
    arcs: Vec<usize>,
    bbox: Option<geo::Rect<f64>>,
    mesh: Option<Arc<Mesh>>,
}

/// A tile's side, in the level's tolerances: the view at a level spans 2–8 tiles (a level is
/// drawn from 1 to 4 points per tolerance), so a new zoom tessellates the borders of about what
/// is in view, not of a tile reaching far beyond it (a fixed 8×8 grid over all of China made
/// every new zoom close up cost a sixty-fourth of the country's borders).
const TILE_IN_TOLERANCES: f64 = 256.0;

/// At most this many tiles across (and down), so a frame's walk over them stays short.
const MAX_TILES: usize = 128;

impl std::fmt::Debug for RegionCache {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("RegionCache")
            .field("key", &self.key)
            .field("kept", &self.fills.iter().filter(|m| m.is_some()).count())
            .finish()
    }
}

impl RegionCache {
    /// Paints the regions of `geometry` that are in view: each filled with `fill(index)` and
    /// outlined with `stroke`. Returns how many regions were drawn.
    pub fn paint(
        &mut self,
        painter: &Painter,
        geometry: &Arc<MapGeometry>,
        projector: &Projector,
        stroke: Stroke,
        fill: impl Fn(usize) -> Color32,
    ) -> usize {
        let ctx = painter.ctx();
        let pixels_per_point = ctx.pixels_per_point();
        let level = geometry.lod.level_index_for(projector.points_per_degree());
        let key = Key {
            geometry: Arc::as_ptr(geometry) as usize,
            level,
            points_per_degree: projector.points_per_degree(),
            pixels_per_point,
            stroke,
        };
        if self.key != Some(key) {
            let n = geometry.regions.len();
            let prefetch = std::mem::take(&mut self.prefetch);
            *self = Self {
                key: Some(key),
                reference: projector.center_lonlat(),
                origin: to_pos2(projector.ui_from_lonlat(projector.center_lonlat())),
                fills: vec![None; n],
                outlines: vec![None; n],
                tiles: level
                    .and_then(|l| geometry.lod.levels.get(l))
                    .map_or_else(Vec::new, |l| tiles(geometry.bbox, l)),
                prefetch,
            };
        }
        let offset = to_pos2(projector.ui_from_lonlat(self.reference)) - self.origin;
        // Meshes are in the coordinates of the frame they were made in; draw them through a clip
        // rect in those coordinates, then shift everything drawn by `offset`.
        // Not `with_clip_rect`: that intersects with today's clip rect and would cut off what
        // the pan brings into view.
        let mut shifted = painter.clone();
        shifted.set_clip_rect(painter.clip_rect().translate(-offset));
        let made_in = |c: Coord<f64>| to_pos2(projector.ui_from_lonlat(c)) - offset;
        // Only what lies in the clip rect: the whole map, or a strip of it (see `picture`).
        let clip = painter.clip_rect();
        let view = super::lonlat_box(projector, clip);
        self.prefetch.ask(geometry, level, view);
        let visible = geometry.regions_in(view);
        let start = painter
            .ctx()
            .graphics(|g| g.get(painter.layer_id()).map_or(0, |l| l.next_idx().0));
        let mut tessellator = Tessellator::new(
            pixels_per_point,
            TessellationOptions::default(),
            [1, 1],
            Vec::new(),
        );
        let shapes = |i: usize| geometry.drawn(level, i);
        // A vector export reads the outlines as lines, not as the meshes kept for the window
        // (whose feathered edges are pixels' business); the tessellator makes the same pixels
        // of either.
        let as_shapes = crate::shape_groups::recording(ctx);
        // All fills first, then all outlines, so no fill covers a neighbour's outline.
        for &i in &visible {
            let (Some((_, mesh)), Some(slot)) = (shapes(i), self.fills.get_mut(i)) else {
                continue;
            };
            let color = fill(i);
            let entry =
                slot.get_or_insert_with(|| (Arc::new(fill_mesh(mesh, &made_in, color)), color));
            if entry.1 != color {
                recolor(Arc::make_mut(&mut entry.0), color);
                entry.1 = color;
            }
            shifted.add(Shape::Mesh(entry.0.clone()));
        }
        let simplified = level.and_then(|l| geometry.lod.levels.get(l));
        if let (true, Some(level)) = (stroke.width > 0.0, simplified) {
            let in_view = |b: &geo::Rect<f64>| {
                b.min().x <= view.max().x
                    && b.max().x >= view.min().x
                    && b.min().y <= view.max().y
                    && b.max().y >= view.min().y
            };
            for tile in &mut self.tiles {
                if !tile.bbox.as_ref().is_some_and(in_view) {
                    continue;
                }
                let lines = |arcs: &[usize]| tile_lines(arcs, level, projector, &made_in, stroke);
                if as_shapes {
                    shifted.extend(lines(&tile.arcs));
                    continue;
                }
                let mesh = tile.mesh.get_or_insert_with(|| {
                    let mut mesh = Mesh::default();
                    for line in lines(&tile.arcs) {
                        tessellator.tessellate_shape(line, &mut mesh);
                    }
                    Arc::new(mesh)
                });
                shifted.add(Shape::Mesh(mesh.clone()));
            }
        } else if stroke.width > 0.0 {
            for &i in &visible {
                let (Some((shape, _)), Some(slot)) = (shapes(i), self.outlines.get_mut(i)) else {
                    continue;
                };
                if as_shapes {
                    shifted.extend(outline_shapes(shape, &made_in, stroke));
                    continue;
                }
                let outline = slot.get_or_insert_with(|| {
                    Arc::new(outline_mesh(&mut tessellator, shape, &made_in, stroke))
                });
                shifted.add(Shape::Mesh(outline.clone()));
            }
        }
        if offset != Vec2::ZERO {
            let layer = painter.layer_id();
            ctx.graphics_mut(|g| {
                let list = g.entry(layer);
                let end = list.next_idx();
                // After tessellation: the kept meshes are shared with the cache, so moving their
                // vertices in place would copy every mesh each frame; this moves the copies the
                // tessellator makes anyway.
                list.transform_after_rounding_range(
                    egui::layers::ShapeIdx(start),
                    end,
                    TSTransform::from_translation(offset),
                );
            });
        }
        visible.len()
    }
}

/// The level's arcs grouped by where their middles fall in a grid over `bbox`.
fn tiles(bbox: geo::Rect<f64>, level: &zq_core::geometry::lod::Level) -> Vec<Tile> {
    let (w, h) = (bbox.width().max(1e-9), bbox.height().max(1e-9));
    let side = TILE_IN_TOLERANCES * level.epsilon;
    let count = |extent: f64| ((extent / side).ceil() as usize).clamp(1, MAX_TILES);
    let (cols, rows) = (count(w), count(h));
    let mut tiles = vec![Tile::default(); cols * rows];
    for (a, b) in level.arc_bboxes.iter().enumerate() {
        let c = b.center();
        let col = (((c.x - bbox.min().x) / w * cols as f64) as usize).min(cols - 1);
        let row = (((c.y - bbox.min().y) / h * rows as f64) as usize).min(rows - 1);
        let tile = &mut tiles[row * cols + col];
        tile.arcs.push(a);
        tile.bbox = Some(match tile.bbox {
            Some(t) => geo::Rect::new(
                Coord {
                    x: t.min().x.min(b.min().x),
                    y: t.min().y.min(b.min().y),
                },
                Coord {
                    x: t.max().x.max(b.max().x),
                    y: t.max().y.max(b.max().y),
                },
            ),
            None => *b,
        });
    }
    tiles
}

fn fill_mesh(fill: &FillMesh, made_in: &impl Fn(Coord<f64>) -> Pos2, color: Color32) -> Mesh {
    Mesh {
        vertices: fill
            .vertices
            .iter()
            .map(|&c| Vertex {
                pos: made_in(c),
                uv: WHITE_UV,
                color,
            })
            .collect(),
        indices: fill.indices.clone(),
        ..Default::default()
    }
}

fn recolor(mesh: &mut Mesh, color: Color32) {
    for v in &mut mesh.vertices {
        v.color = color;
    }
}

/// Every ring of the geometry as one stroked mesh.
fn outline_mesh(
    tessellator: &mut Tessellator,
    geometry: &MultiPolygon<f64>,
    made_in: &impl Fn(Coord<f64>) -> Pos2,
    stroke: Stroke,
) -> Mesh {
    let mut mesh = Mesh::default();
    for line in outline_shapes(geometry, made_in, stroke) {
        tessellator.tessellate_shape(line, &mut mesh);
    }
    mesh
}

/// Every ring of the geometry as a closed line.
fn outline_shapes(
    geometry: &MultiPolygon<f64>,
    made_in: &impl Fn(Coord<f64>) -> Pos2,
    stroke: Stroke,
) -> Vec<Shape> {
    geometry
        .iter()
        .flat_map(|polygon| std::iter::once(polygon.exterior()).chain(polygon.interiors()))
        .map(|ring| Shape::closed_line(ring.0.iter().map(|&c| made_in(c)).collect(), stroke))
        .collect()
}

/// A tile's shared borders as lines, but for those shorter than a point across: they are not
/// seen, and skipping the many such bits between nearby junctions saves most of the strokes at
/// low zoom.
fn tile_lines(
    arcs: &[usize],
    level: &Level,
    projector: &Projector,
    made_in: &impl Fn(Coord<f64>) -> Pos2,
    stroke: Stroke,
) -> Vec<Shape> {
    let ppd = projector.points_per_degree();
    let seen = |a: &usize| {
        level
            .arc_bboxes
            .get(*a)
            .is_some_and(|b| (b.width() + b.height()) * ppd >= 1.0)
    };
    arcs.iter()
        .filter(|a| seen(a))
        .filter_map(|&a| level.arcs.get(a))
        .map(|line| Shape::line(line.0.iter().map(|&c| made_in(c)).collect(), stroke))
        .collect()
}
