//! The shipped dataset: it validates, the validation catches what a careless edit breaks, and
//! the figures a reader would spot-check say what the articles say.

use serde_json::Value;
use zhaoqing_explorer::data::{Bound, Dataset, Kind};
use zhaoqing_explorer::embedded::{self, Asset};
use zhaoqing_explorer::geometry::Boundaries;
use zhaoqing_explorer::load_error::LoadError;

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

    // The GDP goal for the 14th Five-Year Plan (2021–2025) is a target, not an achievement.
    let gdp = find(3000.0, "亿元", "002");
    assert!(!gdp.is_empty());
    for goal in gdp {
        assert_eq!(goal.kind, Kind::Target);
        assert_eq!(goal.bound, Bound::AtLeast);
        assert_eq!(goal.period.as_deref(), Some("2021-2025"));
    }
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
