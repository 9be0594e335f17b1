//! Behaving like a desktop program: keyboard, language, remembered state.

// A test stops where the program is not in the state it checks.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use std::collections::HashMap;

use common::{app_harness, click_at, screen_pos};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT as _, Queryable as _};
use zhaoqing_explorer::ExplorerApp;
use zhaoqing_explorer::ui::fonts::setup_context;
use zq_core::Model;
use zq_core::i18n::Lang;

/// eframe's storage kept in memory, as a settings file would be.
#[derive(Default)]
struct MemoryStorage(HashMap<String, String>);

impl eframe::Storage for MemoryStorage {
    fn get_string(&self, key: &str) -> Option<String> {
        self.0.get(key).cloned()
    }

    fn set_string(&mut self, key: &str, value: String) {
        self.0.insert(key.to_owned(), value);
    }

    fn remove_string(&mut self, key: &str) {
        self.0.remove(key);
    }

    fn flush(&mut self) {}
}

fn harness_with(storage: &MemoryStorage) -> Harness<'static, ExplorerApp> {
    let storage: &dyn eframe::Storage = storage;
    let app = ExplorerApp::with_storage(Model::embedded(), Some(storage));
    let mut harness = Harness::builder()
        .with_size(common::WINDOW)
        .with_theme(egui::Theme::Light)
        .with_context_setup(setup_context)
        .wgpu()
        .build_eframe(move |_| app);
    harness.run();
    harness
}

#[test]
fn tab_moves_the_selection_through_the_counties() {
    let mut harness = app_harness();
    harness.key_press(egui::Key::Tab);
    harness.run();
    assert_eq!(harness.state().selected(), Some("441202"));
    harness.get_by_label("端州区");
    harness.key_press(egui::Key::Tab);
    harness.run();
    assert_eq!(harness.state().selected(), Some("441203"));
    harness.key_press_modifiers(egui::Modifiers::SHIFT, egui::Key::Tab);
    harness.key_press_modifiers(egui::Modifiers::SHIFT, egui::Key::Tab);
    harness.run();
    // Backwards from the first wraps to the last.
    assert_eq!(harness.state().selected(), Some("441284"));
    harness.key_press(egui::Key::Escape);
    harness.run();
    assert_eq!(harness.state().selected(), None);
}

#[test]
fn switching_to_english_changes_the_panels() {
    let mut harness = app_harness();
    harness.get_by_label("全市");
    harness.get_by_label("数据 (109)");
    harness.get_by_label("English").click();
    harness.run();
    harness.get_by_label("Whole city");
    harness.get_by_label("Figures (109)");
    harness.get_by_label("Charts");
    harness.get_by_label("County fact sheet");
    assert!(harness.query_by_label("全市").is_none());
    harness.get_by_label("中文").click();
    harness.run();
    harness.get_by_label("全市");
}

#[test]
fn f1_opens_the_shortcuts_and_esc_closes_them() {
    let mut harness = app_harness();
    harness.key_press(egui::Key::F1);
    harness.run();
    harness.get_by_label("键盘快捷键");
    harness.get_by_label("依次选择下一个 / 上一个县区");
    harness.key_press(egui::Key::Escape);
    harness.run();
    assert!(
        harness
            .query_by_label("依次选择下一个 / 上一个县区")
            .is_none()
    );
}

#[test]
fn state_saved_by_one_run_is_restored_by_the_next() {
    let mut storage = MemoryStorage::default();
    {
        let mut first = harness_with(&storage);
        // First launch: a hint says what to click (in the system's language); dismissing it is
        // remembered.
        let got_it = first
            .query_by_label("知道了")
            .or_else(|| first.query_by_label("Got it"))
            .expect("the first-run hint");
        got_it.click();
        first.run();
        if first.state().lang() == Lang::Zh {
            first.get_by_label("English").click();
            first.run();
        }
        // 四会市 where its name is drawn, clear of any symbol.
        let label = first
            .state()
            .model()
            .and_then(|m| m.boundaries.region_by_code("441284"))
            .map(|r| r.label_lonlat())
            .expect("四会市 is loaded");
        let pos = screen_pos(&first, label.x, label.y);
        click_at(&mut first, pos);
        assert_eq!(first.state().selected(), Some("441284"));
        first.state_mut().charts_mut().show_chart("timeline");
        first.run();
        let settings = first.state().settings();
        zhaoqing_explorer::ui::settings::save(&mut storage, &settings);
    }
    let mut second = harness_with(&storage);
    second.run();
    assert_eq!(second.state().lang(), Lang::En);
    assert_eq!(second.state().selected(), Some("441284"));
    assert_eq!(second.state().settings().chart, "timeline");
    second.get_by_label("Sihui City");
    // In English a county's facts are our rendering, unquoted, with the article's words after it.
    second.get_by_label(
        "Sihui became the second county(-level city) in Guangdong on the national top-100 counties list",
    );
    second.get_by_label("“成为广东省第二个入选“全国百强县”榜单的县(市)”");
    assert!(
        second.query_by_label("Got it").is_none(),
        "the dismissed hint stays dismissed"
    );
}

