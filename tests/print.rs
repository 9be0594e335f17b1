//! Print output as a newsroom's designer and a report writer get it: PDFs that poppler opens,
//! with the Chinese text as text in an embedded font subset and pages that look like the PNG;
//! a map SVG whose layers are named groups; a report as A4 PDF pages and as a Word document.
//! Needs poppler-utils (`pdfinfo`, `pdftotext`, `pdffonts`, `pdftoppm`; scripts/test.sh
//! installs it).

// A test stops where the program is not in the state it checks.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::io::Read as _;
use std::path::Path;
use std::process::Command;

use zhaoqing_explorer::export::{
    self, CHART_PDF_WIDTH, Format, MAP_PDF_AREA, MAP_PDF_SIZE, MapExtent, Request, Subject,
};
use zq_core::Model;
use zq_core::i18n::Lang;

fn request(subject: Subject, county: Option<&str>, format: Format) -> Request {
    Request {
        subject,
        county: county.map(str::to_owned),
        project: None,
        scale: 1,
        lang: Lang::Zh,
        format,
        layers: Default::default(),
    }
}

fn chart(id: &str) -> Subject {
    Subject::Chart { id: id.to_owned() }
}

fn map() -> Subject {
    Subject::Map {
        extent: MapExtent::WholeCity,
    }
}

/// Writes the export to `dir/name` and returns its path.
fn write(model: &Model, request: &Request, dir: &Path, name: &str) -> std::path::PathBuf {
    let path = dir.join(name);
    export::export_to(model, request, &path).unwrap_or_else(|e| panic!("{name}: {e}"));
    path
}

