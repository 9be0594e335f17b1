//! The egui layer: thin views over the core.

pub mod app;
pub mod article_view;
pub mod figure_card;
pub mod fonts;
pub mod map;
pub mod side_panel;

pub use app::ExplorerApp;
