//! Geometry: boundaries in `geo` types, the lon/lat ⇄ screen projector and hit testing.
//! Knows nothing of the UI.

pub mod boundaries;
pub mod echarts;
pub mod gcj02;
pub mod geojson;
pub mod labels;
pub mod lod;
pub mod projector;
pub mod rings;
pub mod topojson;

pub use boundaries::{Boundaries, Region};
pub use projector::Projector;
pub mod tessellation;

pub use tessellation::FillMesh;