fn poppler(tool: &str, args: &[&str], file: &Path) -> String {
    let mut command = Command::new(tool);
    command.args(args).arg(file);
    if tool == "pdftotext" {
        // To standard output, not to FILE.txt.
        command.arg("-");
    }
    let out = command
        .output()
        .unwrap_or_else(|e| panic!("{tool}: {e} (install poppler-utils)"));
    assert!(
        out.status.success(),
        "{tool} {}: {}",
        file.display(),
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("UTF-8")
}

/// `pdfinfo`'s "Page size: W x H pts" of page 1.
fn page_size(pdf: &Path) -> (f32, f32) {
    let info = poppler("pdfinfo", &[], pdf);
    let line = info
        .lines()
        .find_map(|l| l.strip_prefix("Page size:"))
        .expect("a page size");
    let numbers: Vec<f32> = line
        .split_whitespace()
        .filter_map(|w| w.parse().ok())
        .collect();
    (numbers[0], numbers[1])
}

fn pages(pdf: &Path) -> usize {
    poppler("pdfinfo", &[], pdf)
        .lines()
        .find_map(|l| l.strip_prefix("Pages:"))
        .and_then(|n| n.trim().parse().ok())
        .expect("a page count")
}

/// Every font `pdffonts` lists is embedded as a subset, and there is at least one.
fn assert_fonts_embedded_as_subsets(pdf: &Path) {
    let fonts = poppler("pdffonts", &[], pdf);
    let rows: Vec<&str> = fonts.lines().skip(2).collect();
    assert!(!rows.is_empty(), "no fonts in {}:\n{fonts}", pdf.display());
    for row in rows {
        let columns: Vec<&str> = row.split_whitespace().collect();
        let n = columns.len();
        // name … emb sub uni object ID
        assert_eq!(
            &columns[n - 5..n - 2],
            ["yes", "yes", "yes"],
            "not embedded as a subset with a Unicode map: {row}"
        );
        assert!(row.contains("NotoSansCJK"), "{row}");
    }
}

/// Text without the spaces and line breaks pdftotext puts between runs.
fn unspaced(text: &str) -> String {
    text.chars().filter(|c| !c.is_whitespace()).collect()
}

#[test]
fn a_chart_pdf_is_16_cm_wide_with_its_chinese_title_and_outlet_as_embedded_text() {
    let model = Model::embedded().expect("embedded data");
    let dir = tempfile::tempdir().expect("temp dir");
    let def = zq_core::charts::ChartDef::by_id("flagship_investment").expect("chart");
    let built = def.build(&model.dataset, None).expect("builds");
    let pdf = write(
        &model,
        &request(chart(def.id), None, Format::Pdf),
        dir.path(),
        "c.pdf",
    );
    let (w, _) = page_size(&pdf);
    // 16 cm is 453.5 PDF points.
    assert!((w - 453.75).abs() < 0.1, "page width {w} pt");
    let text = poppler("pdftotext", &[], &pdf).replace(['\n', '\r'], "");
    let title = built.title(&model.dataset, Lang::Zh);
    assert!(text.contains(&title), "title {title:?} not in {text:?}");
    let outlet = built
        .articles
        .iter()
        .filter_map(|a| model.dataset.article(a))
        .find_map(|a| a.outlet_zh.clone())
        .expect("a cited outlet");
    assert!(
        unspaced(&text).contains(&unspaced(&outlet)),
        "outlet {outlet:?} not in {text:?}"
    );
    assert_fonts_embedded_as_subsets(&pdf);
}

/// Each label is one text run: the title is one run holding the whole title, not a run per
/// glyph (what Illustrator shows as one editable line).
#[test]
fn text_goes_out_as_whole_labels() {
    let model = Model::embedded().expect("embedded data");
    let def = zq_core::charts::ChartDef::by_id("flagship_investment").expect("chart");
    let built = def.build(&model.dataset, None).expect("builds");
    let req = request(chart(def.id), None, Format::Pdf);
    let painted = export::paint_chart(&model, &req, &built, CHART_PDF_WIDTH, 1.0);
    let drawing = painted.to_drawing();
    let runs: Vec<String> = export::vector::text_runs(&drawing.nodes)
        .iter()
        .map(|r| r.text())
        .collect();
    let title = built.title(&model.dataset, Lang::Zh);
    assert!(runs.contains(&title), "{runs:?}");
    let single = runs.iter().filter(|r| r.chars().count() == 1).count();
    assert!(
        single * 4 < runs.len(),
        "{single} of {} runs are single characters: {runs:?}",
        runs.len()
    );
}

/// How far apart two images are: the mean difference per channel (0–255) and the share of
/// pixels where some channel differs by more than 64.
fn difference(a: &image::RgbaImage, b: &image::RgbaImage) -> (f64, f64) {
    assert_eq!(a.dimensions(), b.dimensions(), "sizes differ");
    let (mut sum, mut far) = (0u64, 0u64);
    for (p, q) in a.pixels().zip(b.pixels()) {
        let d = (0..3).map(|i| p.0[i].abs_diff(q.0[i])).max().unwrap_or(0);
        sum += (0..3)
            .map(|i| u64::from(p.0[i].abs_diff(q.0[i])))
            .sum::<u64>();
        if d > 64 {
            far += 1;
        }
    }
    let n = f64::from(a.width() * a.height());
    (sum as f64 / (n * 3.0), far as f64 / n)
}

fn pdf_page_png(pdf: &Path, dpi: u32, page: usize) -> image::RgbaImage {
    let prefix = pdf.with_extension("");
    let out = Command::new("pdftoppm")
        .args([
            "-r",
            &dpi.to_string(),
            "-f",
            &page.to_string(),
            "-l",
            &page.to_string(),
            "-png",
            "-singlefile",
        ])
        .arg(pdf)
        .arg(&prefix)
        .status()
        .expect("pdftoppm");
    assert!(out.success());
    image::open(prefix.with_extension("png"))
        .expect("pdftoppm's PNG")
        .to_rgba8()
}

/// The PDF, drawn back to pixels by poppler at 96 dpi (one pixel per egui point), matches the
/// PNG export of the same layout: on average within 3 levels of 255 per channel, with under
/// 2 % of the pixels off by more than a quarter (where the two rasterizers smooth text and
/// edges differently).
#[test]
fn pdfs_drawn_back_by_poppler_match_the_png_export() {
    let model = Model::embedded().expect("embedded data");
    let dir = tempfile::tempdir().expect("temp dir");
    let def = zq_core::charts::ChartDef::by_id("flagship_investment").expect("chart");
    let built = def.build(&model.dataset, Some("441284")).expect("builds");
    let req = request(chart(def.id), Some("441284"), Format::Pdf);
    let chart_png = export::paint_chart(&model, &req, &built, CHART_PDF_WIDTH, 1.0).to_image();
    let chart_pdf = write(&model, &req, dir.path(), "chart.pdf");
    let req = request(map(), Some("441284"), Format::Pdf);
    let map_png = export::paint_map_sheet(
        &model,
        &req,
        MapExtent::WholeCity,
        MAP_PDF_SIZE,
        MAP_PDF_AREA,
        1.0,
    )
    .to_image();
    let map_pdf = write(&model, &req, dir.path(), "map.pdf");
    for (what, png, pdf) in [("chart", chart_png, chart_pdf), ("map", map_png, map_pdf)] {
        let back = pdf_page_png(&pdf, 96, 1);
        let (mean, far) = difference(&png, &back);
        eprintln!("{what}: mean {mean:.2}, far {:.3} %", far * 100.0);
        assert!(mean < 3.0, "{what}: mean difference {mean:.2}");
        assert!(far < 0.02, "{what}: {:.2} % of pixels far off", far * 100.0);
    }
}

/// The map SVG has a group per layer and per part of the sheet, named for it, with the county
/// names as text in the labels group; usvg reads it.
#[test]
fn the_map_svg_has_named_layer_groups_with_the_county_names_as_text() {
    let model = Model::embedded().expect("embedded data");
    let bytes = export::render(&model, &request(map(), None, Format::Svg)).expect("renders");
    let svg = String::from_utf8(bytes).expect("UTF-8");
    usvg::Tree::from_str(&svg, &usvg::Options::default()).expect("usvg parses the map SVG");
    let doc = roxmltree::Document::parse(&svg).expect("XML");
    let group = |id: &str| {
        doc.descendants()
            .find(|n| n.has_tag_name("g") && n.attribute("id") == Some(id))
            .unwrap_or_else(|| panic!("no <g id={id:?}>"))
    };
    for id in [
        "title",
        "map",
        "water",
        "context",
        "counties",
        "projects",
        "labels",
        "frame",
        "scale-bar",
        "north-arrow",
        "legend",
        "attribution",
    ] {
        let g = group(id);
        assert!(
            g.descendants()
                .any(|n| n.has_tag_name("path") || n.has_tag_name("text")),
            "<g id={id:?}> is empty"
        );
    }
    // The layers are inside the map, in painting order.
    let layers: Vec<&str> = group("map")
        .children()
        .filter(|n| n.has_tag_name("g"))
        .filter_map(|n| n.attribute("id"))
        .collect();
    assert_eq!(
        layers,
        ["water", "context", "counties", "projects", "labels"]
    );
    let labels: Vec<String> = group("labels")
        .descendants()
        .filter(|n| n.has_tag_name("text"))
        .filter_map(|n| n.text().map(str::to_owned))
        .collect();
    // Each name once: its halo is its outline, not copies of the text.
    for county in &model.dataset.counties {
        let count = labels.iter().filter(|l| **l == county.name_zh).count();
        assert_eq!(count, 1, "{} in {labels:?}", county.name_zh);
    }
    let halo = group("labels")
        .descendants()
        .find(|n| n.has_tag_name("text"))
        .expect("a label");
    assert_eq!(halo.attribute("paint-order"), Some("stroke"));
    // Every id is unique, as SVG requires.
    let mut ids: Vec<&str> = doc
        .descendants()
        .filter_map(|n| n.attribute("id"))
        .collect();
    let all = ids.len();
    ids.sort_unstable();
    ids.dedup();
    assert_eq!(ids.len(), all);
}

/// In the map PDF each county's name is text once (searching finds it once), its halo drawn as
/// outlines.
#[test]
fn the_map_pdf_has_each_county_name_once_as_text() {
    let model = Model::embedded().expect("embedded data");
    let dir = tempfile::tempdir().expect("temp dir");
    let pdf = write(
        &model,
        &request(map(), None, Format::Pdf),
        dir.path(),
        "map.pdf",
    );
    let text = unspaced(&poppler("pdftotext", &[], &pdf));
    for county in &model.dataset.counties {
        assert_eq!(
            text.matches(&county.name_zh).count(),
            1,
            "{} in {text}",
            county.name_zh
        );
    }
}

/// A chart's SVG groups its title, legend, panels and source line, and each plot's axis, grid
/// and series.
#[test]
fn a_chart_svg_groups_title_legend_panels_and_source() {
    let model = Model::embedded().expect("embedded data");
    let bytes = export::render(
        &model,
        &request(chart("flagship_investment"), None, Format::Svg),
    )
    .expect("renders");
    let svg = String::from_utf8(bytes).expect("UTF-8");
    for id in ["title", "legend", "panel", "source"] {
        assert!(svg.contains(&format!("<g id=\"{id}\">")), "no group {id}");
    }
    let doc = roxmltree::Document::parse(&svg).expect("XML");
    let panel = doc
        .descendants()
        .find(|n| n.attribute("id") == Some("panel"))
        .expect("a panel");
    let parts: Vec<&str> = panel
        .children()
        .filter(|n| n.has_tag_name("g"))
        .filter_map(|n| n.attribute("id"))
        .collect();
    assert_eq!(parts, ["axis", "grid", "series"]);
    let texts = |id: &str| -> Vec<String> {
        let g = panel
            .descendants()
            .find(|n| n.attribute("id") == Some(id))
            .expect("the part");
        g.descendants()
            .filter(|n| n.has_tag_name("text"))
            .filter_map(|n| n.text().map(str::to_owned))
            .collect()
    };
    // The axis title is on the axis; a project's name and value are in the series.
    assert!(
        texts("axis").iter().any(|t| t.contains("亿元")),
        "{:?}",
        texts("axis")
    );
    assert!(
        texts("series").iter().any(|t| t.contains("风华高科")),
        "{:?}",
        texts("series")
    );
}

/// The report PDF: A4 pages, the first with the map, its legend, scale bar and north arrow,
/// then every figure of the county (none left out, as the one-page PNG must), its projects and
/// the numbered sources, each with the passages quoted from it, verbatim.
#[test]
fn the_report_pdf_leaves_nothing_out_and_quotes_its_sources() {
    let model = Model::embedded().expect("embedded data");
    let dir = tempfile::tempdir().expect("temp dir");
    let county = "441284";
    let pdf = write(
        &model,
        &request(Subject::Report, Some(county), Format::Pdf),
        dir.path(),
        "report.pdf",
    );
    let (w, h) = page_size(&pdf);
    assert!(
        (w - 595.28).abs() < 0.5 && (h - 841.89).abs() < 0.5,
        "{w} × {h} is not A4"
    );
    assert!(pages(&pdf) >= 2, "{} pages", pages(&pdf));
    assert_fonts_embedded_as_subsets(&pdf);
    let first = unspaced(&poppler("pdftotext", &["-f", "1", "-l", "1"], &pdf));
    for part in ["肇庆市·四会市", "图例", "北", "km"] {
        assert!(first.contains(part), "{part} not on page 1");
    }
    let text = unspaced(&poppler("pdftotext", &[], &pdf));
    assert!(!text.contains("因篇幅未列出"), "the PDF leaves figures out");
    for fact in model.dataset.facts_in_scope(county) {
        assert!(
            text.contains(&unspaced(&fact.source.quote)),
            "the quote of {} is not in the report",
            fact.id
        );
    }
    for project in model.dataset.projects_in(county) {
        assert!(
            text.contains(&unspaced(&project.name_zh)),
            "{}",
            project.name_zh
        );
    }
    assert!(text.contains("资料来源与原文摘引"));
    // Each page is numbered at its foot.
    let total = pages(&pdf);
    for n in 1..=total {
        let page = unspaced(&poppler(
            "pdftotext",
            &["-f", &n.to_string(), "-l", &n.to_string()],
            &pdf,
        ));
        assert!(
            page.contains(&format!("第{n}页，共{total}页")),
            "page {n}: {page}"
        );
    }
    let outlet = model
        .dataset
        .articles
        .iter()
        .find_map(|a| a.outlet_zh.clone())
        .expect("an outlet");
    assert!(text.contains(&unspaced(&outlet)), "{outlet}");
}

fn unzip(bytes: &[u8]) -> Vec<(String, Vec<u8>)> {
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("a zip");
    (0..archive.len())
        .map(|i| {
            let mut file = archive.by_index(i).expect("an entry");
            let mut data = Vec::new();
            file.read_to_end(&mut data).expect("reads");
            (file.name().to_owned(), data)
        })
        .collect()
}

/// The Word report unzips to valid XML with the title as a heading, the map and each chart's
/// bars as an image with a numbered caption, the figures in a table citing their sources in footnotes
/// that quote the article, and the numbered list of sources.
#[test]
fn the_word_report_holds_headings_images_captions_a_table_footnotes_and_sources() {
    let model = Model::embedded().expect("embedded data");
    let county = "441284";
    let bytes = export::render(
        &model,
        &request(Subject::Report, Some(county), Format::Docx),
    )
    .expect("renders");
    let files = unzip(&bytes);
    for (name, data) in &files {
        if name.ends_with(".xml") || name.ends_with(".rels") {
            let text = std::str::from_utf8(data).expect("UTF-8");
            roxmltree::Document::parse(text).unwrap_or_else(|e| panic!("{name}: {e}"));
        }
    }
    let file = |name: &str| {
        files
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, d)| String::from_utf8_lossy(d).into_owned())
            .unwrap_or_else(|| panic!("no {name}"))
    };
    let document = file("word/document.xml");
    let doc = roxmltree::Document::parse(&document).expect("XML");
    let paragraphs: Vec<(Option<String>, String)> = doc
        .descendants()
        .filter(|n| n.has_tag_name("p"))
        .map(|p| {
            let style = p
                .descendants()
                .find(|n| n.has_tag_name("pStyle"))
                .and_then(|n| n.attributes().find(|a| a.name() == "val"))
                .map(|a| a.value().to_owned());
            let text: String = p
                .descendants()
                .filter(|n| n.has_tag_name("t"))
                .filter_map(|n| n.text())
                .collect();
            (style, text)
        })
        .collect();
    assert!(
        paragraphs
            .iter()
            .any(|(s, t)| s.as_deref() == Some("Heading1") && t == "肇庆市 · 四会市"),
        "{paragraphs:?}"
    );
    // The map, and each chart that has bars (cards are rows of the table).
    let charts = export::report_charts(&model, Some(county)).expect("charts");
    let with_bars = charts
        .iter()
        .filter(|c| {
            c.panels
                .iter()
                .any(|p| p.style == zq_core::charts::PanelStyle::Bars)
        })
        .count();
    let images = files
        .iter()
        .filter(|(n, _)| n.starts_with("word/media/") && n.ends_with(".png"))
        .count();
    assert_eq!(images, with_bars + 1, "the map and each chart");
    let captions: Vec<&String> = paragraphs
        .iter()
        .filter(|(s, _)| s.as_deref() == Some("Caption"))
        .map(|(_, t)| t)
        .collect();
    assert_eq!(captions.len(), images);
    assert!(captions[0].starts_with("图1"), "{captions:?}");
    assert!(captions[1].contains("资料来源 ["), "{captions:?}");
    assert!(doc.descendants().any(|n| n.has_tag_name("tbl")), "no table");
    let footnotes = file("word/footnotes.xml");
    for fact in model.dataset.facts_in_scope(county) {
        assert!(
            footnotes.contains(&fact.source.quote),
            "{}'s quote is not a footnote",
            fact.id
        );
    }
    let sources: Vec<&String> = paragraphs
        .iter()
        .map(|(_, t)| t)
        .filter(|t| t.starts_with("[1] "))
        .collect();
    assert_eq!(sources.len(), 1, "one numbered list of sources");
    // Chinese text in a Chinese font, by default for the whole document.
    let styles = file("word/styles.xml");
    assert!(
        styles.contains(r#"w:eastAsia="Microsoft YaHei""#),
        "{styles}"
    );
}

