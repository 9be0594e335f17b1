//! The map window as a person uses it: click a county, hover another, press Esc.

// A test stops where the program is not in the state it checks.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use common::{app_harness, app_harness_stepping, click_at, double_click_at, map_rect, screen_pos};
use egui_kittest::kittest::Queryable as _;

/// 四会市's seat (城中街道), from shared/reference/places.md.
const SIHUI_SEAT: (f64, f64) = (112.68764, 23.34055);
/// 蓝钟镇 in 怀集县 (places.md), where no project symbol sits.
const HUAIJI_LANZHONG: (f64, f64) = (111.94800, 24.06556);

#[test]
fn clicking_a_county_names_it_in_the_side_panel_and_esc_clears() {
    let mut harness = app_harness();
    assert!(
        harness.query_by_label("四会市").is_none(),
        "nothing is selected at start"
    );
    harness.get_by_label("全市");

    let pos = screen_pos(&harness, SIHUI_SEAT.0, SIHUI_SEAT.1);
    click_at(&mut harness, pos);
    assert_eq!(harness.state().selected(), Some("441284"));
    harness.get_by_label("四会市");
    harness.get_by_label("Sihui City");
    harness.get_by_label("441284");

    // The seat also holds three project symbols, so a list of them opened: Esc closes that
    // first, then clears the selection.
    harness.get_by_label("此处有多个项目：");
    harness.key_press(egui::Key::Escape);
    harness.run();
    assert!(harness.query_by_label("此处有多个项目：").is_none());
    assert_eq!(harness.state().selected(), Some("441284"));
    harness.key_press(egui::Key::Escape);
    harness.run();
    assert_eq!(harness.state().selected(), None);
    assert!(harness.query_by_label("四会市").is_none());
    harness.get_by_label("全市");
}

#[test]
fn hovering_a_county_shows_its_name_in_a_tooltip() {
    let mut harness = app_harness();
    assert!(harness.query_by_label("怀集县").is_none());
    let pos = screen_pos(&harness, HUAIJI_LANZHONG.0, HUAIJI_LANZHONG.1);
    harness.hover_at(pos);
    // Tooltips appear after the pointer rests for a moment.
    for _ in 0..10 {
        harness.step();
    }
    harness.run();
    harness.get_by_label("怀集县");
    harness.get_by_label("Huaiji County");
}

/// Moving the pointer over the map, or dragging it, runs the frame that shows the move and
/// egui's one after it, then waits. Frame after frame until the pointer came to rest (egui's
/// wait to show a tooltip) kept a software renderer's main thread busy all the while.
#[test]
fn moving_over_the_map_runs_no_frames_after_the_move() {
    // Frames 1/120 s apart, as a mouse's moves come.
    let mut harness = app_harness_stepping(1.0 / 120.0);
    let from = screen_pos(&harness, HUAIJI_LANZHONG.0, HUAIJI_LANZHONG.1);
    for k in 1..=12 {
        harness.hover_at(from + egui::vec2(k as f32, 0.0));
        harness.step();
    }
    let frames = harness.try_run().expect("the window comes to rest");
    assert!(frames <= 2, "{frames} frames after the pointer's last move");

    harness.drag_at(from);
    harness.step();
    for k in 1..=12 {
        harness.hover_at(from + egui::vec2(0.0, k as f32));
        harness.step();
    }
    let frames = harness.try_run().expect("the window comes to rest");
    assert!(frames <= 2, "{frames} frames after the drag's last move");
    harness.drop_at(from + egui::vec2(0.0, 12.0));
    harness.run();
}

