//! What egui painted, read once as a vector drawing: paths and text runs, with their clips, in
//! the named groups the painting code marked ([`zq_map::shape_groups`]). The SVG and the PDF
//! writers both start from this, so the two files show the same thing as the PNG.

use egui::emath::TSTransform;
use egui::epaint::{ClippedShape, ColorMode, PathStroke, RectShape, Shape, TextShape};
use egui::{Color32, Pos2, Rect, Stroke, StrokeKind, Vec2};

use zq_map::shape_groups::{self, Span};

/// A page of `size` points.
pub struct Drawing {
    pub size: Vec2,
    pub nodes: Vec<Node>,
}

pub enum Node {
    Group {
        name: &'static str,
        nodes: Vec<Node>,
    },
    /// A path or a text run, drawn inside `clip` (none when the clip is the whole page).
    Element {
        clip: Option<Rect>,
        element: Element,
    },
}

pub enum Element {
    Path(Path),
    Text(TextRun),
}

pub struct Path {
    pub commands: Vec<Command>,
    /// Transparent for none.
    pub fill: Color32,
    /// Zero width for none.
    pub stroke: Stroke,
}

#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Command {
    Move(Pos2),
    Line(Pos2),
    Quad(Pos2, Pos2),
    Cubic(Pos2, Pos2, Pos2),
    Close,
}

/// The width of a halo's outline: egui paints it as copies of the text a point to each side.
pub const HALO_WIDTH: f32 = 2.0;

/// A run of text in one format on one line, as one label: its characters and where egui put
/// each (the x of its origin), on one baseline.
pub struct TextRun {
    pub chars: Vec<(char, f32)>,
    pub baseline: f32,
    pub size: f32,
    pub color: Color32,
    /// The colour of the outline around it (egui paints it as copies a point to each side).
    pub halo: Option<Color32>,
}

/// Every text run in `nodes`, in painting order, groups opened.
pub fn text_runs(nodes: &[Node]) -> Vec<&TextRun> {
    nodes
        .iter()
        .flat_map(|n| match n {
            Node::Group { nodes, .. } => text_runs(nodes),
            Node::Element {
                element: Element::Text(run),
                ..
            } => vec![run],
            Node::Element { .. } => Vec::new(),
        })
        .collect()
}

impl TextRun {
    pub fn text(&self) -> String {
        self.chars.iter().map(|(c, _)| *c).collect()
    }
}

