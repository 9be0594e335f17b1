//! The map's layers on the real data: labels never collide, symbols sit where the projector
//! puts their coordinates, the choropleth's classes hold every county's value.

// A test stops where the program is not in the state it checks.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use egui::{Pos2, Rect};
use zhaoqing_explorer::ui::fonts::setup_context;
use zq_core::Model;
use zq_core::choropleth::{Metric, class_of, classes, county_values};
use zq_core::geometry::Projector;
use zq_core::geometry::labels::overlaps;
use zq_core::i18n::Lang;
use zq_core::selection::Selection;
use zq_map::labels::placed_labels;
use zq_map::projects::symbols;
use zq_map::{LayerContext, LayerSettings, Loaded, MapInputs, Reserved};

const VIEW: [f32; 2] = [900.0, 700.0];

/// Runs `f` inside one egui frame (text is measured with the real fonts) at three zoom levels:
/// the whole city, 端州区/鼎湖区, and close in on the city centre.
fn at_three_zooms(mut f: impl FnMut(&egui::Painter, &LayerContext<'_>, &str)) {
    let model = Model::embedded().expect("embedded data");
    let ctx = egui::Context::default();
    setup_context(&ctx);
    let input = egui::RawInput {
        screen_rect: Some(Rect::from_min_size(Pos2::ZERO, VIEW.into())),
        ..Default::default()
    };
    let settings = LayerSettings::default();
    let selection = Selection::default();
    let viewport = geo::Rect::new(
        geo::Coord { x: 0.0, y: 0.0 },
        geo::Coord {
            x: f64::from(VIEW[0]),
            y: f64::from(VIEW[1]),
        },
    );
    let city = Projector::fit(model.boundaries.bbox, viewport, 24.0);
    let duanzhou_dinghu = {
        let a = model
            .boundaries
            .region_by_code("441202")
            .expect("端州区")
            .bbox;
        let b = model
            .boundaries
            .region_by_code("441203")
            .expect("鼎湖区")
            .bbox;
        Projector::fit(geo::Rect::new(a.min(), b.max()), viewport, 24.0)
    };
    let mut close = duanzhou_dinghu;
    close.zoom_around(geo::Coord { x: 450.0, y: 350.0 }, 4.0);
    for (name, projector) in [
        ("city", city),
        ("端州/鼎湖", duanzhou_dinghu),
        ("close", close),
    ] {
        let mut output = ctx.run_ui(input.clone(), |ui| {
            let cx = LayerContext {
                inputs: MapInputs {
                    model: Loaded(&model),
                    lang: Lang::Zh,
                    selection: &selection,
                    settings: &settings,
                    reserved: Reserved(&[]),
                },
                projector: &projector,
                hovered: None,
                caches: &Default::default(),
            };
            f(ui.painter(), &cx, name);
        });
        // Nothing is rendered: the font atlas updates are not needed.
        output.textures_delta.clear();
    }
}

#[test]
fn labels_never_overlap_each_other_or_symbols() {
    let mut seen = Vec::new();
    at_three_zooms(|painter, cx, zoom| {
        let labels = placed_labels(painter, cx);
        assert!(!labels.is_empty(), "{zoom}: some labels are placed");
        for (i, (a, ta)) in labels.iter().enumerate() {
            for (b, tb) in &labels[i + 1..] {
                assert!(!overlaps(a, b), "{zoom}: {ta} overlaps {tb}");
            }
            for s in symbols(cx) {
                let r = f64::from(s.radius);
                let c = geo::Coord {
                    x: f64::from(s.center.x),
                    y: f64::from(s.center.y),
                };
                let symbol = geo::Rect::new(
                    geo::Coord {
                        x: c.x - r,
                        y: c.y - r,
                    },
                    geo::Coord {
                        x: c.x + r,
                        y: c.y + r,
                    },
                );
                assert!(
                    !overlaps(a, &symbol),
                    "{zoom}: {ta} covers a project symbol"
                );
            }
        }
        seen.push((
            zoom.to_owned(),
            labels.iter().map(|(_, t)| t.clone()).collect::<Vec<_>>(),
        ));
    });
    // At the city view every county is named; zoomed in, project names appear.
    let city = &seen[0].1;
    for county in [
        "端州区",
        "鼎湖区",
        "高要区",
        "广宁县",
        "怀集县",
        "封开县",
        "德庆县",
        "四会市",
    ] {
        assert!(
            city.iter().any(|t| t == county),
            "{county} is not named at the city view: {city:?}"
        );
    }
    let model = Model::embedded().expect("embedded data");
    let is_project = |t: &String| model.dataset.projects.iter().any(|p| p.name_zh == *t);
    assert!(
        !seen[0].1.iter().any(is_project),
        "no project names at the city view"
    );
    assert!(
        seen[2].1.iter().any(is_project),
        "project names at close zoom: {:?}",
        seen[2].1
    );
}

fn all_centers(cx: &zq_map::LayerContext<'_>) -> Vec<(usize, egui::Pos2)> {
    symbols(cx)
        .into_iter()
        .map(|s| (s.index, s.center))
        .collect()
}

#[test]
fn symbols_sit_at_the_projectors_image_of_their_coordinates() {
    at_three_zooms(|_, cx, zoom| {
        let all = symbols(cx);
        assert_eq!(all.len(), cx.model().dataset.projects.len());
        for s in all {
            let project = &cx.model().dataset.projects[s.index];
            let expected = cx.projector.ui_from_lonlat(project.lonlat);
            assert!(
                (f64::from(s.anchor.x) - expected.x).abs() < 1e-3,
                "{zoom}: {}",
                project.id
            );
            assert!(
                (f64::from(s.anchor.y) - expected.y).abs() < 1e-3,
                "{zoom}: {}",
                project.id
            );
            // A symbol is drawn at its point, or close beside it when others share the point.
            assert!(
                s.center.distance(s.anchor) <= 12.0,
                "{zoom}: {}",
                project.id
            );
        }
        // 小鹏 and 宁德时代 share the Hi-tech Zone's point and are both ≥100 亿元: drawn apart,
        // neither hides the other.
        let at = |id: &str| {
            let index = cx.model().dataset.projects.iter().position(|p| p.id == id);
            all_centers(cx).into_iter().find(|(i, _)| Some(*i) == index)
        };
        let (Some((_, xpeng)), Some((_, catl))) =
            (at("xpeng_zhaoqing_base"), at("catl_zhaoqing_base"))
        else {
            panic!("both are drawn");
        };
        assert!(xpeng.distance(catl) >= 10.0, "{zoom}: {xpeng:?} {catl:?}");
    });
}

#[test]
fn choropleth_classes_hold_every_countys_value() {
    let model = Model::embedded().expect("embedded data");
    for metric in Metric::ALL {
        let values = county_values(&model.dataset, metric);
        assert_eq!(values.len(), 8);
        let present: Vec<f64> = values.iter().filter_map(|v| v.value).collect();
        let classes = classes(&present);
        for v in values.iter().filter_map(|v| v.value) {
            assert!(
                class_of(&classes, v).is_some(),
                "{metric:?}: {v} in no class {classes:?}"
            );
        }
    }
    // 鼎湖区 has no figures of its own: it is "no data", not a low value.
    let figures = county_values(&model.dataset, Metric::Figures);
    assert_eq!(
        figures
            .iter()
            .find(|v| v.adcode == "441203")
            .and_then(|v| v.value),
        None
    );
    // 端州区's stated project investment is 风华高科's planned 120 亿元 (not a sum with "each" levels).
    let investment = county_values(&model.dataset, Metric::Investment);
    assert_eq!(
        investment
            .iter()
            .find(|v| v.adcode == "441202")
            .and_then(|v| v.value),
        Some(120.0)
    );
}

/// Names keep clear of what is drawn over the map (buttons, scale bar, north arrow): with a
/// button where a name was, that name moves or goes, and nothing is placed under the button.
#[test]
fn labels_keep_clear_of_the_maps_furniture() {
    at_three_zooms(|painter, cx, zoom| {
        let free = placed_labels(painter, cx);
        let (spot, name) = free.first().expect("labels are placed");
        let button = Rect::from_min_max(
            Pos2::new(spot.min().x as f32, spot.min().y as f32),
            Pos2::new(spot.max().x as f32, spot.max().y as f32),
        );
        let reserved = [button];
        let with_button = LayerContext {
            inputs: MapInputs {
                reserved: Reserved(&reserved),
                ..cx.inputs
            },
            ..*cx
        };
        let placed = placed_labels(painter, &with_button);
        assert!(!placed.is_empty(), "{zoom}: other names are still placed");
        for (rect, text) in &placed {
            assert!(
                !overlaps(rect, spot),
                "{zoom}: {text} placed under the button that covers where {name} was"
            );
        }
    });
}

/// The symbols of one zoom, with each one's project id.
fn symbols_by_id<'a>(cx: &'a LayerContext<'_>) -> Vec<(&'a str, zq_map::projects::Symbol)> {
    symbols(cx)
        .into_iter()
        .map(|s| (cx.model().dataset.projects[s.index].id.as_str(), s))
        .collect()
}

