//! PDF from the painted drawing ([`vector`](super::vector)), through `krilla`: vector paths and
//! real text. Each text run goes out as one run of glyphs with its characters (selectable,
//! searchable, editable as a line in Illustrator), in the window's own fonts, embedded as
//! subsets; every glyph sits where egui laid it out, so the page matches the PNG.

use egui::{Color32, Rect, Stroke};
use krilla::color::rgb;
use krilla::geom::{Path as PdfPath, PathBuilder, Point, Size, Transform};
use krilla::metadata::Metadata;
use krilla::num::NormalizedF32;
use krilla::page::PageSettings;
use krilla::paint::{Fill, FillRule, LineCap, LineJoin, Stroke as PdfStroke};
use krilla::surface::Surface;
use krilla::text::{Font, GlyphId, KrillaGlyph};
use krilla::{Document, SerializeSettings};
use skrifa::MetadataProvider as _;
use skrifa::raw::TableProvider as _;

use super::vector::{Command, Drawing, Element, Node, Path, TextRun};
use crate::ui::fonts::font_definitions;

/// PDF points per egui point: an egui point is a CSS pixel (1/96 inch), a PDF point 1/72 inch,
/// so a page prints at the size it has on a 96-dpi screen at 100 %, text included.
pub const POINTS_PER_UI_POINT: f32 = 0.75;

#[derive(Debug, thiserror::Error)]
pub enum PdfError {
    #[error("the page has no area")]
    EmptyPage,
    #[error("the PDF could not be written: {0}")]
    Krilla(String),
}

/// A PDF with one page per drawing, each the drawing's size times [`POINTS_PER_UI_POINT`].
pub fn to_pdf(pages: &[Drawing], title: &str) -> Result<Vec<u8>, PdfError> {
    let fonts = Fonts::new();
    let mut document = Document::new_with(SerializeSettings::default());
    document.set_metadata(
        Metadata::new()
            .title(title.to_owned())
            .creator("Zhaoqing Explorer".to_owned()),
    );
    for drawing in pages {
        let k = POINTS_PER_UI_POINT;
        let size =
            Size::from_wh(drawing.size.x * k, drawing.size.y * k).ok_or(PdfError::EmptyPage)?;
        let mut page = document.start_page_with(PageSettings::new(size));
        let mut surface = page.surface();
        surface.push_transform(&Transform::from_scale(k, k));
        if let Some(white) = rect_path(Rect::from_min_size(egui::Pos2::ZERO, drawing.size)) {
            surface.set_fill(Some(fill(Color32::WHITE)));
            surface.set_stroke(None);
            surface.draw_path(&white);
        }
        write_nodes(&mut surface, &drawing.nodes, &fonts);
        surface.pop();
        surface.finish();
        page.finish();
    }
    document
        .finish()
        .map_err(|e| PdfError::Krilla(format!("{e:?}")))
}

fn write_nodes(surface: &mut Surface<'_>, nodes: &[Node], fonts: &Fonts) {
    for node in nodes {
        match node {
            Node::Group { nodes, .. } => write_nodes(surface, nodes, fonts),
            Node::Element { clip, element } => {
                let clipped = clip.and_then(rect_path).inspect(|path| {
                    surface.push_clip_path(path, &FillRule::NonZero);
                });
                match element {
                    Element::Path(path) => write_path(surface, path),
                    Element::Text(run) => write_text(surface, run, fonts),
                }
                if clipped.is_some() {
                    surface.pop();
                }
            }
        }
    }
}

fn rect_path(r: Rect) -> Option<PdfPath> {
    let mut builder = PathBuilder::new();
    builder.push_rect(krilla::geom::Rect::from_ltrb(
        r.min.x,
        r.min.y,
        r.max.x.max(r.min.x),
        r.max.y.max(r.min.y),
    )?);
    builder.finish()
}

fn write_path(surface: &mut Surface<'_>, path: &Path) {
    let mut builder = PathBuilder::new();
    for command in &path.commands {
        match *command {
            Command::Move(p) => builder.move_to(p.x, p.y),
            Command::Line(p) => builder.line_to(p.x, p.y),
            Command::Quad(a, b) => builder.quad_to(a.x, a.y, b.x, b.y),
            Command::Cubic(a, b, c) => builder.cubic_to(a.x, a.y, b.x, b.y, c.x, c.y),
            Command::Close => builder.close(),
        }
    }
    let Some(pdf_path) = builder.finish() else {
        return;
    };
    surface.set_fill((path.fill.a() > 0).then(|| fill(path.fill)));
    surface.set_stroke(visible(path.stroke).then(|| stroke(path.stroke)));
    surface.draw_path(&pdf_path);
}

fn visible(stroke: Stroke) -> bool {
    stroke.width > 0.0 && stroke.color.a() > 0
}

