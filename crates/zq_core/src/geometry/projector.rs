//! The one place where geography meets the screen.
//!
//! Everything that draws, hit-tests or exports goes through [`Projector`], so the map in the
//! window, the exported image and the tests agree on where a coordinate lands.

use geo::{Coord, Rect};

/// A plate carrée projection scaled by the cosine of a fixed reference latitude.
///
/// At Zhaoqing's latitude (about 23.5°N) a degree of longitude is ~8% shorter than a degree of
/// latitude; without the cosine factor the map would look stretched east–west. The reference
/// latitude is fixed when the projector is fitted (not the view centre), so panning never changes
/// the shape of the map. All arithmetic is f64; the UI converts to f32 only when it paints.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Projector {
    /// The lon/lat shown at the centre of the viewport.
    center_lonlat: Coord<f64>,
    /// UI points per degree of latitude.
    points_per_degree: f64,
    /// `cos(reference latitude)`: the east–west scale factor.
    cos_ref_lat: f64,
    /// The viewport in UI points.
    viewport: Rect<f64>,
}

/// How far a user may zoom out (relative to the fitted view) and in (UI points per degree).
const MIN_POINTS_PER_DEGREE: f64 = 0.5;
const MAX_POINTS_PER_DEGREE: f64 = 2_000_000.0;

impl Projector {
    /// A projector that shows all of `bounds_lonlat` inside `viewport`, leaving `margin` points free
    /// on every side.
    pub fn fit(bounds_lonlat: Rect<f64>, viewport: Rect<f64>, margin: f64) -> Self {
        let center_lonlat = bounds_lonlat.center();
        let cos_ref_lat = center_lonlat.y.to_radians().cos().max(1e-6);
        let usable_w = (viewport.width() - 2.0 * margin).max(1.0);
        let usable_h = (viewport.height() - 2.0 * margin).max(1.0);
        let span_x = (bounds_lonlat.width() * cos_ref_lat).max(1e-9);
        let span_y = bounds_lonlat.height().max(1e-9);
        let points_per_degree = (usable_w / span_x).min(usable_h / span_y);
        Self {
            center_lonlat,
            points_per_degree: points_per_degree
                .clamp(MIN_POINTS_PER_DEGREE, MAX_POINTS_PER_DEGREE),
            cos_ref_lat,
            viewport,
        }
    }

    /// Where `lonlat` (x = longitude, y = latitude, degrees) lands in UI points.
    pub fn ui_from_lonlat(&self, lonlat: Coord<f64>) -> Coord<f64> {
        let c = self.viewport.center();
        Coord {
            x: c.x + (lonlat.x - self.center_lonlat.x) * self.cos_ref_lat * self.points_per_degree,
            y: c.y - (lonlat.y - self.center_lonlat.y) * self.points_per_degree,
        }
    }

    /// The lon/lat under a UI point: the exact inverse of [`Self::ui_from_lonlat`].
    pub fn lonlat_from_ui(&self, ui: Coord<f64>) -> Coord<f64> {
        let c = self.viewport.center();
        Coord {
            x: self.center_lonlat.x + (ui.x - c.x) / (self.cos_ref_lat * self.points_per_degree),
            y: self.center_lonlat.y - (ui.y - c.y) / self.points_per_degree,
        }
    }

    /// UI points per degree of latitude: the zoom level.
    pub fn points_per_degree(&self) -> f64 {
        self.points_per_degree
    }

    /// UI points per kilometre on the ground east–west at the reference latitude, for the
    /// (horizontal) scale bar. A degree of longitude there is `N·cos φ·π/180` on the WGS-84
    /// ellipsoid (N the prime-vertical radius) and is drawn `points_per_degree·cos φ` wide.
    pub fn points_per_km(&self) -> f64 {
        const A: f64 = 6_378_137.0;
        const E2: f64 = 6.694_379_990_14e-3;
        let sin2 = 1.0 - self.cos_ref_lat * self.cos_ref_lat;
        let prime_vertical_km = A / (1.0 - E2 * sin2).sqrt() / 1000.0;
        self.points_per_degree / prime_vertical_km.to_radians()
    }

    pub fn viewport(&self) -> Rect<f64> {
        self.viewport
    }

    /// The lon/lat rectangle currently visible.
    pub fn visible_lonlat(&self) -> Rect<f64> {
        self.lonlat_of(self.viewport)
    }

    /// The lon/lat box shown in `ui` (a rectangle in UI points).
    pub fn lonlat_of(&self, ui: Rect<f64>) -> Rect<f64> {
        Rect::new(self.lonlat_from_ui(ui.min()), self.lonlat_from_ui(ui.max()))
    }

    /// Keeps the same centre and zoom in a viewport of a new size (the window was resized).
    pub fn with_viewport(mut self, viewport: Rect<f64>) -> Self {
        self.viewport = viewport;
        self
    }

    /// Moves the map with the pointer: a drag of `delta_ui` moves the ground under it by as much.
    pub fn pan_by(&mut self, delta_ui: Coord<f64>) {
        self.center_lonlat.x -= delta_ui.x / (self.cos_ref_lat * self.points_per_degree);
        self.center_lonlat.y += delta_ui.y / self.points_per_degree;
    }

