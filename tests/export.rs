//! Exports as a report writer uses them: every chart and the map at 1× and 2×, SVG that parses
//! and holds its title, and writes that fail cleanly without touching existing files.

use std::path::Path;
use std::process::Command;

use image::GenericImageView as _;
use zhaoqing_explorer::Model;
use zhaoqing_explorer::charts::CHARTS;
use zhaoqing_explorer::export::{self, Format, MapExtent, Request, Subject};
use zhaoqing_explorer::i18n::Lang;

fn request(subject: Subject, scale: u32) -> Request {
    Request {
        subject,
        county: Some("441284".to_owned()),
        project: None,
        scale,
        lang: Lang::Zh,
        format: Format::Png,
        layers: Default::default(),
    }
}

fn png(model: &Model, request: &Request) -> image::DynamicImage {
    let bytes =
        export::render(model, request).unwrap_or_else(|e| panic!("{:?}: {e}", request.subject));
    image::load_from_memory_with_format(&bytes, image::ImageFormat::Png).expect("a PNG")
}

/// Not blank: a white page with a good share of drawn (non-white) pixels in several colours.
fn assert_not_blank(image: &image::DynamicImage, what: &str) {
    let rgba = image.to_rgba8();
    let drawn = rgba
        .pixels()
        .filter(|p| p.0 != [255, 255, 255, 255])
        .count();
    let share = drawn as f64 / (rgba.width() * rgba.height()) as f64;
    assert!(
        share > 0.01,
        "{what}: only {:.2}% of the pixels are drawn",
        share * 100.0
    );
    let mut colours: Vec<[u8; 4]> = rgba.pixels().map(|p| p.0).collect();
    colours.sort_unstable();
    colours.dedup();
    assert!(colours.len() > 20, "{what}: {} colours", colours.len());
}

#[test]
fn every_chart_and_the_map_at_1x_and_2x() {
    let model = Model::embedded().expect("embedded data");
    let subjects = CHARTS
        .iter()
        .map(|c| Subject::Chart {
            id: c.id.to_owned(),
        })
        .chain(std::iter::once(Subject::Map {
            extent: MapExtent::WholeCity,
        }));
    for subject in subjects {
        let one = png(&model, &request(subject.clone(), 1));
        let two = png(&model, &request(subject.clone(), 2));
        let what = format!("{subject:?}");
        assert!(
            one.width() >= 1200 && one.height() >= 700,
            "{what}: {:?}",
            one.dimensions()
        );
        assert_eq!(
            two.dimensions(),
            (one.width() * 2, one.height() * 2),
            "{what}: 2× is twice 1×"
        );
        assert_not_blank(&one, &what);
        assert_not_blank(&two, &what);
    }
}

#[test]
fn four_times_is_four_times_and_the_report_is_a4() {
    let model = Model::embedded().expect("embedded data");
    let one = png(
        &model,
        &request(
            Subject::Chart {
                id: "growth_rates".into(),
            },
            1,
        ),
    );
    let four = png(
        &model,
        &request(
            Subject::Chart {
                id: "growth_rates".into(),
            },
            4,
        ),
    );
    assert_eq!(four.dimensions(), (one.width() * 4, one.height() * 4));
    let report = png(&model, &request(Subject::Report, 1));
    assert_eq!(report.dimensions(), (2480, 3508), "A4 at 300 dpi");
    assert_not_blank(&report, "report");
}

/// Chart `id` (no county selected) as SVG text.
fn chart_svg(model: &Model, id: &str) -> String {
    let req = Request {
        format: Format::Svg,
        county: None,
        ..request(Subject::Chart { id: id.into() }, 1)
    };
    String::from_utf8(export::render(model, &req).expect("renders")).expect("UTF-8")
}

/// Every piece of text an SVG shows.
fn svg_texts(svg: &str) -> Vec<String> {
    let doc = roxmltree::Document::parse(svg).expect("XML");
    doc.descendants()
        .filter(|n| n.has_tag_name("text"))
        .filter_map(|n| n.text().map(str::to_owned))
        .collect()
}

