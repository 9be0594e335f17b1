//! The shipped dataset: it validates, the validation catches what a careless edit breaks, and
//! the figures a reader would spot-check say what the articles say.

// A test stops where the program is not in the state it checks.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use serde_json::Value;
use zq_core::data::{Bound, Dataset, Kind};
use zq_core::embedded::{self, Asset};
use zq_core::geometry::Boundaries;
use zq_core::load::LoadError;

fn boundaries() -> Boundaries {
    Boundaries::from_geojson(embedded::BOUNDARIES.path, embedded::BOUNDARIES.bytes)
        .expect("boundaries")
}

fn json(asset: Asset<'_>) -> Value {
    serde_json::from_slice(asset.bytes).expect("the shipped file is JSON")
}

/// Parses and validates the dataset with some files replaced by edited JSON.
fn validate_with(figures: &Value, projects: &Value) -> Result<Vec<LoadError>, LoadError> {
    let figures = serde_json::to_vec(figures).expect("serialise");
    let projects = serde_json::to_vec(projects).expect("serialise");
    let dataset = Dataset::parse(
        embedded::ARTICLES,
        &embedded::ARTICLE_TEXTS,
        Asset {
            path: embedded::FIGURES.path,
            bytes: &figures,
        },
        embedded::MEASURES,
        Asset {
            path: embedded::PROJECTS.path,
            bytes: &projects,
        },
        embedded::COUNTIES,
    )?;
    Ok(dataset.validate(&boundaries()))
}

fn figure_mut<'a>(figures: &'a mut Value, id: &str) -> &'a mut Value {
    figures["figures"]
        .as_array_mut()
        .and_then(|a| a.iter_mut().find(|f| f["id"] == id))
        .unwrap_or_else(|| panic!("figure {id} exists"))
}

fn dataset() -> Dataset {
    Dataset::embedded().expect("the embedded dataset parses")
}

#[test]
fn shipped_data_passes_validation() {
    let problems = dataset().validate(&boundaries());
    assert!(problems.is_empty(), "{problems:#?}");
    let (figures, projects) = (json(embedded::FIGURES), json(embedded::PROJECTS));
    assert_eq!(validate_with(&figures, &projects).map(|p| p.len()), Ok(0));
}

#[test]
fn an_edited_quote_is_caught() {
    let (mut figures, projects) = (json(embedded::FIGURES), json(embedded::PROJECTS));
    figure_mut(&mut figures, "q1_2021_industrial_value_added")["source"]["quote"] =
        "一季度肇庆规模以上工业增加值165.96亿元".into();
    let problems = validate_with(&figures, &projects).expect("parses");
    assert!(
        problems.iter().any(|p| p.file == "assets/data/figures.json"
            && p.location == "figure q1_2021_industrial_value_added: source.quote"),
        "{problems:#?}"
    );
}

#[test]
fn a_removed_bound_is_caught() {
    let (mut figures, projects) = (json(embedded::FIGURES), json(embedded::PROJECTS));
    // Missing altogether: the file is refused, naming the field.
    let figure = figure_mut(&mut figures, "prepared_food_output_2022");
    figure.as_object_mut().map(|o| o.remove("bound"));
    let err = validate_with(&figures, &projects).expect_err("a figure without bound is refused");
    assert!(err.message.contains("bound"), "{err}");
    // Present but wrong: 超200亿元 recorded as exact.
    figure_mut(&mut figures, "prepared_food_output_2022")["bound"] = "exact".into();
    let problems = validate_with(&figures, &projects).expect("parses");
    assert!(
        problems
            .iter()
            .any(|p| p.location == "figure prepared_food_output_2022: bound"),
        "{problems:#?}"
    );
}

/// The links that decide what a chart may put side by side are checked like the numbers.
#[test]
fn broken_measures_repeats_signs_and_project_lists_are_caught() {
    let projects = json(embedded::PROJECTS);
    let caught = |edit: &dyn Fn(&mut Value), location: &str, says: &str| {
        let mut figures = json(embedded::FIGURES);
        edit(&mut figures);
        let problems = validate_with(&figures, &projects).expect("parses");
        assert!(
            problems
                .iter()
                .any(|p| p.location == location && p.message.contains(says)),
            "{location}: {problems:#?}"
        );
    };
    caught(
        &|f| figure_mut(f, "farmland_transferred")["measure"] = "acreage".into(),
        "figure farmland_transferred: measure",
        "no measure",
    );
    // A repeat must say what its original says.
    caught(
        &|f| figure_mut(f, "gdp_target_14th_fyp_plenum")["value"] = 3500.into(),
        "figure gdp_target_14th_fyp_plenum: value",
        "",
    );
    caught(
        &|f| figure_mut(f, "gdp_target_14th_fyp_plenum")["same_as"] = "party_members_2021".into(),
        "figure gdp_target_14th_fyp_plenum: same_as",
        "differs",
    );
    // 直降65% is a decline: a positive value is refused.
    caught(
        &|f| figure_mut(f, "gonggan_logistics_cost_cut")["value"] = 65.into(),
        "figure gonggan_logistics_cost_cut: value",
        "decline",
    );
    // Several projects only for a value that holds for each.
    caught(
        &|f| figure_mut(f, "four_100yi_projects_2021_level")["each"] = false.into(),
        "figure four_100yi_projects_2021_level: project",
        "each",
    );
}

