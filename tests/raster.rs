//! The CPU rasterizer against egui-wgpu: the same frames, rendered both ways, must match.
//!
//! Each harness gets a renderer that forwards every texture delta and every render to
//! egui_kittest's wgpu renderer (lavapipe on a machine without a GPU) and also rasterizes the
//! very same output on the CPU, so both images come from one tessellation of one frame.
//!
//! This is the gate for every egui upgrade: `crates/egui_cpu_raster` mirrors egui-wgpu's
//! pipeline, and these tests say whether it still does.

// A test stops where the program is not in the state it checks.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::cell::RefCell;
use std::path::PathBuf;
use std::rc::Rc;

use egui::{Color32, TexturesDelta};
use egui_cpu_raster::{TextureStore, rasterize};
use egui_kittest::wgpu::WgpuTestRenderer;
use egui_kittest::{Harness, HarnessBuilder, TestRenderer};
use image::RgbaImage;
use zhaoqing_explorer::ExplorerApp;
use zhaoqing_explorer::ui::chart_view::{ChartContext, chart_ui};
use zhaoqing_explorer::ui::fonts::setup_context;
use zq_core::charts::ChartDef;
use zq_core::i18n::Lang;

/// Renders a harness's frames on the CPU, keeping its own copy of every texture.
#[derive(Default)]
struct CpuRenderer {
    textures: Rc<RefCell<TextureStore>>,
}

impl CpuRenderer {
    fn render_frame(&self, ctx: &egui::Context, output: &egui::FullOutput) -> RgbaImage {
        let pixels_per_point = ctx.pixels_per_point();
        // The size egui_kittest's wgpu renderer gives its target.
        let size = ctx.content_rect().size() * pixels_per_point;
        let size_px = [size.x.round() as u32, size.y.round() as u32];
        let primitives = ctx.tessellate(output.shapes.clone(), pixels_per_point);
        rasterize(
            &primitives,
            &self.textures.borrow(),
            size_px,
            pixels_per_point,
            Color32::TRANSPARENT,
        )
    }
}

impl TestRenderer for CpuRenderer {
    fn handle_delta(&mut self, delta: &mut TexturesDelta) {
        self.textures.borrow_mut().apply(delta);
        delta.clear();
    }

    fn render(
        &mut self,
        ctx: &egui::Context,
        output: &egui::FullOutput,
    ) -> Result<RgbaImage, String> {
        Ok(self.render_frame(ctx, output))
    }
}

/// wgpu for `Harness::render`, and the CPU rendering of the same frame on the side.
struct BothRenderers {
    cpu: CpuRenderer,
    gpu: WgpuTestRenderer,
    cpu_image: Rc<RefCell<Option<RgbaImage>>>,
}

impl TestRenderer for BothRenderers {
    fn handle_delta(&mut self, delta: &mut TexturesDelta) {
        self.cpu.textures.borrow_mut().apply(delta);
        self.gpu.handle_delta(delta);
    }

    fn render(
        &mut self,
        ctx: &egui::Context,
        output: &egui::FullOutput,
    ) -> Result<RgbaImage, String> {
        *self.cpu_image.borrow_mut() = Some(self.cpu.render_frame(ctx, output));
        self.gpu.render(ctx, output)
    }
}

/// A harness builder rendering both ways, and where the CPU image will appear.
fn both_ways<State>(
    size: [f32; 2],
    pixels_per_point: f32,
) -> (HarnessBuilder<State>, Rc<RefCell<Option<RgbaImage>>>) {
    let cpu_image = Rc::new(RefCell::new(None));
    let renderer = BothRenderers {
        cpu: CpuRenderer::default(),
        gpu: WgpuTestRenderer::new(),
        cpu_image: Rc::clone(&cpu_image),
    };
    let builder = Harness::<State>::builder()
        .with_size(size)
        .with_pixels_per_point(pixels_per_point)
        .with_theme(egui::Theme::Light)
        .with_context_setup(setup_context)
        .renderer(renderer);
    (builder, cpu_image)
}