/// The app started with settings that remember a map view centred on `lon`, `lat`.
fn started_with_view(lon: f64, lat: f64) -> Harness<'static, ExplorerApp> {
    use zhaoqing_explorer::ui::settings::{SavedView, Settings, save};
    let mut storage = MemoryStorage::default();
    let view = SavedView {
        lon,
        lat,
        points_per_degree: 4000.0,
    };
    let settings = Settings {
        view: Some(view),
        ..Default::default()
    };
    save(&mut storage, &settings);
    harness_with(&storage)
}

/// A view remembered over other boundaries (all of China, opened in the last run) would show an
/// empty map over today's Zhaoqing data: the map shows the counties instead.
#[test]
fn a_remembered_view_outside_the_data_is_not_restored() {
    let harness = started_with_view(81.88826, 39.96521);
    let projector = harness.state().map().projector().expect("laid out");
    let visible = projector.visible_lonlat();
    let data = harness
        .state()
        .model()
        .expect("the embedded data")
        .boundaries
        .bbox;
    assert!(
        visible.min().x <= data.min().x
            && visible.max().x >= data.max().x
            && visible.min().y <= data.min().y
            && visible.max().y >= data.max().y,
        "the whole of Zhaoqing {data:?} is in view, not {visible:?}"
    );

    // A view over the data is restored as it was.
    let harness = started_with_view(112.68764, 23.34055);
    let projector = harness.state().map().projector().expect("laid out");
    let centre = projector.center_lonlat();
    assert!((centre.x - 112.68764).abs() < 1e-6 && (centre.y - 23.34055).abs() < 1e-6);
    assert!((projector.points_per_degree() - 4000.0).abs() < 1e-6);
}

#[test]
fn a_corrupt_settings_entry_is_ignored_with_a_notice() {
    let mut storage = MemoryStorage::default();
    storage.0.insert(
        zhaoqing_explorer::ui::settings::KEY.to_owned(),
        "{ this is not json".to_owned(),
    );
    let harness = harness_with(&storage);
    assert_eq!(harness.state().selected(), None);
    assert!(
        harness
            .state()
            .toasts()
            .texts()
            .any(|t| t.contains("could not be read"))
    );
}

#[test]
fn ctrl_e_opens_the_export_dialog() {
    let mut harness = app_harness();
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::E);
    harness.run();
    harness.get_by_label("导出图像");
    harness.get_by_role_and_label(egui::Role::Button, "复制图像");
    // The map's own button opens it on the map.
    harness.key_press(egui::Key::Escape);
    harness.run();
    assert!(harness.query_by_label("导出图像").is_none());
    harness.get_by_label("导出地图…").click();
    harness.run();
    harness.get_by_label("只导出当前视图（默认导出全市）");
}

#[test]
fn the_first_launch_follows_the_systems_locale() {
    let harness = harness_with(&MemoryStorage::default());
    assert_eq!(
        harness.state().lang(),
        zhaoqing_explorer::ui::settings::system_lang()
    );
}

#[test]
fn settings_naming_what_the_data_no_longer_holds_are_dropped() {
    // A table filter on an article and a county that are not in the data, from another dataset.
    let mut storage = MemoryStorage::default();
    let mut settings = zhaoqing_explorer::ui::settings::Settings::default();
    settings.table_filter.article = Some("999_gone".into());
    settings.table_filter.scope = Some("441299".into());
    settings.table_filter.period = Some("1999".into());
    settings.show_table = true;
    eframe::Storage::set_string(
        &mut storage,
        zhaoqing_explorer::ui::settings::KEY,
        serde_json::to_string(&settings).unwrap(),
    );
    let mut harness = harness_with(&storage);
    harness.run();
    let saved = harness.state().settings();
    assert_eq!(saved.table_filter, Default::default());
}

#[test]
fn the_status_line_shows_the_longitude_and_latitude_under_the_cursor() {
    let mut harness = app_harness();
    let (lon, lat) = (112.2, 23.3);
    harness.hover_at(screen_pos(&harness, lon, lat));
    harness.run();
    let node = harness.get_by_label_contains("°E").accesskit_node();
    let line = node.value().or(node.label()).unwrap();
    let numbers: Vec<f64> = line
        .split(|c: char| !(c.is_ascii_digit() || c == '.'))
        .filter_map(|s| s.parse().ok())
        .collect();
    assert!(line.starts_with("光标"), "{line}");
    assert!(
        (numbers[0] - lon).abs() < 1e-3 && (numbers[1] - lat).abs() < 1e-3,
        "{line}"
    );
}

