//! Opening a user's file (File menu, drag and drop, the command line): read, detect, parse and
//! check it off the UI thread, then build the model it makes. The shown model is replaced only
//! when all of that succeeded; otherwise it stays exactly as it was.

use std::io::Read as _;
use std::path::PathBuf;
use std::sync::Arc;

use crate::Model;
use crate::geometry::boundaries::{PropertyChoice, PropertyKeys};
use crate::load_error::LoadError;
use crate::model::Changes;
use crate::user_file::{MAX_FILE_BYTES, UserData, load_boundaries_with, load_user_file};

use super::jobs::{Job, Progress};

/// How opening a file ended.
pub enum Outcome {
    Ready(Box<Opened>),
    Refused(Vec<LoadError>),
    Cancelled,
}

/// A file that opened: the model it makes and what it changed.
pub struct Opened {
    pub name: String,
    /// The file opened (for File → Open recent); none when read again from memory.
    pub path: Option<PathBuf>,
    /// Kept so that boundaries can be read again with other properties.
    pub bytes: Arc<[u8]>,
    pub model: Model,
    pub changes: Changes,
    /// For boundaries whose code or name properties had to be guessed: ask the user.
    pub choice: Option<PropertyChoice>,
}

/// Starts opening the file at `path` (from the File menu, a drop on the window or the command
/// line) against a copy of `model`.
pub fn spawn(ctx: &egui::Context, title: &str, path: PathBuf, model: Model) -> Job<Outcome> {
    Job::spawn(title, ctx, move |progress| open(&path, &model, progress))
}

/// Starts reading boundaries again with the properties the user chose.
pub fn spawn_with_keys(
    ctx: &egui::Context,
    title: &str,
    name: String,
    bytes: Arc<[u8]>,
    keys: PropertyKeys,
    model: Model,
) -> Job<Outcome> {
    Job::spawn(title, ctx, move |progress| {
        progress.set(0.3);
        match load_boundaries_with(&name, &bytes, &keys) {
            Ok(boundaries) => {
                let data = UserData::Boundaries {
                    boundaries: Box::new(boundaries),
                    choice: None,
                };
                finish(&name, None, bytes.clone(), data, &model, progress)
            }
            Err(problems) => Outcome::Refused(problems),
        }
    })
}

fn open(path: &std::path::Path, model: &Model, progress: &Progress) -> Outcome {
    let name = path.display().to_string();
    let bytes: Arc<[u8]> = match read_with_progress(&name, path, progress) {
        Ok(Some(bytes)) => bytes.into(),
        Ok(None) => return Outcome::Cancelled,
        Err(err) => return Outcome::Refused(vec![err]),
    };
    progress.set(0.4);
    match load_user_file(&name, &bytes) {
        Ok(data) => finish(&name, Some(path.to_owned()), bytes, data, model, progress),
        Err(problems) => Outcome::Refused(problems),
    }
}

/// Checks parsed data against the model and builds the model it makes.
fn finish(
    name: &str,
    path: Option<PathBuf>,
    bytes: Arc<[u8]>,
    data: UserData,
    model: &Model,
    progress: &Progress,
) -> Outcome {
    if progress.is_cancelled() {
        return Outcome::Cancelled;
    }
    progress.set(0.7);
    let problems = data.check(name, &model.dataset, &model.boundaries);
    if !problems.is_empty() {
        return Outcome::Refused(problems);
    }
    let choice = match &data {
        UserData::Boundaries { choice, .. } => choice.clone(),
        _ => None,
    };
    // The bytes are kept only to read boundaries again with other properties; a large file's
    // bytes are otherwise let go before the levels of detail are made.
    let bytes = if choice.is_some() {
        bytes
    } else {
        Arc::from(Vec::new())
    };
    let mut warnings: Vec<String> = data
        .warnings()
        .iter()
        .take(5)
        .map(ToString::to_string)
        .collect();
    let (next, mut changes) = model.with_user_data(name, data);
    if progress.is_cancelled() {
        return Outcome::Cancelled;
    }
    warnings.append(&mut changes.notes);
    changes.notes = warnings;
    progress.set(1.0);
    Outcome::Ready(Box::new(Opened {
        name: name.to_owned(),
        path,
        bytes,
        model: next,
        changes,
        choice,
    }))
}

/// Reads a file in pieces so the progress bar moves and Cancel works; `None` when cancelled.
fn read_with_progress(
    name: &str,
    path: &std::path::Path,
    progress: &Progress,
) -> Result<Option<Vec<u8>>, LoadError> {
    const CHUNK: usize = 4 << 20;
    let io_error = |e: std::io::Error| LoadError::new(name, "", format!("cannot read it: {e}"));
    let mut file = std::fs::File::open(path).map_err(io_error)?;
    let total = file.metadata().map(|m| m.len()).unwrap_or(0);
    if total > MAX_FILE_BYTES {
        return Err(LoadError::new(
            name,
            "",
            format!(
                "the file is larger than {} MB, more than any map or figure list needs",
                MAX_FILE_BYTES >> 20
            ),
        ));
    }
    let mut bytes = Vec::with_capacity(total as usize);
    let mut chunk = vec![0; CHUNK];
    loop {
        if progress.is_cancelled() {
            return Ok(None);
        }
        let n = file.read(&mut chunk).map_err(io_error)?;
        if n == 0 {
            break;
        }
        bytes.extend_from_slice(&chunk[..n]);
        if bytes.len() as u64 > MAX_FILE_BYTES {
            return Err(LoadError::new(
                name,
                "",
                "the file grew past the size limit while being read",
            ));
        }
        if total > 0 {
            progress.set(0.4 * bytes.len() as f32 / total as f32);
        }
    }
    Ok(Some(bytes))
}