/// Dragging the map draws what the drag brings into view: the kept meshes are shifted, and
/// regions that were off screen are drawn too (once, a pan cut them off at the old edge).
#[test]
fn dragging_the_map_draws_what_comes_into_view() {
    let mut harness = app_harness();
    for _ in 0..4 {
        harness.key_press(egui::Key::Plus);
        harness.run();
    }
    let map = map_rect(&harness);
    let (left, top, right, bottom) = (map.left(), map.top(), map.right(), map.bottom());
    let start = egui::pos2((left + right) / 2.0, (top + bottom) / 2.0);
    let drag = egui::vec2((right - left) / 3.0, 0.0);
    let lonlat_at = |h: &egui_kittest::Harness<'_, zhaoqing_explorer::ExplorerApp>,
                     p: egui::Pos2| {
        h.state()
            .map()
            .projector()
            .expect("laid out")
            .lonlat_from_ui(geo::Coord {
                x: f64::from(p.x),
                y: f64::from(p.y),
            })
    };
    let grabbed = lonlat_at(&harness, start);
    harness.drag_at(start);
    harness.run();
    for step in 1..=10 {
        harness.hover_at(start + drag * (step as f32 / 10.0));
        harness.run();
    }
    harness.drop_at(start + drag);
    harness.run();
    // The ground moved with the pointer: what was under it at the start is under it at the end.
    let under = lonlat_at(&harness, start + drag);
    assert!(
        (under.x - grabbed.x).abs() < 1e-3 && (under.y - grabbed.y).abs() < 1e-3,
        "{grabbed:?} is now at {under:?}"
    );

    let image = harness.render().expect("wgpu renders");
    let water = egui::Color32::from_rgb(0xE8, 0xEE, 0xF3);
    // Points down the strip the drag uncovered on the left: land (counties or neighbouring
    // prefectures) everywhere there, at this zoom around the middle of Zhaoqing.
    let ppp = harness.ctx.pixels_per_point();
    let x = left + drag.x / 2.0;
    for i in 1..10 {
        let y = top + (bottom - top) * i as f32 / 10.0;
        let lonlat = harness
            .state()
            .map()
            .projector()
            .expect("laid out")
            .lonlat_from_ui(geo::Coord {
                x: x as f64,
                y: y as f64,
            });
        let [r, g, b, _] = image.get_pixel((x * ppp) as u32, (y * ppp) as u32).0;
        assert_ne!(
            egui::Color32::from_rgb(r, g, b),
            water,
            "nothing drawn at ({x}, {y}) = {lonlat:?} after the drag"
        );
    }
}

#[test]
fn default_view_snapshot() {
    let mut harness = app_harness();
    harness.snapshot("default_view");
}

/// How far apart two renderings are inside the map: the mean difference over every channel, in
/// 8-bit steps, and the share of pixels with a channel more than 32 steps off.
fn map_difference(
    harness: &egui_kittest::Harness<'_, zhaoqing_explorer::ExplorerApp>,
    a: &image::RgbaImage,
    b: &image::RgbaImage,
) -> (f64, f64) {
    let map = map_rect(harness) * harness.ctx.pixels_per_point();
    let (x0, y0) = (map.min.x as u32, map.min.y as u32);
    let (x1, y1) = (map.max.x as u32, map.max.y as u32);
    let (mut sum, mut far, mut n) = (0u64, 0u64, 0u64);
    for y in y0..y1.min(a.height()) {
        for x in x0..x1.min(a.width()) {
            let (p, q) = (a.get_pixel(x, y).0, b.get_pixel(x, y).0);
            let d = (0..4).map(|c| p[c].abs_diff(q[c]));
            sum += d.clone().map(u64::from).sum::<u64>();
            far += u64::from(d.max().unwrap_or(0) > 32);
            n += 1;
        }
    }
    let n = n.max(1) as f64;
    (sum as f64 / (n * 4.0), far as f64 / n)
}