/// "area proportional to the investment the articles state for the project, from 25 亿元 up":
/// the ratio of two symbols' areas is the ratio of their amounts; a project without an amount
/// is drawn at one small size, smaller than any sized one.
#[test]
fn symbol_area_is_proportional_to_the_stated_investment_from_25_yi() {
    use zq_map::projects::radius_for;
    at_three_zooms(|_, cx, zoom| {
        let data = &cx.model().dataset;
        let all = symbols_by_id(cx);
        let amount = |id: &str| {
            data.project(id)
                .and_then(|p| data.stated_investment(p))
                .map(|s| s.amount.yi)
        };
        let sized: Vec<(f64, f32, &str)> = all
            .iter()
            .filter_map(|(id, s)| Some((amount(id)?, s.radius, *id)))
            .filter(|(yi, _, _)| *yi >= 25.0)
            .collect();
        let mut pairs = 0;
        for (a, ra, ida) in &sized {
            for (b, rb, idb) in &sized {
                if (a - b).abs() < 1e-9 {
                    assert!((ra - rb).abs() < 1e-4, "{zoom}: {ida} {idb} same amount");
                    continue;
                }
                pairs += 1;
                let areas = f64::from(ra * ra) / f64::from(rb * rb);
                assert!(
                    (areas / (a / b) - 1.0).abs() < 1e-3,
                    "{zoom}: {ida} ({a} 亿元, r {ra}) vs {idb} ({b} 亿元, r {rb}): areas {areas}"
                );
            }
        }
        // 风华高科's 120 against the ≥100 of 小鹏, 宁德时代 and 万达.
        assert!(pairs > 0, "{zoom}: two projects of different amounts");
        let without_amount: Vec<(&str, f32)> = all
            .iter()
            .filter(|(id, _)| amount(id).is_none())
            .map(|(id, s)| (*id, s.radius))
            .collect();
        assert!(!without_amount.is_empty());
        let small = without_amount[0].1;
        let smallest_sized = sized.iter().map(|s| s.1).fold(f32::INFINITY, f32::min);
        for (id, r) in &without_amount {
            assert_eq!(*r, small, "{zoom}: {id} is drawn at the fixed size");
            assert!(
                *r < smallest_sized,
                "{zoom}: {id} smaller than any sized one"
            );
        }
    });
    // Amounts the data do not hold yet: the same rule from 25 亿元 to 1000 亿元.
    let base = radius_for(Some(25.0));
    for yi in [25.0, 40.0, 100.0, 250.0, 1000.0] {
        let r = radius_for(Some(yi));
        let ratio = f64::from(r * r) / f64::from(base * base);
        assert!((ratio / (yi / 25.0) - 1.0).abs() < 1e-3, "{yi}: {ratio}");
    }
    // Below 25 亿元 the symbol stops shrinking, still larger than one with no amount.
    let none = radius_for(None);
    assert!(radius_for(Some(10.0)) > none && radius_for(Some(10.0)) <= base);
    assert!(base > none);
}

