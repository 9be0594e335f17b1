//! Opening a user's file (File menu, drag and drop, the command line): read, detect, parse and
//! check it off the UI thread, then build the model it makes. The shown model is replaced only
//! when all of that succeeded; otherwise it stays exactly as it was.

use std::path::PathBuf;
use std::sync::Arc;

use zq_core::Model;
use zq_core::load::LoadError;
use zq_core::load::{Options, UserData, load_boundaries_with, load_user_file_with, read_bounded};
use zq_core::load::{PropertyChoice, PropertyKeys};
use zq_core::model::Changes;

use crate::ui::jobs::{Job, Progress};

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
    /// Kept so that boundaries can be read again with other properties or as GCJ-02.
    pub bytes: Arc<[u8]>,
    /// How the file was read, to read it again the same way with other properties.
    pub options: Options,
    pub model: Model,
    pub changes: Changes,
    /// For boundaries whose code or name properties had to be guessed: ask the user.
    pub choice: Option<PropertyChoice>,
    /// For boundaries that sit where GCJ-02 data would: why, to offer converting them.
    pub gcj02: Option<String>,
}

/// Starts opening the file at `path` (from the File menu, a drop on the window or the command
/// line) against a copy of `model`.
pub fn spawn(
    ctx: &egui::Context,
    title: &str,
    path: PathBuf,
    options: Options,
    model: Model,
) -> Job<Outcome> {
    Job::spawn(title, ctx, move |progress| {
        open(&path, options, &model, progress)
    })
}

/// Starts reading a file's bytes again another way: as GCJ-02, or (for boundaries) with the
/// code and name properties the user chose.
pub fn spawn_again(
    ctx: &egui::Context,
    title: &str,
    name: String,
    bytes: Arc<[u8]>,
    keys: Option<PropertyKeys>,
    options: Options,
    model: Model,
) -> Job<Outcome> {
    Job::spawn(title, ctx, move |progress| {
        progress.set(0.3);
        let data = match &keys {
            Some(keys) => load_boundaries_with(&name, &bytes, keys, options),
            None => load_user_file_with(&name, &bytes, options),
        };
        match data {
            Ok(data) => finish(&name, None, bytes.clone(), options, data, &model, progress),
            Err(problems) => Outcome::Refused(problems),
        }
    })
}

fn open(path: &std::path::Path, options: Options, model: &Model, progress: &Progress) -> Outcome {
    let name = path.display().to_string();
    // Reading moves the bar to 40 %; Cancel stops between pieces.
    let read = read_bounded(&name, path, |read, total| {
        if total > 0 {
            progress.set(0.4 * read as f32 / total as f32);
        }
        !progress.is_cancelled()
    });
    let bytes: Arc<[u8]> = match read {
        Ok(Some(bytes)) => bytes.into(),
        Ok(None) => return Outcome::Cancelled,
        Err(err) => return Outcome::Refused(vec![err]),
    };
    progress.set(0.4);
    match load_user_file_with(&name, &bytes, options) {
        Ok(data) => finish(
            &name,
            Some(path.to_owned()),
            bytes,
            options,
            data,
            model,
            progress,
        ),
        Err(problems) => Outcome::Refused(problems),
    }
}

/// Checks parsed data against the model and builds the model it makes.
fn finish(
    name: &str,
    path: Option<PathBuf>,
    bytes: Arc<[u8]>,
    options: Options,
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
    let gcj02 = data
        .gcj02_warning(name, &model.boundaries)
        .map(|w| w.message);
    // Only map data has coordinates to convert.
    let options = Options {
        gcj02: options.gcj02 && !matches!(data, UserData::Figures { .. }),
    };
    // The bytes are kept only to read boundaries again with other properties or as GCJ-02; a
    // large file's bytes are otherwise let go before the levels of detail are made.
    let bytes = if choice.is_some() || gcj02.is_some() {
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
        options,
        model: next,
        changes,
        choice,
        gcj02,
    }))
}
