//! Placing labels so they never overlap each other or the symbols: greedy by priority, a few
//! candidate positions each; a label that fits nowhere is hidden, never drawn on top.

use geo::{Coord, Rect};

/// Where a label may go relative to its anchor, tried in order.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Placement {
    Center,
    Right,
    Left,
    Above,
    Below,
}

/// Positions for a point's label: beside the symbol first, then above and below.
pub const AROUND_POINT: [Placement; 4] = [
    Placement::Right,
    Placement::Left,
    Placement::Above,
    Placement::Below,
];

#[derive(Clone, Debug)]
pub struct Candidate {
    /// The caller's key for the label.
    pub key: usize,
    /// In UI points.
    pub anchor: Coord<f64>,
    /// Width and height of the text, in UI points.
    pub size: Coord<f64>,
    /// Higher goes first.
    pub priority: i32,
    /// Distances from the anchor tried for the non-centred placements, nearest first (a
    /// symbol's radius, then further out).
    pub gaps: &'static [f64],
    pub placements: &'static [Placement],
}

#[derive(Clone, Debug, PartialEq)]
pub struct Placed {
    pub key: usize,
    pub rect: Rect<f64>,
}

/// Space kept free around every label.
const PADDING: f64 = 2.0;

pub fn place_labels(
    candidates: &[Candidate],
    obstacles: &[Rect<f64>],
    bounds: Rect<f64>,
) -> Vec<Placed> {
    let mut order: Vec<&Candidate> = candidates.iter().collect();
    order.sort_by(|a, b| b.priority.cmp(&a.priority).then(a.key.cmp(&b.key)));
    let mut placed: Vec<Placed> = Vec::new();
    for c in order {
        let gaps: &[f64] = if c.gaps.is_empty() { &[0.0] } else { c.gaps };
        let options = gaps
            .iter()
            .flat_map(|&gap| c.placements.iter().map(move |&p| (p, gap)));
        let fits = options.map(|(p, gap)| rect_for(c, p, gap)).find(|r| {
            inside(r, &bounds)
                && !obstacles.iter().any(|o| overlaps(r, o))
                && !placed.iter().any(|p| overlaps(r, &p.rect))
        });
        if let Some(rect) = fits {
            placed.push(Placed { key: c.key, rect });
        }
    }
    placed
}

fn rect_for(c: &Candidate, placement: Placement, gap: f64) -> Rect<f64> {
    let (w, h) = (c.size.x, c.size.y);
    let Coord { x, y } = c.anchor;
    let min = match placement {
        Placement::Center => Coord {
            x: x - w / 2.0,
            y: y - h / 2.0,
        },
        Placement::Right => Coord {
            x: x + gap,
            y: y - h / 2.0,
        },
        Placement::Left => Coord {
            x: x - gap - w,
            y: y - h / 2.0,
        },
        Placement::Above => Coord {
            x: x - w / 2.0,
            y: y - gap - h,
        },
        Placement::Below => Coord {
            x: x - w / 2.0,
            y: y + gap,
        },
    };
    Rect::new(
        min,
        Coord {
            x: min.x + w,
            y: min.y + h,
        },
    )
}

pub fn overlaps(a: &Rect<f64>, b: &Rect<f64>) -> bool {
    a.min().x < b.max().x + PADDING
        && b.min().x < a.max().x + PADDING
        && a.min().y < b.max().y + PADDING
        && b.min().y < a.max().y + PADDING
}

fn inside(r: &Rect<f64>, bounds: &Rect<f64>) -> bool {
    r.min().x >= bounds.min().x
        && r.min().y >= bounds.min().y
        && r.max().x <= bounds.max().x
        && r.max().y <= bounds.max().y
}

#[cfg(test)]
mod tests {
    use super::*;

    fn candidate(key: usize, x: f64, y: f64, priority: i32) -> Candidate {
        Candidate {
            key,
            anchor: Coord { x, y },
            size: Coord { x: 40.0, y: 14.0 },
            priority,
            gaps: &[5.0],
            placements: &AROUND_POINT,
        }
    }

    #[test]
    fn crowded_labels_move_aside_or_hide_but_never_overlap() {
        let bounds = Rect::new(Coord { x: 0.0, y: 0.0 }, Coord { x: 300.0, y: 200.0 });
        let candidates: Vec<Candidate> = (0..30)
            .map(|i| candidate(i, 150.0 + (i % 3) as f64, 100.0, i as i32))
            .collect();
        let placed = place_labels(&candidates, &[], bounds);
        assert!(!placed.is_empty() && placed.len() < 30);
        for (i, a) in placed.iter().enumerate() {
            for b in &placed[i + 1..] {
                assert!(!overlaps(&a.rect, &b.rect), "{a:?} {b:?}");
            }
        }
        // The highest priority is placed first, in its first choice.
        assert_eq!(placed[0].key, 29);
        assert_eq!(placed[0].rect.min().x, 152.0 + 5.0);
    }

    #[test]
    fn obstacles_and_bounds_are_respected() {
        let bounds = Rect::new(Coord { x: 0.0, y: 0.0 }, Coord { x: 100.0, y: 100.0 });
        let obstacle = Rect::new(Coord { x: 50.0, y: 40.0 }, Coord { x: 100.0, y: 60.0 });
        let placed = place_labels(&[candidate(0, 50.0, 50.0, 0)], &[obstacle], bounds);
        assert_eq!(placed.len(), 1);
        assert!(
            placed[0].rect.max().x <= 50.0,
            "moved left of the obstacle: {placed:?}"
        );
        // Near the edge with no room: hidden.
        let none = place_labels(
            &[candidate(1, 2.0, 2.0, 0)],
            &[],
            Rect::new(Coord { x: 0.0, y: 0.0 }, Coord { x: 30.0, y: 10.0 }),
        );
        assert!(none.is_empty());
    }
}
