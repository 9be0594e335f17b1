//! The map's layers in the window: search, project symbols, the layer switches.

// A test stops where the program is not in the state it checks.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use common::{app_harness, click_at, screen_pos};
use egui_kittest::kittest::Queryable as _;

/// The prepared-food park, alone at the 白土镇 point.
const FOOD_PARK: (f64, f64) = (112.59811, 22.9867);
const FOOD_PARK_NAME: &str = "粤港澳大湾区(肇庆高要)预制菜产业园";
/// 四会市's seat, where three projects known only by their county sit.
const SIHUI_SEAT: (f64, f64) = (112.68764, 23.34055);

fn rest(harness: &mut egui_kittest::Harness<'_, zhaoqing_explorer::ExplorerApp>) {
    for _ in 0..10 {
        harness.step();
    }
    harness.run();
}

#[test]
fn searching_xpeng_and_pressing_enter_selects_the_project() {
    let mut harness = app_harness();
    let search = harness.get_by_role(egui::Role::TextInput);
    search.focus();
    search.type_text("小鹏");
    harness.run();
    // Matches are listed as you type.
    harness.get_by_label_contains("小鹏汽车肇庆工厂");
    harness.key_press(egui::Key::Enter);
    harness.run();
    assert_eq!(
        harness.state().selected_project(),
        Some("xpeng_zhaoqing_base")
    );
    assert_eq!(harness.state().selected(), Some("441284"));
    // The side panel shows the project, how precisely it is placed, and its figures.
    harness.get_by_label("小鹏汽车肇庆工厂");
    harness.get_by_label("位于所属园区或片区，以一点代表（见位置说明）");
    // The ≥100-亿 class of 000 is the project's stated investment (and a card of its own).
    harness.get_by_label("所述投资");
    assert_eq!(harness.query_all_by_label("≥100 亿元").count(), 2);
    // XPeng's May deliveries are the company's, and say so.
    harness.get_by_label("小鹏汽车（全公司）5月交付量同比增幅");
}

#[test]
fn clicking_a_project_symbol_shows_it_in_the_side_panel() {
    let mut harness = app_harness();
    let pos = screen_pos(&harness, FOOD_PARK.0, FOOD_PARK.1);
    harness.hover_at(pos);
    rest(&mut harness);
    // The tooltip names the project and says how precisely it is placed.
    harness.get_by_label(FOOD_PARK_NAME);
    harness.get_by_label("位置：仅知所在镇街，标于镇街中心");
    click_at(&mut harness, pos);
    assert_eq!(
        harness.state().selected_project(),
        Some("prepared_food_park")
    );
    harness.get_by_label("仅知所在镇街，标于镇街中心");
    // The park's figure in the side panel and, as a card, in the county's fact sheet.
    assert_eq!(
        harness
            .query_all_by_label("谋划建设的预制菜产业园面积")
            .count(),
        2
    );
}

#[test]
fn overlapping_symbols_offer_a_list_to_pick_from() {
    let mut harness = app_harness();
    let pos = screen_pos(&harness, SIHUI_SEAT.0, SIHUI_SEAT.1);
    click_at(&mut harness, pos);
    // The county under the symbols is selected, and the projects there are listed.
    assert_eq!(harness.state().selected(), Some("441284"));
    harness.get_by_label("此处有多个项目：");
    harness
        .get_by_role_and_label(egui::Role::Button, "四会吾悦广场")
        .click();
    harness.run();
    assert_eq!(
        harness.state().selected_project(),
        Some("sihui_wuyue_plaza")
    );
}

#[test]
fn with_the_projects_layer_off_no_project_can_be_hovered() {
    let mut harness = app_harness();
    harness.get_by_label("图层").click();
    harness.run();
    harness
        .get_by_role_and_label(egui::Role::CheckBox, "项目")
        .click();
    harness.run();
    let pos = screen_pos(&harness, FOOD_PARK.0, FOOD_PARK.1);
    harness.hover_at(pos);
    rest(&mut harness);
    assert!(harness.query_by_label(FOOD_PARK_NAME).is_none());
    // The county under it answers instead.
    harness.get_by_label("Gaoyao District");
    click_at(&mut harness, pos);
    assert_eq!(harness.state().selected_project(), None);
    assert_eq!(harness.state().selected(), Some("441204"));
}

/// Colouring the counties by stated investment: the legend says what is summed and that a sum
/// with a floor in it is "at least".
#[test]
fn the_investment_choropleth_says_what_it_sums() {
    let mut harness = app_harness();
    harness.get_by_label("图层").click();
    harness.run();
    harness
        .get_by_role_and_label(egui::Role::CheckBox, "分级设色")
        .click();
    harness.run();
    harness
        .get_by_role_and_label(egui::Role::ComboBox, "指标")
        .click();
    harness.run();
    harness.get_by_label("项目所述投资（亿元）").click();
    harness.run();
    harness.get_by_label("图例").click();
    harness.run();
    harness.get_by_label("仅计项目投资（计划或承诺），不含贷款授信与捐赠；“超百亿级”计为100亿元");
    harness.get_by_label("含“超/多”等下限，合计为至少值（≥）");
}