fn color(c: Color32) -> (rgb::Color, NormalizedF32) {
    let [r, g, b, a] = c.to_srgba_unmultiplied();
    (
        rgb::Color::new(r, g, b),
        NormalizedF32::new(f32::from(a) / 255.0).unwrap_or(NormalizedF32::ONE),
    )
}

fn fill(c: Color32) -> Fill {
    let (paint, opacity) = color(c);
    Fill {
        paint: paint.into(),
        opacity,
        rule: FillRule::NonZero,
    }
}

fn stroke(s: Stroke) -> PdfStroke {
    let (paint, opacity) = color(s.color);
    PdfStroke {
        paint: paint.into(),
        width: s.width,
        opacity,
        // Round joins keep a sharp turn of a thin border from spiking; ends are cut square,
        // as egui's are.
        line_cap: LineCap::Butt,
        line_join: LineJoin::Round,
        ..PdfStroke::default()
    }
}

/// The window's fonts in egui's fallback order: a character is drawn in the first that has it.
struct Fonts {
    faces: Vec<(Font, egui::epaint::text::Blob, u32)>,
}

impl Fonts {
    fn new() -> Self {
        let definitions = font_definitions();
        let order = definitions
            .families
            .get(&egui::FontFamily::Proportional)
            .cloned()
            .unwrap_or_default();
        let faces = order
            .iter()
            .filter_map(|name| definitions.font_data.get(name))
            .filter_map(|data| {
                let font = Font::new(krilla::Data::from(data.font.clone()), data.index)?;
                Some((font, data.font.clone(), data.index))
            })
            .collect();
        Self { faces }
    }

    /// The face and glyph for `c`, with the glyph's advance in ems; a character no font has is
    /// the first font's "missing" glyph, so that the text keeps it (a quote stays verbatim).
    fn glyph(&self, c: char) -> (usize, GlyphId, f32) {
        self.find(c).unwrap_or((0, GlyphId::new(0), 0.5))
    }

    fn find(&self, c: char) -> Option<(usize, GlyphId, f32)> {
        self.faces
            .iter()
            .enumerate()
            .find_map(|(i, (_, blob, index))| {
                let face = skrifa::FontRef::from_index((**blob).as_ref(), *index).ok()?;
                let gid = face.charmap().map(c)?;
                let metrics = face.glyph_metrics(
                    skrifa::instance::Size::unscaled(),
                    skrifa::instance::LocationRef::default(),
                );
                let upem = f32::from(face.head().ok()?.units_per_em());
                let advance = metrics.advance_width(gid).unwrap_or(0.0) / upem;
                Some((i, GlyphId::new(gid.to_u32()), advance))
            })
    }
}

/// A run as one text object per font: glyph by glyph at egui's x positions, with its text.
fn write_text(surface: &mut Surface<'_>, run: &TextRun, fonts: &Fonts) {
    surface.set_fill(Some(fill(run.color)));
    surface.set_stroke(None);
    let size = run.size.max(0.1);
    // Characters with their face, glyph and own advance.
    let glyphs: Vec<(char, f32, usize, GlyphId, f32)> = run
        .chars
        .iter()
        .map(|&(c, x)| {
            let (face, gid, advance) = fonts.glyph(c);
            (c, x, face, gid, advance)
        })
        .collect();
    let mut start = 0;
    while start < glyphs.len() {
        let face = glyphs[start].2;
        let end = glyphs[start..]
            .iter()
            .position(|g| g.2 != face)
            .map_or(glyphs.len(), |n| start + n);
        let part = &glyphs[start..end];
        let mut text = String::new();
        let mut krilla_glyphs = Vec::with_capacity(part.len());
        for (i, &(c, x, _, gid, own_advance)) in part.iter().enumerate() {
            let from = text.len();
            text.push(c);
            // The advance to the next glyph as egui placed it; the last keeps its own.
            let advance = part
                .get(i + 1)
                .map_or(own_advance, |next| (next.1 - x) / size);
            krilla_glyphs.push(KrillaGlyph::new(
                gid,
                advance,
                0.0,
                0.0,
                0.0,
                from..text.len(),
                None,
            ));
        }
        if let (Some((_, x, ..)), Some((font, ..))) = (part.first(), fonts.faces.get(face)) {
            let start = Point::from_xy(*x, run.baseline);
            // The halo as outlines under the text: the name is in the file's text once.
            if let Some(halo) = run.halo {
                surface.set_fill(Some(fill(halo)));
                surface.set_stroke(Some(stroke(Stroke::new(super::vector::HALO_WIDTH, halo))));
                surface.draw_glyphs(start, &krilla_glyphs, font.clone(), &text, size, true);
                surface.set_fill(Some(fill(run.color)));
                surface.set_stroke(None);
            }
            surface.draw_glyphs(start, &krilla_glyphs, font.clone(), &text, size, false);
        }
        start = end;
    }
}
