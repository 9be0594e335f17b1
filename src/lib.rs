//! Zhaoqing Explorer, the application: the window (`app`, with its views in `ui`), images and
//! pages without a window (`export`), the headless commands (`cli`), the crash report
//! (`crash`), the graphics backends the window tries (`graphics`), the window drawn on the CPU
//! where the only adapter is a software one (`software_window`, with the settings file it keeps:
//! `storage_file`) and, on Windows, the prompt's console (`console`). What it shows and how it reads files is the `zq_core` crate; the map is
//! `zq_map`.

pub mod app;
pub mod cli;
pub mod console;
pub mod crash;
pub mod export;
pub mod graphics;
pub mod software_window;
pub mod storage_file;
pub mod ui;

pub use app::ExplorerApp;
