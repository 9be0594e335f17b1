//! Fonts: the embedded CJK font first, so Chinese renders as Chinese on any machine, with egui's
//! own fonts behind it for the few symbols it lacks.

use std::sync::Arc;

use egui::{FontData, FontDefinitions, FontFamily};

use zq_core::embedded;

const CJK: &str = "NotoSansSC-Subset";

pub fn install_fonts(ctx: &egui::Context) {
    ctx.set_fonts(font_definitions());
}

pub fn font_definitions() -> FontDefinitions {
    let mut fonts = FontDefinitions::default();
    fonts.font_data.insert(
        CJK.to_owned(),
        Arc::new(FontData::from_static(embedded::CJK_FONT.bytes)),
    );
    if let Some(family) = fonts.families.get_mut(&FontFamily::Proportional) {
        family.insert(0, CJK.to_owned());
    }
    if let Some(family) = fonts.families.get_mut(&FontFamily::Monospace) {
        family.push(CJK.to_owned());
    }
    fonts
}

/// Light theme (the map and charts are made for print) and the CJK font: the window and the
/// headless export start the same way.
///
/// Tooltips still wait for the pointer to rest (egui's delay after the last move), but not by
/// asking for a frame after every frame while it moves: over the map and the charts that was
/// the whole of a software renderer's main thread during every drag.
pub fn setup_context(ctx: &egui::Context) {
    install_fonts(ctx);
    ctx.set_theme(egui::Theme::Light);
    ctx.all_styles_mut(|style| style.interaction.show_tooltips_only_when_still = false);
}
