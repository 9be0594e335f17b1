//! Chart definitions against the shipped dataset: each draws something, only comparable figures
//! share an axis, each fact is drawn once, marks tell the truth, and the `charts` command lists
//! them.

use std::process::Command;

use zhaoqing_explorer::charts::{CHARTS, Chart, ChartDef, PanelStyle, Status, check_chart};
use zhaoqing_explorer::data::{Bound, Dataset, Kind};
use zhaoqing_explorer::i18n::Lang;

fn dataset() -> Dataset {
    Dataset::embedded().expect("the embedded dataset parses")
}

/// Every chart as the program can show it: the city-wide ones once, the per-county chart for
/// no county and for each county.
fn every_chart(data: &Dataset) -> Vec<Chart> {
    let mut charts = Vec::new();
    for def in CHARTS {
        charts.push(def.build(data, None).unwrap_or_else(|e| panic!("{e}")));
        if def.follows_county() {
            for county in &data.counties {
                charts.push(
                    def.build(data, Some(&county.adcode))
                        .unwrap_or_else(|e| panic!("{e}")),
                );
            }
        }
    }
    charts
}

fn chart(data: &Dataset, id: &str, county: Option<&str>) -> Chart {
    ChartDef::by_id(id)
        .unwrap_or_else(|| panic!("no chart {id}"))
        .build(data, county)
        .unwrap_or_else(|e| panic!("{e}"))
}

#[test]
fn at_least_seven_charts_with_unique_ids_and_a_per_county_chart() {
    assert!(CHARTS.len() >= 7);
    let mut ids: Vec<&str> = CHARTS.iter().map(|c| c.id).collect();
    ids.sort_unstable();
    ids.dedup();
    assert_eq!(ids.len(), CHARTS.len(), "chart ids are unique");
    assert!(
        CHARTS
            .iter()
            .any(|c| c.id.contains("county") && c.follows_county())
    );
}

#[test]
fn every_chart_and_every_county_sheet_keeps_the_comparability_rule() {
    let data = dataset();
    let mut violations = Vec::new();
    for chart in every_chart(&data) {
        violations.extend(check_chart(&chart, &data));
    }
    assert!(
        violations.is_empty(),
        "{}",
        violations
            .iter()
            .map(ToString::to_string)
            .collect::<Vec<_>>()
            .join("\n")
    );
}

#[test]
fn the_rule_fails_on_unlike_figures_a_rank_as_a_bar_and_a_fact_drawn_twice() {
    let data = dataset();
    // The old growth chart: XPeng's company-wide May deliveries beside the city's Q1 industry.
    let mut mixed = chart(&data, "growth_rates", None);
    let mut xpeng = mixed.panels[0].items[0].clone();
    xpeng.figure_id = Some("xpeng_may_2021_deliveries_yoy".into());
    mixed.panels[0].items.push(xpeng);
    let found = check_chart(&mixed, &data);
    assert!(
        found.iter().any(|v| v.message.contains("differ in")),
        "{found:?}"
    );

    // A rank drawn as a bar.
    let rank = data
        .figures
        .iter()
        .find(|f| f.kind == Kind::Rank)
        .expect("the data hold a rank");
    let mut ranked = chart(&data, "growth_rates", None);
    ranked.panels[0].items[0].figure_id = Some(rank.id.clone());
    assert!(
        check_chart(&ranked, &data)
            .iter()
            .any(|v| v.message.contains("is a rank")),
    );

    // One fact from two articles, drawn twice.
    let repeat = data
        .figures
        .iter()
        .find(|f| f.same_as.is_some())
        .expect("the data hold a repeated fact");
    let mut twice = chart(&data, "timeline", None);
    let mut item = twice.panels[0].items[0].clone();
    item.figure_id = Some(repeat.id.clone());
    twice.panels[0].items.push(item.clone());
    item.figure_id = repeat.same_as.clone();
    twice.panels[0].items.push(item);
    assert!(
        check_chart(&twice, &data)
            .iter()
            .any(|v| v.message.contains("drawn twice")),
    );
}

#[test]
fn no_rank_is_drawn_as_a_bar_and_declines_are_negative() {
    let data = dataset();
    for chart in every_chart(&data) {
        for panel in chart.panels.iter().filter(|p| p.style == PanelStyle::Bars) {
            for item in &panel.items {
                let figure = item.figure_id.as_deref().and_then(|id| data.figure(id));
                assert!(
                    figure.is_none_or(|f| f.kind != Kind::Rank),
                    "{}: {:?} is a rank on a bar axis",
                    chart.def.id,
                    item.figure_id
                );
            }
        }
    }
    let cut = data.figure("gonggan_logistics_cost_cut").expect("figure");
    assert!(cut.value < 0.0, "直降65% is a decline");
}

