//! What background work ends with: a file opened (or refused), an export written or copied. The
//! frame collects them; the router acts on them.

use std::path::PathBuf;

use super::open;

/// What background work ends with, for the router.
pub enum Done {
    Opened(Result<open::Outcome, String>),
    Job(Result<JobOutcome, String>),
}

/// What a background job ends with.
pub enum JobOutcome {
    Saved(Vec<PathBuf>),
    /// An image to put on the clipboard.
    Copied(egui::ColorImage),
    Failed(String),
    Cancelled,
}