/// 风华高科, 小鹏汽车, 肇庆万达 and 宁德时代, the four "超百亿级" projects, have the four
/// largest symbols.
#[test]
fn the_four_hundred_yi_class_projects_have_the_four_largest_symbols() {
    let four = [
        "fenghua_capacitor_expansion",
        "xpeng_zhaoqing_base",
        "wanda_resort",
        "catl_zhaoqing_base",
    ];
    at_three_zooms(|_, cx, zoom| {
        let class = cx
            .model()
            .dataset
            .figure("four_100yi_projects_2021_level")
            .expect("the 超百亿级 figure");
        let mut linked: Vec<&str> = class.projects.iter().map(String::as_str).collect();
        linked.sort_unstable();
        let mut expected = four.to_vec();
        expected.sort_unstable();
        assert_eq!(linked, expected, "the figure names the four projects");

        let mut all = symbols_by_id(cx);
        all.sort_by(|a, b| b.1.radius.total_cmp(&a.1.radius));
        let mut largest: Vec<&str> = all[..4].iter().map(|(id, _)| *id).collect();
        largest.sort_unstable();
        assert_eq!(largest, expected, "{zoom}");
        let fourth = all[3].1.radius;
        assert!(
            all[4..].iter().all(|(_, s)| s.radius < fourth),
            "{zoom}: the fifth is smaller than the four"
        );
    });
}

/// One frame's shapes after drawing `symbol` alone.
fn painted(symbol: &zq_map::projects::Symbol) -> Vec<egui::Shape> {
    let ctx = egui::Context::default();
    let mut output = ctx.run_ui(egui::RawInput::default(), |ui| {
        zq_map::projects::paint_symbol(ui.painter(), symbol, false);
    });
    output.textures_delta.clear();
    output.shapes.into_iter().map(|c| c.shape).collect()
}

