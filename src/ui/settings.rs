//! What the program remembers between runs (eframe's persistence): language, selection, chart,
//! layers, map view, last export folder, whether the first-run hint was dismissed. Stored as one
//! JSON string; a corrupt or older settings entry is ignored with a notice, never a crash.

use std::path::PathBuf;

use serde::{Deserialize, Serialize};

use crate::i18n::Lang;
use crate::selection::Selection;
use crate::table::{Filter, Sort};

use super::map::LayerSettings;

pub const KEY: &str = "zhaoqing-explorer.settings";
/// Bumped when a field changes meaning; older entries are then ignored.
pub const VERSION: u32 = 1;

/// Where the map looked: its centre and zoom.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct SavedView {
    pub lon: f64,
    pub lat: f64,
    pub points_per_degree: f64,
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

pub fn parse(text: &str) -> (Settings, Option<String>) {
    match serde_json::from_str::<Settings>(text) {
        Ok(settings) if settings.version == VERSION => (settings, None),
        Ok(settings) => (
            Settings::default(),
            Some(format!(
                "设置来自另一版本（{}），已使用默认设置 / Settings from another version ({}) were ignored",
                settings.version, settings.version
            )),
        ),
        Err(err) => (
            Settings::default(),
            Some(format!(
                "设置无法读取，已使用默认设置 / The saved settings could not be read and were ignored: {err}"
            )),
        ),
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
    fn chinese_locales_pick_chinese() {
        assert_eq!(lang_for_locale(Some("zh-CN")), Lang::Zh);
        assert_eq!(lang_for_locale(Some("zh_TW.UTF-8")), Lang::Zh);
        assert_eq!(lang_for_locale(Some("en-US")), Lang::En);
        assert_eq!(lang_for_locale(None), Lang::En);
    }
}
