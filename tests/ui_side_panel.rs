//! What the side panel shows for a search match, a project, a county and the city, as a
//! reader finds it.

// A test stops where the program is not in the state it checks.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use common::{Dropped, app_harness, click_at, map_rect, screen_pos};
use egui_kittest::kittest::Queryable as _;

/// 肇庆万达国家度假区, as the project points place it.
fn wanda_lonlat(harness: &egui_kittest::Harness<'_, zhaoqing_explorer::ExplorerApp>) -> (f64, f64) {
    let model = harness.state().model().unwrap();
    let p = model.dataset.project("wanda_resort").unwrap();
    (p.lonlat.x, p.lonlat.y)
}

#[test]
fn picking_a_search_match_selects_it_and_brings_it_into_view() {
    let mut harness = app_harness();
    // Look elsewhere first: zoomed in on the far west.
    for _ in 0..6 {
        harness.key_press(egui::Key::Plus);
    }
    for _ in 0..8 {
        harness.key_press(egui::Key::ArrowRight);
    }
    harness.run();
    let (lon, lat) = wanda_lonlat(&harness);
    assert!(!map_rect(&harness).contains(screen_pos(&harness, lon, lat)));
    let search = harness.get_by_role(egui::Role::TextInput);
    search.focus();
    search.type_text("万达");
    harness.run();
    harness
        .get_by_label_contains("肇庆万达国家度假区  ·")
        .click();
    harness.run();
    assert_eq!(harness.state().selected_project(), Some("wanda_resort"));
    assert!(
        map_rect(&harness).contains(screen_pos(&harness, lon, lat)),
        "the map shows the project picked"
    );
}

#[test]
fn a_project_shows_its_industry_and_the_articles_that_mention_it() {
    let mut harness = app_harness();
    let search = harness.get_by_role(egui::Role::TextInput);
    search.focus();
    search.type_text("万达");
    harness.run();
    harness.key_press(egui::Key::Enter);
    harness.run();
    harness.get_by_label("行业");
    harness.get_by_label("文旅");
    harness.get_by_label("提及该项目的文章");
    assert!(harness.query_all_by_label_contains("• ").count() >= 1);
}

#[test]
fn a_county_shows_its_seat_area_figures_by_theme_and_projects() {
    let mut harness = app_harness();
    let model = harness.state().model().unwrap().clone();
    let sihui = model.boundaries.region_by_code("441284").unwrap();
    let label = sihui.label_lonlat();
    let pos = screen_pos(&harness, label.x, label.y);
    click_at(&mut harness, pos);
    assert_eq!(harness.state().selected(), Some("441284"));
    harness.get_by_label("驻地");
    harness.get_by_label("面积");
    harness.get_by_label_contains(" km²");
    // Figures grouped under the themes' headings, and the county's projects listed.
    harness.get_by_label_contains("数据 (");
    assert!(harness.query_all_by_label("投资与项目").count() >= 1);
    harness.get_by_label_contains("项目 (");
    harness.get_by_label("小鹏汽车肇庆工厂");
}

#[test]
fn each_city_figure_shows_its_period() {
    let harness = app_harness();
    // 产业招商落地攻坚年 "八大行动", dated March 2021 by its article.
    assert!(harness.query_all_by_label("2021-03").count() >= 1);
    assert!(harness.query_all_by_label("时间未注明").count() >= 1);
}

/// The app run on a plain egui context, as the window runs it (no kittest, so AccessKit is off
/// unless asked for).
struct Plain {
    app: zhaoqing_explorer::ExplorerApp,
    ctx: egui::Context,
    time: f64,
    /// The labels of the last frame's AccessKit tree (none with AccessKit off).
    read: Vec<String>,
}

impl Plain {
    fn new(screen_reader: bool) -> Self {
        let ctx = egui::Context::default();
        zhaoqing_explorer::ui::fonts::setup_context(&ctx);
        if screen_reader {
            ctx.enable_accesskit();
        }
        let app = zhaoqing_explorer::ExplorerApp::with_model(zq_core::Model::embedded());
        let mut plain = Self {
            app,
            ctx,
            time: 0.0,
            read: Vec::new(),
        };
        for _ in 0..5 {
            plain.frame(Vec::new());
        }
        plain
    }

    /// One frame; returns the texts seen in the side panel, with where each is.
    fn frame(&mut self, events: Vec<egui::Event>) -> Vec<(String, [i32; 2])> {
        self.frame_with(events, Vec::new())
    }

    /// One frame with `dropped` files dropped on the window, as winit hands them over.
    fn frame_with(
        &mut self,
        events: Vec<egui::Event>,
        dropped: Vec<egui::DroppedFileHandle>,
    ) -> Vec<(String, [i32; 2])> {
        self.time += 0.1;
        let input = egui::RawInput {
            screen_rect: Some(egui::Rect::from_min_size(
                egui::Pos2::ZERO,
                egui::vec2(1280.0, 800.0),
            )),
            time: Some(self.time),
            events,
            dropped_files: dropped,
            ..Default::default()
        };
        let ctx = self.ctx.clone();
        let app = &mut self.app;
        let mut output = self.ctx.run_ui(input, |ui| app.frame_ui(ui, &ctx));
        // Drawn by no one here.
        output.textures_delta.clear();
        self.read = output
            .platform_output
            .accesskit_update
            .iter()
            .flat_map(|update| &update.nodes)
            .filter_map(|(_, node)| node.label().map(str::to_owned))
            .collect();
        let mut seen = Vec::new();
        for clipped in &output.shapes {
            texts(&clipped.shape, &mut |text| {
                // The side panel is the window's left edge.
                if text.pos.x < 250.0 && clipped.clip_rect.intersects(text.visual_bounding_rect()) {
                    let at = [text.pos.x.round() as i32, text.pos.y.round() as i32];
                    seen.push((text.galley.text().to_owned(), at));
                }
            });
        }
        seen.sort();
        seen
    }
}