/// Shape and colour by industry, a "+" when the amount is a lower bound, hollow when only the
/// town or county is known.
#[test]
fn symbols_show_industry_lower_bound_and_location_precision() {
    use std::collections::HashMap;
    use zq_core::data::{Industry, Precision};
    at_three_zooms(|_, cx, zoom| {
        let data = &cx.model().dataset;
        let all = symbols_by_id(cx);
        let project = |id: &str| data.project(id).expect("project");
        // Hollow exactly when only the town or county is known.
        for (id, s) in &all {
            let town_or_county =
                matches!(project(id).precision, Precision::Town | Precision::County);
            assert_eq!(s.hollow, town_or_county, "{zoom}: {id}");
        }
        assert!(all.iter().any(|(_, s)| s.hollow) && all.iter().any(|(_, s)| !s.hollow));
        let by_id: HashMap<&str, _> = all.iter().map(|(id, s)| (*id, s)).collect();
        // 小鹏 is "超百亿级", a lower bound: "+". 风华高科's own 120 亿元 is exact: no "+".
        for id in ["xpeng_zhaoqing_base", "catl_zhaoqing_base", "wanda_resort"] {
            assert!(by_id[id].at_least, "{zoom}: {id} is at least 100 亿元");
        }
        assert!(!by_id["fenghua_capacitor_expansion"].at_least, "{zoom}");
        for (id, s) in &all {
            if data.stated_investment(project(id)).is_none() {
                assert!(!s.at_least, "{zoom}: {id} has no amount, no '+'");
            }
        }
        // One look per industry, and a different one for each other industry.
        let mut style: HashMap<Industry, (egui::Color32, _)> = HashMap::new();
        for (id, s) in &all {
            let seen = *style
                .entry(project(id).industry)
                .or_insert((s.color, s.shape));
            assert_eq!(seen, (s.color, s.shape), "{zoom}: {id}");
        }
        let looks: Vec<_> = style.values().collect();
        for (i, a) in looks.iter().enumerate() {
            for b in &looks[i + 1..] {
                assert_ne!(a, b, "{zoom}: two industries look alike");
            }
        }
        // 小鹏 (NEV) and 宁德时代 (batteries) differ; 小鹏 and the NEV "red chain" share a look.
        let (xpeng, catl, nev) = (
            by_id["xpeng_zhaoqing_base"],
            by_id["catl_zhaoqing_base"],
            by_id["zqgx_nev_red_chain"],
        );
        assert_ne!((xpeng.color, xpeng.shape), (catl.color, catl.shape));
        assert_eq!((xpeng.color, xpeng.shape), (nev.color, nev.shape));
    });

    // What is painted: the "+" is two strokes beside a lower-bound symbol, absent otherwise; a
    // hollow symbol is outlined in its industry's colour, not filled with it.
    at_three_zooms(|_, cx, _| {
        let all = symbols_by_id(cx);
        let get = |id: &str| all.iter().find(|(i, _)| *i == id).expect("drawn").1.clone();
        let lines = |s: &zq_map::projects::Symbol| {
            painted(s)
                .iter()
                .filter(|s| matches!(s, egui::Shape::LineSegment { .. }))
                .count()
        };
        let xpeng = get("xpeng_zhaoqing_base");
        assert_eq!(lines(&xpeng), 2, "a '+' beside 小鹏");
        assert_eq!(lines(&get("fenghua_capacitor_expansion")), 0);
        let mut plain = xpeng.clone();
        plain.at_least = false;
        assert_eq!(lines(&plain), 0);

        let (_, hollow) = all.iter().find(|(_, s)| s.hollow).expect("a hollow symbol");
        let (_, filled) = all
            .iter()
            .find(|(_, s)| !s.hollow)
            .expect("a filled symbol");
        let fill_and_stroke = |s: &zq_map::projects::Symbol| {
            painted(s)
                .into_iter()
                .find_map(|shape| match shape {
                    egui::Shape::Circle(c) => Some((c.fill, c.stroke.color)),
                    egui::Shape::Path(p) => match p.stroke.color {
                        egui::epaint::ColorMode::Solid(c) => Some((p.fill, c)),
                        _ => None,
                    },
                    _ => None,
                })
                .expect("the symbol's shape")
        };
        let (fill, stroke) = fill_and_stroke(hollow);
        assert!(fill != hollow.color && stroke == hollow.color, "hollow");
        let (fill, _) = fill_and_stroke(filled);
        assert_eq!(fill, filled.color, "filled");
    });
}
