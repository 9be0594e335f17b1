//! Named runs of painted shapes ("counties", "legend", …), so that a vector export can write
//! each as a group a designer can select and restyle. Painting is the same with or without it:
//! the names are only recorded while an export asks ([`record`]), in the context's memory.
//! (While it records, the map paints its outlines as lines rather than as kept meshes.)

use std::ops::Range;

use egui::{Context, Id, LayerId, Painter, Shape, Ui};

/// One named run: the shapes `shapes` (indices into `layer`'s paint list) were painted inside
/// [`group`] `name`.
#[derive(Clone, Debug, PartialEq)]
pub struct Span {
    pub name: &'static str,
    pub layer: LayerId,
    pub shapes: Range<usize>,
    /// The pass it was painted in: a frame egui runs twice (a discarded pass) leaves spans of
    /// the first, which index shapes that are gone.
    pub pass: u64,
}

/// The group around a text's halo copies (the map's labels): a vector file draws the halo as
/// an outline of the one text, so that the name is in the file once.
pub const HALO: &str = "halo";

#[derive(Clone, Default)]
struct Recording(Vec<Span>);

fn key() -> Id {
    Id::NULL.with("zq_map::shape_groups")
}

/// Starts (or restarts) recording in `ctx`: call before each pass whose spans are wanted.
pub fn record(ctx: &Context) {
    ctx.data_mut(|d| d.insert_temp(key(), Recording::default()));
}

/// Stops recording and returns the spans of the last pass, in the order their groups ended
/// (inner before outer).
pub fn take(ctx: &Context) -> Vec<Span> {
    let spans = ctx
        .data_mut(|d| d.remove_temp::<Recording>(key()))
        .map(|r| r.0)
        .unwrap_or_default();
    let last = spans.iter().map(|s| s.pass).max().unwrap_or_default();
    spans.into_iter().filter(|s| s.pass == last).collect()
}

/// Whether an export is reading this frame's shapes: painting code that keeps meshes for speed
/// paints the shapes themselves instead, so that they can be written as vectors.
pub fn recording(ctx: &Context) -> bool {
    ctx.data(|d| d.get_temp::<Recording>(key()).is_some())
}

/// Runs `paint`, naming what it paints with `painter` (or a painter on the same layer) `name`.
pub fn group<R>(painter: &Painter, name: &'static str, paint: impl FnOnce() -> R) -> R {
    let ctx = painter.ctx();
    if !recording(ctx) {
        return paint();
    }
    // A no-op shape marks each end: it draws nothing, and its index is where the run begins.
    let start = painter.add(Shape::Noop).0;
    let result = paint();
    let end = painter.add(Shape::Noop).0;
    let span = Span {
        name,
        layer: painter.layer_id(),
        shapes: start..end,
        pass: ctx.cumulative_pass_nr(),
    };
    ctx.data_mut(|d| d.get_temp_mut_or_default::<Recording>(key()).0.push(span));
    result
}

/// Names the parts of what `paint` paints that code outside this program draws in one go (a
/// plot's axes, grid and series): each run of shapes that `part` gives the same name is a group
/// of that name.
pub fn split<R>(
    painter: &Painter,
    paint: impl FnOnce() -> R,
    part: impl Fn(&egui::epaint::ClippedShape) -> &'static str,
) -> R {
    let ctx = painter.ctx();
    if !recording(ctx) {
        return paint();
    }
    let layer = painter.layer_id();
    let next = || ctx.graphics(|g| g.get(layer).map_or(0, |l| l.next_idx().0));
    let start = next();
    let result = paint();
    let pass = ctx.cumulative_pass_nr();
    let mut spans: Vec<Span> = Vec::new();
    ctx.graphics(|g| {
        let Some(list) = g.get(layer) else { return };
        for (index, shape) in list.all_entries().enumerate().skip(start) {
            let name = part(shape);
            match spans.last_mut() {
                Some(span) if span.name == name => span.shapes.end = index + 1,
                _ => spans.push(Span {
                    name,
                    layer,
                    shapes: index..index + 1,
                    pass,
                }),
            }
        }
    });
    ctx.data_mut(|d| {
        d.get_temp_mut_or_default::<Recording>(key())
            .0
            .extend(spans)
    });
    result
}

/// [`group`] for what a `Ui` lays out and paints.
pub fn group_ui<R>(ui: &mut Ui, name: &'static str, add: impl FnOnce(&mut Ui) -> R) -> R {
    let painter = ui.painter().clone();
    group(&painter, name, || add(ui))
}
