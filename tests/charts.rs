//! Chart definitions against the shipped dataset: each draws something, only comparable figures
//! share an axis, each fact is drawn once, marks tell the truth, and the `charts` command lists
//! them.

// A test stops where the program is not in the state it checks.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::process::Command;

use zq_core::charts::{CHARTS, Chart, ChartDef, PanelStyle, Status, check_chart};
use zq_core::data::{Bound, Dataset, Kind};
use zq_core::i18n::Lang;

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
            format!("{}\t{}\t{}", def.id, def.title.zh(), def.title.en())
        );
    }
}

/// "nine of them ... each says the question it answers".
#[test]
fn nine_charts_each_with_its_question_in_both_languages() {
    let mut ids: Vec<&str> = CHARTS.iter().map(|c| c.id).collect();
    ids.sort_unstable();
    let mut expected = [
        "pipeline_2020",
        "flagship_investment",
        "industry_q1_2021",
        "industry_clusters",
        "villages_collective",
        "agriculture_food",
        "growth_rates",
        "county_figures",
        "timeline",
    ];
    expected.sort_unstable();
    assert_eq!(ids, expected);
    for def in CHARTS {
        let (zh, en) = (def.question.zh().trim(), def.question.en().trim());
        assert!(
            zh.ends_with('？') && zh.chars().count() > 4,
            "{}: {zh:?}",
            def.id
        );
        assert!(en.ends_with('?') && en.len() > 10, "{}: {en:?}", def.id);
        assert_ne!(
            zh,
            def.title.zh(),
            "{}: the question is not the title",
            def.id
        );
        assert_ne!(
            en,
            def.title.en(),
            "{}: the question is not the title",
            def.id
        );
    }
}

/// "an approximation with '≈'": every bar or card of a figure the article gives as about
/// (约, 近, 左右) shows "≈" before its value, in both languages, and the legend explains it.
#[test]
fn an_approximation_is_shown_with_its_mark() {
    let data = dataset();
    let mut shown = 0;
    for chart in every_chart(&data) {
        for item in chart.items() {
            let Some(figure) = item.figure_id.as_deref().and_then(|id| data.figure(id)) else {
                continue;
            };
            let (zh, en) = (item.value_text(Lang::Zh), item.value_text(Lang::En));
            if figure.bound == Bound::Approx {
                shown += 1;
                assert!(zh.starts_with('≈') && en.starts_with('≈'), "{zh} / {en}");
                assert!(zh.contains(&figure.printed), "{zh}: as printed");
                assert!(chart.marks().approx, "{}: the legend says ≈", chart.def.id);
            } else {
                assert!(!zh.contains('≈') && !en.contains('≈'), "{zh} / {en}");
            }
        }
    }
    // 四会's jade merchants, 约100户, on its fact sheet.
    assert!(shown > 0, "some chart shows an approximation");
    let sihui = chart(&data, "county_figures", Some("441284"));
    let merchants = sihui
        .items()
        .find(|i| i.figure_id.as_deref() == Some("jade_merchants_per_member"))
        .expect("约100户 is on 四会's sheet");
    assert_eq!(merchants.value_text(Lang::Zh), "≈ 约100户");
}

/// "Selecting on the map highlights that county's items in every chart": built with a county
/// selected, an item is marked as the county's (what the chart highlights) exactly when its
/// figure is about that county, or, in the per-project chart, its project lies there; the
/// county's own sheet holds only the county's figures.
#[test]
fn selecting_a_county_marks_its_items_in_every_chart() {
    use zq_core::charts::Select;
    let data = dataset();
    let (mut marked, mut others) = (0, 0);
    for county in &data.counties {
        let code = county.adcode.as_str();
        for def in CHARTS {
            let built = def
                .build(&data, Some(code))
                .unwrap_or_else(|e| panic!("{e}"));
            if def.follows_county() {
                assert_eq!(built.county.as_deref(), Some(code));
                for item in built.items() {
                    let figure = item.figure_id.as_deref().and_then(|id| data.figure(id));
                    assert!(
                        figure.is_some_and(|f| f.scope == code),
                        "{code}: {:?} on its sheet",
                        item.figure_id
                    );
                }
                continue;
            }
            for item in built.items() {
                let figure = item.figure_id.as_deref().and_then(|id| data.figure(id));
                let project = item.project.as_deref().and_then(|id| data.project(id));
                // A project's bar is its county's; a figure is the county's when it is about
                // the county (a city-wide figure is nobody's, even one naming a project).
                let of_county = if matches!(def.select, Select::ProjectInvestment) {
                    project.is_some_and(|p| p.county == code)
                } else {
                    figure.is_some_and(|f| f.scope == code)
                };
                let is_marked = item.county.as_deref() == Some(code);
                assert_eq!(
                    is_marked, of_county,
                    "{}, {code} selected: {} ({:?})",
                    def.id, item.label_zh, item.figure_id
                );
                if is_marked {
                    marked += 1;
                } else {
                    others += 1;
                }
            }
        }
    }
    assert!(marked > 0 && others > 0, "{marked} marked, {others} not");
    // 小鹏 and 宁德时代 in the flagship chart are 四会's (the Hi-tech Zone), 风华高科 is 端州's.
    let flagship = chart(&data, "flagship_investment", Some("441284"));
    let county_of = |id: &str| {
        flagship
            .items()
            .find(|i| i.project.as_deref() == Some(id))
            .and_then(|i| i.county.clone())
    };
    assert_eq!(county_of("xpeng_zhaoqing_base").as_deref(), Some("441284"));
    assert_eq!(county_of("catl_zhaoqing_base").as_deref(), Some("441284"));
    assert_eq!(
        county_of("fenghua_capacitor_expansion").as_deref(),
        Some("441202")
    );
}

