//! Levels of detail: each region simplified at a few tolerances, sharing borders exactly.
//!
//! A map of all 2,875 counties of China holds 4.2 million vertices, far more than a frame can
//! draw; at the whole-country view a few percent of them are enough. Simplifying each region on
//! its own would leave slivers and gaps along shared borders, so the boundaries are first cut
//! into arcs (stretches of border between the points where regions meet), each arc is
//! simplified once (Douglas–Peucker, in a canonical direction), and every region is put back
//! together from the same simplified arcs: neighbours keep exactly the same border. A region
//! whose simplified shape would be invalid takes its arcs from finer levels until it is valid.

use std::borrow::Cow;
use std::sync::OnceLock;

use geo::{BoundingRect as _, Coord, LineString, MultiPolygon, Polygon, Rect};
use rustc_hash::FxHashMap;

use super::boundaries::Boundaries;
use super::tessellation::FillMesh;

/// Tolerances in degrees, finest first: about 30 m, 120 m, 500 m, 2 km, 8 km and 30 km.
pub const EPSILONS: [f64; 6] = [0.0003, 0.0012, 0.005, 0.02, 0.08, 0.3];

/// A level is drawn while its tolerance stays under this many UI points on screen: a border
/// moved by less than a point is not seen.
const MAX_ERROR_POINTS: f64 = 1.0;

/// One region at one level: its polygons and their fill triangles; empty when the whole region
/// is smaller than the tolerance.
#[derive(Clone, Debug)]
pub struct LevelRegion {
    pub geometry: MultiPolygon<f64>,
    /// Made the first time the region is drawn at this level: close up only the regions in view
    /// are ever drawn, so triangulating every region at every level up front would cost memory
    /// (a third copy of the vertices) and load time for meshes that are mostly never used.
    fill: OnceLock<FillMesh>,
}

impl LevelRegion {
    pub fn fill(&self) -> &FillMesh {
        self.fill
            .get_or_init(|| FillMesh::of_geometry(&self.geometry))
    }
}

#[derive(Clone, Debug)]
pub struct Level {
    pub epsilon: f64,
    /// Same order as the boundaries' regions.
    pub regions: Vec<LevelRegion>,
    /// Every border once, as the regions use it at this level: drawing these instead of each
    /// region's outline draws a shared border once, not twice.
    pub arcs: Vec<LineString<f64>>,
    pub arc_bboxes: Vec<Rect<f64>>,
    pub vertex_count: usize,
}

#[derive(Clone, Debug, Default)]
pub struct Lod {
    /// Finest first, as [`EPSILONS`].
    pub levels: Vec<Level>,
}

impl Lod {
    /// The coarsest level fine enough at `points_per_degree`; `None` when only the full
    /// geometry will do.
    pub fn level_for(&self, points_per_degree: f64) -> Option<&Level> {
        self.level_index_for(points_per_degree)
            .and_then(|i| self.levels.get(i))
    }

    /// The index of [`Self::level_for`]'s level.
    pub fn level_index_for(&self, points_per_degree: f64) -> Option<usize> {
        self.levels
            .iter()
            .rposition(|level| level.epsilon * points_per_degree <= MAX_ERROR_POINTS)
    }