/// How far apart two images are.
struct Difference {
    /// Mean absolute difference over every channel of every pixel, in 8-bit steps.
    mean: f64,
    /// Share of pixels with some channel more than 32 steps off.
    far_off: f64,
    /// Share of pixels with any difference at all.
    differing: f64,
    largest: u8,
}

fn difference(a: &RgbaImage, b: &RgbaImage) -> Difference {
    let mut sum = 0u64;
    let mut far_off = 0usize;
    let mut differing = 0usize;
    let mut largest = 0u8;
    for (p, q) in a.pixels().zip(b.pixels()) {
        let channel_max = (0..4).map(|c| p.0[c].abs_diff(q.0[c])).max().unwrap_or(0);
        sum += (0..4)
            .map(|c| u64::from(p.0[c].abs_diff(q.0[c])))
            .sum::<u64>();
        far_off += usize::from(channel_max > 32);
        differing += usize::from(channel_max > 0);
        largest = largest.max(channel_max);
    }
    let pixels = (a.width() * a.height()).max(1) as f64;
    Difference {
        mean: sum as f64 / (pixels * 4.0),
        far_off: far_off as f64 / pixels,
        differing: differing as f64 / pixels,
        largest,
    }
}

/// Renders the harness's current frame both ways and asserts that the images match; on failure
/// the two images and an amplified difference are saved under `target/raster_compare/`.
fn assert_match<State>(
    name: &str,
    harness: &mut Harness<'_, State>,
    cpu_image: &Rc<RefCell<Option<RgbaImage>>>,
) {
    let gpu = harness.render().expect("wgpu renders");
    let cpu = cpu_image
        .borrow_mut()
        .take()
        .expect("the CPU renderer ran with the GPU one");
    assert_eq!(cpu.dimensions(), gpu.dimensions(), "{name}: image sizes");
    let diff = difference(&cpu, &gpu);
    println!(
        "{name} ({}×{} px): mean difference {:.5}, {:.4}% of pixels off by more than 32, \
         {:.4}% differing at all, largest {}",
        cpu.width(),
        cpu.height(),
        diff.mean,
        diff.far_off * 100.0,
        diff.differing * 100.0,
        diff.largest
    );
    let matches = diff.mean < 1.0 && diff.far_off < 0.005;
    // RASTER_COMPARE_SAVE=1 keeps the images of a passing comparison too, for a look.
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("target/raster_compare");
    if !matches || std::env::var_os("RASTER_COMPARE_SAVE").is_some() {
        std::fs::create_dir_all(&dir).expect("create target/raster_compare");
        cpu.save(dir.join(format!("{name}_cpu.png"))).expect("save");
        gpu.save(dir.join(format!("{name}_gpu.png"))).expect("save");
        // Red where they differ, eight times the largest channel difference.
        let amplified = RgbaImage::from_fn(cpu.width(), cpu.height(), |x, y| {
            let (p, q) = (cpu.get_pixel(x, y).0, gpu.get_pixel(x, y).0);
            let d = (0..4).map(|c| p[c].abs_diff(q[c])).max().unwrap_or(0);
            image::Rgba([d.saturating_mul(8), 0, 0, 255])
        });
        amplified
            .save(dir.join(format!("{name}_diff.png")))
            .expect("save");
    }
    assert!(
        matches,
        "{name}: CPU and wgpu images differ (mean {:.3}, {:.3}% far off); see {}",
        diff.mean,
        diff.far_off * 100.0,
        dir.display()
    );
}