impl Drawing {
    /// The drawing of `shapes` (one frame's output) grouped by `spans`, which index `shapes`.
    pub fn new(shapes: &[ClippedShape], spans: &[Span], size: Vec2) -> Self {
        let page = Rect::from_min_size(Pos2::ZERO, size);
        // Groups by where they start, outer (longer) first; they nest, as they were painted.
        let mut spans: Vec<&Span> = spans.iter().filter(|s| !s.shapes.is_empty()).collect();
        spans.sort_by_key(|s| (s.shapes.start, std::cmp::Reverse(s.shapes.end)));
        let mut spans = spans.into_iter().peekable();
        // The open groups, innermost last, each with the index where it ends.
        let mut stack: Vec<(&'static str, usize, Vec<Node>)> = vec![("", usize::MAX, Vec::new())];
        // A halo's copies are left out; the text after them is drawn with an outline instead.
        let mut halo = None;
        for (index, clipped) in shapes.iter().enumerate() {
            if let Some(color) = close_ended(&mut stack, index) {
                halo = Some(color);
            }
            while let Some(span) = spans.next_if(|s| s.shapes.start <= index) {
                if span.shapes.end > index {
                    stack.push((span.name, span.shapes.end, Vec::new()));
                }
            }
            let clip =
                (!clipped.clip_rect.contains_rect(page)).then(|| clipped.clip_rect.intersect(page));
            let mut elements = Vec::new();
            read_shape(
                &clipped.shape,
                clipped.transform_after_tessellation,
                &mut elements,
            );
            for element in &mut elements {
                if let (Some(color), Element::Text(run)) = (halo, element) {
                    run.halo = Some(color);
                    halo = None;
                }
            }
            if let Some((_, _, nodes)) = stack.last_mut() {
                nodes.extend(
                    elements
                        .into_iter()
                        .map(|element| Node::Element { clip, element }),
                );
            }
        }
        close_ended(&mut stack, usize::MAX - 1);
        let nodes = stack.pop().map(|(_, _, nodes)| nodes).unwrap_or_default();
        Self { size, nodes }
    }
}

/// Closes the groups that end at or before `index` into their parents, dropping empty ones.
/// A closed halo group is not kept: its text's colour is returned, for the text after it.
fn close_ended(stack: &mut Vec<(&'static str, usize, Vec<Node>)>, index: usize) -> Option<Color32> {
    let mut halo = None;
    while stack.len() > 1 && stack.last().is_some_and(|(_, end, _)| *end <= index) {
        if let (Some((name, _, nodes)), Some((_, _, parent))) = (stack.pop(), stack.last_mut())
            && !nodes.is_empty()
        {
            if name == shape_groups::HALO {
                halo = nodes.iter().find_map(|n| match n {
                    Node::Element {
                        element: Element::Text(run),
                        ..
                    } => Some(run.color),
                    _ => None,
                });
            } else {
                parent.push(Node::Group { name, nodes });
            }
        }
    }
    halo
}

fn read_shape(shape: &Shape, t: TSTransform, out: &mut Vec<Element>) {
    let p = |q: Pos2| t * q;
    let w = |width: f32| width * t.scaling;
    let stroke = |s: Stroke| Stroke::new(w(s.width), s.color);
    let mut path = |commands: Vec<Command>, fill: Color32, s: Stroke| {
        if fill.a() > 0 || (s.width > 0.0 && s.color.a() > 0) {
            out.push(Element::Path(Path {
                commands,
                fill,
                stroke: s,
            }));
        }
    };
    match shape {
        Shape::Noop | Shape::Callback(_) | Shape::Band(_) => {}
        Shape::Vec(shapes) => shapes.iter().for_each(|s| read_shape(s, t, out)),
        Shape::Circle(c) => path(
            ellipse(p(c.center), Vec2::splat(c.radius * t.scaling)),
            c.fill,
            stroke(c.stroke),
        ),
        Shape::Ellipse(e) => path(
            ellipse(p(e.center), e.radius * t.scaling),
            e.fill,
            stroke(e.stroke),
        ),
        Shape::LineSegment { points, stroke: s } => path(
            vec![Command::Move(p(points[0])), Command::Line(p(points[1]))],
            Color32::TRANSPARENT,
            stroke(*s),
        ),
        Shape::Path(shape) => {
            let mut commands: Vec<Command> = shape
                .points
                .iter()
                .enumerate()
                .map(|(i, &q)| {
                    if i == 0 {
                        Command::Move(p(q))
                    } else {
                        Command::Line(p(q))
                    }
                })
                .collect();
            if commands.len() < 2 {
                return;
            }
            let fill = if shape.closed {
                commands.push(Command::Close);
                shape.fill
            } else {
                Color32::TRANSPARENT
            };
            path(commands, fill, stroke(solid(&shape.stroke)));
        }
        Shape::Rect(r) => {
            let (commands, fill, s) = rect(r, t);
            path(commands, fill, s);
        }
        Shape::Text(text) => read_text(text, t, out),
        Shape::Mesh(mesh) => {
            // Untextured meshes are filled areas (the counties); textured ones are images,
            // which no export draws.
            if mesh.texture_id != egui::TextureId::default() {
                return;
            }
            let mut commands = Vec::with_capacity(mesh.indices.len() / 3 * 4);
            for tri in mesh.indices.chunks_exact(3) {
                let vertex = |k: usize| mesh.vertices.get(tri[k] as usize).map(|v| p(v.pos));
                if let (Some(a), Some(b), Some(c)) = (vertex(0), vertex(1), vertex(2)) {
                    commands.extend([
                        Command::Move(a),
                        Command::Line(b),
                        Command::Line(c),
                        Command::Close,
                    ]);
                }
            }
            if let (false, Some(v)) = (commands.is_empty(), mesh.vertices.first()) {
                path(commands, v.color, Stroke::NONE);
            }
        }
        Shape::QuadraticBezier(q) => {
            let [a, b, c] = q.points;
            let mut commands = vec![Command::Move(p(a)), Command::Quad(p(b), p(c))];
            if q.closed {
                commands.push(Command::Close);
            }
            path(commands, q.fill, stroke(solid(&q.stroke)));
        }
        Shape::CubicBezier(q) => {
            let [a, b, c, d] = q.points;
            let mut commands = vec![Command::Move(p(a)), Command::Cubic(p(b), p(c), p(d))];
            if q.closed {
                commands.push(Command::Close);
            }
            path(commands, q.fill, stroke(solid(&q.stroke)));
        }
    }
}

/// A path stroke of one colour; gradients (which nothing here paints) in a neutral grey.
fn solid(stroke: &PathStroke) -> Stroke {
    match &stroke.color {
        ColorMode::Solid(c) => Stroke::new(stroke.width, *c),
        ColorMode::UV(_) => Stroke::new(stroke.width, Color32::GRAY),
    }
}

/// How far a cubic's control points lie along the tangent to draw a quarter circle.
const KAPPA: f32 = 0.552_284_8;

fn ellipse(c: Pos2, r: Vec2) -> Vec<Command> {
    let (k, rx, ry) = (KAPPA, r.x, r.y);
    let pt = |x: f32, y: f32| Pos2::new(c.x + x, c.y + y);
    vec![
        Command::Move(pt(rx, 0.0)),
        Command::Cubic(pt(rx, ry * k), pt(rx * k, ry), pt(0.0, ry)),
        Command::Cubic(pt(-rx * k, ry), pt(-rx, ry * k), pt(-rx, 0.0)),
        Command::Cubic(pt(-rx, -ry * k), pt(-rx * k, -ry), pt(0.0, -ry)),
        Command::Cubic(pt(rx * k, -ry), pt(rx, -ry * k), pt(rx, 0.0)),
        Command::Close,
    ]
}

/// A rectangle, its corners rounded as egui rounds them. The stroke is centred on the outline
/// in SVG and PDF, so the outline moves by half the stroke to where egui puts it.
fn rect(r: &RectShape, t: TSTransform) -> (Vec<Command>, Color32, Stroke) {
    let half = r.stroke.width / 2.0;
    let rect = match r.stroke_kind {
        StrokeKind::Inside => r.rect.shrink(half),
        StrokeKind::Middle => r.rect,
        StrokeKind::Outside => r.rect.expand(half),
    };
    let rect = Rect::from_min_max(t * rect.min, t * rect.max);
    let limit = rect.width().min(rect.height()) / 2.0;
    let radius = |v: u8| (f32::from(v) * t.scaling).clamp(0.0, limit.max(0.0));
    let cr = r.corner_radius;
    let (nw, ne, se, sw) = (radius(cr.nw), radius(cr.ne), radius(cr.se), radius(cr.sw));
    let (l, tp, rt, b) = (rect.min.x, rect.min.y, rect.max.x, rect.max.y);
    let k = 1.0 - KAPPA;
    let pt = Pos2::new;
    let mut commands = vec![
        Command::Move(pt(l + nw, tp)),
        Command::Line(pt(rt - ne, tp)),
    ];
    if ne > 0.0 {
        commands.push(Command::Cubic(
            pt(rt - ne * k, tp),
            pt(rt, tp + ne * k),
            pt(rt, tp + ne),
        ));
    }
    commands.push(Command::Line(pt(rt, b - se)));
    if se > 0.0 {
        commands.push(Command::Cubic(
            pt(rt, b - se * k),
            pt(rt - se * k, b),
            pt(rt - se, b),
        ));
    }
    commands.push(Command::Line(pt(l + sw, b)));
    if sw > 0.0 {
        commands.push(Command::Cubic(
            pt(l + sw * k, b),
            pt(l, b - sw * k),
            pt(l, b - sw),
        ));
    }
    commands.push(Command::Line(pt(l, tp + nw)));
    if nw > 0.0 {
        commands.push(Command::Cubic(
            pt(l, tp + nw * k),
            pt(l + nw * k, tp),
            pt(l + nw, tp),
        ));
    }
    commands.push(Command::Close);
    (
        commands,
        r.fill,
        Stroke::new(r.stroke.width * t.scaling, r.stroke.color),
    )
}

/// A glyph as egui laid it out: its character, where, and its advance.
type Laid = (char, Pos2, f32);

/// Text as runs: one per stretch of glyphs in the same format on one row, each glyph where egui
/// laid it out, so that the file matches the window whatever font the reader has.
fn read_text(shape: &TextShape, t: TSTransform, out: &mut Vec<Element>) {
    let galley = &shape.galley;
    let job = &galley.job;
    let mut chars = job.text.char_indices().peekable();
    for row in &galley.rows {
        let mut run: Option<(usize, Vec<Laid>)> = None;
        for glyph in &row.row.glyphs {
            // The glyph's character in the job's text tells its section (its format).
            // A glyph that is not in the text (the "…" of a cut line) uses up nothing.
            let Some(skip) = chars.clone().position(|(_, chr)| chr == glyph.chr) else {
                continue;
            };
            let Some((byte, _)) = chars.nth(skip) else {
                continue;
            };
            let Some(section) = job
                .sections
                .iter()
                .position(|s| s.byte_range.contains(&egui::epaint::text::ByteIndex(byte)))
            else {
                continue;
            };
            let pos = t * (shape.pos + row.pos.to_vec2() + glyph.pos.to_vec2());
            let advance = glyph.advance_width * t.scaling;
            match &mut run {
                Some((s, glyphs)) if *s == section => glyphs.push((glyph.chr, pos, advance)),
                _ => {
                    if let Some((s, glyphs)) = run.take() {
                        push_run(out, shape, s, glyphs, t.scaling);
                    }
                    run = Some((section, vec![(glyph.chr, pos, advance)]));
                }
            }
        }
        if let Some((s, glyphs)) = run.take() {
            push_run(out, shape, s, glyphs, t.scaling);
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

/// Each character with its x. egui draws a ligature ("fi" in English text) as one glyph with
/// zero-width glyphs after it for the other characters; a file draws each character from the
/// font by itself, so the ligature's width is shared out among them, or the "i" would sit on the
/// next letter.
fn unligated(glyphs: &[Laid]) -> Vec<(char, f32)> {
    let mut out = Vec::with_capacity(glyphs.len());
    let mut i = 0;
    while let Some(&(c, p, advance)) = glyphs.get(i) {
        let joined = glyphs[i + 1..]
            .iter()
            .take_while(|(_, _, a)| *a == 0.0)
            .count();
        if advance > 0.0 && joined > 0 {
            let share = advance / (joined + 1) as f32;
            out.extend(
                glyphs[i..=i + joined]
                    .iter()
                    .enumerate()
                    .map(|(k, (c, ..))| (*c, p.x + share * k as f32)),
            );
            i += joined + 1;
        } else {
            out.push((c, p.x));
            i += 1;
        }
    }
    out
}

fn push_run(
    out: &mut Vec<Element>,
    shape: &TextShape,
    section: usize,
    glyphs: Vec<Laid>,
    scaling: f32,
) {
    let Some(format) = shape.galley.job.sections.get(section).map(|s| &s.format) else {
        return;
    };
    // Leading and trailing blanks are only space; the run starts at its first ink.
    let first = glyphs.iter().position(|(c, ..)| !c.is_whitespace());
    let last = glyphs.iter().rposition(|(c, ..)| !c.is_whitespace());
    let (Some(first), Some(last)) = (first, last) else {
        return;
    };
    let color = shape
        .override_text_color
        .unwrap_or(if format.color == Color32::PLACEHOLDER {
            shape.fallback_color
        } else {
            format.color
        });
    let baseline = glyphs.get(first).map_or(0.0, |(_, p, _)| p.y);
    out.push(Element::Text(TextRun {
        chars: unligated(&glyphs[first..=last]),
        baseline,
        size: format.font_id.size * scaling,
        color,
        halo: None,
    }));
}

impl Drawing {
    /// The drawing cut into pages of `page` points: cuts fall only where no element crosses
    /// (between lines, bars, cards and blocks), as low as each page allows. Pages after the first
    /// start `top` points down; every page keeps `bottom` points free. A block taller than a page
    /// is cut where the page ends.
    pub fn paginate(&self, page: Vec2, top: f32, bottom: f32) -> Vec<Self> {
        let mut extents = Vec::new();
        collect_extents(&self.nodes, self.size.y * 0.9, page.y * 0.4, &mut extents);
        extents.sort_by(|a, b| a.0.total_cmp(&b.0));
        // The free bands between busy ones: a cut anywhere in a band crosses nothing.
        let mut cuts = Vec::new();
        let mut busy_until = f32::NEG_INFINITY;
        for &(from, to) in &extents {
            if from > busy_until && busy_until.is_finite() {
                cuts.push(from - 1.0);
            }
            busy_until = busy_until.max(to);
        }
        let end = busy_until.max(0.0);
        let mut starts = vec![0.0_f32];
        let mut start = 0.0_f32;
        loop {
            let offset = if starts.len() == 1 { 0.0 } else { top };
            // At least a point a page, however small the page.
            let limit = start + (page.y - bottom - offset).max(1.0);
            if end <= limit {
                break;
            }
            let cut = cuts
                .iter()
                .copied()
                .filter(|&c| c > start + 1.0 && c <= limit)
                .fold(f32::NAN, f32::max);
            start = if cut.is_nan() { limit } else { cut };
            starts.push(start);
        }
        starts
            .iter()
            .enumerate()
            .map(|(i, &from)| {
                let to = starts.get(i + 1).copied().unwrap_or(f32::INFINITY);
                let shift = if i == 0 { 0.0 } else { top - from };
                Self {
                    size: page,
                    nodes: page_nodes(&self.nodes, from, to, shift, page),
                }
            })
            .collect()
    }
}

impl Drawing {
    /// Adds `other`'s elements, moved down by `dy`, but its backdrop (a path over all of it,
    /// which would cover what is under it here).
    pub fn append(&mut self, other: Self, dy: f32) {
        let backdrop = Rect::from_min_size(Pos2::ZERO, other.size);
        let nodes: Vec<Node> = other
            .nodes
            .into_iter()
            .filter(|n| match n {
                Node::Element {
                    element: Element::Path(path),
                    ..
                } => !bounds(path).contains_rect(backdrop),
                _ => true,
            })
            .collect();
        self.nodes.extend(page_nodes(
            &nodes,
            f32::NEG_INFINITY,
            f32::INFINITY,
            dy,
            self.size,
        ));
    }
}

/// The vertical extent of every element but the page-sized ones (the white background). A
/// named group up to `keep` high counts as one (a panel's title stays with its bars, a legend
/// stays whole); a taller one may be cut between its parts.
fn collect_extents(nodes: &[Node], too_tall: f32, keep: f32, out: &mut Vec<(f32, f32)>) {
    for node in nodes {
        match node {
            Node::Group { nodes, .. } => {
                let mut inner = Vec::new();
                collect_extents(nodes, too_tall, keep, &mut inner);
                let top = inner.iter().map(|e| e.0).fold(f32::INFINITY, f32::min);
                let bottom = inner.iter().map(|e| e.1).fold(f32::NEG_INFINITY, f32::max);
                if bottom - top <= keep {
                    out.push((top, bottom));
                } else {
                    out.extend(inner);
                }
            }
            Node::Element { element, clip } => {
                if let Some((a, b)) = clipped_extent(element, *clip)
                    && b - a < too_tall
                {
                    out.push((a, b));
                }
            }
        }
    }
}

fn bounds(path: &Path) -> Rect {
    let points = path.commands.iter().flat_map(|c| match *c {
        Command::Move(p) | Command::Line(p) => vec![p],
        Command::Quad(a, b) => vec![a, b],
        Command::Cubic(a, b, c) => vec![a, b, c],
        Command::Close => vec![],
    });
    Rect::from_points(&points.collect::<Vec<_>>())
}

/// The extent within the clip: what is clipped away takes no room.
fn clipped_extent(element: &Element, clip: Option<Rect>) -> Option<(f32, f32)> {
    let (a, b) = extent(element)?;
    match clip {
        Some(c) => {
            let (a, b) = (a.max(c.min.y), b.min(c.max.y));
            (a <= b).then_some((a, b))
        }
        None => Some((a, b)),
    }
}

fn extent(element: &Element) -> Option<(f32, f32)> {
    match element {
        Element::Path(path) => {
            let r = bounds(path);
            let half = path.stroke.width / 2.0;
            (r.min.y <= r.max.y).then_some((r.min.y - half, r.max.y + half))
        }
        // From the ascender to below the descender.
        Element::Text(run) => Some((run.baseline - run.size, run.baseline + run.size * 0.3)),
    }
}

/// The elements that start in `from..to`, moved down by `shift`, in their groups.
fn page_nodes(nodes: &[Node], from: f32, to: f32, shift: f32, page: Vec2) -> Vec<Node> {
    let page_rect = Rect::from_min_size(Pos2::ZERO, page);
    nodes
        .iter()
        .filter_map(|node| match node {
            Node::Group { name, nodes } => {
                let nodes = page_nodes(nodes, from, to, shift, page);
                (!nodes.is_empty()).then_some(Node::Group { name, nodes })
            }
            Node::Element { clip, element } => {
                let top = clipped_extent(element, *clip)?.0;
                if top < from || top >= to {
                    return None;
                }
                let clip = clip
                    .map(|c| c.translate(Vec2::new(0.0, shift)))
                    .filter(|c| !c.contains_rect(page_rect))
                    .map(|c| c.intersect(page_rect));
                Some(Node::Element {
                    clip,
                    element: element.shifted(shift),
                })
            }
        })
        .collect()
}

impl Element {
    fn shifted(&self, dy: f32) -> Self {
        let d = Vec2::new(0.0, dy);
        match self {
            Self::Path(path) => Self::Path(Path {
                commands: path
                    .commands
                    .iter()
                    .map(|c| match *c {
                        Command::Move(p) => Command::Move(p + d),
                        Command::Line(p) => Command::Line(p + d),
                        Command::Quad(a, b) => Command::Quad(a + d, b + d),
                        Command::Cubic(a, b, c) => Command::Cubic(a + d, b + d, c + d),
                        Command::Close => Command::Close,
                    })
                    .collect(),
                fill: path.fill,
                stroke: path.stroke,
            }),
            Self::Text(run) => Self::Text(TextRun {
                chars: run.chars.clone(),
                baseline: run.baseline + dy,
                size: run.size,
                color: run.color,
                halo: run.halo,
            }),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_ligatures_width_is_shared_by_its_characters() {
        // "fig": egui's "fi" ligature 10 wide at x 0, the "i" a zero-width glyph at x 10.
        let glyphs = [
            ('f', Pos2::new(0.0, 5.0), 10.0),
            ('i', Pos2::new(10.0, 5.0), 0.0),
            ('g', Pos2::new(10.0, 5.0), 6.0),
        ];
        assert_eq!(unligated(&glyphs), [('f', 0.0), ('i', 5.0), ('g', 10.0)]);
    }

    fn line(y: f32) -> Node {
        Node::Element {
            clip: None,
            element: Element::Text(TextRun {
                chars: vec![('a', 0.0)],
                baseline: y,
                size: 10.0,
                color: Color32::BLACK,
                halo: None,
            }),
        }
    }

    fn baselines(nodes: &[Node]) -> Vec<f32> {
        text_runs(nodes).iter().map(|r| r.baseline).collect()
    }

    #[test]
    fn pages_are_cut_between_lines_and_keep_a_group_whole() {
        // Lines every 20 points from 20 to 400, and a group of two lines at 215 and 235.
        let mut nodes: Vec<Node> = (1..=20)
            .filter(|k| !(11..=12).contains(k))
            .map(|k| line(k as f32 * 20.0))
            .collect();
        nodes.insert(
            10,
            Node::Group {
                name: "panel",
                nodes: vec![line(215.0), line(235.0)],
            },
        );
        let drawing = Drawing {
            size: Vec2::new(100.0, 420.0),
            nodes,
        };
        let pages = drawing.paginate(Vec2::new(100.0, 120.0), 10.0, 10.0);
        let all: Vec<f32> = pages.iter().flat_map(|p| baselines(&p.nodes)).collect();
        assert_eq!(all.len(), 20, "every line once");
        for (i, page) in pages.iter().enumerate() {
            for y in baselines(&page.nodes) {
                // A line spans baseline − 10 to baseline + 3: all of it on the page.
                assert!(
                    y - 10.0 >= 0.0 && y + 3.0 <= 110.0,
                    "page {i}: a line at {y}"
                );
            }
        }
        let with_group = pages
            .iter()
            .filter(|p| p.nodes.iter().any(|n| matches!(n, Node::Group { .. })))
            .count();
        assert_eq!(with_group, 1, "the group is on one page");
    }
}