    pub fn build(boundaries: &Boundaries) -> Self {
        let topology = Topology::of(boundaries);
        // shapes[l][arc]: the arc simplified at level l.
        let mut shapes: Vec<Vec<Vec<Coord<f64>>>> = Vec::with_capacity(EPSILONS.len());
        let mut levels = Vec::with_capacity(EPSILONS.len());
        for (l, &epsilon) in EPSILONS.iter().enumerate() {
            shapes.push(
                (0..topology.arcs.len())
                    .map(|arc| simplify(&topology.arc(arc), epsilon))
                    .collect(),
            );
            // Where each arc's shape comes from at this level: a level index, or the original.
            let mut source: Vec<Option<usize>> = vec![Some(l); topology.arcs.len()];
            let shape = |source: &[Option<usize>], arc: usize| -> Cow<'_, [Coord<f64>]> {
                match source[arc] {
                    Some(k) => Cow::Borrowed(shapes[k][arc].as_slice()),
                    None => Cow::Owned(topology.arc(arc)),
                }
            };
            let mut regions: Vec<MultiPolygon<f64>> = (0..topology.regions.len())
                .map(|r| topology.assemble(r, |arc| shape(&source, arc)))
                .collect();
            let mut to_check: Vec<usize> = (0..regions.len()).rev().collect();
            while let Some(r) = to_check.pop() {
                if !rings_cross(&regions[r]) {
                    continue;
                }
                let mut changed = false;
                for &arc in &topology.region_arcs[r] {
                    if let Some(k) = source[arc] {
                        source[arc] = k.checked_sub(1);
                        changed = true;
                    }
                }
                if !changed {
                    continue; // Already the original geometry: nothing finer to take.
                }
                let mut affected: Vec<usize> = topology.region_arcs[r]
                    .iter()
                    .flat_map(|&a| topology.arc_regions[a].iter().copied())
                    .collect();
                affected.sort_unstable();
                affected.dedup();
                for n in affected {
                    regions[n] = topology.assemble(n, |arc| shape(&source, arc));
                    to_check.push(n);
                }
            }
            let arcs: Vec<LineString<f64>> = (0..topology.arcs.len())
                .map(|arc| LineString(shape(&source, arc).into_owned()))
                .collect();
            let arc_bboxes = arcs
                .iter()
                .map(|a| {
                    a.bounding_rect()
                        .unwrap_or(Rect::new(Coord::zero(), Coord::zero()))
                })
                .collect();
            let regions: Vec<LevelRegion> = regions
                .into_iter()
                .map(|geometry| LevelRegion {
                    geometry,
                    fill: OnceLock::new(),
                })
                .collect();
            let vertex_count = regions.iter().map(|r| vertex_count(&r.geometry)).sum();
            levels.push(Level {
                epsilon,
                regions,
                arcs,
                arc_bboxes,
                vertex_count,
            });
        }
        Self { levels }
    }
}

/// Whether any two edges of the region's rings cross or overlap (a ring crossing itself or
/// another ring): what simplification can break. Edges are bucketed in a grid so that only
/// nearby edges are compared, which keeps this linear for the shapes maps hold.
fn rings_cross(geometry: &MultiPolygon<f64>) -> bool {
    let mut edges: Vec<(Coord<f64>, Coord<f64>)> = Vec::new();
    for polygon in geometry {
        for ring in std::iter::once(polygon.exterior()).chain(polygon.interiors()) {
            edges.extend(ring.0.windows(2).map(|w| (w[0], w[1])));
        }
    }
    if edges.len() < 4 {
        return false;
    }
    let (mut min, mut max) = (edges[0].0, edges[0].0);
    let mut total = 0.0;
    for &(a, b) in &edges {
        min = Coord {
            x: min.x.min(a.x),
            y: min.y.min(a.y),
        };
        max = Coord {
            x: max.x.max(a.x),
            y: max.y.max(a.y),
        };
        total += (b.x - a.x).abs() + (b.y - a.y).abs();
    }
    // Cells about two average edges wide; no more cells than edges.
    let cell = (2.0 * total / edges.len() as f64)
        .max((max.x - min.x).max(max.y - min.y) / (edges.len() as f64).sqrt())
        .max(1e-12);
    let cols = (((max.x - min.x) / cell) as usize + 1).min(1 << 15);
    let cell_of = |c: Coord<f64>| {
        (
            ((c.x - min.x) / cell) as usize,
            ((c.y - min.y) / cell) as usize,
        )
    };
    let mut grid: FxHashMap<usize, Vec<usize>> = FxHashMap::default();
    for (i, &(a, b)) in edges.iter().enumerate() {
        let (ax, ay) = cell_of(a);
        let (bx, by) = cell_of(b);
        for x in ax.min(bx)..=ax.max(bx) {
            for y in ay.min(by)..=ay.max(by) {
                grid.entry(y * cols + x).or_default().push(i);
            }
        }
    }
    grid.values().any(|bucket| {
        bucket.iter().enumerate().any(|(k, &i)| {
            bucket[k + 1..]
                .iter()
                .any(|&j| edges_cross(edges[i], edges[j]))
        })
    })
}

