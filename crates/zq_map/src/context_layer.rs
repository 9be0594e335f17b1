//! The prefectures around Zhaoqing in grey, so a reader sees where the city lies.

use egui::{Painter, Stroke};

use super::layers::{LayerContext, MapLayer};
use super::palette;

pub struct ContextLayer;

impl MapLayer for ContextLayer {
    fn paint(&self, painter: &Painter, cx: &LayerContext<'_>) {
        if !cx.settings.context {
            return;
        }
        cx.caches.borrow_mut().context.paint(
            painter,
            &cx.model.context,
            cx.projector,
            Stroke::new(0.8, palette::CONTEXT_BORDER),
            |_| palette::CONTEXT_LAND,
        );
    }
}
