//! Rings that cross or touch themselves. Such a ring has no well-defined inside: its area, its
//! label point and which county a click falls in all come out wrong. The rule: each such ring is
//! reported (feature, ring, the crossing point) and its polygon is repaired by geo's
//! `MakeValid`, which splits it where it crosses and keeps what the ring encloses an odd number
//! of times (the even-odd rule, the way the ring is drawn). A polygon that cannot be repaired
//! refuses the file.

use geo::{
    Coord, Line, LineIntersection, LineString, MakeValid as _, MultiPolygon, Polygon,
    line_intersection::line_intersection,
};
use rstar::primitives::{GeomWithData, Rectangle};
use rstar::{RTree, RTreeObject as _};

use super::geojson::{Feature, Geometry};
use crate::load::error::LoadError;

/// A ring crossing itself at more places than this is refused rather than repaired: it is a
/// broken file, not a border drawn a little wrong, and repairing it costs seconds.
pub const MAX_CROSSINGS: usize = 50;

/// Where a closed ring first (west, then south) crosses or touches itself, if it does: two
/// segments that are not neighbours meet, or neighbours overlap (a spike that doubles back).
pub fn first_crossing(ring: &LineString<f64>) -> Option<Coord<f64>> {
    crossings(ring).first().copied()
}

/// Up to `MAX_CROSSINGS + 1` places where a closed ring crosses or touches itself, the first
/// (west, then south) first.
pub fn crossings(ring: &LineString<f64>) -> Vec<Coord<f64>> {
    // Repeated points are left out, so that the segments either side of one are neighbours.
    let segments: Vec<Line<f64>> = ring.lines().filter(|line| line.start != line.end).collect();
    let last = segments.len().saturating_sub(1);
    let neighbours = |a: usize, b: usize| a.abs_diff(b) == 1 || (a.min(b) == 0 && a.max(b) == last);
    let meet = |a: usize, b: usize| match line_intersection(segments[a], segments[b]) {
        Some(LineIntersection::SinglePoint { intersection, .. }) if !neighbours(a, b) => {
            Some(intersection)
        }
        Some(LineIntersection::Collinear { intersection })
            if intersection.start != intersection.end =>
        {
            Some(intersection.start)
        }
        _ => None,
    };
    let envelope = |line: &Line<f64>| {
        Rectangle::from_corners(
            [line.start.x.min(line.end.x), line.start.y.min(line.end.y)],
            [line.start.x.max(line.end.x), line.start.y.max(line.end.y)],
        )
    };
    let mut found: Vec<Coord<f64>> = Vec::new();
    let enough = |found: &Vec<Coord<f64>>| found.len() > MAX_CROSSINGS;
    // A sweep along x meets only the segments whose x ranges overlap: fast for a real border.
    // A ring drawn to make every range overlap (a zigzag across a band) would make it quadratic,
    // so past a budget of pairs the segments are found by their boxes in an R-tree instead.
    let mut order: Vec<usize> = (0..segments.len()).collect();
    let x_range = |l: &Line<f64>| (l.start.x.min(l.end.x), l.start.x.max(l.end.x));
    let y_range = |l: &Line<f64>| (l.start.y.min(l.end.y), l.start.y.max(l.end.y));
    order.sort_unstable_by(|&a, &b| x_range(&segments[a]).0.total_cmp(&x_range(&segments[b]).0));
    let mut budget = 64 * segments.len() + 10_000;
    'sweep: for (i, &a) in order.iter().enumerate() {
        if enough(&found) {
            break;
        }
        let (ax, ay) = (x_range(&segments[a]), y_range(&segments[a]));
        for &b in &order[i + 1..] {
            if x_range(&segments[b]).0 > ax.1 {
                break;
            }
            budget = budget.saturating_sub(1);
            if budget == 0 {
                found.clear();
                break 'sweep;
            }
            let by = y_range(&segments[b]);
            if by.0 <= ay.1 && ay.0 <= by.1 {
                found.extend(meet(a, b));
            }
        }
    }
    if budget == 0 {
        let tree = RTree::bulk_load(
            segments
                .iter()
                .enumerate()
                .map(|(k, line)| GeomWithData::new(envelope(line), k))
                .collect(),
        );
        'boxes: for (a, line) in segments.iter().enumerate() {
            for b in tree.locate_in_envelope_intersecting(&envelope(line).envelope()) {
                if enough(&found) {
                    break 'boxes;
                }
                if b.data > a {
                    found.extend(meet(a, b.data));
                }
            }
        }
    }
    found.sort_unstable_by(|p, q| p.x.total_cmp(&q.x).then(p.y.total_cmp(&q.y)));
    found
}

