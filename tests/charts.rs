//! Chart definitions against the shipped dataset: each draws something, no axis mixes units,
//! marks tell the truth, and the `charts` command lists them.

use std::process::Command;

use zhaoqing_explorer::charts::{CHARTS, ChartDef, Status};
use zhaoqing_explorer::data::{Bound, Dataset};
use zhaoqing_explorer::i18n::Lang;

fn dataset() -> Dataset {
    Dataset::embedded().expect("the embedded dataset parses")
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
fn every_chart_resolves_to_figures_and_no_axis_mixes_units() {
    let data = dataset();
    let counties: Vec<Option<&str>> = std::iter::once(None)
        .chain(data.counties.iter().map(|c| Some(c.adcode.as_str())))
        .collect();
    for def in CHARTS {
        for &county in &counties {
            let chart = def.build(&data, county).unwrap_or_else(|e| panic!("{e}"));
            // 鼎湖区 has no figures of its own; every other chart draws at least one figure.
            if !(def.follows_county() && county == Some("441203")) {
                assert!(
                    chart.items().count() > 0,
                    "{} ({county:?}) draws nothing",
                    def.id
                );
            }
            for panel in &chart.panels {
                for item in &panel.items {
                    if let Some(figure) = item.figure_id.as_deref().and_then(|id| data.figure(id)) {
                        assert_eq!(
                            figure.unit, panel.unit,
                            "{}: {} on a {} axis",
                            def.id, figure.id, panel.unit
                        );
                        assert_eq!(
                            item.value, figure.value,
                            "{}: the drawn value is the figure's",
                            def.id
                        );
                    }
                }
            }
            if !def.follows_county() {
                break;
            }
        }
    }
}

#[test]
fn the_per_county_chart_shows_that_countys_figures() {
    let data = dataset();
    let def = ChartDef::by_id("county_figures").expect("the per-county chart");
    let chart = def.build(&data, Some("441224")).expect("builds");
    let drawn: Vec<&str> = chart
        .items()
        .filter_map(|i| i.figure_id.as_deref())
        .collect();
    let expected: Vec<&str> = data
        .figures_in_scope("441224")
        .map(|f| f.id.as_str())
        .collect();
    assert_eq!(drawn.len(), expected.len());
    assert!(expected.iter().all(|id| drawn.contains(id)));
    assert_eq!(chart.title(&data, Lang::Zh), "县区数据：怀集县");
    assert_eq!(
        chart.title(&data, Lang::En),
        "Figures by county: Huaiji County"
    );
    // With no county, the chart compares the counties, each item selecting its county.
    let overview = def.build(&data, None).expect("builds");
    assert_eq!(overview.items().count(), 8);
    assert!(overview.items().all(|i| i.county.is_some()));
}

#[test]
fn at_least_is_marked_and_targets_are_marked_as_targets() {
    let data = dataset();
    let clusters = ChartDef::by_id("industry_clusters")
        .expect("chart")
        .build(&data, None)
        .expect("builds");
    let food = clusters
        .items()
        .find(|i| i.figure_id.as_deref() == Some("prepared_food_output_2022"))
        .expect("prepared food output is drawn");
    assert_eq!(food.bound, Bound::AtLeast);
    assert_eq!(food.value_text(Lang::Zh), "≥ 超200亿元");
    assert_eq!(food.value_text(Lang::En), "≥ 200 亿元");
    assert!(clusters.marks().at_least && clusters.marks().target);

    let goal = clusters
        .items()
        .find(|i| i.figure_id.as_deref() == Some("agri_output_target"))
        .expect("the farm output goal is drawn");
    assert_eq!(goal.status, Status::Target);
    assert!(goal.value_text(Lang::Zh).ends_with("(目标)"));
    assert!(goal.value_text(Lang::En).ends_with("(target)"));

    let pipeline = ChartDef::by_id("pipeline_2020")
        .expect("chart")
        .build(&data, None)
        .expect("builds");
    let planned = pipeline
        .items()
        .find(|i| i.figure_id.as_deref() == Some("new_projects_2020_planned_investment"))
        .expect("the planned 897 is drawn");
    assert_eq!(planned.status, Status::Planned);
    assert_eq!(planned.value_text(Lang::Zh), "897亿元 (计划)");
    // Planned and actual investment never share a panel.
    for panel in &pipeline.panels {
        let statuses: Vec<Status> = panel.items.iter().map(|i| i.status).collect();
        assert!(
            statuses.iter().all(|s| *s == statuses[0]),
            "{} mixes plans and actuals",
            panel.title_en
        );
    }
}

#[test]
fn source_lines_name_outlet_and_date() {
    let data = dataset();
    let chart = ChartDef::by_id("pipeline_2020")
        .expect("chart")
        .build(&data, None)
        .expect("builds");
    assert_eq!(
        chart.source_line(&data, Lang::Zh),
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