    /// Zooms by `factor` keeping the ground under `anchor_ui` fixed (zoom around the cursor).
    pub fn zoom_around(&mut self, anchor_ui: Coord<f64>, factor: f64) {
        if !factor.is_finite() || factor <= 0.0 {
            return;
        }
        let anchor_lonlat = self.lonlat_from_ui(anchor_ui);
        self.points_per_degree =
            (self.points_per_degree * factor).clamp(MIN_POINTS_PER_DEGREE, MAX_POINTS_PER_DEGREE);
        // Shift the centre so that `anchor_lonlat` is again under `anchor_ui`.
        let moved = self.ui_from_lonlat(anchor_lonlat);
        self.pan_by(Coord {
            x: anchor_ui.x - moved.x,
            y: anchor_ui.y - moved.y,
        });
    }

    /// Puts `lonlat` at the centre of the viewport.
    pub fn center_on(&mut self, lonlat: Coord<f64>) {
        self.center_lonlat = lonlat;
    }

    pub fn center_lonlat(&self) -> Coord<f64> {
        self.center_lonlat
    }

    /// Sets the zoom (UI points per degree of latitude), within the allowed range.
    pub fn set_points_per_degree(&mut self, points_per_degree: f64) {
        if points_per_degree.is_finite() {
            self.points_per_degree =
                points_per_degree.clamp(MIN_POINTS_PER_DEGREE, MAX_POINTS_PER_DEGREE);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn zhaoqing_projector() -> Projector {
        Projector::fit(
            Rect::new(
                Coord {
                    x: 111.356,
                    y: 22.78,
                },
                Coord {
                    x: 112.88,
                    y: 24.41,
                },
            ),
            Rect::new(Coord { x: 0.0, y: 0.0 }, Coord { x: 900.0, y: 700.0 }),
            20.0,
        )
    }

    #[test]
    fn round_trip_is_exact_to_a_nanodegree() {
        let mut projector = zhaoqing_projector();
        let points = [
            Coord {
                x: 112.68764,
                y: 23.34055,
            },
            Coord {
                x: 111.3567,
                y: 23.5,
            },
            Coord {
                x: 112.47939,
                y: 23.05461,
            },
            Coord { x: 0.0, y: 0.0 },
            Coord { x: -179.9, y: 89.9 },
        ];
        for _ in 0..3 {
            for p in points {
                let back = projector.lonlat_from_ui(projector.ui_from_lonlat(p));
                assert!((back.x - p.x).abs() < 1e-9, "{p:?} -> {back:?}");
                assert!((back.y - p.y).abs() < 1e-9, "{p:?} -> {back:?}");
            }
            projector.zoom_around(Coord { x: 300.0, y: 200.0 }, 7.3);
            projector.pan_by(Coord { x: -123.4, y: 56.7 });
        }
    }

    #[test]
    fn fit_keeps_bounds_inside_viewport_with_margin() {
        let projector = zhaoqing_projector();
        for corner in [
            Coord {
                x: 111.356,
                y: 22.78,
            },
            Coord {
                x: 112.88,
                y: 24.41,
            },
        ] {
            let ui = projector.ui_from_lonlat(corner);
            assert!((19.99..=880.01).contains(&ui.x), "{ui:?}");
            assert!((19.99..=680.01).contains(&ui.y), "{ui:?}");
        }
    }

    #[test]
    fn the_scale_bar_measures_ground_distance_at_zhaoqing() {
        use geo::{Distance, Geodesic, Point};
        // A 10 km bar drawn at 23.5°N, measured along the ground with geo's geodesic.
        let bounds = Rect::new(Coord { x: 111.3, y: 22.8 }, Coord { x: 112.9, y: 24.2 });
        let viewport = Rect::new(Coord { x: 0.0, y: 0.0 }, Coord { x: 800.0, y: 800.0 });
        let p = Projector::fit(bounds, viewport, 0.0);
        let start = p.ui_from_lonlat(Coord { x: 112.0, y: 23.5 });
        let end = Coord {
            x: start.x + 10.0 * p.points_per_km(),
            y: start.y,
        };
        let (a, b) = (p.lonlat_from_ui(start), p.lonlat_from_ui(end));
        let km = Geodesic.distance(Point::from(a), Point::from(b)) / 1000.0;
        assert!((km - 10.0).abs() < 0.002, "a 10 km bar covers {km} km");
    }

    #[test]
    fn east_west_scale_uses_cosine_of_latitude() {
        let projector = zhaoqing_projector();
        let a = projector.ui_from_lonlat(Coord { x: 112.0, y: 23.5 });
        let east = projector.ui_from_lonlat(Coord { x: 113.0, y: 23.5 });
        let north = projector.ui_from_lonlat(Coord { x: 112.0, y: 24.5 });
        let ratio = (east.x - a.x) / (a.y - north.y);
        let expected = (22.78f64 + 24.41) / 2.0;
        assert!(
            (ratio - expected.to_radians().cos()).abs() < 1e-12,
            "{ratio}"
        );
        // North is up.
        assert!(north.y < a.y);
    }

    #[test]
    fn zoom_keeps_the_anchor_fixed() {
        let mut projector = zhaoqing_projector();
        let anchor = Coord { x: 612.0, y: 233.0 };
        let before = projector.lonlat_from_ui(anchor);
        projector.zoom_around(anchor, 2.5);
        let after = projector.lonlat_from_ui(anchor);
        assert!((before.x - after.x).abs() < 1e-9 && (before.y - after.y).abs() < 1e-9);
        assert!(projector.points_per_degree() > zhaoqing_projector().points_per_degree() * 2.49);
    }
}