/// Whether two edges cross or overlap anywhere other than at an endpoint they share (rings meet
/// end to end, and a ring may touch another at a single vertex).
fn edges_cross((a, b): (Coord<f64>, Coord<f64>), (c, d): (Coord<f64>, Coord<f64>)) -> bool {
    // -1, 0 or 1 (not f64::signum, which calls 0 positive).
    let orient = |p: Coord<f64>, q: Coord<f64>, r: Coord<f64>| {
        let v = (q.x - p.x) * (r.y - p.y) - (q.y - p.y) * (r.x - p.x);
        if v > 0.0 {
            1.0
        } else if v < 0.0 {
            -1.0
        } else {
            0.0
        }
    };
    let shared = a == c || a == d || b == c || b == d;
    let (o1, o2, o3, o4) = (
        orient(a, b, c),
        orient(a, b, d),
        orient(c, d, a),
        orient(c, d, b),
    );
    if o1 * o2 < 0.0 && o3 * o4 < 0.0 {
        return true; // A proper crossing.
    }
    if shared {
        // Edges that share an endpoint only cross by overlapping: collinear, pointing the same way.
        let collinear = o1 == 0.0 && o2 == 0.0;
        let along = |p: Coord<f64>, q: Coord<f64>, r: Coord<f64>| {
            (q.x - p.x) * (r.x - p.x) + (q.y - p.y) * (r.y - p.y) > 0.0
        };
        return collinear
            && ((a == c && along(a, b, d))
                || (a == d && along(a, b, c))
                || (b == c && along(b, a, d))
                || (b == d && along(b, a, c)));
    }
    // Touching without a shared endpoint: an endpoint lying on the other edge.
    let on = |p: Coord<f64>, q: Coord<f64>, r: Coord<f64>| {
        r.x >= p.x.min(q.x) && r.x <= p.x.max(q.x) && r.y >= p.y.min(q.y) && r.y <= p.y.max(q.y)
    };
    (o1 == 0.0 && on(a, b, c))
        || (o2 == 0.0 && on(a, b, d))
        || (o3 == 0.0 && on(c, d, a))
        || (o4 == 0.0 && on(c, d, b))
}

pub fn vertex_count(geometry: &MultiPolygon<f64>) -> usize {
    geometry
        .iter()
        .map(|p| p.exterior().0.len() + p.interiors().iter().map(|r| r.0.len()).sum::<usize>())
        .sum()
}

/// A reference to an arc within a ring: which arc, and whether the ring runs it backwards.
#[derive(Clone, Copy, Debug)]
struct ArcRef {
    arc: usize,
    reversed: bool,
}

/// Where an arc's vertices are: `len + 1` vertices of one ring from `start` (wrapping around the
/// ring's end), read backwards when `reversed` (the canonical direction).
#[derive(Clone, Copy, Debug)]
struct ArcSpan {
    ring: u32,
    start: u32,
    len: u32,
    reversed: bool,
}

/// The boundaries cut into arcs. Arcs are spans of the boundaries' own rings, not copies: all of
/// China's borders would otherwise be held twice while the levels are made.
struct Topology<'a> {
    /// Every ring without its repeated closing vertex.
    rings: Vec<&'a [Coord<f64>]>,
    arcs: Vec<ArcSpan>,
    /// region → polygon → ring (exterior first) → its arcs in order.
    regions: Vec<Vec<Vec<Vec<ArcRef>>>>,
    /// Arcs used by each region, and regions using each arc.
    region_arcs: Vec<Vec<usize>>,
    arc_regions: Vec<Vec<usize>>,
}

/// A coordinate as exact bits, for finding the same vertex in neighbouring rings.
type Key = (u64, u64);

fn key(c: Coord<f64>) -> Key {
    (c.x.to_bits(), c.y.to_bits())
}

