//! Fill triangles for regions, computed once in lon/lat.
//!
//! egui fills only convex paths, and counties are far from convex. Triangulating once at load
//! (earcut, holes respected) means a frame only moves vertices through the projector; nothing is
//! re-triangulated while panning or zooming.

use geo::{Coord, TriangulateEarcut as _};

use super::boundaries::Region;

/// Triangles covering one region: lon/lat vertices and index triples into them.
#[derive(Clone, Debug, Default)]
pub struct FillMesh {
    pub vertices: Vec<Coord<f64>>,
    pub indices: Vec<u32>,
}

impl FillMesh {
    pub fn of_region(region: &Region) -> Self {
        Self::of_geometry(&region.geometry)
    }

    pub fn of_geometry(geometry: &geo::MultiPolygon<f64>) -> Self {
        let mut mesh = Self::default();
        for polygon in geometry {
            let raw = polygon.earcut_triangles_raw();
            let base = mesh.vertices.len() as u32;
            mesh.vertices
                .extend(raw.vertices.iter().map(|[x, y]| Coord { x: *x, y: *y }));
            mesh.indices
                .extend(raw.triangle_indices.iter().map(|&i| base + i as u32));
        }
        mesh
    }

    pub fn triangle_count(&self) -> usize {
        self.indices.len() / 3
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::geometry::Boundaries;

    #[test]
    fn triangles_cover_the_polygon_minus_its_hole() {
        let text = r#"{"type":"FeatureCollection","features":[{"type":"Feature",
          "properties":{"code":"1"},
          "geometry":{"type":"Polygon","coordinates":[[[0,0],[4,0],[4,4],[0,4],[0,0]],
                                                      [[1,1],[1,2],[2,2],[2,1],[1,1]]]}}]}"#;
        let b = Boundaries::from_geojson("t", text.as_bytes()).unwrap();
        let mesh = FillMesh::of_region(&b.regions[0]);
        let area: f64 = mesh
            .indices
            .chunks(3)
            .map(|t| {
                let [a, b, c] = [0, 1, 2].map(|k| mesh.vertices[t[k] as usize]);
                ((b.x - a.x) * (c.y - a.y) - (c.x - a.x) * (b.y - a.y)).abs() / 2.0
            })
            .sum();
        assert!((area - 15.0).abs() < 1e-9, "{area}");
    }
}
