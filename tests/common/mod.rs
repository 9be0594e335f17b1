//! Shared helpers for the UI tests: build the real app in a kittest harness and act on the map
//! the way a person does, by pointing at places.

#![allow(dead_code)]
// Each test binary uses a different subset.
// Test helpers stop the test where the app is not in the state it needs.
#![allow(clippy::expect_used, clippy::unwrap_used, clippy::panic)]

use egui::Pos2;
use egui_kittest::Harness;
use geo::Coord;
use zhaoqing_explorer::ExplorerApp;
use zhaoqing_explorer::ui::fonts::setup_context;

pub const WINDOW: [f32; 2] = [1280.0, 800.0];

/// The real app with the embedded data, rendered with wgpu (lavapipe on a machine without GPU).
pub fn app_harness() -> Harness<'static, ExplorerApp> {
    app_harness_stepping(0.25)
}

/// [`app_harness`] whose frames are `step_seconds` apart (kittest's default is a quarter of a
/// second).
pub fn app_harness_stepping(step_seconds: f32) -> Harness<'static, ExplorerApp> {
    let mut harness = Harness::builder()
        .with_size(WINDOW)
        .with_step_dt(step_seconds)
        .with_theme(egui::Theme::Light)
        .wgpu()
        .build_eframe(|cc| {
            setup_context(&cc.egui_ctx);
            ExplorerApp::with_model(zq_core::Model::embedded())
        });
    harness.run();
    harness
}

/// Where a lon/lat is on screen right now, through the map's own projector.
pub fn screen_pos(harness: &Harness<'_, ExplorerApp>, lon: f64, lat: f64) -> Pos2 {
    let projector = harness
        .state()
        .map()
        .projector()
        .expect("the map has been laid out");
    let ui = projector.ui_from_lonlat(Coord { x: lon, y: lat });
    Pos2::new(ui.x as f32, ui.y as f32)
}

/// Where the map is on screen, in UI points.
pub fn map_rect(harness: &Harness<'_, ExplorerApp>) -> egui::Rect {
    let viewport = harness
        .state()
        .map()
        .projector()
        .expect("the map has been laid out")
        .viewport();
    egui::Rect::from_min_max(
        Pos2::new(viewport.min().x as f32, viewport.min().y as f32),
        Pos2::new(viewport.max().x as f32, viewport.max().y as f32),
    )
}

/// A primary click at a screen position: move there, press, release.
pub fn click_at(harness: &mut Harness<'_, ExplorerApp>, pos: Pos2) {
    harness.hover_at(pos);
    harness.run();
    harness.drag_at(pos);
    harness.run();
    harness.drop_at(pos);
    harness.run();
}

/// Two primary clicks in quick succession, as a mouse sends a double-click.
pub fn double_click_at(harness: &mut Harness<'_, ExplorerApp>, pos: Pos2) {
    harness.hover_at(pos);
    harness.run();
    for _ in 0..2 {
        harness.drag_at(pos);
        harness.step();
        harness.drop_at(pos);
        harness.step();
    }
    harness.run();
}

/// The texts the last frame put on the clipboard.
pub fn copied_texts(harness: &Harness<'_, ExplorerApp>) -> Vec<String> {
    harness
        .output()
        .platform_output
        .commands
        .iter()
        .filter_map(|c| match c {
            egui::OutputCommand::CopyText(text) => Some(text.clone()),
            _ => None,
        })
        .collect()
}

/// A file dropped on the window, as the windowing system hands it over.
#[derive(Debug)]
pub struct Dropped(pub std::path::PathBuf);

impl egui::DroppedFile for Dropped {
    fn path(&self) -> &std::path::Path {
        &self.0
    }

    fn bytes(&self) -> Result<Vec<u8>, String> {
        std::fs::read(&self.0).map_err(|e| e.to_string())
    }
}