/// Labels, buttons, a text field, Chinese text and painted shapes: fills, strokes, circles.
fn widgets_ui(ui: &mut egui::Ui) {
    egui::CentralPanel::default().show(ui, |ui| {
        ui.heading("肇庆市 Zhaoqing");
        ui.label("端州区、鼎湖区、高要区、四会市、广宁县、怀集县、封开县、德庆县");
        ui.horizontal(|ui| {
            let _ = ui.button("重置视图 / Reset view");
            let _ = ui.selectable_label(true, "English");
            let mut checked = true;
            ui.checkbox(&mut checked, "显示项目");
        });
        ui.horizontal(|ui| {
            let label = ui.label("名称：");
            let mut text = String::from("可编辑的文字");
            ui.text_edit_singleline(&mut text).labelled_by(label.id);
        });
        ui.add(egui::Slider::new(&mut 0.4f32, 0.0..=1.0).text("透明度"));
        let (rect, _) = ui.allocate_exact_size(egui::vec2(360.0, 150.0), egui::Sense::hover());
        let painter = ui.painter_at(rect);
        painter.rect_filled(rect.shrink(4.0), 8.0, Color32::from_rgb(0xe8, 0xf0, 0xfa));
        painter.circle(
            rect.left_center() + egui::vec2(60.0, 0.0),
            40.0,
            Color32::from_rgba_unmultiplied(200, 60, 40, 160),
            egui::Stroke::new(2.0, Color32::DARK_RED),
        );
        painter.rect_stroke(
            egui::Rect::from_center_size(rect.center(), egui::vec2(90.0, 60.0)),
            4.0,
            egui::Stroke::new(1.5, Color32::from_rgb(30, 90, 160)),
            egui::StrokeKind::Inside,
        );
        painter.line_segment(
            [
                rect.right_top() + egui::vec2(-120.0, 10.0),
                rect.right_bottom() - egui::vec2(10.0, 10.0),
            ],
            egui::Stroke::new(0.7, Color32::BLACK),
        );
        let triangle = vec![
            rect.right_top() + egui::vec2(-60.0, 20.0),
            rect.right_top() + egui::vec2(-15.0, 100.0),
            rect.right_top() + egui::vec2(-105.0, 100.0),
        ];
        painter.add(egui::Shape::convex_polygon(
            triangle,
            Color32::from_rgb(60, 160, 90),
            egui::Stroke::new(1.0, Color32::WHITE),
        ));
    });
}

/// An egui_plot chart with Chinese labels: lines, points, bars, a legend, axes and a grid.
fn plot_ui(ui: &mut egui::Ui) {
    use egui_plot::{Bar, BarChart, Legend, Line, Plot, PlotPoints, Points};
    egui::CentralPanel::default().show(ui, |ui| {
        ui.label("各县区投资（亿元）");
        Plot::new("plot")
            .legend(Legend::default())
            .x_axis_label("年份")
            .y_axis_label("投资额")
            .allow_drag(false)
            .allow_zoom(false)
            .allow_scroll(false)
            .show(ui, |plot_ui| {
                let years = [2018.0, 2019.0, 2020.0, 2021.0, 2022.0, 2023.0];
                let values = [12.0, 18.5, 15.0, 27.3, 31.0, 36.8];
                let points: Vec<[f64; 2]> =
                    years.iter().zip(values).map(|(&x, y)| [x, y]).collect();
                plot_ui.line(Line::new("高要区", PlotPoints::from(points.clone())).width(2.0));
                plot_ui.points(Points::new("四会市", PlotPoints::from(points)).radius(4.0));
                let bars = years
                    .iter()
                    .zip([5.0, 7.5, 6.0, 9.0, 11.0, 13.5])
                    .map(|(&x, y)| Bar::new(x, y).width(0.6))
                    .collect();
                plot_ui.bar_chart(BarChart::new("怀集县", bars));
            });
    });
}

#[test]
fn widgets_match_wgpu() {
    for pixels_per_point in [1.0, 2.0] {
        let (builder, cpu_image) = both_ways([420.0, 380.0], pixels_per_point);
        let mut harness = builder.build_ui(widgets_ui);
        harness.run();
        assert_match(
            &format!("widgets_{pixels_per_point}x"),
            &mut harness,
            &cpu_image,
        );
    }
}

#[test]
fn plot_matches_wgpu() {
    for pixels_per_point in [1.0, 2.0] {
        let (builder, cpu_image) = both_ways([520.0, 360.0], pixels_per_point);
        let mut harness = builder.build_ui(plot_ui);
        harness.run();
        assert_match(
            &format!("plot_{pixels_per_point}x"),
            &mut harness,
            &cpu_image,
        );
    }
}