impl<'a> Topology<'a> {
    fn of(boundaries: &'a Boundaries) -> Self {
        let mut rings: Vec<&'a [Coord<f64>]> = Vec::new();
        let mut places: Vec<(usize, usize, usize)> = Vec::new();
        for (r, region) in boundaries.regions.iter().enumerate() {
            for (p, polygon) in region.geometry.iter().enumerate() {
                for (i, ring) in std::iter::once(polygon.exterior())
                    .chain(polygon.interiors())
                    .enumerate()
                {
                    let coords = ring.0.as_slice();
                    let open = match coords.split_last() {
                        Some((last, rest)) if rest.first() == Some(last) => rest,
                        _ => coords,
                    };
                    if open.len() >= 3 {
                        rings.push(open);
                        places.push((r, p, i));
                    }
                }
            }
        }
        let node = Self::nodes(&rings);

        let mut arcs: Vec<ArcSpan> = Vec::new();
        let mut arc_ids: FxHashMap<(Key, Key, Key, u32), usize> = FxHashMap::default();
        let mut regions: Vec<Vec<Vec<Vec<ArcRef>>>> = vec![Vec::new(); boundaries.regions.len()];
        for (ring_id, (&coords, &(r, p, i))) in rings.iter().zip(&places).enumerate() {
            let n = coords.len();
            let nodes: Vec<usize> = (0..n).filter(|&k| node[ring_id][k]).collect();
            let spans: Vec<(usize, usize)> = if nodes.is_empty() {
                // A ring that meets no other ring at a node: one closed arc, started at its
                // smallest vertex so that a neighbour running the same loop finds the same arc.
                let start = (0..n).min_by_key(|&k| key(coords[k])).unwrap_or(0);
                vec![(start, n)]
            } else {
                nodes
                    .iter()
                    .enumerate()
                    .map(|(j, &from)| {
                        let to = nodes[(j + 1) % nodes.len()];
                        (from, if to > from { to - from } else { to + n - from })
                    })
                    .collect()
            };
            let refs = spans
                .into_iter()
                .map(|(start, len)| intern(&mut arcs, &mut arc_ids, coords, ring_id, start, len))
                .collect();
            let polygons = &mut regions[r];
            if polygons.len() <= p {
                polygons.resize(p + 1, Vec::new());
            }
            let ring_slots = &mut polygons[p];
            if ring_slots.len() <= i {
                ring_slots.resize(i + 1, Vec::new());
            }
            ring_slots[i] = refs;
        }
        let mut region_arcs: Vec<Vec<usize>> = regions
            .iter()
            .map(|polygons| polygons.iter().flatten().flatten().map(|a| a.arc).collect())
            .collect();
        let mut arc_regions: Vec<Vec<usize>> = vec![Vec::new(); arcs.len()];
        for (r, list) in region_arcs.iter_mut().enumerate() {
            list.sort_unstable();
            list.dedup();
            for &arc in list.iter() {
                arc_regions[arc].push(r);
            }
        }
        Self {
            rings,
            arcs,
            regions,
            region_arcs,
            arc_regions,
        }
    }

    /// Which ring vertices are nodes: where regions meet or part. Every vertex position is
    /// sorted with its occurrences; a position used once is not a node, nor one two rings pass
    /// "straight through" (one's neighbours there are the other's); anything else (a third
    /// ring, a ring touching itself, borders that part) is.
    fn nodes(rings: &[&[Coord<f64>]]) -> Vec<Vec<bool>> {
        let mut node: Vec<Vec<bool>> = rings.iter().map(|r| vec![false; r.len()]).collect();
        let mut all: Vec<(Key, u32, u32)> = Vec::with_capacity(rings.iter().map(|r| r.len()).sum());
        for (ring, coords) in rings.iter().enumerate() {
            all.extend(
                coords
                    .iter()
                    .enumerate()
                    .map(|(i, &c)| (key(c), ring as u32, i as u32)),
            );
        }
        all.sort_unstable_by_key(|&(k, _, _)| k);
        let neighbours = |ring: u32, i: u32| {
            let coords = rings[ring as usize];
            let (n, i) = (coords.len(), i as usize);
            (key(coords[(i + n - 1) % n]), key(coords[(i + 1) % n]))
        };
        for group in all.chunk_by(|a, b| a.0 == b.0) {
            let is_node = match group {
                [_] => false,
                [(_, r1, i1), (_, r2, i2)] => {
                    let (p1, n1) = neighbours(*r1, *i1);
                    let (p2, n2) = neighbours(*r2, *i2);
                    r1 == r2 || !((p1 == n2 && n1 == p2) || (p1 == p2 && n1 == n2))
                }
                _ => true,
            };
            if is_node {
                for &(_, ring, i) in group {
                    node[ring as usize][i as usize] = true;
                }
            }
        }
        node
    }

    /// An arc's vertices in its canonical direction.
    fn arc(&self, id: usize) -> Vec<Coord<f64>> {
        let Some(span) = self.arcs.get(id) else {
            return Vec::new();
        };
        let coords = self.rings[span.ring as usize];
        let n = coords.len();
        let mut points: Vec<Coord<f64>> = (0..=span.len as usize)
            .map(|k| coords[(span.start as usize + k) % n])
            .collect();
        if span.reversed {
            points.reverse();
        }
        points
    }

