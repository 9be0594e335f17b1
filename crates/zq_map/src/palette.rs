//! The map's colours, chosen for print: light fills, dark outlines, one accent for selection.
use egui::Color32;

pub const WATER: Color32 = Color32::from_rgb(0xE8, 0xEE, 0xF3);
pub const LAND: Color32 = Color32::from_rgb(0xF4, 0xF0, 0xE6);
pub const NO_DATA: Color32 = Color32::from_rgb(0xD9, 0xD9, 0xD9);
pub const SELECTED_FILL: Color32 = Color32::from_rgb(0xD4, 0xE4, 0xF7);
pub const SELECTED_STROKE: Color32 = Color32::from_rgb(0x1F, 0x5F, 0xA8);
pub const BORDER: Color32 = Color32::from_rgb(0x6E, 0x6A, 0x60);
pub const LABEL: Color32 = Color32::from_rgb(0x2B, 0x2B, 0x2B);
pub const HALO: Color32 = Color32::from_rgba_premultiplied(0xFF, 0xFF, 0xFF, 0xD0);
pub const CONTEXT_LAND: Color32 = Color32::from_rgb(0xE4, 0xE4, 0xE2);
pub const CONTEXT_BORDER: Color32 = Color32::from_rgb(0xB4, 0xB4, 0xB0);
pub const CONTEXT_LABEL: Color32 = Color32::from_rgb(0x80, 0x80, 0x7C);
pub const PANEL_BG: Color32 = Color32::from_rgba_premultiplied(0xF8, 0xF8, 0xF8, 0xE6);
