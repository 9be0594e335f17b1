//! The map window as a person uses it: click a county, hover another, press Esc.

mod common;

use common::{app_harness, click_at, screen_pos};
use egui_kittest::kittest::Queryable as _;

/// 四会市's seat (城中街道), from shared/reference/places.md.
const SIHUI_SEAT: (f64, f64) = (112.68764, 23.34055);
/// 蓝钟镇 in 怀集县 (places.md), where no project symbol sits.
const HUAIJI_LANZHONG: (f64, f64) = (111.94800, 24.06556);

#[test]
fn clicking_a_county_names_it_in_the_side_panel_and_esc_clears() {
    let mut harness = app_harness();
    assert!(
        harness.query_by_label("四会市").is_none(),
        "nothing is selected at start"
    );
    harness.get_by_label("全市");

    let pos = screen_pos(&harness, SIHUI_SEAT.0, SIHUI_SEAT.1);
    click_at(&mut harness, pos);
    assert_eq!(harness.state().selected(), Some("441284"));
    harness.get_by_label("四会市");
    harness.get_by_label("Sihui City");
    harness.get_by_label("441284");

    // The seat also holds three project symbols, so a list of them opened: Esc closes that
    // first, then clears the selection.
    harness.get_by_label("此处有多个项目：");
    harness.key_press(egui::Key::Escape);
    harness.run();
    assert!(harness.query_by_label("此处有多个项目：").is_none());
    assert_eq!(harness.state().selected(), Some("441284"));
    harness.key_press(egui::Key::Escape);
    harness.run();
    assert_eq!(harness.state().selected(), None);
    assert!(harness.query_by_label("四会市").is_none());
    harness.get_by_label("全市");
}

#[test]
fn hovering_a_county_shows_its_name_in_a_tooltip() {
    let mut harness = app_harness();
    assert!(harness.query_by_label("怀集县").is_none());
    let pos = screen_pos(&harness, HUAIJI_LANZHONG.0, HUAIJI_LANZHONG.1);
    harness.hover_at(pos);
    // Tooltips appear after the pointer rests for a moment.
    for _ in 0..10 {
        harness.step();
    }
    harness.run();
    harness.get_by_label("怀集县");
    harness.get_by_label("Huaiji County");
}

/// Dragging the map draws what the drag brings into view: the kept meshes are shifted, and
/// regions that were off screen are drawn too (once, a pan cut them off at the old edge).
#[test]
fn dragging_the_map_draws_what_comes_into_view() {
    let mut harness = app_harness();
    for _ in 0..4 {
        harness.key_press(egui::Key::Plus);
        harness.run();
    }
    let viewport = harness
        .state()
        .map()
        .projector()
        .expect("laid out")
        .viewport();
    let (left, top) = (viewport.min().x as f32, viewport.min().y as f32);
    let (right, bottom) = (viewport.max().x as f32, viewport.max().y as f32);
    let start = egui::pos2((left + right) / 2.0, (top + bottom) / 2.0);
    let drag = egui::vec2((right - left) / 3.0, 0.0);
    harness.drag_at(start);
    harness.run();
    for step in 1..=10 {
        harness.hover_at(start + drag * (step as f32 / 10.0));
        harness.run();
    }
    harness.drop_at(start + drag);
    harness.run();

    let image = harness.render().expect("wgpu renders");
    let water = egui::Color32::from_rgb(0xE8, 0xEE, 0xF3);
    // Points down the strip the drag uncovered on the left: land (counties or neighbouring
    // prefectures) everywhere there, at this zoom around the middle of Zhaoqing.
    let ppp = harness.ctx.pixels_per_point();
    let x = left + drag.x / 2.0;
    for i in 1..10 {
        let y = top + (bottom - top) * i as f32 / 10.0;
        let lonlat = harness
            .state()
            .map()
            .projector()
            .expect("laid out")
            .lonlat_from_ui(geo::Coord {
                x: x as f64,
                y: y as f64,
            });
        let [r, g, b, _] = image.get_pixel((x * ppp) as u32, (y * ppp) as u32).0;
        assert_ne!(
            egui::Color32::from_rgb(r, g, b),
            water,
            "nothing drawn at ({x}, {y}) = {lonlat:?} after the drag"
        );
    }
}

#[test]
fn default_view_snapshot() {
    let mut harness = app_harness();
    harness.snapshot("default_view");
}