/// With a software renderer the map is kept as one picture and drawn from it; it must look like
/// the map drawn live (as with a GPU): at rest, and after the map is moved (the picture moved,
/// the strip it leaves drawn live) with a county under the pointer (highlighted over it).
#[test]
fn the_kept_picture_of_the_map_looks_like_the_map_drawn_live() {
    let same = |name: &str, (mean, far): (f64, f64)| {
        println!(
            "{name}: mean difference {mean:.4}, {:.4}% far off",
            far * 100.0
        );
        // A one-pixel row left undrawn across the map would be 0.1% far off.
        assert!(
            mean < 0.1 && far < 0.0006,
            "{name}: the picture differs from the live map (mean {mean:.3}, {:.3}% far off)",
            far * 100.0
        );
    };
    let mut live = app_harness();
    let mut kept = app_harness();
    kept.state_mut().map_mut().set_software_rendering(true);
    for harness in [&mut live, &mut kept] {
        harness.step();
    }
    assert!(!live.state().map().drew_picture());
    assert!(kept.state().map().drew_picture(), "drawn from its picture");
    assert_eq!(map_rect(&live), map_rect(&kept), "the same layout");
    let at_rest = kept.render().expect("wgpu renders");
    same(
        "at rest",
        map_difference(&kept, &live.render().expect("wgpu renders"), &at_rest),
    );

    let hover = screen_pos(&kept, HUAIJI_LANZHONG.0, HUAIJI_LANZHONG.1) + egui::vec2(37.0, -22.0);
    for harness in [&mut live, &mut kept] {
        harness.state_mut().map_mut().pan(37.0, -22.0);
        harness.hover_at(hover);
        harness.step();
    }
    assert!(!live.state().map().drew_picture());
    assert!(
        kept.state().map().drew_picture(),
        "the picture moved with the map"
    );
    let moved = kept.render().expect("wgpu renders");
    assert!(
        map_difference(&kept, &at_rest, &moved).0 > 1.0,
        "the map moved"
    );
    same(
        "moved, a county hovered",
        map_difference(&kept, &live.render().expect("wgpu renders"), &moved),
    );

    // A click changes the county's fill: that picture is stale at once, not a frame later.
    let pos = screen_pos(&kept, HUAIJI_LANZHONG.0, HUAIJI_LANZHONG.1);
    click_at(&mut kept, pos);
    assert_eq!(kept.state().selected(), Some("441224"));
    let image = kept.render().expect("wgpu renders");
    let ppp = kept.ctx.pixels_per_point();
    let [r, g, b, _] = image
        .get_pixel((pos.x * ppp) as u32, (pos.y * ppp) as u32)
        .0;
    assert_eq!(
        egui::Color32::from_rgb(r, g, b),
        egui::Color32::from_rgb(0xD4, 0xE4, 0xF7),
        "怀集县 drawn in the selection's fill"
    );
}

/// With a software renderer the map makes its picture at once, shows it scaled while zooming
/// (roughly the map at the new zoom, in the right place), and makes a sharp one when the zoom
/// settles.
#[test]
fn with_a_software_renderer_the_picture_is_scaled_while_zooming() {
    let mut live = app_harness();
    // Frames a millisecond apart: the zoom never settles here.
    let mut kept = app_harness_stepping(0.001);
    kept.state_mut().map_mut().set_software_rendering(true);
    kept.step();
    assert!(
        kept.state().map().drew_picture(),
        "made at once, not after a pause"
    );
    let made = kept.state().map().pictures_made();

    for harness in [&mut live, &mut kept] {
        harness.state_mut().map_mut().zoom(1.4);
        harness.step();
    }
    assert!(kept.state().map().drew_picture(), "the old picture, scaled");
    assert_eq!(
        kept.state().map().pictures_made(),
        made,
        "none made while zooming"
    );
    let scaled = kept.render().expect("wgpu renders");
    let (mean, far) = map_difference(&kept, &live.render().expect("wgpu renders"), &scaled);
    println!(
        "scaled: mean difference {mean:.3}, {:.3}% far off",
        far * 100.0
    );
    assert!(
        mean < 4.5,
        "the scaled picture is far from the map (mean {mean:.2})"
    );

    // A moment later (frames a quarter of a second apart now) the zoom has settled.
    let mut settled = app_harness();
    settled.state_mut().map_mut().set_software_rendering(true);
    settled.step();
    let made = settled.state().map().pictures_made();
    settled.state_mut().map_mut().zoom(1.4);
    settled.step();
    assert_eq!(settled.state().map().pictures_made(), made);
    settled.step();
    settled.step();
    assert_eq!(
        settled.state().map().pictures_made(),
        made + 1,
        "a sharp one once settled"
    );
}

