//! What makes a map readable on paper: a scale bar and a north arrow.

use egui::{Align2, Color32, FontId, Painter, Pos2, Rect, Shape, Stroke, Vec2};

use zq_core::geometry::Projector;
use zq_core::i18n::{Lang, Msg};

use super::palette;

/// What a scale bar painted by [`paint_scale_bar`] may cover, its panel and labels included.
pub fn scale_bar_area(origin: Pos2, target: f32) -> Rect {
    Rect::from_min_max(
        origin + Vec2::new(-6.0, -26.0),
        origin + Vec2::new(target + 6.0, 16.0),
    )
}

/// What a north arrow painted by [`paint_north_arrow`] covers, its letter included.
pub fn north_arrow_area(center: Pos2, size: f32) -> Rect {
    Rect::from_center_size(center, Vec2::splat(size * 2.5)).union(Rect::from_center_size(
        center - Vec2::new(0.0, size + 9.0),
        Vec2::new(16.0, 16.0),
    ))
}

/// A scale bar of a round length (1, 2 or 5 × 10^n km) about `target` points long, with its
/// left end at `origin`.
pub fn paint_scale_bar(painter: &Painter, projector: &Projector, origin: Pos2, target: f32) {
    let per_km = projector.points_per_km() as f32;
    if !(per_km.is_finite() && per_km > 0.0) {
        return;
    }
    let rough = target / per_km;
    let power = 10f32.powf(rough.log10().floor());
    let km = [1.0, 2.0, 5.0, 10.0]
        .into_iter()
        .map(|m| m * power)
        .rfind(|k| *k <= rough)
        .unwrap_or(power);
    let len = km * per_km;
    let bar = Rect::from_min_size(origin, Vec2::new(len, 6.0));
    painter.rect_filled(
        bar.expand2(Vec2::new(6.0, 18.0))
            .translate(Vec2::new(0.0, -8.0)),
        3.0,
        palette::PANEL_BG,
    );
    let half = Rect::from_min_max(bar.min, Pos2::new(bar.center().x, bar.max.y));
    painter.rect_filled(bar, 0.0, Color32::WHITE);
    painter.rect_filled(half, 0.0, palette::LABEL);
    painter.rect_stroke(
        bar,
        0.0,
        Stroke::new(1.0, palette::LABEL),
        egui::StrokeKind::Middle,
    );
    let label = if km >= 1.0 {
        format!("{km:.0} km")
    } else {
        format!("{:.0} m", km * 1000.0)
    };
    painter.text(
        bar.left_top() - Vec2::new(0.0, 2.0),
        Align2::LEFT_BOTTOM,
        "0",
        FontId::proportional(11.0),
        palette::LABEL,
    );
    painter.text(
        bar.right_top() - Vec2::new(0.0, 2.0),
        Align2::RIGHT_BOTTOM,
        label,
        FontId::proportional(11.0),
        palette::LABEL,
    );
}

/// A north arrow centred at `center`: the map is north-up (plate carrée).
pub fn paint_north_arrow(painter: &Painter, center: Pos2, size: f32, lang: Lang) {
    let top = center + Vec2::new(0.0, -size);
    let left = center + Vec2::new(-size * 0.45, size * 0.55);
    let right = center + Vec2::new(size * 0.45, size * 0.55);
    painter.circle_filled(center, size * 1.25, palette::PANEL_BG);
    painter.add(Shape::convex_polygon(
        vec![top, center, left],
        palette::LABEL,
        Stroke::NONE,
    ));
    painter.add(Shape::convex_polygon(
        vec![top, right, center],
        Color32::WHITE,
        Stroke::new(1.0, palette::LABEL),
    ));
    painter.text(
        top - Vec2::new(0.0, 2.0),
        Align2::CENTER_BOTTOM,
        Msg::NorthLetter.text(lang),
        FontId::proportional(12.0),
        palette::LABEL,
    );
}