/// The commands write each kind, named by the file's extension.
#[test]
fn the_commands_write_pdf_svg_and_docx() {
    let dir = tempfile::tempdir().expect("temp dir");
    let run = |args: &[&str]| {
        let out = Command::new(env!("CARGO_BIN_EXE_zhaoqing-explorer"))
            .args(args)
            .output()
            .expect("runs");
        assert!(
            out.status.success(),
            "{args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    };
    let path = |name: &str| dir.path().join(name).display().to_string();
    run(&[
        "export",
        "--chart",
        "pipeline_2020",
        "--out",
        &path("c.pdf"),
    ]);
    run(&["export", "--map", "--out", &path("m.pdf")]);
    run(&["export", "--map", "--out", &path("m.svg")]);
    run(&["report", "--county", "441284", "--out", &path("r.pdf")]);
    run(&["report", "--county", "441284", "--out", &path("r.docx")]);
    for name in ["c.pdf", "m.pdf", "r.pdf"] {
        assert!(pages(&dir.path().join(name)) >= 1, "{name}");
    }
    let svg = std::fs::read_to_string(dir.path().join("m.svg")).expect("SVG");
    assert!(svg.contains(r#"<g id="counties">"#));
    let docx = std::fs::read(dir.path().join("r.docx")).expect("DOCX");
    assert!(unzip(&docx).iter().any(|(n, _)| n == "word/document.xml"));
    // A chart as a Word document is not offered: it says what is.
    let out = Command::new(env!("CARGO_BIN_EXE_zhaoqing-explorer"))
        .args([
            "export",
            "--chart",
            "pipeline_2020",
            "--out",
            &path("c.docx"),
        ])
        .output()
        .expect("runs");
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("PNG, SVG or PDF"), "{err}");
    assert!(!dir.path().join("c.docx").exists());
}
