//! The map's layers on the real data: labels never collide, symbols sit where the projector
//! puts their coordinates, the choropleth's classes hold every county's value.

use egui::{Pos2, Rect};
use zhaoqing_explorer::Model;
use zhaoqing_explorer::choropleth::{Metric, class_of, classes, county_values};
use zhaoqing_explorer::geometry::Projector;
use zhaoqing_explorer::geometry::labels::overlaps;
use zhaoqing_explorer::i18n::Lang;
use zhaoqing_explorer::selection::Selection;
use zhaoqing_explorer::ui::app::setup_context;
use zhaoqing_explorer::ui::map::labels::placed_labels;
use zhaoqing_explorer::ui::map::projects::symbols;
use zhaoqing_explorer::ui::map::{LayerContext, LayerSettings};

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
                model: &model,
                projector: &projector,
                lang: Lang::Zh,
                selection: &selection,
                hovered: None,
                settings: &settings,
                caches: &Default::default(),
                reserved: &[],
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

fn all_centers(cx: &zhaoqing_explorer::ui::map::LayerContext<'_>) -> Vec<(usize, egui::Pos2)> {
    symbols(cx)
        .into_iter()
        .map(|s| (s.index, s.center))
        .collect()
}

#[test]
fn symbols_sit_at_the_projectors_image_of_their_coordinates() {
    at_three_zooms(|_, cx, zoom| {
        let all = symbols(cx);
        assert_eq!(all.len(), cx.model.dataset.projects.len());
        for s in all {
            let project = &cx.model.dataset.projects[s.index];
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
            let index = cx.model.dataset.projects.iter().position(|p| p.id == id);
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
            reserved: &reserved,
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
