//! The headless commands: what `zhaoqing-explorer <command>` does without opening a window.

use std::io::Write;
use std::path::PathBuf;

use zq_core::Model;
use zq_core::charts::CHARTS;
use zq_core::load::LoadError;
use zq_core::load::{Options, UserData, read_user_file};

/// `charts`: one line per chart: id, Chinese title, English title, tab-separated.
pub fn list_charts(out: &mut impl Write) -> std::io::Result<()> {
    for def in CHARTS {
        writeln!(out, "{}\t{}\t{}", def.id, def.title.zh(), def.title.en())?;
    }
    Ok(())
}

/// At most this many problems are printed per file: the first ones say what is wrong, and a
/// file with a million bad rows must not flood the terminal.
pub const MAX_PROBLEMS_SHOWN: usize = 50;

/// Why a command could not do its work (as opposed to finding problems in the user's files).
#[derive(Debug, thiserror::Error)]
pub enum CommandError {
    #[error("could not write the output: {0}")]
    Output(#[from] std::io::Error),
    #[error("the data built into the program does not load: {}", first_problem(.0))]
    Embedded(Vec<LoadError>),
}

fn first_problem(problems: &[LoadError]) -> String {
    problems
        .first()
        .map_or_else(|| "no details".to_owned(), LoadError::to_string)
}

/// `validate FILE…`: detects each file's kind, checks it (figures and project points against the
/// embedded dataset, boundaries for the GCJ-02 offset from the embedded ones), and prints one
/// summary line per valid file (then its warnings) or every problem of an invalid one as
/// `FILE: WHERE: WHAT`. `Ok(true)` when every file is valid.
pub fn validate(
    files: &[PathBuf],
    options: Options,
    out: &mut impl Write,
) -> Result<bool, CommandError> {
    let model = Model::embedded().map_err(CommandError::Embedded)?;
    let mut all_valid = true;
    for path in files {
        let name = path.display().to_string();
        let problems = match read_user_file(path, options) {
            Ok(data) => {
                let problems = data.check(&name, &model.dataset, &model.boundaries);
                if problems.is_empty() {
                    writeln!(out, "{name}: {}", data.summary())?;
                    if let UserData::Boundaries {
                        choice: Some(choice),
                        ..
                    } = &data
                    {
                        for reason in &choice.reasons {
                            writeln!(out, "{name}: properties: {reason} (warning)")?;
                        }
                    }
                    let gcj02 = data.gcj02_warning(&name, &model.boundaries);
                    let warnings: Vec<&LoadError> = gcj02.iter().chain(data.warnings()).collect();
                    for warning in warnings.iter().take(MAX_PROBLEMS_SHOWN) {
                        writeln!(out, "{warning} (warning)")?;
                    }
                    more(out, &name, warnings.len(), "warnings")?;
                }
                problems
            }
            Err(problems) => problems,
        };
        if !problems.is_empty() {
            all_valid = false;
            for problem in problems.iter().take(MAX_PROBLEMS_SHOWN) {
                writeln!(out, "{problem}")?;
            }
            more(out, &name, problems.len(), "problems")?;
        }
    }
    Ok(all_valid)
}

/// "FILE: and N more problems" when some were not printed.
fn more(out: &mut impl Write, name: &str, count: usize, what: &str) -> std::io::Result<()> {
    if count > MAX_PROBLEMS_SHOWN {
        writeln!(
            out,
            "{name}: and {} more {what}",
            count - MAX_PROBLEMS_SHOWN
        )?;
    }
    Ok(())
}

/// `export`: what to write and where, as the command line gave it.
#[derive(Clone, Debug)]
pub struct ExportArgs {
    pub chart: Option<String>,
    pub map: bool,
    pub all: bool,
    pub report: bool,
    pub county: Option<String>,
    pub scale: u32,
    pub lang: zq_core::i18n::Lang,
    pub out: Option<std::path::PathBuf>,
    pub dir: Option<std::path::PathBuf>,
}

/// Runs an export with the embedded data; returns the lines to print on success.
pub fn export(args: &ExportArgs) -> Result<Vec<String>, String> {
    use crate::export::{self, Format, MapExtent, Request, Subject};

    let model = zq_core::Model::embedded().map_err(|problems| {
        problems
            .iter()
            .map(ToString::to_string)
            .collect::<Vec<_>>()
            .join("\n")
    })?;
    let mut request = Request {
        subject: Subject::Report,
        county: args.county.clone(),
        project: None,
        scale: args.scale,
        lang: args.lang,
        format: Format::Png,
        layers: zq_map::LayerSettings::default(),
    };
    if args.all {
        let dir = args.dir.as_deref().ok_or("--all needs --dir DIR")?;
        // A missing folder (and its parents) is made; a file in its place is not replaced.
        if dir.exists() && !dir.is_dir() {
            return Err(format!("{}: is a file, not a folder", dir.display()));
        }
        let written = export::export_all(&model, &request, dir).map_err(|e| e.to_string())?;
        return Ok(written
            .iter()
            .map(|p| format!("wrote {}", p.display()))
            .collect());
    }
    request.subject = match (&args.chart, args.map, args.report) {
        (Some(id), false, false) => Subject::Chart { id: id.clone() },
        (None, true, false) => Subject::Map {
            extent: MapExtent::WholeCity,
        },
        (None, false, true) => Subject::Report,
        _ => return Err("give exactly one of --chart ID, --map or --all".to_owned()),
    };
    let out = args
        .out
        .as_deref()
        .ok_or("--out FILE is needed (FILE.png, FILE.svg or FILE.pdf)")?;
    request.format = Format::of_path(out).ok_or_else(|| {
        format!(
            "{}: the file name must end in .png, .svg, .pdf or (for a report) .docx",
            out.display()
        )
    })?;
    export::export_to(&model, &request, out).map_err(|e| e.to_string())?;
    Ok(vec![format!("wrote {}", out.display())])
}
