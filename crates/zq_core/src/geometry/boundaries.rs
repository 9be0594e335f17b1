//! Administrative boundaries: the regions a map shows, in `geo` types, with what is derived from
//! their geometry once at load (bounding box, geodesic area, label point).

use std::sync::OnceLock;

use rstar::primitives::{GeomWithData, Rectangle};
use rstar::{AABB, RTree};

use geo::{
    Area as _, BoundingRect as _, Contains as _, Coord, GeodesicArea as _, InteriorPoint as _,
    MapCoords as _, MultiPolygon, Polygon, Rect,
};

/// One region (a county, or a neighbouring prefecture drawn for context).
#[derive(Clone, Debug)]
pub struct Region {
    /// Administrative code as a string (e.g. `"441284"`).
    pub code: String,
    pub name_zh: String,
    /// Falls back to the Chinese name when the file has no English name.
    pub name_en: String,
    /// WGS-84 lon/lat.
    pub geometry: MultiPolygon<f64>,
    pub bbox: Rect<f64>,
    /// Computed on first use: all 2,875 counties of China would cost seconds at load, and only
    /// the regions a person looks at need them.
    area_km2: OnceLock<f64>,
    label_lonlat: OnceLock<Coord<f64>>,
}

impl Region {
    pub fn new(
        code: String,
        name_zh: String,
        name_en: String,
        geometry: MultiPolygon<f64>,
        bbox: Rect<f64>,
    ) -> Self {
        Self {
            code,
            name_zh,
            name_en,
            geometry,
            bbox,
            area_km2: OnceLock::new(),
            label_lonlat: OnceLock::new(),
        }
    }

    /// Geodesic area on the WGS-84 ellipsoid.
    pub fn area_km2(&self) -> f64 {
        *self
            .area_km2
            .get_or_init(|| self.geometry.geodesic_area_unsigned() / 1e6)
    }

    /// The pole of inaccessibility of the largest part: the point deepest inside, where a label
    /// fits best (a centroid can fall outside a crescent-shaped county).
    pub fn label_lonlat(&self) -> Coord<f64> {
        *self
            .label_lonlat
            .get_or_init(|| label_point(&self.geometry, self.bbox))
    }

    /// Whether `lonlat` lies in the region (holes excluded). Cheap bounding-box test first.
    pub fn contains(&self, lonlat: Coord<f64>) -> bool {
        let (min, max) = (self.bbox.min(), self.bbox.max());
        lonlat.x >= min.x
            && lonlat.x <= max.x
            && lonlat.y >= min.y
            && lonlat.y <= max.y
            && self.geometry.contains(&lonlat)
    }

    pub fn vertex_count(&self) -> usize {
        self.geometry
            .iter()
            .map(|p| p.exterior().0.len() + p.interiors().iter().map(|r| r.0.len()).sum::<usize>())
            .sum()
    }
}

/// A set of regions from one file (read by `load::boundaries`).
#[derive(Clone, Debug)]
pub struct Boundaries {
    /// The file they came from (or the embedded asset's name), for messages and the About text.
    pub source: String,
    pub regions: Vec<Region>,
    pub bbox: Rect<f64>,
    /// The regions' bounding boxes, for finding what lies under a point or in view without
    /// looking at every region.
    index: RTree<GeomWithData<Rectangle<[f64; 2]>, usize>>,
}

impl Boundaries {
    /// Regions with their bounding box and index; `None` when there is no region to draw.
    pub fn new(source: &str, regions: Vec<Region>) -> Option<Self> {
        let bbox = union_bbox(regions.iter().map(|r| r.bbox))?;
        let index = RTree::bulk_load(
            regions
                .iter()
                .enumerate()
                .map(|(i, r)| {
                    GeomWithData::new(
                        Rectangle::from_corners(
                            [r.bbox.min().x, r.bbox.min().y],
                            [r.bbox.max().x, r.bbox.max().y],
                        ),
                        i,
                    )
                })
                .collect(),
        );
        Some(Self {
            source: source.to_owned(),
            regions,
            bbox,
            index,
        })
    }

    /// The index of the region under `lonlat`, if any: regions whose bounding box holds the
    /// point are found in the index, then tested on their full geometry.
    pub fn region_at(&self, lonlat: Coord<f64>) -> Option<usize> {
        let mut candidates: Vec<usize> = self
            .index
            .locate_all_at_point(&[lonlat.x, lonlat.y])
            .map(|entry| entry.data)
            .collect();
        // File order, as a person would expect where regions overlap.
        candidates.sort_unstable();
        candidates
            .into_iter()
            .find(|&i| self.regions.get(i).is_some_and(|r| r.contains(lonlat)))
    }

    /// The regions whose bounding boxes meet `view` (lon/lat), in file order.
    pub fn regions_in(&self, view: Rect<f64>) -> Vec<usize> {
        let envelope =
            AABB::from_corners([view.min().x, view.min().y], [view.max().x, view.max().y]);
        let mut found: Vec<usize> = self
            .index
            .locate_in_envelope_intersecting(&envelope)
            .map(|entry| entry.data)
            .collect();
        found.sort_unstable();
        found
    }

    pub fn region_by_code(&self, code: &str) -> Option<&Region> {
        self.regions.iter().find(|r| r.code == code)
    }

    pub fn index_of(&self, code: &str) -> Option<usize> {
        self.regions.iter().position(|r| r.code == code)
    }

    pub fn total_area_km2(&self) -> f64 {
        self.regions.iter().map(Region::area_km2).sum()
    }

    pub fn vertex_count(&self) -> usize {
        self.regions.iter().map(Region::vertex_count).sum()
    }
}

fn union_bbox(mut rects: impl Iterator<Item = Rect<f64>>) -> Option<Rect<f64>> {
    let first = rects.next()?;
    Some(rects.fold(first, |acc, r| {
        Rect::new(
            Coord {
                x: acc.min().x.min(r.min().x),
                y: acc.min().y.min(r.min().y),
            },
            Coord {
                x: acc.max().x.max(r.max().x),
                y: acc.max().y.max(r.max().y),
            },
        )
    }))
}

/// The pole of inaccessibility of the largest polygon, computed in a locally equal-scaled plane
/// (longitude times cos(latitude)) so that "deepest inside" means the same distance both ways.
fn label_point(geometry: &MultiPolygon<f64>, bbox: Rect<f64>) -> Coord<f64> {
    let cos_lat = bbox.center().y.to_radians().cos().max(1e-6);
    let largest: Option<&Polygon<f64>> = geometry
        .iter()
        .max_by(|a, b| a.unsigned_area().total_cmp(&b.unsigned_area()));
    let Some(largest) = largest else {
        return bbox.center();
    };
    let scaled = largest.map_coords(|c| Coord {
        x: c.x * cos_lat,
        y: c.y,
    });
    let interior = || largest.interior_point().map_or(bbox.center(), |p| p.0);
    let Some(extent) = scaled.bounding_rect() else {
        return bbox.center();
    };
    let (short, long) = (
        extent.width().min(extent.height()),
        extent.width().max(extent.height()),
    );
    // polylabel starts from a grid of squares the size of the short side: a sliver (a user's
    // file may hold one) would need billions of them.
    if short * 100.0 < long {
        return interior();
    }
    // ~100 m is finer than any label needs; coarser for a polygon larger than a county, so a
    // huge one costs no more cells than a county does.
    let tolerance = (long / 2000.0).max(0.001);
    match polylabel::polylabel(&scaled, &tolerance) {
        Ok(p) => Coord {
            x: p.x() / cos_lat,
            y: p.y(),
        },
        Err(_) => interior(),
    }
}