/// Repairs every polygon of `features` that has a crossing ring; one warning per such ring.
pub fn repair_crossings(file: &str, features: &mut [Feature]) -> Result<Vec<LoadError>, LoadError> {
    let mut warnings = Vec::new();
    for feature in features.iter_mut() {
        let index = feature.index;
        let Some(geometry) = feature.geometry.as_mut() else {
            continue;
        };
        let (polygons, multi): (Vec<&Polygon<f64>>, bool) = match &*geometry {
            Geometry::Polygon(p) => (vec![p], false),
            Geometry::MultiPolygon(mp) => (mp.iter().collect(), true),
            _ => continue,
        };
        let mut repaired: Vec<Polygon<f64>> = Vec::new();
        let mut changed = false;
        for (i, polygon) in polygons.into_iter().enumerate() {
            let rings = std::iter::once(polygon.exterior()).chain(polygon.interiors());
            let crossings: Vec<(usize, Vec<Coord<f64>>)> = rings
                .enumerate()
                .map(|(r, ring)| (r, self::crossings(ring)))
                .filter(|(_, at)| !at.is_empty())
                .collect();
            if crossings.is_empty() {
                repaired.push(polygon.clone());
                continue;
            }
            let place = |r: usize| {
                if multi {
                    format!("feature {index}: geometry.coordinates[{i}][{r}]")
                } else {
                    format!("feature {index}: geometry.coordinates[{r}]")
                }
            };
            let refuse = |r: usize, at: Coord<f64>, why: &str| {
                LoadError::new(
                    file,
                    place(r),
                    format!(
                        "the ring crosses or touches itself at [{:.6}, {:.6}]{why}",
                        at.x, at.y
                    ),
                )
                .with_hint("repair it in QGIS: Vector → Geometry Tools → Fix Geometries")
            };
            if let Some((r, at)) = crossings.iter().find(|(_, at)| at.len() > MAX_CROSSINGS) {
                return Err(refuse(
                    *r,
                    at[0],
                    &format!(
                        " and at {MAX_CROSSINGS} or more other places: the file is broken \
                         there, not a border drawn a little wrong"
                    ),
                ));
            }
            let Ok(valid) = polygon.make_valid() else {
                let (r, at) = &crossings[0];
                return Err(refuse(*r, at[0], " and cannot be repaired"));
            };
            for (r, at) in crossings.iter().map(|(r, at)| (*r, at[0])) {
                warnings.push(LoadError::new(
                    file,
                    place(r),
                    format!(
                        "the ring crosses or touches itself at [{:.6}, {:.6}]; the polygon is \
                         split there and keeps what the ring encloses an odd number of times",
                        at.x, at.y
                    ),
                ));
            }
            repaired.extend(valid);
            changed = true;
        }
        if changed {
            *geometry = Geometry::MultiPolygon(MultiPolygon(repaired));
        }
    }
    Ok(warnings)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ring(points: &[(f64, f64)]) -> LineString<f64> {
        LineString::from(points.to_vec())
    }

    #[test]
    fn a_zigzag_across_a_band_is_checked_by_boxes() {
        // Every segment spans the same longitudes: past the sweep's budget.
        let mut points: Vec<(f64, f64)> = (0..20_000)
            .map(|i| {
                (
                    if i % 2 == 0 { 112.0 } else { 113.0 },
                    23.0 + f64::from(i) * 1e-4,
                )
            })
            .collect();
        points.push((111.0, 25.0));
        points.push((111.0, 23.0));
        points.push(points[0]);
        assert_eq!(first_crossing(&ring(&points)), None);
        // The same with its last zig crossing the first.
        let n = points.len();
        points[n - 2] = (112.5, 22.0);
        assert!(first_crossing(&ring(&points)).is_some());
    }

    #[test]
    fn a_bow_tie_crosses_at_its_middle_and_a_square_does_not() {
        let bow_tie = ring(&[(0.0, 0.0), (2.0, 2.0), (2.0, 0.0), (0.0, 2.0), (0.0, 0.0)]);
        assert_eq!(first_crossing(&bow_tie), Some(Coord { x: 1.0, y: 1.0 }));
        let square = ring(&[
            (0.0, 0.0),
            (1.0, 0.0),
            (1.0, 1.0),
            (1.0, 1.0),
            (0.0, 1.0),
            (0.0, 0.0),
        ]);
        assert_eq!(first_crossing(&square), None);
    }
}
