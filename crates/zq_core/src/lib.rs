//! Zhaoqing Explorer's core: what the program knows and how it reads it, with no GUI.
//!
//! The data (`data`), the boundaries and the projector (`geometry`), reading and checking the
//! files a user opens (`load`), what is loaded (`model`), and what the window shows built from
//! them (`charts`, `choropleth`, `table`, `search`). This crate cannot see egui: it is not in its
//! dependency tree, so the window crates build on it and never the other way round.

pub mod atomic_write;
pub mod charts;
pub mod choropleth;
pub mod data;
pub mod embedded;
pub mod geometry;
pub mod i18n;
pub mod load;
pub mod model;
pub mod search;
pub mod selection;
pub mod table;

pub use model::Model;

/// The program's name for the system: the window's app id, the settings folder's name.
pub const APP_ID: &str = "zhaoqing-explorer";
