//! The egui layer: thin views over the core.

pub mod app;
pub mod article_view;
pub mod chart_panel;
pub mod chart_view;
pub mod datum_dialog;
pub mod export_dialog;
pub mod figure_card;
pub mod file_dialog;
pub mod fonts;
pub mod help;
pub mod jobs;
pub mod map;
pub mod menus;
pub mod open;
pub mod property_dialog;
pub mod search_box;
pub mod settings;
pub mod side_panel;
pub mod table_view;
pub mod toasts;

pub use app::ExplorerApp;