#[test]
fn files_named_on_the_command_line_open_with_the_window() {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data/good/integer_codes.geojson");
    let mut harness = Harness::builder()
        .with_size(common::WINDOW)
        .with_theme(egui::Theme::Light)
        .with_context_setup(setup_context)
        .wgpu()
        .build_eframe(move |_| {
            ExplorerApp::with_model(Model::embedded()).open_at_start(vec![path])
        });
    let start = std::time::Instant::now();
    while harness.state().is_opening() && start.elapsed().as_secs() < 30 {
        std::thread::sleep(std::time::Duration::from_millis(20));
        harness.step();
    }
    harness.run();
    assert!(
        harness
            .state()
            .toasts()
            .texts()
            .any(|t| t.starts_with("已打开") && t.contains("integer_codes.geojson")),
        "{:?}",
        harness.state().toasts().texts().collect::<Vec<_>>()
    );
}

#[test]
fn the_window_size_is_remembered_but_not_its_place() {
    let mut harness = app_harness();
    // The window system reports the window's size and place, as winit does.
    let rect = egui::Rect::from_min_size(egui::pos2(5000.0, 3000.0), egui::vec2(1500.0, 900.0));
    harness
        .input_mut()
        .viewports
        .entry(egui::ViewportId::ROOT)
        .or_default()
        .inner_rect = Some(rect);
    harness.run();
    let settings = harness.state().settings();
    let window = settings.window.expect("a size is kept");
    assert_eq!([window.width, window.height], [1500.0, 900.0]);
    assert!(!window.maximized);
    // Nothing of the place is kept.
    let text = serde_json::to_string(&settings).unwrap();
    assert!(!text.contains("5000") && !text.contains("3000"), "{text}");
}

#[test]
fn the_arrow_keys_pan_the_map() {
    let mut harness = app_harness();
    let before = harness.state().map().projector().unwrap().center_lonlat();
    harness.key_press(egui::Key::ArrowLeft);
    harness.run();
    let after = harness.state().map().projector().unwrap().center_lonlat();
    // The map moves right, so the view looks further west.
    assert!(after.x < before.x, "{before:?} → {after:?}");
    assert!((after.y - before.y).abs() < 1e-9);
}

#[test]
fn recent_files_are_remembered_between_runs() {
    let file = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data/good/figures_minimal.csv")
        .canonicalize()
        .unwrap();
    let mut storage = MemoryStorage::default();
    let settings = zhaoqing_explorer::ui::settings::Settings {
        recent: vec![file.clone()],
        lang: Some(Lang::Zh),
        ..Default::default()
    };
    eframe::Storage::set_string(
        &mut storage,
        zhaoqing_explorer::ui::settings::KEY,
        serde_json::to_string(&settings).unwrap(),
    );
    let mut harness = harness_with(&storage);
    harness
        .get_by_role_and_label(egui::Role::Button, "文件")
        .click();
    harness.run();
    harness.get_by_label_contains("最近打开").hover();
    harness.run();
    harness.get_by_role_and_label(egui::Role::Button, "figures_minimal.csv");
}

/// Started where there is no display at all (an SSH session, a service), the program does not
/// hang or vanish: it says the window could not open, why, and that the commands still work,
/// in the system's language, and exits 1.
#[test]
fn without_a_display_the_window_says_why_it_cannot_open() {
    for (lang, said) in [
        ("C.UTF-8", "could not open its window"),
        ("zh_CN.UTF-8", "窗口无法打开"),
    ] {
        let config = tempfile::tempdir().unwrap();
        let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_zhaoqing-explorer"))
            .env_remove("DISPLAY")
            .env_remove("WAYLAND_DISPLAY")
            .env_remove("WAYLAND_SOCKET")
            .env_remove("DBUS_SESSION_BUS_ADDRESS")
            .env_remove("LC_ALL")
            .env_remove("LC_MESSAGES")
            .env("LANG", lang)
            .env("XDG_DATA_HOME", config.path())
            .env("XDG_CONFIG_HOME", config.path())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .unwrap();
        let started = std::time::Instant::now();
        while child.try_wait().unwrap().is_none() {
            if started.elapsed() > std::time::Duration::from_secs(60) {
                child.kill().unwrap();
                panic!("still running after 60 s without a display");
            }
            std::thread::sleep(std::time::Duration::from_millis(50));
        }
        let output = child.wait_with_output().unwrap();
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert_eq!(output.status.code(), Some(1), "{stderr}");
        assert!(stderr.contains(said), "{lang}: {stderr}");
        assert!(
            stderr.contains("DISPLAY"),
            "the reason is not given: {stderr}"
        );
        assert!(
            stderr.contains("charts"),
            "the commands are not offered: {stderr}"
        );
    }
}
