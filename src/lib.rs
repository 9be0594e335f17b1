//! Zhaoqing Explorer: a map of Zhaoqing's eight county-level divisions beside the figures five
//! published articles report, each traceable to its sentence.
//!
//! The core (`data`, `geometry`, `model`, `i18n`) knows nothing of egui; `ui` is a thin layer on
//! top of it, and `export` turns what `ui` paints into images without a window or a GPU.

pub mod atomic_write;
pub mod charts;
pub mod cli;
pub mod data;
pub mod embedded;
pub mod export;
pub mod geometry;
pub mod i18n;
pub mod load_error;
pub mod model;
pub mod table;
pub mod ui;

pub use model::Model;
