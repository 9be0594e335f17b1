//! Reading a file's bytes: only regular files, at most `MAX_FILE_BYTES`, in pieces so that a
//! window can show progress and cancel. The command line and the window both read through here.

use std::io::Read as _;
use std::path::Path;

use super::error::LoadError;
use super::{Options, UserData, load_user_file_with};

/// Larger files are refused before they are read: far beyond any county map or figure list, and
/// what a load must fit in memory several times over.
pub const MAX_FILE_BYTES: u64 = 256 * 1024 * 1024;

/// Reads a file the user named and loads it; a file that cannot be read is one `LoadError`
/// naming the path.
pub fn read_user_file(path: &Path, options: Options) -> Result<UserData, Vec<LoadError>> {
    let name = path.display().to_string();
    let bytes = read_bytes(&name, path).map_err(|e| vec![e])?;
    load_user_file_with(&name, &bytes, options)
}

/// Reads a whole file, refusing one larger than `MAX_FILE_BYTES` without reading it all.
pub fn read_bytes(name: &str, path: &Path) -> Result<Vec<u8>, LoadError> {
    read_bounded(name, path, |_, _| true).map(Option::unwrap_or_default)
}

/// Reads a whole file in pieces, calling `go_on(read, total)` after each (a window moves its
/// progress bar; `false` stops, and then the answer is `None`). Anything but a regular file is
/// refused before it is opened: a named pipe would wait forever for a writer, a device never
/// ends. A file larger than `MAX_FILE_BYTES` is refused without being read.
pub fn read_bounded(
    name: &str,
    path: &Path,
    mut go_on: impl FnMut(u64, u64) -> bool,
) -> Result<Option<Vec<u8>>, LoadError> {
    const CHUNK: usize = 4 << 20;
    let io_error = |e: std::io::Error| LoadError::new(name, "", format!("cannot read it: {e}"));
    let too_large = || {
        LoadError::new(
            name,
            "",
            format!(
                "the file is larger than {} MB, more than any map or figure list needs",
                MAX_FILE_BYTES / (1024 * 1024)
            ),
        )
    };
    let metadata = std::fs::metadata(path).map_err(io_error)?;
    if metadata.is_dir() {
        return Err(LoadError::new(name, "", "this is a folder, not a file"));
    }
    if !metadata.is_file() {
        return Err(LoadError::new(
            name,
            "",
            "this is not a regular file (a named pipe, a device or a socket), so it is not read",
        )
        .with_hint("save the data to a file and open that"));
    }
    let total = metadata.len();
    if total > MAX_FILE_BYTES {
        return Err(too_large());
    }
    let mut file = std::fs::File::open(path).map_err(io_error)?;
    let mut bytes = Vec::with_capacity(usize::try_from(total).unwrap_or(0));
    let mut chunk = vec![0; CHUNK];
    loop {
        let n = file.read(&mut chunk).map_err(io_error)?;
        if n == 0 {
            break;
        }
        bytes.extend_from_slice(&chunk[..n]);
        // The size reported may be wrong (a growing file): stop at the limit anyway.
        if bytes.len() as u64 > MAX_FILE_BYTES {
            return Err(too_large());
        }
        if !go_on(bytes.len() as u64, total) {
            return Ok(None);
        }
    }
    Ok(Some(bytes))
}