#[test]
fn every_shipped_figure_says_what_it_measures() {
    let data = dataset();
    for f in &data.figures {
        let measure = data.measure_of(f);
        assert!(measure.is_some(), "{} has no known measure", f.id);
    }
}

#[test]
fn a_point_moved_out_of_its_county_is_caught() {
    let (figures, mut projects) = (json(embedded::FIGURES), json(embedded::PROJECTS));
    let feature = projects["features"]
        .as_array_mut()
        .and_then(|a| {
            a.iter_mut()
                .find(|f| f["properties"]["id"] == "xpeng_zhaoqing_base")
        })
        .expect("the XPeng base is a project");
    // Move it to 端州区's district point, outside 四会市.
    feature["geometry"]["coordinates"] = serde_json::json!([112.47939, 23.05461]);
    let problems = validate_with(&figures, &projects).expect("parses");
    assert!(
        problems
            .iter()
            .any(|p| p.file == "assets/data/projects.geojson"
                && p.location == "project xpeng_zhaoqing_base: geometry"
                && p.message.contains("四会市")),
        "{problems:#?}"
    );
}

#[test]
fn every_article_is_shipped_and_described() {
    let data = dataset();
    assert_eq!(data.articles.len(), 5);
    for (article, text) in data.articles.iter().zip(embedded::ARTICLE_TEXTS) {
        assert_eq!(article.id, text.stem());
        assert!(!article.text.is_empty());
        assert!(
            article.date.is_some() || article.date_note.is_some(),
            "{}",
            article.id
        );
    }
    let dated: Vec<_> = data
        .articles
        .iter()
        .filter_map(|a| a.date.as_deref())
        .collect();
    assert_eq!(dated, ["2021-01-14", "2025-01-02"]);
}

#[test]
fn spot_checks_a_reader_would_make() {
    let data = dataset();
    let find = |value: f64, unit: &str, article_prefix: &str| {
        data.figures
            .iter()
            .filter(|f| {
                f.value == value && f.unit == unit && f.source.article.starts_with(article_prefix)
            })
            .collect::<Vec<_>>()
    };

    // 897 亿元: the planned investment of the 391 projects newly introduced since 2020 (002).
    let planned = find(897.0, "亿元", "002");
    assert_eq!(planned.len(), 1);
    let planned = planned[0];
    assert!(planned.planned && planned.is_target(), "planned, not spent");
    assert_eq!(planned.period.as_deref(), Some("2020"));
    assert!(planned.subject_zh.contains("新引进项目"));
    let count = find(391.0, "个", "002");
    assert_eq!(count.len(), 1, "the 391 new projects are a figure too");
    assert_eq!(
        (count[0].kind, count[0].period.as_deref()),
        (Kind::Count, Some("2020"))
    );
    assert!(planned.source.quote.contains("计划投资总额897亿元"));

    // 156.96 亿元: Q1 2021 industrial value added above designated size (000).
    let q1 = find(156.96, "亿元", "000");
    assert_eq!(q1.len(), 1);
    assert_eq!((q1[0].kind, q1[0].bound), (Kind::Output, Bound::Exact));
    assert_eq!(q1[0].period.as_deref(), Some("2021-Q1"));
    assert_eq!(q1[0].value_label(), "156.96 亿元");

    // 超200亿元 is a lower bound.
    let food = find(200.0, "亿元", "001");
    assert_eq!(food.len(), 1);
    assert_eq!(food[0].bound, Bound::AtLeast);
    assert_eq!(food[0].printed, "超200亿元");
    assert_eq!(food[0].value_label(), "≥200 亿元");

    // The GDP goal for the early-to-middle years (中前期) of the 14th Five-Year Plan is a
    // target, not an achievement, and one fact though the article states it twice.
    let gdp = find(3000.0, "亿元", "002");
    assert_eq!(gdp.len(), 2);
    for goal in &gdp {
        assert_eq!(goal.kind, Kind::Target);
        assert_eq!(goal.bound, Bound::AtLeast);
        assert_eq!(goal.period.as_deref(), Some("2021-2023"));
    }
    assert_eq!(data.primary(gdp[0]).id, data.primary(gdp[1]).id);
}

