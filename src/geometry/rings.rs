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
use crate::load_error::LoadError;

/// Where a closed ring first crosses or touches itself, if it does: two segments that are not
/// neighbours meet, or neighbours overlap (a spike that doubles back).
pub fn first_crossing(ring: &LineString<f64>) -> Option<Coord<f64>> {
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
    // The crossing reported is the lowest (west, then south), whichever way it was found.
    let keep = |first: &mut Option<Coord<f64>>, at: Option<Coord<f64>>| {
        if let Some(at) = at
            && first.is_none_or(|f| (at.x, at.y) < (f.x, f.y))
        {
            *first = Some(at);
        }
    };
    let mut first: Option<Coord<f64>> = None;
    // A sweep along x meets only the segments whose x ranges overlap: fast for a real border.
    // A ring drawn to make every range overlap (a zigzag across a band) would make it quadratic,
    // so past a budget of pairs the segments are found by their boxes in an R-tree instead.
    let mut order: Vec<usize> = (0..segments.len()).collect();
    let x_range = |l: &Line<f64>| (l.start.x.min(l.end.x), l.start.x.max(l.end.x));
    let y_range = |l: &Line<f64>| (l.start.y.min(l.end.y), l.start.y.max(l.end.y));
    order.sort_unstable_by(|&a, &b| x_range(&segments[a]).0.total_cmp(&x_range(&segments[b]).0));
    let mut budget = 64 * segments.len() + 10_000;
    'sweep: for (i, &a) in order.iter().enumerate() {
        let (ax, ay) = (x_range(&segments[a]), y_range(&segments[a]));
        for &b in &order[i + 1..] {
            if x_range(&segments[b]).0 > ax.1 {
                break;
            }
            budget = budget.saturating_sub(1);
            if budget == 0 {
                first = None;
                break 'sweep;
            }
            let by = y_range(&segments[b]);
            if by.0 <= ay.1 && ay.0 <= by.1 {
                keep(&mut first, meet(a, b));
            }
        }
    }
    if budget > 0 {
        return first;
    }
    let envelope = |line: &Line<f64>| {
        Rectangle::from_corners(
            [line.start.x.min(line.end.x), line.start.y.min(line.end.y)],
            [line.start.x.max(line.end.x), line.start.y.max(line.end.y)],
        )
    };
    let tree = RTree::bulk_load(
        segments
            .iter()
            .enumerate()
            .map(|(k, line)| GeomWithData::new(envelope(line), k))
            .collect(),
    );
    for (a, line) in segments.iter().enumerate() {
        for b in tree.locate_in_envelope_intersecting(&envelope(line).envelope()) {
            if b.data > a {
                keep(&mut first, meet(a, b.data));
            }
        }
    }
    first
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
            let crossings: Vec<(usize, Coord<f64>)> = rings
                .enumerate()
                .filter_map(|(r, ring)| first_crossing(ring).map(|at| (r, at)))
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
            let Ok(valid) = polygon.make_valid() else {
                let (r, at) = crossings[0];
                return Err(LoadError::new(
                    file,
                    place(r),
                    format!(
                        "the ring crosses or touches itself at [{:.6}, {:.6}] and cannot be \
                         repaired",
                        at.x, at.y
                    ),
                )
                .with_hint("repair it in QGIS: Vector → Geometry Tools → Fix Geometries"));
            };
            for (r, at) in crossings {
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
