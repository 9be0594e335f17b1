//! The report on a county (or the city): the map, its charts and figures, its projects and the
//! sources, as one A4 image fitted to the page, or as A4 PDF pages that leave nothing out and
//! quote under each source the passages the figures come from.

use egui::Vec2;

use super::offscreen::{self, Painted};
use super::sheets::{self, PageFit};
use super::vector::Drawing;
use super::{A4_300DPI, ExportError, Request, pdf, report_charts};
use crate::ui::chart_view::colors;
use egui::RichText;
use zq_core::Model;
use zq_core::charts::Chart;
use zq_core::i18n::Msg;

/// A report page: its size in points and how many pixels per point it is painted at.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Page {
    pub size: Vec2,
    pub pixels_per_point: f32,
}

impl Page {
    /// The PNG: A4 at 300 dpi, laid out 1000 points wide (text of 12 points prints at 7).
    pub const RASTER: Self = Self {
        size: Vec2::new(1000.0, 1000.0 * A4_300DPI[1] as f32 / A4_300DPI[0] as f32),
        pixels_per_point: A4_300DPI[0] as f32 / 1000.0,
    };
    /// The PDF: A4 (595.28 × 841.89 PDF points), so text prints at its size on screen.
    pub const PDF: Self = Self {
        size: Vec2::new(
            595.28 / pdf::POINTS_PER_UI_POINT,
            841.89 / pdf::POINTS_PER_UI_POINT,
        ),
        pixels_per_point: 1.0,
    };
}

/// The first page, laid out as `fit` says.
pub fn paint_first_page(
    model: &Model,
    request: &Request,
    charts: &[Chart],
    fit: PageFit,
    page: Page,
) -> Painted {
    let selection = request.selection();
    offscreen::paint(page.size, page.pixels_per_point, |ui| {
        sheets::report_sheet_ui(
            ui,
            model,
            &selection,
            &request.layers,
            charts,
            fit,
            request.lang,
        );
    })
}

/// The report as A4 pages: everything, nothing left out (all the county's charts, each fact,
/// the passages quoted under each source), laid out once at the page's width and cut between
/// lines and blocks.
pub fn pages(model: &Model, request: &Request) -> Result<Vec<Drawing>, ExportError> {
    let page = Page::PDF;
    let charts = report_charts(model, request.county.as_deref())?;
    let fit = PageFit::EVERYTHING;
    let selection = request.selection();
    let draw = |ui: &mut egui::Ui| {
        sheets::report_sheet_ui(
            ui,
            model,
            &selection,
            &request.layers,
            &charts,
            fit,
            request.lang,
        );
    };
    let height = offscreen::measure_height(page.size.x, draw).max(page.size.y);
    let whole = offscreen::paint_vector(Vec2::new(page.size.x, height), draw).to_drawing();
    let mut pages = whole.paginate(page.size, sheets::MARGIN * 1.5, sheets::MARGIN * 1.5);
    // Each page's number at its foot, in the bottom margin.
    let total = pages.len();
    for (i, drawing) in pages.iter_mut().enumerate() {
        let footer = Vec2::new(page.size.x, sheets::MARGIN);
        let number = zq_core::fill!(Msg::PageOf, request.lang, n = i + 1, total = total);
        let painted = offscreen::paint_vector(footer, |ui| {
            ui.centered_and_justified(|ui| {
                ui.label(RichText::new(&number).size(10.0).color(colors::WEAK_TEXT));
            });
        });
        drawing.append(painted.to_drawing(), page.size.y - sheets::MARGIN * 1.25);
    }
    Ok(pages)
}

/// The report as a PDF.
pub fn pdf(model: &Model, request: &Request) -> Result<Vec<u8>, ExportError> {
    let title = sheets::map_title(model, &request.selection(), request.lang);
    Ok(pdf::to_pdf(&pages(model, request)?, &title)?)
}
