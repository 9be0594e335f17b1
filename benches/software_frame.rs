//! A frame of the software window (`software_window.rs`): the app's frame, tessellated and
//! drawn into the kept [`Canvas`], only where it changed. Run with
//! `cargo bench --bench software_frame`; the all-China drag runs when the file of `perf` is
//! there (`cargo bench --bench perf` builds it).
//!
//! - `whole`: a frame drawn whole (the first one, or after a resize);
//! - `drag`: the map dragged by two points a frame, back and forth (the map picture moved);
//! - `hover`: the pointer moved from one county to another (their highlight and tooltip);
//! - `china_drag`: `drag` with all 2,875 counties of China.

// A benchmark stops where its input cannot be built.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use criterion::{Criterion, criterion_group, criterion_main};
use egui::{Event, Modifiers, PointerButton, Pos2, Rect, pos2, vec2};
use egui_cpu_raster::Canvas;
use zhaoqing_explorer::ExplorerApp;
use zhaoqing_explorer::ui::fonts::setup_context;
use zq_core::Model;

const WINDOW: [f32; 2] = [1280.0, 800.0];

/// The app as the software window runs it, with its canvas and clock.
struct Window {
    app: ExplorerApp,
    ctx: egui::Context,
    canvas: Canvas,
    time: f64,
}

impl Window {
    fn new(model: Model) -> Self {
        let ctx = egui::Context::default();
        setup_context(&ctx);
        let mut app = ExplorerApp::with_model(Ok(model));
        app.map_mut().set_software_rendering(true);
        let mut window = Self {
            app,
            ctx,
            canvas: Canvas::new(egui::Color32::TRANSPARENT),
            time: 0.0,
        };
        // Past the first frames and the picture's making.
        for _ in 0..30 {
            window.frame(Vec::new());
        }
        assert!(window.app.map().drew_picture(), "the map is a picture");
        window
    }

    /// One frame with `events`, 1/60 s after the last; returns how many rectangles it redrew.
    fn frame(&mut self, events: Vec<Event>) -> usize {
        self.time += 1.0 / 60.0;
        let input = egui::RawInput {
            screen_rect: Some(Rect::from_min_size(Pos2::ZERO, WINDOW.into())),
            time: Some(self.time),
            events,
            ..Default::default()
        };
        let app = &mut self.app;
        let ctx = self.ctx.clone();
        let mut output = self.ctx.run_ui(input, |ui| app.frame_ui(ui, &ctx));
        let primitives = self.ctx.tessellate(output.shapes, output.pixels_per_point);
        let size = WINDOW.map(|v| v as u32);
        self.canvas
            .paint(
                primitives,
                &mut output.textures_delta,
                size,
                output.pixels_per_point,
            )
            .len()
    }

    fn map_centre(&self) -> Pos2 {
        let v = self.app.map().projector().unwrap().viewport();
        pos2(v.center().x as f32, v.center().y as f32)
    }

    fn screen_pos(&self, lon: f64, lat: f64) -> Pos2 {
        let p = self
            .app
            .map()
            .projector()
            .unwrap()
            .ui_from_lonlat(geo::Coord { x: lon, y: lat });
        pos2(p.x as f32, p.y as f32)
    }
}

fn press(at: Pos2, pressed: bool) -> Event {
    Event::PointerButton {
        pos: at,
        button: PointerButton::Primary,
        pressed,
        modifiers: Modifiers::NONE,
    }
}

fn bench(c: &mut Criterion) {
    let embedded = Model::embedded().expect("embedded data");
    let mut group = c.benchmark_group("software_frame");

    let mut window = Window::new(embedded.clone());
    group.bench_function("whole", |b| {
        b.iter(|| {
            window.canvas.invalidate();
            window.frame(Vec::new())
        })
    });

    // 广宁县 and 德庆县.
    let mut window = Window::new(embedded.clone());
    let counties = [
        window.screen_pos(112.44, 23.63),
        window.screen_pos(111.78, 23.15),
    ];
    let mut k = 0;
    group.bench_function("hover", |b| {
        b.iter(|| {
            k += 1;
            window.frame(vec![Event::PointerMoved(counties[k % 2])])
        })
    });
    group.finish();

    let mut group = c.benchmark_group("software_frame");
    bench_drag_group(&mut group, "drag", Window::new(embedded.clone()));
    if common::benchmarking() {
        bench_drag_group(
            &mut group,
            "china_drag",
            Window::new(common::china_model(&embedded)),
        );
    }
    group.finish();
}

/// Drags the map two points a frame, ten frames one way and ten back.
fn bench_drag_group(
    group: &mut criterion::BenchmarkGroup<'_, criterion::measurement::WallTime>,
    name: &str,
    mut window: Window,
) {
    let start = window.map_centre();
    window.frame(vec![Event::PointerMoved(start), press(start, true)]);
    let mut step = 0i32;
    group.bench_function(name, |b| {
        b.iter(|| {
            step += 1;
            let phase = step % 20;
            let offset = if phase < 10 { phase } else { 20 - phase };
            let at = start + vec2(2.0 * offset as f32, 0.0);
            window.frame(vec![Event::PointerMoved(at)])
        })
    });
}

criterion_group!(benches, bench);
criterion_main!(benches);
