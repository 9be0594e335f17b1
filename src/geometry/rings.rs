//! Rings that cross themselves. A crossing ring has no well-defined inside: its area, its label
//! point and which county a click falls in all come out wrong. The rule: each such ring is
//! reported (feature, ring, the crossing point) and its polygon is repaired by geo's
//! `MakeValid`, which splits it where it crosses and keeps what the ring encloses an odd number
//! of times (the even-odd rule, the way the ring is drawn). A polygon that cannot be repaired
//! refuses the file.

use geo::algorithm::sweep::{Cross, Intersections};
use geo::{Coord, Line, LineIntersection, LineString, MakeValid as _, MultiPolygon, Polygon};

use super::geojson::{Feature, Geometry};
use crate::load_error::LoadError;

/// One segment of a ring and its place in it, to tell neighbours (which share a vertex) from
/// segments that meet where they should not.
#[derive(Clone, Copy)]
struct Segment {
    line: Line<f64>,
    index: usize,
}

impl Cross for Segment {
    type Scalar = f64;

    fn line(&self) -> Line<f64> {
        self.line
    }
}

/// Where a closed ring first crosses or overlaps itself, if it does. Touching at a vertex is not
/// counted: it draws and fills the same.
pub fn first_crossing(ring: &LineString<f64>) -> Option<Coord<f64>> {
    let segments: Vec<Segment> = ring
        .lines()
        .enumerate()
        .filter(|(_, line)| line.start != line.end)
        .map(|(index, line)| Segment { line, index })
        .collect();
    let last = segments.last().map_or(0, |s| s.index);
    let neighbours = |a: usize, b: usize| a.abs_diff(b) == 1 || (a.min(b) == 0 && a.max(b) == last);
    Intersections::from_iter(segments)
        .filter_map(|(a, b, meeting)| match meeting {
            LineIntersection::SinglePoint {
                intersection,
                is_proper: true,
            } if !neighbours(a.index, b.index) => Some(intersection),
            LineIntersection::Collinear { intersection }
                if intersection.start != intersection.end =>
            {
                Some(intersection.start)
            }
            _ => None,
        })
        .min_by(|p, q| p.x.total_cmp(&q.x).then(p.y.total_cmp(&q.y)))
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
                        "the ring crosses itself at [{:.6}, {:.6}] and cannot be repaired",
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
                        "the ring crosses itself at [{:.6}, {:.6}]; the polygon is split there \
                         and keeps what the ring encloses an odd number of times",
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
