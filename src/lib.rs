//! Zhaoqing Explorer, the application: the window (`app`, with its views in `ui`), images and
//! pages without a window (`export`), the headless commands (`cli`), the crash report
//! (`crash`), the graphics backends the window tries (`graphics`) and, on Windows, the prompt's
//! console (`console`). What it shows and how it reads files is the `zq_core` crate; the map is
//! `zq_map`.

pub mod app;
pub mod cli;
pub mod console;
pub mod crash;
pub mod export;
pub mod graphics;
pub mod ui;

pub use app::ExplorerApp;