    /// A region's polygons from its arcs' shapes; rings that collapse below four positions are
    /// left out (a polygon without its exterior goes with it).
    fn assemble(
        &self,
        region: usize,
        shape: impl Fn(usize) -> Cow<'a, [Coord<f64>]>,
    ) -> MultiPolygon<f64> {
        let ring = |refs: &[ArcRef]| -> Option<LineString<f64>> {
            let mut coords: Vec<Coord<f64>> = Vec::new();
            for r in refs {
                let arc = shape(r.arc);
                let mut push = |c: Coord<f64>| {
                    if coords.last() != Some(&c) {
                        coords.push(c);
                    }
                };
                if r.reversed {
                    arc.iter().rev().for_each(|&c| push(c));
                } else {
                    arc.iter().for_each(|&c| push(c));
                }
            }
            if coords.first() != coords.last()
                && let Some(&first) = coords.first()
            {
                coords.push(first);
            }
            (coords.len() >= 4).then_some(LineString(coords))
        };
        let polygons = self.regions[region]
            .iter()
            .filter_map(|rings| {
                let (exterior, holes) = rings.split_first()?;
                let exterior = ring(exterior)?;
                let holes = holes.iter().filter_map(|h| ring(h)).collect();
                Some(Polygon::new(exterior, holes))
            })
            .collect();
        MultiPolygon(polygons)
    }
}

/// The id of the arc of `len + 1` vertices of `coords` from `start` (ring order), adding it if
/// new. An arc is stored in a canonical direction; a ring running it the other way refers to it
/// backwards, so that neighbours find the same arc.
fn intern(
    arcs: &mut Vec<ArcSpan>,
    ids: &mut FxHashMap<(Key, Key, Key, u32), usize>,
    coords: &[Coord<f64>],
    ring: usize,
    start: usize,
    len: usize,
) -> ArcRef {
    let n = coords.len();
    let at = |k: usize| coords[(start + k) % n];
    let (first, last) = (at(0), at(len));
    let reversed = if first == last {
        // A closed arc: the direction with the smaller second vertex.
        len >= 2 && key(at(len - 1)) < key(at(1))
    } else {
        key(last) < key(first)
    };
    let canonical = |k: usize| if reversed { at(len - k) } else { at(k) };
    let id_key = (
        key(canonical(0)),
        key(canonical(1.min(len))),
        key(canonical(len)),
        len as u32,
    );
    let id = *ids.entry(id_key).or_insert_with(|| {
        arcs.push(ArcSpan {
            ring: ring as u32,
            start: start as u32,
            len: len as u32,
            reversed,
        });
        arcs.len() - 1
    });
    ArcRef { arc: id, reversed }
}

/// Douglas–Peucker on an arc, keeping its endpoints, with distances in a local plane where a
/// degree of longitude is shortened by the cosine of latitude.
fn simplify(arc: &[Coord<f64>], epsilon: f64) -> Vec<Coord<f64>> {
    let n = arc.len();
    if n <= 2 {
        return arc.to_vec();
    }
    let mut keep = vec![false; n];
    keep[0] = true;
    keep[n - 1] = true;
    let mut stack = vec![(0, n - 1)];
    if arc[0] == arc[n - 1] {
        // A closed arc: split it at its farthest vertex from the start first.
        let far = (1..n - 1)
            .max_by(|&a, &b| dist2(arc[0], arc[a]).total_cmp(&dist2(arc[0], arc[b])))
            .unwrap_or(1);
        keep[far] = true;
        stack = vec![(0, far), (far, n - 1)];
    }
    let eps2 = epsilon * epsilon;
    while let Some((a, b)) = stack.pop() {
        if b <= a + 1 {
            continue;
        }
        let (mut worst, mut worst_d) = (a, 0.0);
        for k in a + 1..b {
            let d = segment_dist2(arc[k], arc[a], arc[b]);
            if d > worst_d {
                worst = k;
                worst_d = d;
            }
        }
        if worst_d > eps2 {
            keep[worst] = true;
            stack.push((a, worst));
            stack.push((worst, b));
        }
    }
    arc.iter()
        .zip(keep)
        .filter_map(|(&c, k)| k.then_some(c))
        .collect()
}

fn scaled(c: Coord<f64>, cos: f64) -> (f64, f64) {
    (c.x * cos, c.y)
}

fn dist2(a: Coord<f64>, b: Coord<f64>) -> f64 {
    let cos = ((a.y + b.y) / 2.0).to_radians().cos();
    let (dx, dy) = ((a.x - b.x) * cos, a.y - b.y);
    dx * dx + dy * dy
}

