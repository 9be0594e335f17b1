//! What is under the pointer, drawn over the map every frame: the one part of the map that
//! changes while the pointer moves, so the rest can be kept as a picture (see `picture`).

use egui::{Color32, Painter};

use super::counties::{paint_fill, wears_selection_fill};
use super::layers::{Hit, LayerContext, MapLayer};
use super::projects::paint_hovered;

/// What is under the pointer, drawn every frame over the rest of the map (which may be a kept
/// picture, see `picture`): the hovered county shaded, hovered project symbols emphasized.
pub struct HighlightLayer;

/// Over a county's fill: a tenth darker. It shades the names and symbols on the county alike.
const HOVER_SHADE: Color32 = Color32::from_black_alpha(26);

impl MapLayer for HighlightLayer {
    fn name(&self) -> &'static str {
        "highlight"
    }

    fn follows_pointer(&self) -> bool {
        true
    }

    fn paint(&self, painter: &Painter, cx: &LayerContext<'_>) {
        match cx.hovered {
            Some(Hit::County(i)) => {
                let geometry = &cx.model().boundaries;
                let level = geometry
                    .lod
                    .level_index_for(cx.projector.points_per_degree());
                if let (false, Some((_, fill))) =
                    (wears_selection_fill(cx, *i), geometry.drawn(level, *i))
                {
                    paint_fill(painter, fill, cx.projector, HOVER_SHADE);
                }
            }
            Some(Hit::Projects(hovered)) => paint_hovered(painter, cx, hovered),
            None => {}
        }
    }
}
