//! Thin entry point: parse the command line, then run a headless command or open the window.

#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context as _;
use clap::{Parser, Subcommand};

use zhaoqing_explorer::ExplorerApp;
use zhaoqing_explorer::ui::settings;
use zhaoqing_explorer::{cli, console, crash, graphics, software_window};
use zq_core::embedded;
use zq_core::i18n::{Lang, Msg};

/// Zhaoqing Explorer: a map of Zhaoqing's eight counties beside the figures five articles report.
#[derive(Parser, Debug)]
#[command(version, about, args_conflicts_with_subcommands = true)]
struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
    /// Files to open in the window: boundaries or project points (GeoJSON), figures (JSON or CSV).
    #[arg(value_name = "FILE")]
    files: Vec<PathBuf>,
}

#[derive(Subcommand, Debug)]
enum Command {
    /// List the charts: id, Chinese title and English title, tab-separated.
    Charts,
    /// Check files before opening them: boundaries or project points (GeoJSON), figures (JSON
    /// or CSV). Prints a summary per valid file or every problem as FILE: WHERE: WHAT; exits 0
    /// when all are valid, 1 when any is not, 2 when the check itself could not run.
    Validate {
        /// The coordinates are GCJ-02 (Amap, DataV.GeoAtlas, ECharts maps): convert them to
        /// WGS-84 before checking.
        #[arg(long)]
        gcj02: bool,
        #[arg(required = true, value_name = "FILE")]
        files: Vec<PathBuf>,
    },
    /// Export a chart or the map (PNG, SVG or PDF), or all of them (PNG), without opening a
    /// window.
    Export {
        /// The chart to export (see `charts`).
        #[arg(long, group = "what")]
        chart: Option<String>,
        /// Export the map of the whole city.
        #[arg(long, group = "what")]
        map: bool,
        /// Export every chart and the map into --dir.
        #[arg(long, group = "what", requires = "dir")]
        all: bool,
        #[command(flatten)]
        common: ExportOptions,
        /// The file to write: FILE.png, FILE.svg or FILE.pdf (a PDF chart or map is 16 cm wide).
        #[arg(long, required_unless_present = "all")]
        out: Option<PathBuf>,
        /// The folder for --all.
        #[arg(long)]
        dir: Option<PathBuf>,
    },
    /// The report on the selected county (or the city): the map, its figures and charts and the
    /// sources, as one A4 page (PNG, 300 dpi), A4 pages (PDF, the sources with their quoted
    /// passages after the first) or a Word document (DOCX).
    Report {
        #[command(flatten)]
        common: ExportOptions,
        /// The file to write: FILE.png, FILE.pdf or FILE.docx.
        #[arg(long)]
        out: PathBuf,
    },
}

#[derive(clap::Args, Debug)]
struct ExportOptions {
    /// Select this county (adcode, e.g. 441284); the per-county chart shows it.
    #[arg(long)]
    county: Option<String>,
    /// Pixels per point: 1, 2 or 4 (a 1× chart is 1200 pixels wide).
    #[arg(long, default_value_t = 1, value_parser = parse_scale)]
    scale: u32,
    /// Language of titles and labels.
    #[arg(long, value_enum, default_value_t = LangArg::Zh)]
    lang: LangArg,
}

fn parse_scale(s: &str) -> Result<u32, String> {
    match s {
        "1" => Ok(1),
        "2" => Ok(2),
        "4" => Ok(4),
        _ => Err("the scale is 1, 2 or 4".to_owned()),
    }
}

#[derive(clap::ValueEnum, Clone, Copy, Debug)]
enum LangArg {
    Zh,
    En,
}

impl From<LangArg> for Lang {
    fn from(lang: LangArg) -> Self {
        match lang {
            LangArg::Zh => Lang::Zh,
            LangArg::En => Lang::En,
        }
    }
}

fn main() -> ExitCode {
    console::attach_to_parent();
    crash::install_panic_hook();
    let cli = Cli::parse();
    match cli.command {
        Some(Command::Charts) => report(
            cli::list_charts(&mut std::io::stdout().lock())
                .context("charts")
                .map(|()| ExitCode::SUCCESS),
        ),
        Some(Command::Validate { files, gcj02 }) => report(
            cli::validate(
                &files,
                zq_core::load::Options { gcj02 },
                &mut std::io::stdout().lock(),
            )
            .context("validate")
            .map(|valid| {
                if valid {
                    ExitCode::SUCCESS
                } else {
                    ExitCode::FAILURE
                }
            }),
        ),
        Some(Command::Export {
            chart,
            map,
            all,
            common,
            out,
            dir,
        }) => run_export(cli::ExportArgs {
            chart,
            map,
            all,
            report: false,
            county: common.county,
            scale: common.scale,
            lang: common.lang.into(),
            out,
            dir,
        }),
        Some(Command::Report { common, out }) => run_export(cli::ExportArgs {
            chart: None,
            map: false,
            all: false,
            report: true,
            county: common.county,
            scale: 1,
            lang: common.lang.into(),
            out: Some(out),
            dir: None,
        }),
        None => run_window(cli.files),
    }
}

