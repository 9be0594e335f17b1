//! Export speed: a chart and the map at 2×, everything from the request to the PNG bytes
//! (layout, painting, tessellation, CPU rasterization, encoding); and the print formats, from
//! the request to the file's bytes: a chart, the map and the report as PDF, the map as SVG, the
//! report as a Word document.

// A benchmark stops where its input cannot be built.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use criterion::{Criterion, criterion_group, criterion_main};
use zhaoqing_explorer::ExplorerApp;
use zhaoqing_explorer::export::{self, Format, MapExtent, Request, Subject, offscreen};
use zq_core::Model;
use zq_core::i18n::Lang;

fn request(subject: Subject) -> Request {
    Request {
        subject,
        county: None,
        project: None,
        scale: 2,
        lang: Lang::Zh,
        format: Format::Png,
        layers: Default::default(),
    }
}

fn bench(c: &mut Criterion) {
    let model = Model::embedded().expect("embedded data");
    let chart = request(Subject::Chart {
        id: "pipeline_2020".into(),
    });
    let map = request(Subject::Map {
        extent: MapExtent::WholeCity,
    });
    let mut group = c.benchmark_group("export");
    group.sample_size(20);
    group.bench_function("chart_png_2x", |b| {
        b.iter(|| export::render(&model, &chart).expect("renders"))
    });
    group.bench_function("map_png_2x", |b| {
        b.iter(|| export::render(&model, &map).expect("renders"))
    });
    let as_format = |request: &Request, format: Format| Request {
        format,
        county: Some("441284".to_owned()),
        ..request.clone()
    };
    let report = request(Subject::Report);
    for (name, request) in [
        ("chart_pdf", as_format(&chart, Format::Pdf)),
        ("map_pdf", as_format(&map, Format::Pdf)),
        ("map_svg", as_format(&map, Format::Svg)),
        ("report_pdf", as_format(&report, Format::Pdf)),
        ("report_docx", as_format(&report, Format::Docx)),
    ] {
        group.bench_function(name, |b| {
            b.iter(|| export::render(&model, &request).expect("renders"))
        });
    }
    // The whole window's frame (1200×700 points at 2×): layout, painting, tessellation and the
    // CPU rasterizer, as the window and every export use them.
    let mut app = ExplorerApp::with_model(Model::embedded());
    group.bench_function("window_frame_2x", |b| {
        b.iter(|| {
            offscreen::paint(egui::Vec2::new(1200.0, 700.0), 2.0, |ui| {
                let ctx = ui.ctx().clone();
                app.frame_ui(ui, &ctx);
            })
            .to_image()
        })
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
