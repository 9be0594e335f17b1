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

#[test]
fn default_view_snapshot() {
    let mut harness = app_harness();
    harness.snapshot("default_view");
}