/// As drawn: with a county selected the chart's legend shows the "selected" swatch when that
/// county has items in the chart, and not when it has none.
#[test]
fn a_chart_drawn_with_a_county_selected_shows_its_highlight() {
    use egui_kittest::Harness;
    use egui_kittest::kittest::Queryable as _;
    use zhaoqing_explorer::ui::chart_view::{ChartContext, chart_ui};
    use zhaoqing_explorer::ui::fonts::setup_context;
    let data = dataset();
    let legend_says_selected = |county: &str| {
        let chart = chart(&data, "flagship_investment", None);
        let mut harness = Harness::builder()
            .with_size([640.0, 720.0])
            .with_context_setup(setup_context)
            .build_ui(|ui| {
                let cx = ChartContext {
                    dataset: &data,
                    lang: Lang::Zh,
                    selected_county: Some(county),
                    selected_project: None,
                    interactive: true,
                    follows_county: false,
                    any_highlighted: false,
                    page: None,
                };
                chart_ui(ui, &chart, &cx);
            });
        harness.run();
        harness.query_all_by_label("所选").count() > 0
    };
    assert!(legend_says_selected("441284"), "四会: 小鹏, 宁德时代");
    assert!(legend_says_selected("441202"), "端州: 风华高科");
    assert!(
        !legend_says_selected("441226"),
        "德庆 has no flagship project"
    );
}

/// "the 2020 project pipeline (counts, planned and actual investment in separate panels)":
/// three bar panels, one of counts, one of planned and one of actual investment, none mixing
/// units, kinds or plan and outcome.
#[test]
fn the_pipeline_shows_counts_planned_and_actual_investment_in_separate_panels() {
    use zq_core::data::Figure;
    let data = dataset();
    let pipeline = chart(&data, "pipeline_2020", None);
    let mut panels = Vec::new();
    for panel in &pipeline.panels {
        assert_eq!(panel.style, PanelStyle::Bars, "{}", panel.title_zh);
        let figures: Vec<&Figure> = panel
            .items
            .iter()
            .map(|i| {
                i.figure_id
                    .as_deref()
                    .and_then(|id| data.figure(id))
                    .expect("a figure")
            })
            .collect();
        let first = figures[0];
        for (item, f) in panel.items.iter().zip(&figures) {
            assert_eq!(f.unit, first.unit, "{}: units", panel.title_zh);
            assert_eq!(f.kind, first.kind, "{}: kinds", panel.title_zh);
            assert_eq!(
                Status::of(f),
                Status::of(first),
                "{}: plan and outcome",
                panel.title_zh
            );
            assert_eq!(item.status, Status::of(f), "{}", f.id);
        }
        assert_eq!(panel.unit, first.unit);
        panels.push((first.kind, Status::of(first), first.unit.as_str()));
    }
    assert_eq!(
        panels,
        [
            (Kind::Count, Status::Achieved, "个"),
            (Kind::Investment, Status::Planned, "亿元"),
            (Kind::Investment, Status::Achieved, "亿元"),
        ]
    );
    let drawn: Vec<&str> = pipeline
        .items()
        .filter_map(|i| i.figure_id.as_deref())
        .collect();
    for id in [
        "new_projects_2020_count",
        "projects_started_2020_count",
        "projects_completed_2020_count",
        "new_projects_2020_planned_investment",
        "projects_started_2020_investment",
        "projects_completed_2020_investment",
    ] {
        assert!(drawn.contains(&id), "{id} is drawn");
    }
}

/// A figure without a measure is compared with nothing: not with a figure that has one, and not
/// with another figure that has none.
#[test]
fn a_figure_without_a_measure_shares_an_axis_with_nothing() {
    let mut data = dataset();
    let growth = chart(&data, "growth_rates", None);
    let ids: Vec<String> = growth.panels[0]
        .items
        .iter()
        .filter_map(|i| i.figure_id.clone())
        .collect();
    assert!(ids.len() >= 2 && check_chart(&growth, &data).is_empty());
    for (taken, id) in ids.iter().take(2).enumerate() {
        let figure = data.figures.iter_mut().find(|f| f.id == *id).unwrap();
        figure.measure = None;
        let found = check_chart(&growth, &data);
        assert!(
            found.iter().any(|v| v.message.contains("measure")),
            "{} figure(s) without a measure: {found:?}",
            taken + 1
        );
    }
}
