//! Charts in the window: they follow the map, the map follows them, hovering shows the source.

// A test stops where the program is not in the state it checks.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use common::{app_harness, click_at, screen_pos};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use zhaoqing_explorer::ui::chart_view::{ChartContext, chart_ui};
use zhaoqing_explorer::ui::fonts::setup_context;
use zq_core::charts::ChartDef;
use zq_core::i18n::Lang;

/// 蓝钟镇 in 怀集县 (places.md), where no project symbol sits.
const HUAIJI_LANZHONG: (f64, f64) = (111.94800, 24.06556);
/// 肇庆万达国家度假区's point (assets/data/projects.geojson).
const WANDA: (f64, f64) = (112.55832, 23.15357);

#[test]
fn selecting_a_county_on_the_map_switches_the_per_county_chart() {
    let mut harness = app_harness();
    // The per-county chart is shown first; before a selection it compares the counties and
    // says what to do.
    harness.get_by_label("怀集县: 2条");
    harness.get_by_label("（选择一个县区查看）");
    let pos = screen_pos(&harness, HUAIJI_LANZHONG.0, HUAIJI_LANZHONG.1);
    click_at(&mut harness, pos);
    assert_eq!(harness.state().selected(), Some("441224"));
    harness.get_by_label("县区概况：怀集县");
    // The county's facts as cards under their themes, each with its value and mark.
    harness.get_by_label("怀集县流转土地面积: ≥ 13000多亩");
    harness.get_by_label("下帅乡村委联办企业带动就业村民: ≥ 1000多名");
    assert!(harness.query_all_by_label("镇村发展").count() >= 1);
}

#[test]
fn the_flagship_chart_draws_xpeng_at_its_class_and_a_click_selects_it() {
    let mut harness = app_harness();
    // Pick the flagship chart from the chart list, as a user does.
    harness
        .get_by_role_and_label(egui::Role::ComboBox, "选择图表")
        .click();
    harness.run();
    harness.get_by_label("重点项目所述投资").click();
    harness.run();
    harness.get_by_label("文章所述投资最大的是哪些项目？");
    // No credit line among the investments.
    assert_eq!(harness.query_all_by_label_contains("贷款授信").count(), 0);

    // The tooltip quotes the article's words.
    let quote = "“四个超百亿级项目”";
    let before = harness.query_all_by_label(quote).count();
    let item = harness.get_by_label("小鹏汽车肇庆工厂: ≥ 超百亿级 (计划)");
    item.hover();
    harness.run();
    for _ in 0..10 {
        harness.step();
    }
    harness.run();
    assert_eq!(harness.query_all_by_label(quote).count(), before + 1);

    harness
        .get_by_label("小鹏汽车肇庆工厂: ≥ 超百亿级 (计划)")
        .click();
    harness.run();
    assert_eq!(harness.state().selected(), Some("441284"));
    assert_eq!(
        harness.state().selected_project(),
        Some("xpeng_zhaoqing_base")
    );
    // The side panel: the stated investment, and the class figure's own card.
    harness.get_by_label("所述投资");
    assert_eq!(harness.query_all_by_label("≥100 亿元").count(), 2);
}

/// 万达's symbol, hovered on the map, says what the articles state it invests: at least 100 亿.
#[test]
fn hovering_wanda_on_the_map_shows_its_hundred_yi_class() {
    let mut harness = app_harness();
    let pos = screen_pos(&harness, WANDA.0, WANDA.1);
    harness.hover_at(pos);
    for _ in 0..10 {
        harness.step();
    }
    harness.run();
    harness.get_by_label("肇庆万达国家度假区");
    harness.get_by_label("所述投资：≥100 亿元");
}

/// "Copy as citation" on a city figure's card puts one sentence on the clipboard.
#[test]
fn copy_as_citation_puts_the_sentence_on_the_clipboard_in_the_ui_language() {
    let mut harness = app_harness();
    let model = zq_core::Model::embedded().expect("embedded data");
    let first = model
        .dataset
        .facts_in_scope("city")
        .next()
        .expect("a city figure");
    for (lang, button) in [(Lang::Zh, "复制为引文"), (Lang::En, "Copy as citation")] {
        if lang == Lang::En {
            harness.get_by_label("English").click();
            harness.run();
        }
        let expected = zq_core::data::citation::citation(&model.dataset, first, lang);
        harness
            .query_all_by_label(button)
            .next()
            .expect("a copy button on the first card")
            .click();
        harness.step();
        assert_eq!(common::copied_texts(&harness), [expected]);
    }
}

#[test]
fn switching_to_english_changes_the_chart() {
    let mut harness = app_harness();
    harness.get_by_label("English").click();
    harness.run();
    harness.get_by_label("County fact sheet");
    harness.get_by_label("Huaiji County: 2 figures");
}

/// A chart alone, as it is drawn in the window and exported.
fn chart_snapshot(id: &str, county: Option<&str>, lang: Lang, name: &str) {
    let model = zq_core::Model::embedded().expect("embedded data");
    let def = ChartDef::by_id(id).expect("chart exists");
    let chart = def.build(&model.dataset, county).expect("chart builds");
    let mut harness = Harness::builder()
        .with_size([640.0, 720.0])
        .with_theme(egui::Theme::Light)
        .with_context_setup(setup_context)
        .wgpu()
        .build_ui(|ui| {
            egui::CentralPanel::default().show(ui, |ui| {
                let cx = ChartContext {
                    dataset: &model.dataset,
                    lang,
                    selected_county: county,
                    selected_project: None,
                    interactive: false,
                    follows_county: false,
                    any_highlighted: false,
                    page: None,
                };
                chart_ui(ui, &chart, &cx);
            });
        });
    harness.run();
    // The whole chart, however tall: a fact sheet runs longer than the window.
    harness.fit_contents();
    harness.snapshot(name);
}

#[test]
fn pipeline_chart_snapshot() {
    chart_snapshot("pipeline_2020", None, Lang::Zh, "chart_pipeline_2020");
}

#[test]
fn clusters_chart_snapshot() {
    chart_snapshot(
        "industry_clusters",
        None,
        Lang::Zh,
        "chart_industry_clusters",
    );
}

#[test]
fn flagship_chart_snapshot() {
    chart_snapshot(
        "flagship_investment",
        None,
        Lang::Zh,
        "chart_flagship_investment",
    );
}

#[test]
fn flagship_chart_snapshot_in_english() {
    chart_snapshot(
        "flagship_investment",
        None,
        Lang::En,
        "chart_flagship_investment_en",
    );
}

#[test]
fn growth_chart_snapshot() {
    chart_snapshot("growth_rates", None, Lang::Zh, "chart_growth_rates");
}

#[test]
fn villages_chart_snapshot_in_english() {
    chart_snapshot(
        "villages_collective",
        None,
        Lang::En,
        "chart_villages_collective_en",
    );
}

#[test]
fn agriculture_chart_snapshot() {
    chart_snapshot("agriculture_food", None, Lang::Zh, "chart_agriculture_food");
}

#[test]
fn timeline_snapshot() {
    chart_snapshot("timeline", None, Lang::Zh, "chart_timeline");
}

#[test]
fn county_fact_sheet_snapshot() {
    chart_snapshot(
        "county_figures",
        Some("441226"),
        Lang::Zh,
        "county_sheet_deqing",
    );
}

#[test]
fn county_fact_sheet_snapshot_in_english() {
    chart_snapshot(
        "county_figures",
        Some("441226"),
        Lang::En,
        "county_sheet_deqing_en",
    );
}
