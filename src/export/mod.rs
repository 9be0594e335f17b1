//! Exporting what the window draws, without a window.
//!
//! Charts and maps are exported by painting them with the same egui code as the window and
//! rasterizing egui's tessellated output on the CPU ([`raster`]): one drawing path, and no GPU
//! device to create, which is what makes a headless export fast.

pub mod raster;