#[test]
fn svg_parses_and_holds_the_title() {
    let model = Model::embedded().expect("embedded data");
    let text = chart_svg(&model, "pipeline_2020");
    let tree = usvg::Tree::from_str(&text, &usvg::Options::default()).expect("usvg parses the SVG");
    assert!(tree.size().width() >= 1200.0);
    let texts = svg_texts(&text);
    assert!(
        texts
            .iter()
            .any(|t| t == "肇庆2020年以来产业项目：引进、开工、竣工"),
        "{texts:?}"
    );
    assert!(texts.iter().any(|t| t.contains("897亿元")));
}

/// Chart `id` for `county` in `lang` as SVG text.
fn chart_svg_for(model: &Model, id: &str, county: Option<&str>, lang: Lang) -> String {
    let req = Request {
        format: Format::Svg,
        county: county.map(str::to_owned),
        lang,
        ..request(Subject::Chart { id: id.into() }, 1)
    };
    String::from_utf8(export::render(model, &req).expect("renders")).expect("UTF-8")
}

/// Every drawn bar, card and point says in the image what it measures and its value: its label
/// and value text are in the SVG (read line by line as the image wraps them).
#[test]
fn every_exported_item_carries_its_subject_and_value() {
    let model = Model::embedded().expect("embedded data");
    let unspaced = |s: &str| s.chars().filter(|c| !c.is_whitespace()).collect::<String>();
    for def in CHARTS {
        let counties: Vec<Option<&str>> = if def.follows_county() {
            std::iter::once(None)
                .chain(
                    model
                        .dataset
                        .counties
                        .iter()
                        .map(|c| Some(c.adcode.as_str())),
                )
                .collect()
        } else {
            vec![None]
        };
        for county in counties {
            let chart = def.build(&model.dataset, county).expect("builds");
            for lang in [Lang::Zh, Lang::En] {
                let all =
                    unspaced(&svg_texts(&chart_svg_for(&model, def.id, county, lang)).concat());
                for item in chart.items() {
                    for text in [item.label(lang), &item.value_text(lang)] {
                        assert!(
                            all.contains(&unspaced(text)),
                            "{} ({county:?}, {lang:?}): {text:?} is not in the image",
                            def.id
                        );
                    }
                }
            }
        }
    }
}

/// The per-county chart exported before a county is picked compares the counties; the window's
/// "pick a county" is not printed in the image.
#[test]
fn the_county_overview_exports_without_the_windows_hint() {
    let model = Model::embedded().expect("embedded data");
    let texts = svg_texts(&chart_svg(&model, "county_figures"));
    assert!(
        texts
            .iter()
            .any(|t| t.starts_with("各县区在五篇文章中的数据条数")),
        "{texts:?}"
    );
    assert!(!texts.iter().any(|t| t.contains("选择")), "{texts:?}");
}

fn binary() -> Command {
    Command::new(env!("CARGO_BIN_EXE_zhaoqing-explorer"))
}

#[test]
fn the_cli_exports_and_names_what_it_cannot_do() {
    let dir = tempfile::tempdir().expect("temp dir");
    let out = dir.path().join("chart.png");
    let ok = binary()
        .args([
            "export",
            "--chart",
            "industry_q1_2021",
            "--scale",
            "2",
            "--out",
        ])
        .arg(&out)
        .output()
        .expect("runs");
    assert!(
        ok.status.success(),
        "{}",
        String::from_utf8_lossy(&ok.stderr)
    );
    assert_eq!(image::open(&out).expect("a PNG").dimensions().0, 2400);

    // An unknown chart or county: exit 1, naming it; an existing file stays as it was.
    std::fs::write(&out, b"keep me").expect("write");
    for (args, named) in [
        (vec!["export", "--chart", "no_such_chart"], "no_such_chart"),
        (
            vec!["export", "--chart", "growth_rates", "--county", "999999"],
            "999999",
        ),
    ] {
        let failed = binary()
            .args(&args)
            .arg("--out")
            .arg(&out)
            .output()
            .expect("runs");
        assert_eq!(failed.status.code(), Some(1), "{args:?}");
        assert!(
            String::from_utf8_lossy(&failed.stderr).contains(named),
            "{args:?}"
        );
        assert_eq!(std::fs::read(&out).expect("read"), b"keep me");
    }

    // A folder that does not exist, and a "folder" that is a file: exit 1 with the path.
    for bad in [dir.path().join("missing/sub/x.png"), out.join("x.png")] {
        let failed = binary()
            .args(["export", "--map", "--out"])
            .arg(&bad)
            .output()
            .expect("runs");
        assert_eq!(failed.status.code(), Some(1));
        let stderr = String::from_utf8_lossy(&failed.stderr);
        assert!(stderr.contains(&bad.display().to_string()), "{stderr}");
    }
    assert_eq!(std::fs::read(&out).expect("read"), b"keep me");

    // A bad argument is a usage error: exit 2.
    let usage = binary()
        .args(["export", "--chart", "x", "--scale", "3", "--out", "x.png"])
        .output()
        .expect("runs");
    assert_eq!(usage.status.code(), Some(2));
}

