//! Between the projector's f64 UI coordinates and egui's f32 points: at the last step only, as
//! the drawing needs them.

use egui::{Pos2, Rect};
use geo::Coord;

use zq_core::geometry::Projector;

pub fn to_pos2(c: Coord<f64>) -> Pos2 {
    Pos2::new(c.x as f32, c.y as f32)
}

/// The lon/lat box shown in `rect` (UI points), e.g. a painter's clip rect.
pub fn lonlat_box(projector: &Projector, rect: Rect) -> geo::Rect<f64> {
    projector.lonlat_of(geo::Rect::new(to_coord(rect.min), to_coord(rect.max)))
}

pub fn to_coord(p: Pos2) -> Coord<f64> {
    Coord {
        x: f64::from(p.x),
        y: f64::from(p.y),
    }
}