#[test]
fn the_county_sheet_shows_each_fact_of_the_county_once_by_theme() {
    let data = dataset();
    let sheet = chart(&data, "county_figures", Some("441224"));
    let drawn: Vec<&str> = sheet
        .items()
        .filter_map(|i| i.figure_id.as_deref())
        .collect();
    let expected: Vec<&str> = data
        .facts_in_scope("441224")
        .map(|f| f.id.as_str())
        .collect();
    assert_eq!(drawn.len(), expected.len());
    assert!(expected.iter().all(|id| drawn.contains(id)));
    assert!(sheet.panels.iter().any(|p| p.heading.is_some()));
    assert_eq!(sheet.title(&data, Lang::Zh), "县区概况：怀集县");
    assert_eq!(
        sheet.title(&data, Lang::En),
        "County fact sheet: Huaiji County"
    );
    // Bars only where two or more comparable figures exist; everything else is a card.
    for county in &data.counties {
        let sheet = chart(&data, "county_figures", Some(&county.adcode));
        for panel in &sheet.panels {
            if panel.style == PanelStyle::Bars {
                assert!(panel.items.len() >= 2, "{}: a bar alone", panel.title_en);
            }
        }
    }
    // With no county, the chart compares the counties, each item selecting its county.
    let overview = chart(&data, "county_figures", None);
    assert_eq!(overview.items().count(), 8);
    assert!(overview.items().all(|i| i.county.is_some()));
}

#[test]
fn flagship_chart_draws_each_project_once_and_the_hundred_yi_class_for_three() {
    let data = dataset();
    let flagship = chart(&data, "flagship_investment", None);
    let projects: Vec<&str> = flagship
        .items()
        .filter_map(|i| i.project.as_deref())
        .collect();
    let mut unique = projects.clone();
    unique.sort_unstable();
    unique.dedup();
    assert_eq!(unique.len(), projects.len(), "a project drawn twice");
    for id in ["xpeng_zhaoqing_base", "catl_zhaoqing_base", "wanda_resort"] {
        let item = flagship
            .items()
            .find(|i| i.project.as_deref() == Some(id))
            .unwrap_or_else(|| panic!("{id} is drawn"));
        assert_eq!((item.value, item.bound), (100.0, Bound::AtLeast), "{id}");
    }
    let fenghua = flagship
        .items()
        .find(|i| i.project.as_deref() == Some("fenghua_capacitor_expansion"))
        .expect("风华 is drawn");
    assert_eq!((fenghua.value, fenghua.bound), (120.0, Bound::Exact));
    // Not a credit line: the EOD project is in no investment total.
    assert!(!projects.contains(&"guangning_eod"));
}

#[test]
fn the_timeline_shows_the_gdp_goal_once_and_since_totals_as_spans() {
    let data = dataset();
    let timeline = chart(&data, "timeline", None);
    let gdp = timeline
        .items()
        .filter(|i| i.subject_zh.contains("GDP"))
        .count();
    assert_eq!(gdp, 1, "the GDP goal is one fact");
    let members = timeline
        .items()
        .find(|i| i.figure_id.as_deref() == Some("dazhou_new_party_members_since_2018"))
        .expect("the party members since 2018 are drawn");
    assert_eq!(members.period.as_deref(), Some("2018-2021"));
}

#[test]
fn at_least_is_marked_and_targets_are_marked_as_targets() {
    let data = dataset();
    let food = chart(&data, "agriculture_food", None);
    let output = food
        .items()
        .find(|i| i.figure_id.as_deref() == Some("prepared_food_output_2022"))
        .expect("prepared food output is shown");
    assert_eq!(output.bound, Bound::AtLeast);
    assert_eq!(output.value_text(Lang::Zh), "≥ 超200亿元");
    assert_eq!(output.value_text(Lang::En), "≥ 200 亿元");
    assert!(food.marks().at_least && food.marks().target);

    let goal = food
        .items()
        .find(|i| i.figure_id.as_deref() == Some("agri_output_target"))
        .expect("the farm output goal is shown");
    assert_eq!(goal.status, Status::Target);
    assert!(goal.value_text(Lang::Zh).ends_with("(目标)"));
    assert!(goal.value_text(Lang::En).ends_with("(target)"));
    // A goal and an outcome are cards of their own, never bars on one axis.
    for panel in food.panels.iter().filter(|p| p.style == PanelStyle::Bars) {
        assert!(
            panel
                .items
                .iter()
                .all(|i| i.status == panel.items[0].status)
        );
    }

    let pipeline = chart(&data, "pipeline_2020", None);
    let planned = pipeline
        .items()
        .find(|i| i.figure_id.as_deref() == Some("new_projects_2020_planned_investment"))
        .expect("the planned 897 is drawn");
    assert_eq!(planned.status, Status::Planned);
    assert_eq!(planned.value_text(Lang::Zh), "897亿元 (计划)");
}

#[test]
fn source_lines_name_outlet_and_date() {
    let data = dataset();
    assert_eq!(
        chart(&data, "pipeline_2020", None).source_line(&data, Lang::Zh),
        "来源：金羊网 / 羊城晚报，2021-01-14"
    );
}

#[test]
fn charts_command_lists_every_chart() {
    let output = Command::new(env!("CARGO_BIN_EXE_zhaoqing-explorer"))
        .arg("charts")
        .output()
        .expect("the binary runs");
    assert!(output.status.success());
    let stdout = String::from_utf8(output.stdout).expect("UTF-8");
    let lines: Vec<&str> = stdout.lines().collect();
    assert_eq!(lines.len(), CHARTS.len());
    for (line, def) in lines.iter().zip(CHARTS) {
        assert_eq!(
            *line,
            format!("{}\t{}\t{}", def.id, def.title.zh, def.title.en)
        );
    }
}