/// The project's chart, as tests/ui_charts.rs draws it and the export will.
fn project_chart(id: &str) -> impl FnMut(&mut egui::Ui) + 'static {
    let model = zq_core::Model::embedded().expect("embedded data");
    let def = ChartDef::by_id(id).expect("chart exists");
    let chart = def.build(&model.dataset, None).expect("chart builds");
    move |ui: &mut egui::Ui| {
        egui::CentralPanel::default().show(ui, |ui| {
            let cx = ChartContext {
                dataset: &model.dataset,
                lang: Lang::Zh,
                selected_county: None,
                selected_project: None,
                interactive: false,
                follows_county: false,
                any_highlighted: false,
                page: None,
            };
            chart_ui(ui, &chart, &cx);
        });
    }
}

#[test]
fn project_chart_matches_wgpu() {
    for pixels_per_point in [1.0, 2.0] {
        let (builder, cpu_image) = both_ways([640.0, 720.0], pixels_per_point);
        let mut harness = builder.build_ui(project_chart("pipeline_2020"));
        harness.run();
        assert_match(
            &format!("chart_pipeline_2020_{pixels_per_point}x"),
            &mut harness,
            &cpu_image,
        );
    }
}

#[test]
fn whole_window_matches_wgpu() {
    for pixels_per_point in [1.0, 2.0] {
        let (builder, cpu_image) = both_ways::<ExplorerApp>([1280.0, 800.0], pixels_per_point);
        let mut harness = builder.build_eframe(|cc| {
            setup_context(&cc.egui_ctx);
            ExplorerApp::with_model(zq_core::Model::embedded())
        });
        harness.run();
        assert_match(
            &format!("window_{pixels_per_point}x"),
            &mut harness,
            &cpu_image,
        );
    }
}

/// Keeps every texture delta for the software window's [`Canvas`] (and a store for drawing
/// each frame whole) and hands it on to wgpu.
struct CanvasFeed {
    gpu: WgpuTestRenderer,
    pending: Rc<RefCell<Vec<TexturesDelta>>>,
}

impl TestRenderer for CanvasFeed {
    fn handle_delta(&mut self, delta: &mut TexturesDelta) {
        self.pending.borrow_mut().push(TexturesDelta {
            set: delta.set.clone(),
            free: delta.free.clone(),
        });
        self.gpu.handle_delta(delta);
    }

    fn render(
        &mut self,
        ctx: &egui::Context,
        output: &egui::FullOutput,
    ) -> Result<RgbaImage, String> {
        self.gpu.render(ctx, output)
    }
}