#[test]
fn the_named_projects_are_on_the_map() {
    let data = dataset();
    assert!(data.projects.len() >= 15);
    for name in ["小鹏汽车", "宁德时代", "风华高科", "万达"] {
        assert!(
            data.projects.iter().any(|p| p.name_zh.contains(name)),
            "no project named {name}"
        );
    }
}

/// What a fact-checker checks first: the ≥100-亿 class is each flagship project's investment, a
/// credit line or Party-room spending is nobody's, and the county sums say "at least".
#[test]
fn stated_investment_counts_investment_only_and_the_class_for_each_project() {
    let data = Dataset::embedded().expect("parses");
    let stated = |id: &str| {
        data.project(id)
            .and_then(|p| data.stated_investment(p))
            .map(|s| s.amount.label())
    };
    for id in ["xpeng_zhaoqing_base", "catl_zhaoqing_base", "wanda_resort"] {
        assert_eq!(stated(id).as_deref(), Some("≥100 亿元"), "{id}");
    }
    assert_eq!(
        stated("fenghua_capacitor_expansion").as_deref(),
        Some("120 亿元")
    );
    assert_eq!(
        stated("guangning_eod"),
        None,
        "a credit line is no investment"
    );
    assert_eq!(stated("deqing_gonggan_red_chain"), None);
    let values = zq_core::choropleth::county_values(&data, zq_core::choropleth::Metric::Investment);
    let sihui = values.iter().find(|v| v.adcode == "441284").expect("四会");
    assert_eq!((sihui.value, sihui.at_least), (Some(200.0), true));
    let guangning = values.iter().find(|v| v.adcode == "441223").expect("广宁");
    assert_eq!(guangning.value, None);
}

/// "Copy as citation" gives one sentence with the value and its qualifier, what it measures,
/// the period, outlet and date, the quoted words, and the other article of a repeated fact.
#[test]
fn a_citation_is_one_sentence_a_writer_can_paste() {
    use zq_core::data::citation::citation;
    use zq_core::i18n::Lang;
    let data = Dataset::embedded().expect("parses");
    let food = data.figure("prepared_food_output_2022").expect("figure");
    let zh = citation(&data, food, Lang::Zh);
    assert!(zh.contains("超200亿元") && zh.contains("2022"), "{zh}");
    assert!(zh.contains(&format!("“{}”", food.source.quote)), "{zh}");
    let en = citation(&data, food, Lang::En);
    assert!(en.contains("at least 200 亿元"), "{en}");
    let article = data.article(&food.source.article).expect("article");
    assert!(
        en.contains(&article.citation(zq_core::i18n::Lang::En)),
        "{en}"
    );

    let repeat = data
        .figures
        .iter()
        .find(|f| {
            f.same_as
                .as_deref()
                .and_then(|id| data.figure(id))
                .is_some_and(|p| p.source.article != f.source.article)
        })
        .expect("a fact two articles report");
    let primary = data.primary(repeat);
    let other = data.article(&repeat.source.article).expect("article");
    let zh = citation(&data, primary, Lang::Zh);
    assert!(
        zh.contains(&format!("另见{}", other.citation(zq_core::i18n::Lang::Zh))),
        "{zh}"
    );

    // What is measured opens the sentence; a plan or goal says it is one, in either language.
    assert!(zh.starts_with(&format!("{}：", primary.subject_zh)), "{zh}");
    let plan = data
        .figures
        .iter()
        .find(|f| f.planned && f.kind != Kind::Target)
        .expect("a plan");
    let goal = data
        .figures
        .iter()
        .find(|f| f.kind == Kind::Target && !f.planned)
        .expect("a goal");
    assert!(citation(&data, plan, Lang::Zh).contains("（计划，非已完成）"));
    assert!(citation(&data, plan, Lang::En).contains("planned"));
    assert!(citation(&data, goal, Lang::Zh).contains("（目标或预计，非已实现）"));
    // English capitalises the subject's first letter.
    let en = citation(&data, goal, Lang::En);
    assert!(
        en.to_lowercase()
            .starts_with(&goal.subject_en.to_lowercase()),
        "{en}"
    );
    assert!(
        en.contains("(a goal or forecast, not an achievement)"),
        "{en}"
    );
}

