//! The prefectures around Zhaoqing in grey, so a reader sees where the city lies.

use egui::{Painter, Stroke, Ui};

use zq_core::i18n::{Lang, Msg};

use super::layers::{LayerContext, LayerSettings, MapLayer};
use super::legend::{row, swatch};
use super::palette;
use super::region_cache::RegionCache;

pub struct ContextLayer;

/// The neighbours' meshes, kept between frames.
#[derive(Default)]
struct ContextMeshes(RegionCache);

impl MapLayer for ContextLayer {
    fn name(&self) -> &'static str {
        "context"
    }

    fn paint(&self, painter: &Painter, cx: &LayerContext<'_>) {
        if !cx.settings().context {
            return;
        }
        cx.with_cache(|meshes: &mut ContextMeshes| {
            meshes.0.paint(
                painter,
                &cx.model().context,
                cx.projector,
                Stroke::new(0.8, palette::CONTEXT_BORDER),
                |_| palette::CONTEXT_LAND,
            );
        });
    }

    fn settings_ui(&self, ui: &mut Ui, settings: &mut LayerSettings, lang: Lang) {
        ui.checkbox(
            &mut settings.context,
            Msg::NeighbouringPrefecturesLayer.text(lang),
        );
    }

    fn in_legend(&self, cx: &LayerContext<'_>) -> bool {
        cx.settings().context
    }

    fn legend_ui(&self, ui: &mut Ui, cx: &LayerContext<'_>) {
        row(
            ui,
            |ui| swatch(ui, palette::CONTEXT_LAND),
            Msg::NeighbouringPrefectures.text(cx.lang()),
        );
    }
}
