//! Every file the program writes is written atomically: to a temporary file in the same folder,
//! then renamed over the target. A full disk, a read-only folder or a crash mid-write leaves any
//! existing file untouched.

use std::io::Write as _;
use std::path::Path;

/// Why a file could not be written; names the path.
#[derive(Debug, thiserror::Error)]
#[error("could not write {path}: {source}")]
pub struct WriteError {
    pub path: String,
    #[source]
    pub source: std::io::Error,
}

pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<(), WriteError> {
    let fail = |source: std::io::Error| WriteError {
        path: path.display().to_string(),
        source,
    };
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    let mut builder = tempfile::Builder::new();
    builder.prefix(".zhaoqing-explorer-").suffix(".tmp");
    // A temporary file is private (0600) by default; the file it becomes is the user's, made
    // like any other file (0666 less the umask) or keeping the mode of the file it replaces.
    #[cfg(unix)]
    let permissions = std::fs::metadata(path).map_or_else(
        |_| std::os::unix::fs::PermissionsExt::from_mode(0o666),
        |m| m.permissions(),
    );
    #[cfg(unix)]
    builder.permissions(permissions);
    let mut temp = builder.tempfile_in(dir).map_err(fail)?;
    temp.write_all(bytes).map_err(fail)?;
    temp.as_file().sync_all().map_err(fail)?;
    temp.persist(path).map_err(|e| fail(e.error))?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn replaces_the_file_and_leaves_no_temporary() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("out.csv");
        write_atomic(&path, b"one").unwrap();
        write_atomic(&path, b"two").unwrap();
        assert_eq!(std::fs::read(&path).unwrap(), b"two");
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
    }

    #[cfg(unix)]
    #[test]
    fn the_file_gets_the_mode_any_new_file_gets_or_keeps_its_own() {
        use std::os::unix::fs::PermissionsExt as _;
        let mode = |p: &Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
        let dir = tempfile::tempdir().unwrap();
        let plain = dir.path().join("plain.png");
        std::fs::write(&plain, b"x").unwrap();
        let ours = dir.path().join("chart.png");
        write_atomic(&ours, b"x").unwrap();
        assert_eq!(mode(&ours), mode(&plain));

        std::fs::set_permissions(&ours, std::fs::Permissions::from_mode(0o640)).unwrap();
        write_atomic(&ours, b"y").unwrap();
        assert_eq!(mode(&ours), 0o640);
    }

    #[test]
    fn a_missing_folder_fails_with_the_path() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("no/such/folder/out.png");
        let err = write_atomic(&path, b"x").unwrap_err();
        assert!(err.to_string().contains("no/such/folder/out.png"), "{err}");
    }
}
