//! What the program remembers between runs (eframe's persistence): language, selection, chart,
//! the table's filter and sort, layers, map view, the last folder used, the files opened
//! recently, the window's size, whether the first-run hint was dismissed. Stored as one JSON
//! string; a corrupt or older settings entry is ignored with a notice, never a crash.

use std::path::PathBuf;

use serde::{Deserialize, Serialize};

use zq_core::i18n::{Lang, Msg};
use zq_core::selection::Selection;
use zq_core::table::{Filter, Sort};

pub use zq_map::{LayerSettings, SavedView};

pub const KEY: &str = "zhaoqing-explorer.settings";
/// Bumped when a field changes meaning; older entries are then ignored.
pub const VERSION: u32 = 1;

/// The window's size (points) and whether it was maximized. Its place is not kept: the window
/// manager places the window, so a monitor since unplugged never leaves it off screen.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct WindowSize {
    pub width: f32,
    pub height: f32,
    pub maximized: bool,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Settings {
    pub version: u32,
    /// `None` until the user picks one: the system locale decides.
    pub lang: Option<Lang>,
    pub selection: Selection,
    pub chart: String,
    pub show_table: bool,
    pub table_filter: Filter,
    pub table_sort: Sort,
    pub layers: LayerSettings,
    pub view: Option<SavedView>,
    pub last_folder: Option<PathBuf>,
    /// The files opened last, newest first.
    pub recent: Vec<PathBuf>,
    pub window: Option<WindowSize>,
    pub hint_dismissed: bool,
}

impl Default for Settings {
    fn default() -> Self {
        Self {
            version: VERSION,
            lang: None,
            selection: Selection::default(),
            chart: super::chart_panel::DEFAULT_CHART.to_owned(),
            show_table: false,
            table_filter: Filter::default(),
            table_sort: Sort::default(),
            layers: LayerSettings::default(),
            view: None,
            last_folder: None,
            recent: Vec::new(),
            window: None,
            hint_dismissed: false,
        }
    }
}

/// The stored settings, or defaults; with a notice when stored settings had to be ignored.
pub fn load(storage: Option<&dyn eframe::Storage>) -> (Settings, Option<String>) {
    let Some(text) = storage.and_then(|s| s.get_string(KEY)) else {
        return (Settings::default(), None);
    };
    parse(&text)
}

/// A notice in both languages: the settings that would say which one are what failed.
fn both_languages(text: impl Fn(Lang) -> String) -> String {
    format!("{} / {}", text(Lang::Zh), text(Lang::En))
}

pub fn parse(text: &str) -> (Settings, Option<String>) {
    match serde_json::from_str::<Settings>(text) {
        Ok(settings) if settings.version == VERSION => (settings, None),
        Ok(settings) => (
            Settings::default(),
            Some(both_languages(|lang| {
                zq_core::fill!(Msg::SettingsOtherVersion, lang, version = settings.version)
            })),
        ),
        Err(err) => (
            Settings::default(),
            Some(format!(
                "{}: {err}",
                both_languages(|lang| Msg::SettingsUnreadable.text(lang).to_owned())
            )),
        ),
    }
}

/// eframe's own entry for the window, which restores its place as well as its size. eframe
/// still reads it with its window persistence off, so one left by an older run is removed
/// before the window opens.
const EFRAME_WINDOW_KEY: &str = "window";

/// Reads what the last run stored in `folder` (eframe's `app.ron`, a map of strings) and
/// removes the window's place from it; the settings, for the window's size.
pub fn read_before_start(folder: &std::path::Path) -> Option<Settings> {
    let path = folder.join("app.ron");
    let text = std::fs::read_to_string(&path).ok()?;
    let mut entries: std::collections::HashMap<String, String> = ron::from_str(&text).ok()?;
    if entries.remove(EFRAME_WINDOW_KEY).is_some()
        && let Ok(text) = ron::ser::to_string_pretty(&entries, ron::ser::PrettyConfig::default())
        && let Err(err) = zq_core::atomic_write::write_atomic(&path, text.as_bytes())
    {
        eprintln!(
            "zhaoqing-explorer: could not update {}: {err}",
            path.display()
        );
    }
    let (settings, notice) = parse(entries.get(KEY)?);
    notice.is_none().then_some(settings)
}

/// The window's size at the first start.
pub const DEFAULT_WINDOW_SIZE: [f32; 2] = [1280.0, 800.0];

impl WindowSize {
    /// The size to open at: never below the window's minimum `min`. (eframe keeps it within the
    /// largest monitor attached now.)
    pub fn inner_size(self, min: [f32; 2]) -> [f32; 2] {
        [self.width.max(min[0]), self.height.max(min[1])]
    }
}

pub fn save(storage: &mut dyn eframe::Storage, settings: &Settings) {
    match serde_json::to_string(settings) {
        Ok(text) => storage.set_string(KEY, text),
        // Serialising plain data cannot fail; if it ever does, keep the old entry.
        Err(err) => eprintln!("zhaoqing-explorer: could not save settings: {err}"),
    }
}

/// Chinese when the system locale is Chinese, English otherwise.
pub fn system_lang() -> Lang {
    lang_for_locale(sys_locale::get_locale().as_deref())
}

pub fn lang_for_locale(locale: Option<&str>) -> Lang {
    match locale {
        Some(l) if l.to_ascii_lowercase().starts_with("zh") => Lang::Zh,
        _ => Lang::En,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trip_and_corrupt_or_old_entries() {
        let settings = Settings {
            lang: Some(Lang::En),
            chart: "timeline".into(),
            ..Settings::default()
        };
        let text = serde_json::to_string(&settings).unwrap();
        assert_eq!(parse(&text), (settings, None));
        let (s, notice) = parse("{not json");
        assert_eq!(s, Settings::default());
        assert!(notice.unwrap().contains("could not be read"));
        let (s, notice) = parse(r#"{"version": 0, "chart": "timeline"}"#);
        assert_eq!(s, Settings::default());
        assert!(notice.is_some());
    }

    #[test]
    fn the_window_size_is_read_back_from_eframes_file() {
        let settings = Settings {
            window: Some(WindowSize {
                width: 1500.0,
                height: 900.0,
                maximized: false,
            }),
            ..Settings::default()
        };
        let entries: std::collections::HashMap<String, String> = [
            (KEY.to_owned(), serde_json::to_string(&settings).unwrap()),
            ("window".to_owned(), "(unused)".to_owned()),
        ]
        .into();
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("app.ron");
        std::fs::write(&path, ron::to_string(&entries).unwrap()).unwrap();
        assert_eq!(read_before_start(dir.path()), Some(settings.clone()));
        // The window's place is gone from the file; the settings are still there.
        let left: std::collections::HashMap<String, String> =
            ron::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
        assert!(!left.contains_key("window"));
        assert_eq!(read_before_start(dir.path()), Some(settings));
        assert_eq!(read_before_start(&dir.path().join("missing")), None);
    }

    #[test]
    fn a_remembered_size_is_never_below_the_minimum() {
        let size = WindowSize {
            width: 3000.0,
            height: 200.0,
            maximized: false,
        };
        assert_eq!(size.inner_size([800.0, 500.0]), [3000.0, 500.0]);
    }

    #[test]
    fn chinese_locales_pick_chinese() {
        assert_eq!(lang_for_locale(Some("zh-CN")), Lang::Zh);
        assert_eq!(lang_for_locale(Some("zh_TW.UTF-8")), Lang::Zh);
        assert_eq!(lang_for_locale(Some("en-US")), Lang::En);
        assert_eq!(lang_for_locale(None), Lang::En);
    }
}