#[test]
fn a_read_only_folder_fails_cleanly_and_keeps_the_existing_file() {
    use std::os::unix::fs::PermissionsExt as _;
    let dir = tempfile::tempdir().expect("temp dir");
    let out = dir.path().join("map.png");
    std::fs::write(&out, b"keep me").expect("write");
    std::fs::set_permissions(dir.path(), std::fs::Permissions::from_mode(0o555)).expect("chmod");
    let probe = dir.path().join(".probe");
    let root_ignores_permissions = std::fs::write(&probe, b"").is_ok();
    let _ = std::fs::remove_file(&probe);
    if !root_ignores_permissions {
        let failed = binary()
            .args(["export", "--map", "--out"])
            .arg(&out)
            .output()
            .expect("runs");
        assert_eq!(failed.status.code(), Some(1));
        assert!(String::from_utf8_lossy(&failed.stderr).contains(&out.display().to_string()));
    }
    // Whoever runs the test, a failed write leaves the file alone: here the rename target is a
    // folder, which no user may replace with a file.
    std::fs::set_permissions(dir.path(), std::fs::Permissions::from_mode(0o755)).expect("chmod");
    let folder = dir.path().join("taken.png");
    std::fs::create_dir(&folder).expect("mkdir");
    std::fs::write(folder.join("inside"), b"x").expect("write");
    let failed = binary()
        .args(["export", "--map", "--out"])
        .arg(&folder)
        .output()
        .expect("runs");
    assert_eq!(failed.status.code(), Some(1));
    assert_eq!(std::fs::read(folder.join("inside")).expect("read"), b"x");
    assert_eq!(std::fs::read(&out).expect("read"), b"keep me");
    assert_eq!(
        std::fs::read_dir(dir.path()).expect("list").count(),
        2,
        "no temporary file is left behind"
    );
    assert!(Path::new(&out).exists());
}

#[test]
fn export_all_writes_every_chart_and_the_map() {
    let dir = tempfile::tempdir().expect("temp dir");
    let ok = binary()
        .args(["export", "--all", "--dir"])
        .arg(dir.path())
        .output()
        .expect("runs");
    assert!(
        ok.status.success(),
        "{}",
        String::from_utf8_lossy(&ok.stderr)
    );
    let files = std::fs::read_dir(dir.path()).expect("list").count();
    assert_eq!(files, CHARTS.len() + 1);
}

/// A report page is filled without running over: a county with few figures gets them all as
/// cards or lines with its projects listed, one with many keeps the fact sheet and counts what
/// it leaves out.
#[test]
fn report_pages_fit_a4_and_count_what_they_leave_out() {
    let model = Model::embedded().expect("embedded data");
    let report = |county: &str| {
        let req = Request {
            county: Some(county.to_owned()),
            ..request(Subject::Report, 1)
        };
        export::fit_report(&model, &req).expect("fits")
    };
    let (charts, fit) = report("441226");
    assert_eq!(fit.omitted, 0, "德庆县's 13 figures all fit");
    assert!(fit.projects, "and its projects are listed");
    assert_eq!(charts[0].def.id, "county_figures");
    assert_eq!(
        charts[0].items().count(),
        model.dataset.facts_in_scope("441226").count()
    );
    let (charts, fit) = report("441284");
    assert_eq!(charts[0].def.id, "county_figures", "the fact sheet stays");
    assert!(fit.fact_lines && fit.omitted > 0);
    assert_eq!(
        charts[0].items().count() + fit.omitted,
        model.dataset.facts_in_scope("441284").count(),
        "every figure is shown or counted"
    );
    assert!((0.8..=1.1).contains(&fit.map_scale));
}
