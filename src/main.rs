//! Thin entry point: parse the command line, then run a headless command or open the window.

#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

use std::process::ExitCode;

use clap::{Parser, Subcommand};

use zhaoqing_explorer::cli;
use zhaoqing_explorer::ui::ExplorerApp;

/// Zhaoqing Explorer: a map of Zhaoqing's eight counties beside the figures five articles report.
#[derive(Parser, Debug)]
#[command(version, about)]
struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Subcommand, Debug)]
enum Command {
    /// List the charts: id, Chinese title and English title, tab-separated.
    Charts,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Some(Command::Charts) => report(cli::list_charts(&mut std::io::stdout().lock())),
        None => run_window(),
    }
}

fn report(result: std::io::Result<()>) -> ExitCode {
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("zhaoqing-explorer: {err}");
            ExitCode::FAILURE
        }
    }
}

fn run_window() -> ExitCode {
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
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("zhaoqing-explorer: could not open the window: {err}");
            ExitCode::FAILURE
        }
    }
}