fn texts(shape: &egui::Shape, found: &mut impl FnMut(&egui::epaint::TextShape)) {
    match shape {
        egui::Shape::Text(text) => found(text),
        egui::Shape::Vec(shapes) => shapes.iter().for_each(|s| texts(s, found)),
        _ => {}
    }
}

/// The whole city's cards are many; those scrolled out of view are not laid out every frame
/// (`benches/software_frame.rs` measures what that saves), but they keep their room: scrolled
/// anywhere, the panel shows what it shows with every card laid out, as it is for a screen
/// reader, which reads them all.
#[test]
fn cards_out_of_view_keep_their_room() {
    let mut lean = Plain::new(false);
    let mut full = Plain::new(true);
    assert_eq!(lean.frame(Vec::new()), full.frame(Vec::new()));
    // With AccessKit on, every card of the city is there to read (each has one link to its
    // sentence in the article) while the panel shows its top.
    let model = full.app.model().unwrap();
    let cards = model
        .dataset
        .facts_in_scope(zq_core::data::figures::CITY_SCOPE)
        .count();
    let show_quote = zq_core::i18n::Msg::ShowQuote.text(zq_core::i18n::Lang::Zh);
    let links = full
        .read
        .iter()
        .filter(|label| *label == show_quote)
        .count();
    assert!(
        links >= cards && cards > 100,
        "{links} links to a quote in the AccessKit tree, {cards} cards"
    );
    // Down the panel in steps, then to its end.
    for notches in [5, 20, 200] {
        let seen = scroll_both(&mut lean, &mut full, notches);
        assert_eq!(seen, full.frame(Vec::new()), "after {notches} notches");
    }
}

/// Turns the wheel `notches` down over the side panel of both, lets the scrolling settle and
/// returns what `lean` shows.
fn scroll_both(lean: &mut Plain, full: &mut Plain, notches: usize) -> Vec<(String, [i32; 2])> {
    let mut events = vec![egui::Event::PointerMoved(egui::pos2(120.0, 500.0))];
    events.extend((0..notches).map(|_| egui::Event::MouseWheel {
        unit: egui::MouseWheelUnit::Line,
        delta: egui::vec2(0.0, -3.0),
        modifiers: egui::Modifiers::NONE,
        phase: egui::TouchPhase::Move,
        source: egui::MouseWheelSource::Wheel,
    }));
    lean.frame(events.clone());
    full.frame(events);
    for _ in 0..20 {
        lean.frame(Vec::new());
        full.frame(Vec::new());
    }
    let seen = lean.frame(Vec::new());
    assert!(seen.len() > 10, "{seen:?}");
    seen
}

/// A figures file can reword a card and keep its id: the card then takes the room of its new
/// wording, in view or not, so what is below it stays where a screen reader's panel has it.
#[test]
fn a_card_reworded_by_a_figures_file_takes_its_new_room() {
    let shipped = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/data/good/figures_minimal.csv"),
    )
    .unwrap();
    let lines: Vec<&str> = shipped.lines().collect();
    let longer = "超百亿级项目数量（据文中所列四个项目计）".repeat(8);
    let reworded = lines[1].replacen("超百亿级项目数量", &longer, 1);
    assert_ne!(reworded, lines[1]);
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("figures_reworded.csv");
    // Under the same measure, so the card stays in its theme and place.
    let csv = format!("{},measure\n{reworded},projects_100yi_class\n", lines[0]);
    std::fs::write(&path, csv).unwrap();

    let mut lean = Plain::new(false);
    let mut full = Plain::new(true);
    // Every card was laid out in the first frame, so each one's room is known; the panel is
    // scrolled past the card to be reworded, then the file opened.
    scroll_both(&mut lean, &mut full, 20);
    for plain in [&mut lean, &mut full] {
        plain.frame_with(Vec::new(), vec![std::sync::Arc::new(Dropped(path.clone()))]);
        let start = std::time::Instant::now();
        while plain.app.is_opening() && start.elapsed().as_secs() < 30 {
            std::thread::sleep(std::time::Duration::from_millis(20));
            plain.frame(Vec::new());
        }
        let model = plain.app.model().unwrap();
        let figure = model
            .dataset
            .figure("four_100yi_projects_2021_count")
            .unwrap();
        assert!(figure.subject_zh.contains(&longer), "the file was opened");
    }
    for notches in [0, 5, 10, 20] {
        let seen = scroll_both(&mut lean, &mut full, notches);
        assert_eq!(seen, full.frame(Vec::new()), "after {notches} more notches");
    }
}
