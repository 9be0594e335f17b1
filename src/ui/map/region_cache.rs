//! Drawing many regions fast: only those in view, at the level of detail the zoom needs, from
//! meshes made once per level and zoom and reused while the map pans.
//!
//! A region's fill (triangles made once in lon/lat) and outline (a stroke tessellated once) are
//! projected when first drawn at a zoom and kept; while only the map's position changes, the
//! kept meshes are drawn again shifted by how far the map moved. A new zoom or new data starts
//! the cache afresh.

use std::sync::Arc;

use egui::emath::TSTransform;
use egui::epaint::{Mesh, TessellationOptions, Tessellator, Vertex, WHITE_UV};
use egui::{Color32, Painter, Pos2, Shape, Stroke, Vec2};
use geo::{Coord, MultiPolygon};

use crate::geometry::{FillMesh, Projector};
use crate::model::MapGeometry;

use super::to_pos2;

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
    /// Per region: the fill (with the colour it was made in) and the outline.
    fills: Vec<Option<(Arc<Mesh>, Color32)>>,
    outlines: Vec<Option<Arc<Mesh>>>,
}

impl std::fmt::Debug for RegionCache {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("RegionCache")
            .field("key", &self.key)
            .field("kept", &self.fills.iter().filter(|m| m.is_some()).count())
            .finish()
    }
}

/// The caches of the map's two sets of regions.
#[derive(Clone, Debug, Default)]
pub struct MapCaches {
    pub counties: RegionCache,
    pub context: RegionCache,
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
            *self = Self {
                key: Some(key),
                reference: projector.center_lonlat(),
                origin: to_pos2(projector.ui_from_lonlat(projector.center_lonlat())),
                fills: vec![None; n],
                outlines: vec![None; n],
            };
        }
        let offset = to_pos2(projector.ui_from_lonlat(self.reference)) - self.origin;
        // Meshes are in the coordinates of the frame they were made in; draw them through a clip
        // rect in those coordinates, then shift everything drawn by `offset`.
        let clip = painter.clip_rect();
        let shifted = painter.with_clip_rect(clip.translate(-offset));
        let made_in = |c: Coord<f64>| to_pos2(projector.ui_from_lonlat(c)) - offset;
        let visible = geometry.regions_in(projector.visible_lonlat());
        let start = painter
            .ctx()
            .graphics(|g| g.get(painter.layer_id()).map_or(0, |l| l.next_idx().0));
        let mut tessellator = Tessellator::new(
            pixels_per_point,
            TessellationOptions::default(),
            [1, 1],
            Vec::new(),
        );
        let shapes = |i: usize| -> Option<(&MultiPolygon<f64>, &FillMesh)> {
            match level.and_then(|l| geometry.lod.levels.get(l)) {
                Some(level) => level.regions.get(i).map(|r| (&r.geometry, &r.fill)),
                None => geometry
                    .regions
                    .get(i)
                    .map(|r| (&r.geometry, geometry.fill(i))),
            }
        };
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
        if stroke.width > 0.0 {
            for &i in &visible {
                let (Some((shape, _)), Some(slot)) = (shapes(i), self.outlines.get_mut(i)) else {
                    continue;
                };
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
                list.transform_range(
                    egui::layers::ShapeIdx(start),
                    end,
                    TSTransform::from_translation(offset),
                );
            });
        }
        visible.len()
    }
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
    for polygon in geometry {
        for ring in std::iter::once(polygon.exterior()).chain(polygon.interiors()) {
            let points: Vec<Pos2> = ring.0.iter().map(|&c| made_in(c)).collect();
            tessellator.tessellate_shape(Shape::closed_line(points, stroke), &mut mesh);
        }
    }
    mesh
}
