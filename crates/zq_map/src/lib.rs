//! The map widget: layers over the one [`Projector`](zq_core::geometry::Projector), with pan,
//! zoom, hover and click, a layer panel, a legend, a scale bar and a north arrow. The window
//! shows it ([`MapView`]); the export paints the same layers ([`paint_map`]).

mod background;
mod context_layer;
mod convert;
pub mod counties;
pub mod decorations;
mod furniture;
pub mod highlight;
pub mod labels;
pub mod layers;
pub mod legend;
pub mod palette;
pub mod picture;
pub mod projects;
pub mod region_cache;
pub mod shape_groups;
mod view;

use egui::{Painter, Pos2, Ui};

use zq_core::i18n::Lang;

use context_layer::ContextLayer;
use counties::CountiesLayer;
use highlight::HighlightLayer;
use labels::LabelsLayer;
use projects::ProjectsLayer;

pub use convert::{lonlat_box, to_coord, to_pos2};
pub use layers::{
    Hit, LayerCaches, LayerContext, LayerSettings, Loaded, MapInputs, MapLayer, Reserved,
};
pub use view::{MapClick, MapOutput, MapView, SavedView};

/// Every layer, bottom to top. Painting goes up the list; the pointer, the layer panel and the
/// legend come down it (topmost first). A new layer is a file with a [`MapLayer`] and a line
/// here.
pub const LAYERS: &[&dyn MapLayer] = &[
    &ContextLayer,
    &CountiesLayer,
    &ProjectsLayer,
    &LabelsLayer,
    &HighlightLayer,
];

/// Paints every layer: the one drawing of the map, for the window and for export. With a
/// `picture` (a window drawn by a software renderer), the layers that do not follow the pointer
/// are drawn from it while only the view moves (see [`picture`]).
pub fn paint_map(
    painter: &Painter,
    cx: &LayerContext<'_>,
    picture: Option<&mut picture::MapPicture>,
) {
    let base = |painter: &Painter| {
        shape_groups::group(painter, "water", || {
            painter.rect_filled(painter.clip_rect(), 0.0, palette::WATER);
        });
        for layer in LAYERS.iter().filter(|l| !l.follows_pointer()) {
            shape_groups::group(painter, layer.name(), || layer.paint(painter, cx));
        }
    };
    match picture {
        Some(picture) => {
            let key = picture::Key {
                inputs: cx.inputs.key(),
                pixels_per_point: painter.ctx().pixels_per_point(),
            };
            picture.paint(painter, cx.projector, key, palette::WATER, base);
        }
        None => base(painter),
    }
    for layer in LAYERS.iter().filter(|l| l.follows_pointer()) {
        shape_groups::group(painter, layer.name(), || layer.paint(painter, cx));
    }
}

/// What lies under `pos_in_ui`: the topmost layer that answers wins.
pub fn hit_test(pos_in_ui: Pos2, cx: &LayerContext<'_>) -> Option<Hit> {
    LAYERS
        .iter()
        .rev()
        .find_map(|layer| layer.hit(pos_in_ui, cx))
}

/// Each layer's switches, topmost first.
pub fn layers_ui(ui: &mut Ui, settings: &mut LayerSettings, lang: Lang) {
    // One line each: in the map's narrow floating panel, names would otherwise wrap a word
    // (or a letter) per line.
    ui.style_mut().wrap_mode = Some(egui::TextWrapMode::Extend);
    for layer in LAYERS.iter().rev() {
        layer.settings_ui(ui, settings, lang);
    }
}

/// Whether any layer has something in the legend now.
pub fn has_legend(cx: &LayerContext<'_>) -> bool {
    LAYERS.iter().any(|layer| layer.in_legend(cx))
}

/// The legend for whatever layers are on, topmost first: in the window's corner and beside an
/// exported map.
pub fn legend_ui(ui: &mut Ui, cx: &LayerContext<'_>) {
    ui.spacing_mut().item_spacing.y = 3.0;
    for layer in LAYERS.iter().rev().filter(|l| l.in_legend(cx)) {
        layer.legend_ui(ui, cx);
    }
}
