//! Export speed: a chart and the map at 2×, everything from the request to the PNG bytes
//! (layout, painting, tessellation, CPU rasterization, encoding).

use criterion::{Criterion, criterion_group, criterion_main};
use zhaoqing_explorer::Model;
use zhaoqing_explorer::export::{self, Format, MapExtent, Request, Subject};
use zhaoqing_explorer::i18n::Lang;

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
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
