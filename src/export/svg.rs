//! SVG from the shapes egui painted: the same painting as the window and the PNG export, written
//! as vector shapes and real text (searchable, editable in a report), not as pixels.

use std::collections::HashMap;
use std::fmt::Write as _;

use egui::epaint::{
    ClippedShape, ColorMode, CubicBezierShape, PathShape, QuadraticBezierShape, RectShape, Shape,
    TextShape,
};
use egui::{Color32, Pos2, Rect, Stroke, StrokeKind, Vec2};

/// Fonts a reader's machine is likely to have for the CJK text, best first.
const FONT_FAMILY: &str = "'Noto Sans CJK SC', 'Noto Sans SC', 'Source Han Sans SC', 'Microsoft YaHei', 'PingFang SC', sans-serif";

/// An SVG document of `size` points holding `shapes`, on white.
pub fn to_svg(shapes: &[ClippedShape], size: Vec2) -> String {
    let mut out = String::new();
    let (w, h) = (size.x, size.y);
    let _ = writeln!(
        out,
        r#"<svg xmlns="http://www.w3.org/2000/svg" width="{w}" height="{h}" viewBox="0 0 {w} {h}" font-family="{FONT_FAMILY}">"#
    );
    let _ = writeln!(out, r#"<rect width="{w}" height="{h}" fill="white"/>"#);
    let mut clips: HashMap<[u32; 4], usize> = HashMap::new();
    let mut defs = String::new();
    let mut body = String::new();
    for clipped in shapes {
        let clip = clip_id(&mut clips, &mut defs, clipped.clip_rect, size);
        let mut shape_svg = String::new();
        write_shape(&mut shape_svg, &clipped.shape);
        if shape_svg.is_empty() {
            continue;
        }
        let t = clipped.transform_after_tessellation;
        if t != egui::emath::TSTransform::IDENTITY {
            shape_svg = format!(
                r#"<g transform="translate({} {}) scale({})">{shape_svg}</g>"#,
                n(t.translation.x),
                n(t.translation.y),
                t.scaling
            );
        }
        match clip {
            Some(id) => {
                let _ = write!(body, r#"<g clip-path="url(#c{id})">{shape_svg}</g>"#);
                body.push('\n');
            }
            None => body.push_str(&shape_svg),
        }
    }
    if !defs.is_empty() {
        let _ = writeln!(out, "<defs>{defs}</defs>");
    }
    out.push_str(&body);
    out.push_str("</svg>\n");
    out
}

/// A clip path for `rect`, shared by every shape with the same clip; none when it covers all.
fn clip_id(
    clips: &mut HashMap<[u32; 4], usize>,
    defs: &mut String,
    rect: Rect,
    size: Vec2,
) -> Option<usize> {
    let page = Rect::from_min_size(Pos2::ZERO, size);
    if rect.contains_rect(page) {
        return None;
    }
    let r = rect.intersect(page);
    let key = [r.min.x, r.min.y, r.max.x, r.max.y].map(f32::to_bits);
    let next = clips.len();
    let id = *clips.entry(key).or_insert_with(|| {
        let _ = write!(
            defs,
            r#"<clipPath id="c{next}"><rect x="{}" y="{}" width="{}" height="{}"/></clipPath>"#,
            n(r.min.x),
            n(r.min.y),
            n(r.width().max(0.0)),
            n(r.height().max(0.0))
        );
        next
    });
    Some(id)
}

fn write_shape(out: &mut String, shape: &Shape) {
    match shape {
        Shape::Noop | Shape::Callback(_) | Shape::Band(_) => {}
        Shape::Vec(shapes) => shapes.iter().for_each(|s| write_shape(out, s)),
        Shape::Circle(c) => {
            let _ = write!(
                out,
                r#"<circle cx="{}" cy="{}" r="{}"{}/>"#,
                n(c.center.x),
                n(c.center.y),
                n(c.radius),
                paint(c.fill, c.stroke)
            );
        }
        Shape::Ellipse(e) => {
            let _ = write!(
                out,
                r#"<ellipse cx="{}" cy="{}" rx="{}" ry="{}"{}/>"#,
                n(e.center.x),
                n(e.center.y),
                n(e.radius.x),
                n(e.radius.y),
                paint(e.fill, e.stroke)
            );
        }
        Shape::LineSegment { points, stroke } => {
            if visible_stroke(*stroke) {
                let _ = write!(
                    out,
                    r#"<line x1="{}" y1="{}" x2="{}" y2="{}"{}/>"#,
                    n(points[0].x),
                    n(points[0].y),
                    n(points[1].x),
                    n(points[1].y),
                    paint(Color32::TRANSPARENT, *stroke)
                );
            }
        }
        Shape::Path(p) => write_path(out, p),
        Shape::Rect(r) => write_rect(out, r),
        Shape::Text(t) => write_text(out, t),
        Shape::Mesh(mesh) => {
            // Untextured meshes (filled areas); textured ones are images, which charts don't use.
            if mesh.texture_id != egui::TextureId::default() {
                return;
            }
            let mut d = String::new();
            for t in mesh.indices.chunks_exact(3) {
                let p = |k: usize| mesh.vertices.get(t[k] as usize).map(|v| v.pos);
                if let (Some(a), Some(b), Some(c)) = (p(0), p(1), p(2)) {
                    let _ = write!(
                        d,
                        "M{} {}L{} {}L{} {}Z",
                        n(a.x),
                        n(a.y),
                        n(b.x),
                        n(b.y),
                        n(c.x),
                        n(c.y)
                    );
                }
            }
            if let (false, Some(v)) = (d.is_empty(), mesh.vertices.first()) {
                let _ = write!(out, r#"<path d="{d}"{}/>"#, paint(v.color, Stroke::NONE));
            }
        }
        Shape::QuadraticBezier(q) => write_quadratic(out, q),
        Shape::CubicBezier(c) => write_cubic(out, c),
    }
}

fn write_rect(out: &mut String, r: &RectShape) {
    // The stroke sits inside, outside or centred on the edge; SVG strokes are centred.
    let half = r.stroke.width / 2.0;
    let rect = match r.stroke_kind {
        StrokeKind::Inside => r.rect.shrink(half),
        StrokeKind::Middle => r.rect,
        StrokeKind::Outside => r.rect.expand(half),
    };
    let radius = f32::from(
        r.corner_radius
            .nw
            .max(r.corner_radius.ne)
            .max(r.corner_radius.sw)
            .max(r.corner_radius.se),
    );
    let _ = write!(
        out,
        r#"<rect x="{}" y="{}" width="{}" height="{}"{}{}/>"#,
        n(rect.min.x),
        n(rect.min.y),
        n(rect.width().max(0.0)),
        n(rect.height().max(0.0)),
        if radius > 0.0 {
            format!(r#" rx="{}""#, n(radius))
        } else {
            String::new()
        },
        paint(r.fill, r.stroke)
    );
}

fn path_stroke(stroke: &egui::epaint::PathStroke) -> Stroke {
    match &stroke.color {
        ColorMode::Solid(c) => Stroke::new(stroke.width, *c),
        // Gradients are not used by the charts; draw them in a neutral grey rather than drop them.
        ColorMode::UV(_) => Stroke::new(stroke.width, Color32::GRAY),
    }
}

fn write_path(out: &mut String, p: &PathShape) {
    if p.points.len() < 2 {
        return;
    }
    let points: Vec<String> = p
        .points
        .iter()
        .map(|q| format!("{},{}", n(q.x), n(q.y)))
        .collect();
    let element = if p.closed { "polygon" } else { "polyline" };
    let fill = if p.closed {
        p.fill
    } else {
        Color32::TRANSPARENT
    };
    let _ = write!(
        out,
        r#"<{element} points="{}"{}/>"#,
        points.join(" "),
        paint(fill, path_stroke(&p.stroke))
    );
}

fn write_quadratic(out: &mut String, q: &QuadraticBezierShape) {
    let [a, b, c] = q.points;
    let close = if q.closed { "Z" } else { "" };
    let _ = write!(
        out,
        r#"<path d="M{} {}Q{} {} {} {}{close}"{}/>"#,
        n(a.x),
        n(a.y),
        n(b.x),
        n(b.y),
        n(c.x),
        n(c.y),
        paint(q.fill, path_stroke(&q.stroke))
    );
}

fn write_cubic(out: &mut String, q: &CubicBezierShape) {
    let [a, b, c, d] = q.points;
    let close = if q.closed { "Z" } else { "" };
    let _ = write!(
        out,
        r#"<path d="M{} {}C{} {} {} {} {} {}{close}"{}/>"#,
        n(a.x),
        n(a.y),
        n(b.x),
        n(b.y),
        n(c.x),
        n(c.y),
        n(d.x),
        n(d.y),
        paint(q.fill, path_stroke(&q.stroke))
    );
}

/// Text as `<text>` elements: one per run of glyphs in the same format, each glyph placed at
/// the x egui laid it out at, so the SVG matches the window even with another font.
fn write_text(out: &mut String, t: &TextShape) {
    let galley = &t.galley;
    let job = &galley.job;
    let mut chars = job.text.char_indices().peekable();
    for row in &galley.rows {
        let mut run: Option<(usize, Vec<(char, Pos2)>)> = None;
        for glyph in &row.row.glyphs {
            // Find this glyph's character in the job's text to know its section (format).
            let mut section = None;
            for (byte, chr) in chars.by_ref() {
                if chr == glyph.chr {
                    section = job
                        .sections
                        .iter()
                        .position(|s| s.byte_range.contains(&egui::epaint::text::ByteIndex(byte)));
                    break;
                }
            }
            let Some(section) = section else { continue };
            let pos = t.pos + row.pos.to_vec2() + glyph.pos.to_vec2();
            match &mut run {
                Some((s, glyphs)) if *s == section => glyphs.push((glyph.chr, pos)),
                _ => {
                    if let Some((s, glyphs)) = run.take() {
                        write_run(out, t, s, &glyphs);
                    }
                    run = Some((section, vec![(glyph.chr, pos)]));
                }
            }
        }
        if let Some((s, glyphs)) = run.take() {
            write_run(out, t, s, &glyphs);
        }
        if row.ends_with_newline {
            while let Some((_, chr)) = chars.peek() {
                let newline = *chr == '\n';
                chars.next();
                if newline {
                    break;
                }
            }
        }
    }
}

fn write_run(out: &mut String, t: &TextShape, section: usize, glyphs: &[(char, Pos2)]) {
    let Some(format) = t.galley.job.sections.get(section).map(|s| &s.format) else {
        return;
    };
    let text: String = glyphs.iter().map(|(c, _)| *c).collect();
    if text.trim().is_empty() {
        return;
    }
    let color = t
        .override_text_color
        .unwrap_or(if format.color == Color32::PLACEHOLDER {
            t.fallback_color
        } else {
            format.color
        });
    let xs: Vec<String> = glyphs.iter().map(|(_, p)| n(p.x)).collect();
    let y = glyphs.first().map_or(0.0, |(_, p)| p.y);
    let [r, g, b, a] = color.to_srgba_unmultiplied();
    let opacity = if a < 255 {
        format!(r#" fill-opacity="{:.3}""#, f32::from(a) / 255.0)
    } else {
        String::new()
    };
    let _ = write!(
        out,
        r#"<text x="{}" y="{}" font-size="{}" fill="rgb({r},{g},{b})"{opacity}>{}</text>"#,
        xs.join(" "),
        n(y),
        n(format.font_id.size),
        escape(&text)
    );
    out.push('\n');
}

fn visible_stroke(stroke: Stroke) -> bool {
    stroke.width > 0.0 && stroke.color.a() > 0
}

/// ` fill=… stroke=…` attributes, with opacity where the colour is translucent.
fn paint(fill: Color32, stroke: Stroke) -> String {
    let mut attrs = String::new();
    if fill.a() > 0 {
        let [r, g, b, a] = fill.to_srgba_unmultiplied();
        let _ = write!(attrs, r#" fill="rgb({r},{g},{b})""#);
        if a < 255 {
            let _ = write!(attrs, r#" fill-opacity="{:.3}""#, f32::from(a) / 255.0);
        }
    } else {
        attrs.push_str(r#" fill="none""#);
    }
    if visible_stroke(stroke) {
        let [r, g, b, a] = stroke.color.to_srgba_unmultiplied();
        let _ = write!(
            attrs,
            r#" stroke="rgb({r},{g},{b})" stroke-width="{}""#,
            n(stroke.width)
        );
        if a < 255 {
            let _ = write!(attrs, r#" stroke-opacity="{:.3}""#, f32::from(a) / 255.0);
        }
    }
    attrs
}

/// A number with at most two decimals, no trailing zeros.
fn n(v: f32) -> String {
    if !v.is_finite() {
        return "0".to_owned();
    }
    let s = format!("{v:.2}");
    let s = s.trim_end_matches('0').trim_end_matches('.');
    if s == "-0" {
        "0".to_owned()
    } else {
        s.to_owned()
    }
}

fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_are_short_and_text_is_escaped() {
        assert_eq!(n(1.0), "1");
        assert_eq!(n(1.256), "1.26");
        assert_eq!(n(-0.001), "0");
        assert_eq!(n(f32::NAN), "0");
        assert_eq!(escape("a<b & \"c\""), "a&lt;b &amp; &quot;c&quot;");
    }

    #[test]
    fn shapes_become_elements() {
        let shapes = vec![
            ClippedShape::new(
                Rect::EVERYTHING,
                Shape::rect_filled(
                    Rect::from_min_size(Pos2::new(1.0, 2.0), Vec2::new(3.0, 4.0)),
                    0.0,
                    Color32::RED,
                ),
            ),
            ClippedShape::new(
                Rect::from_min_size(Pos2::ZERO, Vec2::splat(5.0)),
                Shape::circle_filled(Pos2::new(2.0, 2.0), 1.5, Color32::BLUE),
            ),
        ];
        let svg = to_svg(&shapes, Vec2::new(10.0, 10.0));
        assert!(
            svg.contains(r#"<rect x="1" y="2" width="3" height="4" fill="rgb(255,0,0)"/>"#),
            "{svg}"
        );
        assert!(svg.contains(r#"<clipPath id="c0">"#));
        assert!(
            svg.contains(
                r#"<g clip-path="url(#c0)"><circle cx="2" cy="2" r="1.5" fill="rgb(0,0,255)"/></g>"#
            ),
            "{svg}"
        );
    }
}