/// The one place a command's error is printed.
fn report(result: anyhow::Result<ExitCode>) -> ExitCode {
    result.unwrap_or_else(|err| {
        eprintln!("zhaoqing-explorer: {err:#}");
        ExitCode::from(2)
    })
}

/// An export: exit 0 when written, 1 with a message naming what was wrong otherwise.
fn run_export(args: cli::ExportArgs) -> ExitCode {
    match cli::export(&args) {
        Ok(lines) => {
            for line in lines {
                println!("{line}");
            }
            ExitCode::SUCCESS
        }
        Err(message) => {
            eprintln!("zhaoqing-explorer: {message}");
            ExitCode::FAILURE
        }
    }
}

fn run_window(files: Vec<PathBuf>) -> ExitCode {
    const MIN_SIZE: [f32; 2] = [800.0, 500.0];
    // The size the last run had; not its place (see `WindowSize`), so eframe's own window
    // persistence, which restores both, is off.
    let remembered_settings =
        eframe::storage_dir(zq_core::APP_ID).and_then(|dir| settings::read_before_start(&dir));
    let remembered_lang = remembered_settings.as_ref().and_then(|s| s.lang);
    let remembered = remembered_settings.and_then(|s| s.window);
    let mut viewport = egui::ViewportBuilder::default()
        .with_title(format!("{} {}", Msg::AppTitle.zh(), Msg::AppTitle.en()))
        .with_app_id(zq_core::APP_ID)
        .with_inner_size(
            remembered.map_or(settings::DEFAULT_WINDOW_SIZE, |w| w.inner_size(MIN_SIZE)),
        )
        .with_maximized(remembered.is_some_and(|w| w.maximized))
        .with_min_inner_size(MIN_SIZE);
    match eframe::icon_data::from_png_bytes(embedded::ICON.bytes) {
        Ok(icon) => viewport = viewport.with_icon(icon),
        Err(err) => eprintln!("zhaoqing-explorer: the window icon could not be read: {err}"),
    }
    let lang = remembered_lang.unwrap_or_else(settings::system_lang);
    let attempts = graphics::attempts(
        std::env::consts::OS,
        std::env::var("WGPU_BACKEND").ok().as_deref(),
    );
    let renderer = graphics::renderer(
        std::env::consts::OS,
        std::env::var("ZHAOQING_RENDERER").ok().as_deref(),
        || graphics::adapter_types(&attempts),
    );
    if renderer == graphics::Renderer::Software {
        let run = software_window::run(viewport, zq_core::APP_ID, |ctx, storage| {
            ExplorerApp::for_window(ctx, storage, true).open_at_start(files)
        });
        return match run {
            Ok(()) => ExitCode::SUCCESS,
            Err(err) => {
                let message = zq_core::fill!(Msg::WindowFailed, lang, error = err);
                window_failed(lang, &message)
            }
        };
    }
    let mut failures = Vec::new();
    for backend in attempts {
        let options = eframe::NativeOptions {
            viewport: viewport.clone(),
            persist_window: false,
            wgpu_options: graphics::wgpu_configuration(backend),
            ..Default::default()
        };
        let files = files.clone();
        // The app's own frames catch their panics (the crash screen); one that gets out of
        // eframe is the graphics stack's, and the next backend may not have it.
        let run = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            eframe::run_native(
                zq_core::APP_ID,
                options,
                Box::new(|cc| Ok(Box::new(ExplorerApp::new(cc).open_at_start(files)))),
            )
        }));
        let error = match run {
            Ok(Ok(())) => return ExitCode::SUCCESS,
            Ok(Err(eframe::Error::Wgpu(err))) => err.to_string(),
            Ok(Err(err)) => {
                // Not the graphics backend (no display, no window): another would fail alike.
                let message = zq_core::fill!(Msg::WindowFailed, lang, error = err);
                return window_failed(lang, &message);
            }
            Err(_) => crash::last_crash().map_or_else(
                || "the graphics stack crashed".to_owned(),
                |crash| crash.summary(),
            ),
        };
        eprintln!(
            "zhaoqing-explorer: the window could not draw with {}: {error}",
            backend.name()
        );
        failures.push((backend, error));
    }
    window_failed(lang, &graphics::failure_message(lang, &failures))
}

/// Says why the window could not open, on stderr and in a dialog (a GUI program on Windows has
/// no console), and exits 1.
fn window_failed(lang: Lang, message: &str) -> ExitCode {
    eprintln!("zhaoqing-explorer: {message}");
    rfd::MessageDialog::new()
        .set_level(rfd::MessageLevel::Error)
        .set_title(Msg::WindowFailedTitle.text(lang))
        .set_description(message)
        .set_buttons(rfd::MessageButtons::Ok)
        .show();
    ExitCode::FAILURE
}
