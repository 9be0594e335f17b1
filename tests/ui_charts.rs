//! Charts in the window: they follow the map, the map follows them, hovering shows the source.

mod common;

use common::{app_harness, click_at, screen_pos};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use zhaoqing_explorer::charts::ChartDef;
use zhaoqing_explorer::i18n::Lang;
use zhaoqing_explorer::ui::app::setup_context;
use zhaoqing_explorer::ui::chart_view::{ChartContext, chart_ui};

/// 蓝钟镇 in 怀集县 (places.md), where no project symbol sits.
const HUAIJI_LANZHONG: (f64, f64) = (111.94800, 24.06556);

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
    harness.get_by_label("县区数据：怀集县");
    harness.get_by_label("怀集县流转土地面积: ≥ 13000多亩");
    harness.get_by_label("下帅乡村委联办企业带动就业村民: ≥ 1000多名");
}

#[test]
fn clicking_a_chart_item_selects_its_county_and_hover_shows_the_quote() {
    let mut harness = app_harness();
    // Pick the flagship chart from the chart list, as a user does.
    harness
        .get_by_role_and_label(egui::Role::ComboBox, "选择图表")
        .click();
    harness.run();
    harness.get_by_label("重点项目投资规模").click();
    harness.run();
    harness.get_by_label("肇庆的龙头项目投资有多大？");

    let citation =
        "《筑牢强县促镇带村平台 促进城乡区域协调发展》（未注明媒体），未注明日期（不早于2023-06）";
    let citations_before = harness.query_all_by_label_contains(citation).count();
    let item = harness.get_by_label("广宁EOD项目（贷款授信）: 30亿元 (计划)");
    item.hover();
    harness.run();
    for _ in 0..10 {
        harness.step();
    }
    harness.run();
    // The tooltip quotes the article and names it.
    assert_eq!(
        harness
            .query_all_by_label_contains("EOD项目获30亿元贷款授信")
            .count(),
        1
    );
    assert_eq!(
        harness.query_all_by_label_contains(citation).count(),
        citations_before + 1
    );

    harness
        .get_by_label("广宁EOD项目（贷款授信）: 30亿元 (计划)")
        .click();
    harness.run();
    assert_eq!(harness.state().selected(), Some("441223"));
    assert_eq!(harness.state().selected_project(), Some("guangning_eod"));
    harness.get_by_label("广宁县“碧水一竹海一文旅”EOD项目");
}

#[test]
fn switching_to_english_changes_the_chart() {
    let mut harness = app_harness();
    harness.get_by_label("English").click();
    harness.run();
    harness.get_by_label("Figures by county");
    harness.get_by_label("Huaiji County: 2 figures");
}

/// A chart alone, as it is drawn in the window and exported.
fn chart_snapshot(id: &str, county: Option<&str>, name: &str) {
    let model = zhaoqing_explorer::Model::embedded().expect("embedded data");
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
                    lang: Lang::Zh,
                    selected_county: county,
                    selected_project: None,
                    interactive: false,
                    follows_county: false,
                    any_highlighted: false,
                };
                chart_ui(ui, &chart, &cx);
            });
        });
    harness.run();
    harness.snapshot(name);
}

#[test]
fn pipeline_chart_snapshot() {
    chart_snapshot("pipeline_2020", None, "chart_pipeline_2020");
}

#[test]
fn clusters_chart_snapshot() {
    chart_snapshot("industry_clusters", None, "chart_industry_clusters");
}
