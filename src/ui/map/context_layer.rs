//! The prefectures around Zhaoqing in grey, so a reader sees where the city lies.

use egui::{Painter, Stroke};

use super::counties::{paint_fill, paint_outline};
use super::layers::{LayerContext, MapLayer};
use super::palette;

pub struct ContextLayer;

impl MapLayer for ContextLayer {
    fn paint(&self, painter: &Painter, cx: &LayerContext<'_>) {
        if !cx.settings.context {
            return;
        }
        for (region, fill) in cx.model.context.regions.iter().zip(&cx.model.context_fills) {
            paint_fill(painter, fill, cx.projector, palette::CONTEXT_LAND);
            paint_outline(
                painter,
                region,
                cx.projector,
                Stroke::new(0.8, palette::CONTEXT_BORDER),
            );
        }
    }
}
