//! Levels of detail on the shipped boundaries: every county stays valid and neighbours keep
//! one shared border at each level; hit testing through the index agrees with testing every
//! region.

// A test stops where the program is not in the state it checks.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use geo::{Coord, Validation as _};
use zq_core::embedded;
use zq_core::geometry::Boundaries;
use zq_core::geometry::lod::Lod;

fn boundaries() -> Boundaries {
    Boundaries::from_geojson(embedded::BOUNDARIES.path, embedded::BOUNDARIES.bytes)
        .expect("boundaries")
}

type Segment = (Coord<f64>, Coord<f64>);

/// Every ring edge of every region.
fn segments<'a>(regions: impl Iterator<Item = &'a geo::MultiPolygon<f64>>) -> Vec<Segment> {
    let mut out = Vec::new();
    for geometry in regions {
        for polygon in geometry {
            for ring in std::iter::once(polygon.exterior()).chain(polygon.interiors()) {
                out.extend(ring.0.windows(2).map(|w| (w[0], w[1])));
            }
        }
    }
    out
}

/// Edges used by only one region: the outline of the whole set, unless a border has a gap.
fn unshared(segments: &[Segment]) -> Vec<Segment> {
    let key = |c: Coord<f64>| (c.x.to_bits(), c.y.to_bits());
    let mut counts = std::collections::HashMap::new();
    for &(a, b) in segments {
        let k = if key(a) < key(b) {
            (key(a), key(b))
        } else {
            (key(b), key(a))
        };
        *counts.entry(k).or_insert(0) += 1;
    }
    segments
        .iter()
        .copied()
        .filter(|&(a, b)| {
            let k = if key(a) < key(b) {
                (key(a), key(b))
            } else {
                (key(b), key(a))
            };
            counts[&k] == 1
        })
        .collect()
}

fn distance(p: Coord<f64>, (a, b): Segment) -> f64 {
    let (dx, dy) = (b.x - a.x, b.y - a.y);
    let len2 = dx * dx + dy * dy;
    let t = if len2 > 0.0 {
        (((p.x - a.x) * dx + (p.y - a.y) * dy) / len2).clamp(0.0, 1.0)
    } else {
        0.0
    };
    ((a.x + t * dx - p.x).powi(2) + (a.y + t * dy - p.y).powi(2)).sqrt()
}

#[test]
fn every_level_keeps_counties_valid_and_borders_shared() {
    let b = boundaries();
    let lod = Lod::build(&b);
    assert_eq!(lod.levels.len(), 6);
    let outline = unshared(&segments(b.regions.iter().map(|r| &r.geometry)));
    let full_vertices: usize = b.regions.iter().map(|r| r.vertex_count()).sum();
    let mut previous = full_vertices;
    for level in &lod.levels {
        assert!(
            level.vertex_count <= previous,
            "coarser levels have fewer vertices"
        );
        previous = level.vertex_count;
        for (region, simplified) in b.regions.iter().zip(&level.regions) {
            assert!(
                simplified.geometry.is_valid(),
                "{} at {}",
                region.name_zh,
                level.epsilon
            );
            // Only a county smaller than the tolerance may vanish (it is under a point wide
            // whenever this level is drawn).
            let size = region.bbox.width().max(region.bbox.height());
            assert!(
                !simplified.geometry.0.is_empty() || size < 2.0 * level.epsilon,
                "{} vanished at {}",
                region.name_zh,
                level.epsilon
            );
        }
        // An edge only one county uses must lie on the city's outline (within the tolerance):
        // one that runs between two counties would mean they no longer share that border.
        let edges = segments(level.regions.iter().map(|r| &r.geometry));
        for (a, b2) in unshared(&edges) {
            let mid = Coord {
                x: (a.x + b2.x) / 2.0,
                y: (a.y + b2.y) / 2.0,
            };
            for p in [a, b2, mid] {
                let near = outline
                    .iter()
                    .map(|&s| distance(p, s))
                    .fold(f64::INFINITY, f64::min);
                assert!(
                    near <= level.epsilon * 1.5 + 1e-9,
                    "a gap at {p:?} (level {}, {near})",
                    level.epsilon
                );
            }
        }
    }
    assert!(
        lod.levels[4].vertex_count * 10 < full_vertices,
        "the coarsest level is much smaller"
    );
}

#[test]
fn hit_testing_through_the_index_agrees_with_testing_every_region() {
    let b = boundaries();
    let (min, max) = (b.bbox.min(), b.bbox.max());
    let mut seed = 0x2545_F491_4F6C_DD1D_u64;
    let mut next = || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        (seed >> 11) as f64 / (1u64 << 53) as f64
    };
    let mut inside = 0;
    for _ in 0..5000 {
        let p = Coord {
            x: min.x + next() * (max.x - min.x),
            y: min.y + next() * (max.y - min.y),
        };
        let brute = b
            .regions
            .iter()
            .position(|r| geo::Contains::contains(&r.geometry, &p));
        assert_eq!(b.region_at(p), brute, "at {p:?}");
        inside += usize::from(brute.is_some());
    }
    assert!(inside > 1000, "most points fall inside the city: {inside}");
}
