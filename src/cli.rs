//! The headless commands: what `zhaoqing-explorer <command>` does without opening a window.

use std::io::Write;
use std::path::PathBuf;

use crate::Model;
use crate::charts::CHARTS;
use crate::load_error::LoadError;
use crate::user_file::{UserData, read_user_file};

/// `charts`: one line per chart: id, Chinese title, English title, tab-separated.
pub fn list_charts(out: &mut impl Write) -> std::io::Result<()> {
    for def in CHARTS {
        writeln!(out, "{}\t{}\t{}", def.id, def.title.zh, def.title.en)?;
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
/// embedded dataset), and prints one summary line per valid file (then its warnings) or every
/// problem of an invalid one as `FILE: WHERE: WHAT`. `Ok(true)` when every file is valid.
pub fn validate(files: &[PathBuf], out: &mut impl Write) -> Result<bool, CommandError> {
    let model = Model::embedded().map_err(CommandError::Embedded)?;
    let mut all_valid = true;
    for path in files {
        let name = path.display().to_string();
        let problems = match read_user_file(path) {
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
                    for warning in data.warnings().iter().take(MAX_PROBLEMS_SHOWN) {
                        writeln!(out, "{warning} (warning)")?;
                    }
                    more(out, &name, data.warnings().len(), "warnings")?;
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
