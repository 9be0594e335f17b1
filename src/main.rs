//! Thin entry point: parse the command line, then start the window.

#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

use clap::Parser;

use zhaoqing_explorer::ui::ExplorerApp;

/// Zhaoqing Explorer: a map of Zhaoqing's eight counties beside the figures five articles report.
#[derive(Parser, Debug)]
#[command(version, about)]
struct Cli {}

fn main() -> std::process::ExitCode {
    let _cli = Cli::parse();
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title("肇庆市数据浏览器 Zhaoqing Explorer")
            .with_inner_size([1280.0, 800.0])
            .with_min_inner_size([800.0, 500.0]),
        ..Default::default()
    };
    match eframe::run_native(
        "zhaoqing-explorer",
        options,
        Box::new(|cc| Ok(Box::new(ExplorerApp::new(cc)))),
    ) {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("zhaoqing-explorer: could not open the window: {err}");
            std::process::ExitCode::FAILURE
        }
    }
}