/// The software window's way of drawing (`software_window.rs`: the map kept as a picture, each
/// frame redrawn only where it changed) gives, frame after frame while the map is dragged and
/// things are hovered and clicked, exactly the frame drawn whole; and that frame matches wgpu.
#[test]
fn the_window_redrawn_in_part_equals_it_drawn_whole_and_wgpu() {
    use egui_cpu_raster::Canvas;
    let pending = Rc::new(RefCell::new(Vec::new()));
    let feed = CanvasFeed {
        gpu: WgpuTestRenderer::new(),
        pending: Rc::clone(&pending),
    };
    let mut harness = Harness::<ExplorerApp>::builder()
        .with_size([1280.0, 800.0])
        .with_step_dt(1.0 / 60.0)
        .with_theme(egui::Theme::Light)
        .with_context_setup(setup_context)
        .renderer(feed)
        .build_eframe(|cc| {
            setup_context(&cc.egui_ctx);
            let mut app = ExplorerApp::with_model(zq_core::Model::embedded());
            app.map_mut().set_software_rendering(true);
            app
        });
    let mut canvas = Canvas::new(Color32::TRANSPARENT);
    let mut whole = TextureStore::new();
    let mut partial_frames = 0;
    let mut redrawn_share = Vec::new();
    let mut frame = |harness: &mut Harness<'_, ExplorerApp>, what: &str| {
        harness.step();
        let ppp = harness.ctx.pixels_per_point();
        let size = harness.ctx.content_rect().size() * ppp;
        let size_px = [size.x.round() as u32, size.y.round() as u32];
        let primitives = harness.ctx.tessellate(harness.output().shapes.clone(), ppp);
        let mut delta = TexturesDelta::default();
        for d in pending.borrow_mut().drain(..) {
            delta.append(d);
        }
        whole.apply_set(&delta);
        let expected = rasterize(&primitives, &whole, size_px, ppp, Color32::TRANSPARENT);
        whole.apply_free(&delta);
        let rects = canvas.paint(primitives, &mut delta, size_px, ppp);
        assert!(
            canvas.image().as_raw() == expected.as_raw(),
            "{what}: the frame redrawn in {rects:?} differs from the frame drawn whole"
        );
        let area: u64 = rects
            .iter()
            .map(|r| u64::from(r.width()) * u64::from(r.height()))
            .sum();
        let share = area as f64 / f64::from(size_px[0] * size_px[1]);
        if share < 1.0 {
            partial_frames += 1;
        }
        redrawn_share.push(share);
    };
    for _ in 0..4 {
        frame(&mut harness, "opening");
    }
    assert!(harness.state().map().drew_picture(), "the map is a picture");
    let map = {
        let v = harness.state().map().projector().unwrap().viewport();
        egui::Rect::from_min_max(
            egui::pos2(v.min().x as f32, v.min().y as f32),
            egui::pos2(v.max().x as f32, v.max().y as f32),
        )
    };
    // Drag the map a long way (past the picture's edge), then let go.
    let start = map.center();
    harness.hover_at(start);
    frame(&mut harness, "hover before the drag");
    harness.drag_at(start);
    frame(&mut harness, "press");
    for step in 1..=40 {
        harness.hover_at(start + egui::vec2(7.0 * step as f32, 2.5 * step as f32));
        frame(&mut harness, &format!("drag step {step}"));
    }
    harness.drop_at(start + egui::vec2(280.0, 100.0));
    frame(&mut harness, "release");
    // Hover over the map, the side panel and the charts, then click where the pointer is.
    for (k, at) in [
        map.center(),
        map.left_top() + egui::vec2(60.0, 90.0),
        egui::pos2(1100.0, 300.0),
        egui::pos2(1000.0, 600.0),
        map.center(),
    ]
    .into_iter()
    .enumerate()
    {
        harness.hover_at(at);
        frame(&mut harness, &format!("hover {k}"));
    }
    // A place in 怀集县 (Lanzhong), wherever the drag left it: the click selects the county.
    let at = harness
        .state()
        .map()
        .projector()
        .unwrap()
        .ui_from_lonlat(geo::Coord {
            x: 111.948,
            y: 24.06556,
        });
    let moved_centre = egui::pos2(at.x as f32, at.y as f32);
    harness.hover_at(moved_centre);
    frame(&mut harness, "hover the county");
    harness.drag_at(moved_centre);
    frame(&mut harness, "press to click");
    harness.drop_at(moved_centre);
    for _ in 0..3 {
        frame(&mut harness, "after a click");
    }
    assert_eq!(
        harness.state().selected(),
        Some("441224"),
        "the click selects 怀集县"
    );
    // Standing still: the next picture is made and shown.
    for _ in 0..20 {
        frame(&mut harness, "at rest");
    }
    println!("share of the window redrawn per frame: {redrawn_share:.3?}");
    assert!(
        partial_frames > 40,
        "only {partial_frames} frames were redrawn in part"
    );
    let gpu = harness.render().expect("wgpu renders");
    let diff = difference(canvas.image(), &gpu);
    println!(
        "the last frame against wgpu: mean {:.4}, {:.4}% far off",
        diff.mean,
        diff.far_off * 100.0
    );
    assert!(diff.mean < 1.0 && diff.far_off < 0.005, "differs from wgpu");
}
