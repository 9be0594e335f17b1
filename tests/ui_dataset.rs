//! The dataset in the window: a county's figures in the side panel, and each figure's sentence
//! in its article.

// A test stops where the program is not in the state it checks.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use common::{app_harness, click_at, screen_pos};
use egui_kittest::kittest::Queryable as _;

#[test]
fn clicking_gaoyao_lists_its_figures_and_opens_the_quote() {
    let mut harness = app_harness();
    assert!(
        harness
            .query_by_label("谋划建设的预制菜产业园面积")
            .is_none()
    );

    // Click where the map writes 高要区 (its seat is covered by 端州区's project symbols).
    let label = harness
        .state()
        .model()
        .and_then(|m| m.boundaries.region_by_code("441204"))
        .map(|r| r.label_lonlat())
        .expect("高要区 is loaded");
    let pos = screen_pos(&harness, label.x, label.y);
    click_at(&mut harness, pos);
    assert_eq!(harness.state().selected(), Some("441204"));
    harness.get_by_label("高要区");
    // Both of 高要区's figures, each with its value as printed and its subject, in the side
    // panel and as cards of the county's fact sheet beside the map.
    harness.get_by_label("7000 亩");
    assert_eq!(
        harness
            .query_all_by_label("谋划建设的预制菜产业园面积")
            .count(),
        2
    );
    assert_eq!(
        harness.query_all_by_label("金利镇搭建的产业平台").count(),
        2
    );
    // The 7000 亩 park is planned, and says so.
    harness.get_by_label("计划");

    // "Show in article" on the park's card opens article 001 at the sentence.
    let links: Vec<_> = harness.query_all_by_label("查看原文").collect();
    assert_eq!(links.len(), 2);
    links[1].click();
    harness.run();
    harness.get_by_label("筑牢强县促镇带村平台 促进城乡区域协调发展");
    let text = harness
        .query_all_by_label_contains("高标准谋划建设7000亩粤港澳大湾区(肇庆高要)预制菜产业园")
        .count();
    assert_eq!(text, 1, "the article text with the quote is shown");
}