/// "A bank credit line (广宁's EOD 贷款授信), donations and spending on Party rooms are not
/// investment and count nowhere": no county's stated-investment sum changes with or without
/// them, not even when they are linked to a project of their county (while the same amounts
/// as investment would change it), and no chart puts them on a bar axis.
#[test]
fn credit_lines_donations_and_party_room_spending_count_nowhere() {
    use zq_core::charts::{CHARTS, PanelStyle};
    use zq_core::choropleth::{CountyValue, Metric, county_values};
    use zq_core::data::dataset::to_yi;
    // The figure, its county, and a project of that county to link it to.
    const NOT_INVESTMENT: [(&str, &str, &str); 3] = [
        ("guangning_eod_credit", "441223", "guangning_eod"),
        ("dazhou_donations", "441225", "dongpan_orchid_base"),
        (
            "gonggan_party_base_investment",
            "441226",
            "deqing_gonggan_red_chain",
        ),
    ];
    let listed = |id: &str| NOT_INVESTMENT.iter().any(|(f, _, _)| *f == id);
    let sums = |data: &Dataset| county_values(data, Metric::Investment);
    let sum_of = |values: &[CountyValue], county: &str| {
        values
            .iter()
            .find(|v| v.adcode == county)
            .map(|v| v.value)
            .expect("county")
    };
    let shipped = dataset();
    for (id, county, _) in NOT_INVESTMENT {
        let f = shipped.figure(id).unwrap_or_else(|| panic!("{id}"));
        assert_eq!(f.scope, county, "{id}");
        assert!(
            to_yi(f.value, &f.unit).is_some(),
            "{id} is an amount of money"
        );
    }

    let mut without = dataset();
    without.figures.retain(|f| !listed(&f.id));
    for p in &mut without.projects {
        p.props.figures.retain(|id| !listed(id));
    }
    assert_eq!(sums(&shipped), sums(&without), "with and without them");

    let mut linked = dataset();
    for (id, _, project) in NOT_INVESTMENT {
        let p = linked
            .projects
            .iter_mut()
            .find(|p| p.id == project)
            .unwrap_or_else(|| panic!("{project}"));
        if !p.props.figures.iter().any(|f| f == id) {
            p.props.figures.push(id.to_owned());
        }
        let f = linked.figures.iter_mut().find(|f| f.id == id).expect(id);
        f.projects = vec![project.to_owned()];
    }
    assert_eq!(sums(&linked), sums(&shipped), "linked to a project");
    for (_, _, project) in NOT_INVESTMENT {
        let p = linked.project(project).expect("project");
        assert!(linked.stated_investment(p).is_none(), "{project}");
    }
    let mut as_investment = linked.clone();
    for f in as_investment.figures.iter_mut().filter(|f| listed(&f.id)) {
        f.kind = Kind::Investment;
    }
    let changed = sums(&as_investment);
    for (id, county, _) in NOT_INVESTMENT {
        assert_ne!(
            sum_of(&changed, county),
            sum_of(&sums(&shipped), county),
            "{id} as investment would count"
        );
    }

    for def in CHARTS {
        let mut built = vec![def.build(&shipped, None).expect("builds")];
        if def.follows_county() {
            for county in &shipped.counties {
                built.push(def.build(&shipped, Some(&county.adcode)).expect("builds"));
            }
        }
        for chart in &built {
            for panel in &chart.panels {
                for item in panel
                    .items
                    .iter()
                    .filter(|i| i.figure_id.as_deref().is_some_and(listed))
                {
                    assert_eq!(
                        panel.style,
                        PanelStyle::Facts,
                        "{}: {:?} on a bar axis",
                        def.id,
                        item.figure_id
                    );
                }
            }
        }
    }
}

/// A rank is an ordinal: 第二个 (second) is the whole number 2, unit 位. A value that is no
/// place in a list, or another place than the printed one, is refused naming figure and field.
#[test]
fn a_rank_is_the_whole_number_of_its_place() {
    let data = dataset();
    let sihui = data.figure("sihui_top100_county_rank").expect("figure");
    assert_eq!(
        (
            sihui.kind,
            sihui.value,
            sihui.unit.as_str(),
            sihui.printed.as_str()
        ),
        (Kind::Rank, 2.0, "位", "第二个")
    );
    let projects = json(embedded::PROJECTS);
    for (value, says) in [
        (serde_json::json!(2.5), "a rank is a place in a list"),
        (serde_json::json!(0), "a rank is a place in a list"),
        (
            serde_json::json!(3),
            "3 does not appear in the printed form \"第二个\"",
        ),
    ] {
        let mut figures = json(embedded::FIGURES);
        figure_mut(&mut figures, "sihui_top100_county_rank")["value"] = value.clone();
        let problems = validate_with(&figures, &projects).expect("parses");
        assert!(
            problems.iter().any(|p| p.file == "assets/data/figures.json"
                && p.location == "figure sihui_top100_county_rank: value"
                && p.message.contains(says)),
            "{value}: {problems:#?}"
        );
    } // A rank counts places, not things: any other unit is refused.
    let mut figures = json(embedded::FIGURES);
    figure_mut(&mut figures, "sihui_top100_county_rank")["unit"] = serde_json::json!("个");
    let problems = validate_with(&figures, &projects).expect("parses");
    assert!(
        problems
            .iter()
            .any(|p| p.location == "figure sihui_top100_county_rank: unit"
                && p.message.contains("a rank's unit is 位")),
        "{problems:#?}"
    );
}
