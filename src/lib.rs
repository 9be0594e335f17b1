//! Zhaoqing Explorer: a map of Zhaoqing's eight county-level divisions beside the figures five
//! published articles report, each traceable to its sentence.
//!
//! The core (`data`, `geometry`, `model`, `i18n`) knows nothing of egui; `ui` is a thin layer on
//! top of it, and `export` turns what `ui` paints into images without a window or a GPU.

pub mod atomic_write;
pub mod charts;
pub mod choropleth;
pub mod cli;
pub mod crash;
pub mod data;
pub mod embedded;
#[cfg(feature = "gui")]
pub mod export;
pub mod geometry;
pub mod i18n;
pub mod load_error;
pub mod model;
pub mod search;
pub mod selection;
pub mod sniff;
pub mod table;
#[cfg(feature = "gui")]
pub mod ui;
pub mod user_file;

pub use model::Model;

/// The program's name for the system: the window's app id, the settings folder's name.
pub const APP_ID: &str = "zhaoqing-explorer";
