//! Thin entry point: parse the command line, then run a headless command or open the window.

#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context as _;
use clap::{Parser, Subcommand};

use zhaoqing_explorer::ui::ExplorerApp;
use zhaoqing_explorer::{cli, crash};

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
    /// Check files before opening them: boundaries or project points (GeoJSON), figures (JSON
    /// or CSV). Prints a summary per valid file or every problem as FILE: WHERE: WHAT; exits 0
    /// when all are valid, 1 when any is not, 2 when the check itself could not run.
    Validate {
        #[arg(required = true, value_name = "FILE")]
        files: Vec<PathBuf>,
    },
}

fn main() -> ExitCode {
    crash::install_panic_hook();
    let cli = Cli::parse();
    match cli.command {
        Some(Command::Charts) => report(
            cli::list_charts(&mut std::io::stdout().lock())
                .context("charts")
                .map(|()| ExitCode::SUCCESS),
        ),
        Some(Command::Validate { files }) => report(
            cli::validate(&files, &mut std::io::stdout().lock())
                .context("validate")
                .map(|valid| {
                    if valid {
                        ExitCode::SUCCESS
                    } else {
                        ExitCode::FAILURE
                    }
                }),
        ),
        None => run_window(),
    }
}

/// The one place a command's error is printed.
fn report(result: anyhow::Result<ExitCode>) -> ExitCode {
    result.unwrap_or_else(|err| {
        eprintln!("zhaoqing-explorer: {err:#}");
        ExitCode::from(2)
    })
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
