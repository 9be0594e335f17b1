//! Geometry: boundaries in `geo` types, the lon/lat ⇄ screen projector, levels of detail, fill
//! triangles, label placement, the GCJ-02 datum. Reading them from files is `load`'s.

pub mod boundaries;
pub mod gcj02;
pub mod labels;
pub mod lod;
pub mod projector;
pub mod tessellation;

pub use boundaries::{Boundaries, Region};
pub use projector::Projector;
pub use tessellation::FillMesh;
