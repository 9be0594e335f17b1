//! SVG from the painted drawing ([`vector`](super::vector)): the same painting as the window and
//! the PNG, as vector shapes and real text (searchable, editable), each part a named group
//! (`<g id="counties">`, `<g id="legend">`, …) that a designer can select and restyle.

use std::collections::HashMap;
use std::fmt::Write as _;

use egui::{Color32, Rect, Stroke};

use super::vector::{Command, Drawing, Element, HALO_WIDTH, Node, Path, TextRun};

/// Fonts a reader's machine is likely to have for the CJK text, best first.
const FONT_FAMILY: &str = "'Noto Sans CJK SC', 'Noto Sans SC', 'Source Han Sans SC', 'Microsoft YaHei', 'PingFang SC', sans-serif";

/// An SVG document of the drawing's size in points, on white.
pub fn to_svg(drawing: &Drawing) -> String {
    let (w, h) = (n(drawing.size.x), n(drawing.size.y));
    let mut writer = Writer::default();
    writer.nodes(&drawing.nodes);
    let mut out = String::new();
    let _ = writeln!(
        out,
        r#"<svg xmlns="http://www.w3.org/2000/svg" width="{w}" height="{h}" viewBox="0 0 {w} {h}" font-family="{FONT_FAMILY}">"#
    );
    let _ = writeln!(out, r#"<rect width="{w}" height="{h}" fill="white"/>"#);
    if !writer.defs.is_empty() {
        let _ = writeln!(out, "<defs>{}</defs>", writer.defs);
    }
    out.push_str(&writer.body);
    out.push_str("</svg>\n");
    out
}

#[derive(Default)]
struct Writer {
    defs: String,
    body: String,
    clips: HashMap<[u32; 4], usize>,
    /// How often each group name was used: ids must be unique, so the second "panel" is
    /// "panel-2".
    names: HashMap<&'static str, usize>,
}

impl Writer {
    fn nodes(&mut self, nodes: &[Node]) {
        for node in nodes {
            match node {
                Node::Group { name, nodes } => {
                    let count = self.names.entry(name).or_default();
                    *count += 1;
                    let id = if *count == 1 {
                        (*name).to_owned()
                    } else {
                        format!("{name}-{count}")
                    };
                    let _ = writeln!(self.body, r#"<g id="{id}">"#);
                    self.nodes(nodes);
                    self.body.push_str("</g>\n");
                }
                Node::Element { clip, element } => {
                    let mut svg = String::new();
                    match element {
                        Element::Path(path) => write_path(&mut svg, path),
                        Element::Text(run) => write_text(&mut svg, run),
                    }
                    match clip.map(|c| self.clip_id(c)) {
                        Some(id) => {
                            let _ = writeln!(self.body, r#"<g clip-path="url(#c{id})">{svg}</g>"#);
                        }
                        None => {
                            self.body.push_str(&svg);
                            self.body.push('\n');
                        }
                    }
                }
            }
        }
    }

    /// A clip path for `rect`, shared by every element with the same clip.
    fn clip_id(&mut self, r: Rect) -> usize {
        let key = [r.min.x, r.min.y, r.max.x, r.max.y].map(f32::to_bits);
        let next = self.clips.len();
        let defs = &mut self.defs;
        *self.clips.entry(key).or_insert_with(|| {
            let _ = write!(
                defs,
                r#"<clipPath id="c{next}"><rect x="{}" y="{}" width="{}" height="{}"/></clipPath>"#,
                n(r.min.x),
                n(r.min.y),
                n(r.width().max(0.0)),
                n(r.height().max(0.0))
            );
            next
        })
    }
}

fn write_path(out: &mut String, path: &Path) {
    let mut d = String::new();
    for command in &path.commands {
        let _ = match *command {
            Command::Move(p) => write!(d, "M{} {}", n(p.x), n(p.y)),
            Command::Line(p) => write!(d, "L{} {}", n(p.x), n(p.y)),
            Command::Quad(a, b) => write!(d, "Q{} {} {} {}", n(a.x), n(a.y), n(b.x), n(b.y)),
            Command::Cubic(a, b, c) => write!(
                d,
                "C{} {} {} {} {} {}",
                n(a.x),
                n(a.y),
                n(b.x),
                n(b.y),
                n(c.x),
                n(c.y)
            ),
            Command::Close => write!(d, "Z"),
        };
    }
    let _ = write!(out, r#"<path d="{d}"{}/>"#, paint(path.fill, path.stroke));
}

/// One `<text>` per run, each character at the x egui laid it out at.
fn write_text(out: &mut String, run: &TextRun) {
    let xs: Vec<String> = run.chars.iter().map(|(_, x)| n(*x)).collect();
    let [r, g, b, a] = run.color.to_srgba_unmultiplied();
    let opacity = if a < 255 {
        format!(r#" fill-opacity="{:.3}""#, f32::from(a) / 255.0)
    } else {
        String::new()
    };
    // A halo is the text's own outline, painted under its fill.
    let halo = run.halo.map_or_else(String::new, |c| {
        let [r, g, b, _] = c.to_srgba_unmultiplied();
        format!(
            r#" stroke="rgb({r},{g},{b})" stroke-width="{}" stroke-linejoin="round" paint-order="stroke""#,
            n(HALO_WIDTH)
        )
    });
    let _ = write!(
        out,
        r#"<text x="{}" y="{}" font-size="{}" fill="rgb({r},{g},{b})"{opacity}{halo}>{}</text>"#,
        xs.join(" "),
        n(run.baseline),
        n(run.size),
        escape(&run.text())
    );
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
    use egui::epaint::{ClippedShape, Shape};
    use egui::{Pos2, Vec2};

    #[test]
    fn numbers_are_short_and_text_is_escaped() {
        assert_eq!(n(1.0), "1");
        assert_eq!(n(1.256), "1.26");
        assert_eq!(n(-0.001), "0");
        assert_eq!(n(f32::NAN), "0");
        assert_eq!(escape("a<b & \"c\""), "a&lt;b &amp; &quot;c&quot;");
    }

    #[test]
    fn shapes_become_paths_in_their_groups_and_clips() {
        let shapes = vec![
            ClippedShape::new(Rect::EVERYTHING, Shape::Noop),
            ClippedShape::new(
                Rect::EVERYTHING,
                Shape::rect_filled(
                    Rect::from_min_size(Pos2::new(1.0, 2.0), Vec2::new(3.0, 4.0)),
                    0.0,
                    Color32::RED,
                ),
            ),
            ClippedShape::new(Rect::EVERYTHING, Shape::Noop),
            ClippedShape::new(
                Rect::from_min_size(Pos2::ZERO, Vec2::splat(5.0)),
                Shape::circle_filled(Pos2::new(2.0, 2.0), 1.5, Color32::BLUE),
            ),
        ];
        let spans = [zq_map::shape_groups::Span {
            name: "counties",
            layer: egui::LayerId::background(),
            shapes: 0..2,
            pass: 0,
        }];
        let svg = to_svg(&Drawing::new(&shapes, &spans, Vec2::new(10.0, 10.0)));
        assert!(
            svg.contains("<g id=\"counties\">\n<path d=\"M1 2L4 2L4 6L1 6L1 2Z\" fill=\"rgb(255,0,0)\"/>\n</g>"),
            "{svg}"
        );
        assert!(svg.contains(r#"<clipPath id="c0">"#));
        assert!(
            svg.contains(r#"<g clip-path="url(#c0)"><path d="M3.5 2C"#),
            "{svg}"
        );
    }
}