/// Squared distance from `p` to the segment `a`–`b`.
fn segment_dist2(p: Coord<f64>, a: Coord<f64>, b: Coord<f64>) -> f64 {
    let cos = ((a.y + b.y) / 2.0).to_radians().cos();
    let (px, py) = scaled(p, cos);
    let (ax, ay) = scaled(a, cos);
    let (bx, by) = scaled(b, cos);
    let (dx, dy) = (bx - ax, by - ay);
    let len2 = dx * dx + dy * dy;
    let t = if len2 > 0.0 {
        (((px - ax) * dx + (py - ay) * dy) / len2).clamp(0.0, 1.0)
    } else {
        0.0
    };
    let (cx, cy) = (ax + t * dx - px, ay + t * dy - py);
    cx * cx + cy * cy
}

#[cfg(test)]
mod tests {
    use super::*;

    fn two_squares() -> Boundaries {
        // Two unit squares sharing the edge x = 1, with a wiggly shared border.
        let text = r#"{"type":"FeatureCollection","features":[
          {"type":"Feature","properties":{"code":"a"},"geometry":{"type":"Polygon","coordinates":[[[0,0],[1,0],[1.0001,0.25],[0.9999,0.5],[1.0001,0.75],[1,1],[0,1],[0,0]]]}},
          {"type":"Feature","properties":{"code":"b"},"geometry":{"type":"Polygon","coordinates":[[[1,0],[2,0],[2,1],[1,1],[1.0001,0.75],[0.9999,0.5],[1.0001,0.25],[1,0]]]}}]}"#;
        Boundaries::from_geojson("t", text.as_bytes()).unwrap()
    }

    #[test]
    fn shared_borders_stay_shared_and_regions_valid() {
        let b = two_squares();
        let lod = Lod::build(&b);
        for level in &lod.levels {
            let [a, c] = [&level.regions[0].geometry, &level.regions[1].geometry];
            assert!(geo::Validation::is_valid(a) && geo::Validation::is_valid(c));
            // The wiggle is below every tolerance: both keep the straight shared edge, exactly.
            let border = |g: &MultiPolygon<f64>| -> Vec<Coord<f64>> {
                let mut v: Vec<Coord<f64>> = g.0[0]
                    .exterior()
                    .0
                    .iter()
                    .copied()
                    .filter(|c| (c.x - 1.0).abs() < 0.01)
                    .collect();
                v.sort_by(|p, q| p.y.total_cmp(&q.y));
                v.dedup();
                v
            };
            assert_eq!(border(a), border(c), "epsilon {}", level.epsilon);
        }
        assert_eq!(lod.levels[0].regions[0].geometry.0[0].exterior().0.len(), 5);
    }

    #[test]
    fn original_counties_do_not_cross() {
        let b = Boundaries::from_geojson(
            crate::embedded::BOUNDARIES.path,
            crate::embedded::BOUNDARIES.bytes,
        )
        .unwrap();
        for r in &b.regions {
            assert!(!rings_cross(&r.geometry), "{}", r.name_zh);
        }
    }

    #[test]
    fn crossings_are_found() {
        let c = |x: f64, y: f64| Coord { x, y };
        let square = MultiPolygon(vec![Polygon::new(
            LineString(vec![
                c(0.0, 0.0),
                c(1.0, 0.0),
                c(1.0, 1.0),
                c(0.0, 1.0),
                c(0.0, 0.0),
            ]),
            vec![],
        )]);
        assert!(!rings_cross(&square));
        let bowtie = MultiPolygon(vec![Polygon::new(
            LineString(vec![
                c(0.0, 0.0),
                c(1.0, 1.0),
                c(1.0, 0.0),
                c(0.0, 1.0),
                c(0.0, 0.0),
            ]),
            vec![],
        )]);
        assert!(rings_cross(&bowtie));
        let spike = MultiPolygon(vec![Polygon::new(
            LineString(vec![
                c(0.0, 0.0),
                c(2.0, 0.0),
                c(1.0, 0.0),
                c(1.0, 1.0),
                c(0.0, 0.0),
            ]),
            vec![],
        )]);
        assert!(
            rings_cross(&spike),
            "a ring doubling back on itself overlaps"
        );
    }

    #[test]
    fn levels_are_chosen_by_zoom() {
        let lod = Lod::build(&two_squares());
        assert!(lod.level_for(1e6).is_none(), "very close: full detail");
        let coarse = lod.level_for(1.0).map(|l| l.epsilon);
        assert_eq!(coarse, Some(EPSILONS[5]));
        let mid = lod.level_for(1.0 / 0.005).map(|l| l.epsilon);
        assert_eq!(mid, Some(0.005));
    }
}
