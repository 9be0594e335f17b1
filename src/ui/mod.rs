//! The window's views: each panel, dialog and widget as a thin egui layer over the core, reporting
//! what the user did rather than acting on it (the app acts). The export draws the same views.

pub mod article_view;
pub mod chart_panel;
pub mod chart_view;
pub mod datum_dialog;
pub mod figure_card;
pub mod file_dialog;
pub mod fonts;
pub mod help;
pub mod jobs;
pub mod property_dialog;
pub mod search_box;
pub mod settings;
pub mod shortcuts;
pub mod side_panel;
pub mod table_view;
pub mod toasts;
