//! Where the things drawn over the map sit: buttons, the layer panel, the legend, the scale bar
//! and the north arrow. Names on the map keep clear of them.

use egui::{Pos2, Rect, Ui, Vec2};

use super::decorations;

/// The map's furniture in one frame.
pub struct Furniture {
    pub map: Rect,
    pub reset: Rect,
    pub export: Rect,
    pub layer_panel: egui::Id,
    pub legend: egui::Id,
    /// The scale bar's left end and the north arrow's centre.
    pub scale_bar: Pos2,
    pub north_arrow: Pos2,
}

impl Furniture {
    pub const SCALE_BAR_LENGTH: f32 = 110.0;
    pub const NORTH_ARROW_SIZE: f32 = 14.0;

    pub fn of(ui: &Ui, map: Rect) -> Self {
        let button = Vec2::new(100.0, 26.0);
        let reset = Rect::from_min_size(
            Pos2::new(map.right() - button.x - 10.0, map.top() + 10.0),
            button,
        );
        Self {
            map,
            reset,
            export: reset.translate(Vec2::new(-button.x - 6.0, 0.0)),
            layer_panel: ui.scope_id().with("layer_panel"),
            legend: ui.scope_id().with("map_legend"),
            scale_bar: map.left_bottom() + Vec2::new(16.0, -16.0),
            north_arrow: map.right_top() + Vec2::new(-28.0, 72.0),
        }
    }

    /// Everything it covers; the two panels as they were last drawn (open or closed).
    pub fn reserved(&self, ui: &Ui) -> Vec<Rect> {
        let panels: Vec<Rect> = ui.ctx().memory(|m| {
            [self.layer_panel, self.legend]
                .into_iter()
                .filter_map(|id| m.area_rect(id))
                .collect()
        });
        [
            self.reset,
            self.export,
            decorations::scale_bar_area(self.scale_bar, Self::SCALE_BAR_LENGTH),
            decorations::north_arrow_area(self.north_arrow, Self::NORTH_ARROW_SIZE),
        ]
        .into_iter()
        .chain(panels)
        .collect()
    }
}