/// Zoomed far while the wheel turns, the map starts a new picture on a worker thread and shows
/// the old one scaled meanwhile; zoomed back out, the pictures made on the way cover the map
/// together, and none of it is drawn live (all of China drawn live is what made zooming slow).
#[test]
fn zooming_far_and_back_draws_from_the_kept_pictures_not_live() {
    let mut live = app_harness();
    // Frames a millisecond apart: the zoom never settles here.
    let mut kept = app_harness_stepping(0.001);
    kept.state_mut().map_mut().set_software_rendering(true);
    kept.step();
    let made = kept.state().map().pictures_made();
    for harness in [&mut live, &mut kept] {
        harness.state_mut().map_mut().zoom(2.5);
        harness.step();
    }
    let map = kept.state().map();
    assert_eq!(map.pictures_made(), made + 1, "one started at once");
    assert!(map.making_picture(), "made on a worker thread");
    assert!(map.drew_picture(), "the old one shown meanwhile");
    assert_eq!(map.live_share(), 0.0, "the old one, scaled, covers the map");
    // The worker runs only on a core nothing else wants: other tests may hold both a while.
    let started = std::time::Instant::now();
    while kept.state().map().making_picture() {
        assert!(started.elapsed().as_secs() < 120, "the picture never came");
        std::thread::sleep(std::time::Duration::from_millis(20));
        kept.step();
    }
    kept.step();
    let image = kept.render().expect("wgpu renders");
    let (mean, far) = map_difference(&kept, &live.render().expect("wgpu renders"), &image);
    assert!(
        mean < 0.1 && far < 0.0006,
        "the new picture differs from the live map (mean {mean:.3}, {:.3}% far off)",
        far * 100.0
    );

    for harness in [&mut live, &mut kept] {
        harness.state_mut().map_mut().zoom(1.0 / 2.5);
        harness.step();
    }
    let map = kept.state().map();
    assert!(map.drew_picture());
    assert_eq!(
        map.live_share(),
        0.0,
        "the first picture covers what the second, scaled down, does not"
    );
    let image = kept.render().expect("wgpu renders");
    let (mean, _) = map_difference(&kept, &live.render().expect("wgpu renders"), &image);
    assert!(
        mean < 4.5,
        "zoomed back out, far from the map (mean {mean:.2})"
    );
}

/// The wheel zooms around the cursor: the place under it stays under it.
#[test]
fn scrolling_zooms_around_the_cursor() {
    let mut harness = app_harness();
    let before = harness
        .state()
        .map()
        .projector()
        .unwrap()
        .points_per_degree();
    let at = screen_pos(&harness, 112.3, 23.4);
    harness.hover_at(at);
    harness.run_steps(3);
    harness.event(egui::Event::MouseWheel {
        unit: egui::MouseWheelUnit::Line,
        delta: egui::vec2(0.0, 3.0),
        modifiers: egui::Modifiers::NONE,
        phase: egui::TouchPhase::Move,
        source: egui::MouseWheelSource::Wheel,
    });
    // The hover keeps a tooltip asking for frames: step rather than run to rest.
    harness.run_steps(10);
    let projector = harness.state().map().projector().unwrap();
    assert!(projector.points_per_degree() > before * 1.1);
    let under = projector.lonlat_from_ui(geo::Coord {
        x: f64::from(at.x),
        y: f64::from(at.y),
    });
    assert!(
        (under.x - 112.3).abs() < 1e-3 && (under.y - 23.4).abs() < 1e-3,
        "{under:?}"
    );
}

/// A double-click on the map shows the whole city again, as Reset view does.
#[test]
fn a_double_click_on_the_map_shows_the_whole_city_again() {
    // Frames 50 ms apart, so that two clicks come within a double-click's time.
    let mut harness = app_harness_stepping(0.05);
    let fitted = harness.state().map().projector().unwrap().visible_lonlat();
    for _ in 0..3 {
        harness.key_press(egui::Key::Plus);
    }
    harness.key_press(egui::Key::Minus);
    harness.run();
    let zoomed = harness.state().map().projector().unwrap().visible_lonlat();
    assert!(zoomed.width() < fitted.width() * 0.8);
    // In the map's top-left corner, off the counties and their symbols.
    let at = map_rect(&harness).left_top() + egui::vec2(30.0, 120.0);
    double_click_at(&mut harness, at);
    let reset = harness.state().map().projector().unwrap().visible_lonlat();
    assert!((reset.width() - fitted.width()).abs() < 1e-9, "{reset:?}");
}
