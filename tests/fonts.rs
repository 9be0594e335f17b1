//! Chinese must render as Chinese: every character the program can show has a glyph in the
//! embedded fonts, and the CJK font stays within its size budget.

// A test stops where the program is not in the state it checks.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::path::Path;

use egui::FontId;
use egui::epaint::text::{Fonts, TextOptions};
use zhaoqing_explorer::ui::fonts::font_definitions;
use zq_core::embedded;

/// Every character of the UI's source (its strings) and of the embedded data and articles.
fn shown_characters() -> Vec<char> {
    let mut text = String::new();
    for asset in embedded::ARTICLE_TEXTS.iter().chain(&[
        embedded::BOUNDARIES,
        embedded::ARTICLES,
        embedded::FIGURES,
        embedded::MEASURES,
        embedded::PROJECTS,
        embedded::COUNTIES,
    ]) {
        text.push_str(std::str::from_utf8(asset.bytes).expect("UTF-8"));
    }
    fn read_dir(dir: &Path, text: &mut String) {
        for entry in std::fs::read_dir(dir).expect("src is readable").flatten() {
            let path = entry.path();
            if path.is_dir() {
                read_dir(&path, text);
            } else if path.extension().is_some_and(|e| e == "rs") {
                text.push_str(&std::fs::read_to_string(&path).expect("source is UTF-8"));
            }
        }
    }
    read_dir(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("src"),
        &mut text,
    );
    let mut chars: Vec<char> = text.chars().filter(|c| !c.is_control()).collect();
    chars.sort_unstable();
    chars.dedup();
    chars
}

#[test]
fn every_shown_character_has_a_glyph() {
    let mut fonts = Fonts::new(TextOptions::default(), font_definitions());
    let font = FontId::proportional(14.0);
    let missing: String = shown_characters()
        .into_iter()
        .filter(|&c| !fonts.has_glyph(&font, c))
        .collect();
    assert!(
        missing.is_empty(),
        "no glyph for {missing:?}: re-run scripts/build_font.py or use another character"
    );
}

/// Files the user opens name places the embedded data never does; these county names of the
/// all-China file (`scripts/build_china_counties.py`) are outside GB2312.
#[test]
fn county_names_beyond_gb2312_have_glyphs() {
    let mut fonts = Fonts::new(TextOptions::default(), font_definitions());
    let font = FontId::proportional(14.0);
    let names = "浉河区 硚口区 猇亭区 鄠邑区 埇桥区 湾沚区 瀍河回族区 深水埗区";
    let missing: String = names
        .chars()
        .filter(|&c| c != ' ' && !fonts.has_glyph(&font, c))
        .collect();
    assert!(missing.is_empty(), "no glyph for {missing:?}");
}

#[test]
fn the_cjk_font_is_within_budget() {
    let size = embedded::CJK_FONT.bytes.len();
    assert!(size <= 6_000_000, "the embedded font is {size} bytes");
}
