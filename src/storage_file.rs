//! The settings file eframe keeps (`app.ron` in [`eframe::storage_dir`]), for the window that
//! runs without eframe (`software_window.rs`): the same file and format, so settings carry over
//! whichever way the window draws.

use std::collections::HashMap;
use std::path::PathBuf;

/// A key-value store in a RON file, written whole and atomically on flush.
pub struct StorageFile {
    path: PathBuf,
    entries: HashMap<String, String>,
    dirty: bool,
}

impl StorageFile {
    /// The app's file, read if it is there; `None` when the system has no place for it.
    pub fn for_app(app_id: &str) -> Option<Self> {
        let dir = eframe::storage_dir(app_id)?;
        Some(Self::at(dir.join("app.ron")))
    }

    /// The store in `path`; a missing or unreadable file starts empty (eframe does the same).
    pub fn at(path: PathBuf) -> Self {
        let entries = std::fs::read_to_string(&path)
            .ok()
            .and_then(|text| ron::from_str(&text).ok())
            .unwrap_or_default();
        Self {
            path,
            entries,
            dirty: false,
        }
    }
}

impl eframe::Storage for StorageFile {
    fn get_string(&self, key: &str) -> Option<String> {
        self.entries.get(key).cloned()
    }

    fn set_string(&mut self, key: &str, value: String) {
        if self.entries.get(key) != Some(&value) {
            self.entries.insert(key.to_owned(), value);
            self.dirty = true;
        }
    }

    fn remove_string(&mut self, key: &str) {
        self.dirty |= self.entries.remove(key).is_some();
    }

    fn flush(&mut self) {
        if !self.dirty {
            return;
        }
        let written = ron::ser::to_string_pretty(&self.entries, ron::ser::PrettyConfig::default())
            .map_err(|err| err.to_string())
            .and_then(|text| {
                if let Some(dir) = self.path.parent() {
                    std::fs::create_dir_all(dir).map_err(|err| err.to_string())?;
                }
                zq_core::atomic_write::write_atomic(&self.path, text.as_bytes())
                    .map_err(|err| err.to_string())
            });
        match written {
            Ok(()) => self.dirty = false,
            Err(err) => eprintln!(
                "zhaoqing-explorer: the settings could not be saved to {}: {err}",
                self.path.display()
            ),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use eframe::Storage;

    #[test]
    fn what_is_set_is_read_back_from_the_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("sub").join("app.ron");
        let mut store = StorageFile::at(path.clone());
        assert_eq!(store.get_string("k"), None);
        store.set_string("k", "值 \"quoted\"".to_owned());
        store.flush();
        let again = StorageFile::at(path.clone());
        assert_eq!(again.get_string("k").as_deref(), Some("值 \"quoted\""));
        // The file is the map eframe writes: `settings::read_before_start` reads it too.
        let map: HashMap<String, String> =
            ron::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
        assert_eq!(map.len(), 1);
    }

    #[test]
    fn a_broken_file_starts_empty_and_is_replaced_on_save() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("app.ron");
        std::fs::write(&path, "{ not ron").unwrap();
        let mut store = StorageFile::at(path.clone());
        assert_eq!(store.get_string("k"), None);
        store.set_string("k", "v".to_owned());
        store.flush();
        assert_eq!(StorageFile::at(path).get_string("k").as_deref(), Some("v"));
    }
}
