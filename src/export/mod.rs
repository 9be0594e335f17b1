//! Exporting what the window draws, without a window.
//!
//! Charts and maps are exported by painting them with the same egui code as the window
//! ([`sheets`] calls the window's `chart_ui` and `paint_map`), running egui headless
//! ([`offscreen`]) and rasterizing egui's tessellated output on the CPU ([`raster`]): one
//! drawing path, and no GPU device to create, which is what makes a headless export fast.
//! The same painted shapes are read as a vector drawing ([`vector`]) and written as SVG
//! ([`svg`]) or PDF ([`pdf`]); the report is also a Word document ([`docx`]).

pub mod docx;
pub mod offscreen;
pub mod pdf;
pub mod report;
pub mod sheets;
pub mod svg;
pub mod vector;

use std::path::{Path, PathBuf};

use egui::Vec2;

use zq_core::Model;
use zq_core::atomic_write::{WriteError, write_atomic};
use zq_core::charts::{CHARTS, Chart, ChartDef};
use zq_core::i18n::Lang;
use zq_core::selection::Selection;
use zq_map::LayerSettings;

pub use sheets::{MapExtent, PageFit};

/// Width of a chart or map image at 1×, in points (= pixels at 1×).
pub const CHART_WIDTH: f32 = 1200.0;
/// The least height of a chart image at 1×.
pub const CHART_MIN_HEIGHT: f32 = 700.0;
/// The map image at 1×: wide enough for the legend beside a tall city.
pub const MAP_SIZE: Vec2 = Vec2::new(1200.0, 1000.0);
/// The map itself on the map sheet; the legend takes the rest of the width.
pub const MAP_AREA: Vec2 = Vec2::new(MAP_SIZE.x * 0.68, MAP_SIZE.y - 140.0);
/// A chart in a PDF: 605 points, 16 cm at 96 dpi, the text width of an A4 Word page, so it
/// prints at that width with its text at the size it has on screen.
pub const CHART_PDF_WIDTH: f32 = 605.0;
/// The map sheet in a PDF: 16 cm wide, with room for the legend beside the map.
pub const MAP_PDF_SIZE: Vec2 = Vec2::new(CHART_PDF_WIDTH, 600.0);
/// The map itself on the PDF map sheet.
pub const MAP_PDF_AREA: Vec2 = Vec2::new(MAP_PDF_SIZE.x * 0.66, MAP_PDF_SIZE.y - 130.0);
/// An A4 page at 300 dpi, in pixels.
pub const A4_300DPI: [u32; 2] = [2480, 3508];

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    Png,
    Svg,
    Pdf,
    /// A Word document: the report only.
    Docx,
}

impl Format {
    /// From a file name's extension.
    pub fn of_path(path: &Path) -> Option<Self> {
        match path.extension()?.to_str()?.to_ascii_lowercase().as_str() {
            "png" => Some(Self::Png),
            "svg" => Some(Self::Svg),
            "pdf" => Some(Self::Pdf),
            "docx" => Some(Self::Docx),
            _ => None,
        }
    }

    pub fn extension(self) -> &'static str {
        match self {
            Self::Png => "png",
            Self::Svg => "svg",
            Self::Pdf => "pdf",
            Self::Docx => "docx",
        }
    }
}

/// What to export.
#[derive(Clone, Debug, PartialEq)]
pub enum Subject {
    Chart {
        id: String,
    },
    Map {
        extent: MapExtent,
    },
    /// An A4 page: the map, the selected county's charts and the sources.
    Report,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Request {
    pub subject: Subject,
    /// The county to select (and for the per-county chart, to show).
    pub county: Option<String>,
    pub project: Option<String>,
    /// 1, 2 or 4: pixels per point.
    pub scale: u32,
    pub lang: Lang,
    pub format: Format,
    pub layers: LayerSettings,
}

#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    #[error("unknown chart {0:?}; `zhaoqing-explorer charts` lists them")]
    UnknownChart(String),
    #[error("unknown county {0:?}; use one of the eight adcodes (441202 … 441284)")]
    UnknownCounty(String),
    #[error("scale must be 1, 2 or 4, not {0}")]
    BadScale(u32),
    #[error("{what} can be exported as {formats}, not as {format}")]
    NotAs {
        what: &'static str,
        formats: &'static str,
        format: &'static str,
    },
    #[error(transparent)]
    Pdf(#[from] pdf::PdfError),
    #[error("the Word document could not be written: {0}")]
    Docx(String),
    #[error("the chart could not be built: {0}")]
    Chart(#[from] zq_core::charts::ChartError),
    #[error("could not encode the PNG: {0}")]
    Encode(String),
    #[error(transparent)]
    Write(#[from] WriteError),
}

impl Request {
    /// A file name for this export: chart id (or map/report), county, scale, extension.
    pub fn file_name(&self) -> String {
        let what = match &self.subject {
            Subject::Chart { id } => id.as_str(),
            Subject::Map { .. } => "map",
            Subject::Report => "report",
        };
        let county = self
            .county
            .as_deref()
            .map(|c| format!("_{c}"))
            .unwrap_or_default();
        let lang = if self.lang.is_en() { "_en" } else { "" };
        let scale = if self.format == Format::Png && self.scale != 1 {
            format!("@{}x", self.scale)
        } else {
            String::new()
        };
        format!(
            "zhaoqing_{what}{county}{lang}{scale}.{}",
            self.format.extension()
        )
    }

    fn selection(&self) -> Selection {
        Selection {
            county: self.county.clone(),
            project: self.project.clone(),
        }
    }
}

/// A rendered export: pixels with their resolution, or the bytes of a document.
enum Rendered {
    Image { image: image::RgbaImage, dpi: f32 },
    Document(Vec<u8>),
}

/// Renders the request to the bytes of its file.
pub fn render(model: &Model, request: &Request) -> Result<Vec<u8>, ExportError> {
    match paint_request(model, request)? {
        Rendered::Image { image, dpi } => encode_png(&image, dpi),
        Rendered::Document(bytes) => Ok(bytes),
    }
}

/// Renders the request as pixels (for the clipboard), whatever format it names.
pub fn render_image(model: &Model, request: &Request) -> Result<image::RgbaImage, ExportError> {
    match paint_request(
        model,
        &Request {
            format: Format::Png,
            ..request.clone()
        },
    )? {
        Rendered::Image { image, .. } => Ok(image),
        Rendered::Document(_) => Err(ExportError::Encode("a document is not an image".to_owned())),
    }
}

fn paint_request(model: &Model, request: &Request) -> Result<Rendered, ExportError> {
    if !matches!(request.scale, 1 | 2 | 4) {
        return Err(ExportError::BadScale(request.scale));
    }
    if let Some(county) = &request.county
        && model.dataset.county(county).is_none()
    {
        return Err(ExportError::UnknownCounty(county.clone()));
    }
    let scale = request.scale as f32;
    let format = request.format;
    let vector = |painted: &offscreen::Painted, title: String| -> Result<Rendered, ExportError> {
        Ok(Rendered::Document(match format {
            Format::Svg => svg::to_svg(&painted.to_drawing()).into_bytes(),
            _ => pdf::to_pdf(&[painted.to_drawing()], &title)?,
        }))
    };
    match &request.subject {
        Subject::Chart { id } => {
            let def = ChartDef::by_id(id).ok_or_else(|| ExportError::UnknownChart(id.clone()))?;
            if format == Format::Docx {
                return Err(not_as("a chart", "PNG, SVG or PDF", format));
            }
            let chart = def.build(&model.dataset, request.county.as_deref())?;
            let width = match format {
                Format::Pdf => CHART_PDF_WIDTH,
                _ => CHART_WIDTH,
            };
            let painted = paint_chart(model, request, &chart, width, scale);
            match format {
                Format::Png => Ok(Rendered::Image {
                    image: painted.to_image(),
                    dpi: 96.0 * scale,
                }),
                _ => vector(&painted, chart.title(&model.dataset, request.lang)),
            }
        }
        Subject::Map { extent } => {
            if format == Format::Docx {
                return Err(not_as("the map", "PNG, SVG or PDF", format));
            }
            let (size, area) = match format {
                Format::Pdf => (MAP_PDF_SIZE, MAP_PDF_AREA),
                _ => (MAP_SIZE, MAP_AREA),
            };
            let painted = paint_map_sheet(model, request, *extent, size, area, scale);
            match format {
                Format::Png => Ok(Rendered::Image {
                    image: painted.to_image(),
                    dpi: 96.0 * scale,
                }),
                _ => vector(
                    &painted,
                    sheets::map_title(model, &request.selection(), request.lang),
                ),
            }
        }
        Subject::Report => match format {
            Format::Png => {
                let page = report::Page::RASTER;
                let (charts, fit) = fit_report(model, request, page)?;
                let painted = report::paint_first_page(model, request, &charts, fit, page);
                Ok(Rendered::Image {
                    image: painted.to_image(),
                    dpi: 300.0,
                })
            }
            Format::Pdf => Ok(Rendered::Document(report::pdf(model, request)?)),
            Format::Docx => Ok(Rendered::Document(docx::report(model, request)?)),
            Format::Svg => Err(not_as("the report", "PNG, PDF or DOCX", format)),
        },
    }
}

fn not_as(what: &'static str, formats: &'static str, format: Format) -> ExportError {
    ExportError::NotAs {
        what,
        formats,
        format: format.extension(),
    }
}

/// A chart as exported: `width` points wide, as tall as it needs (at least
/// [`CHART_MIN_HEIGHT`] at the image's width), painted for the request's format at `scale`
/// pixels per point.
pub fn paint_chart(
    model: &Model,
    request: &Request,
    chart: &Chart,
    width: f32,
    scale: f32,
) -> offscreen::Painted {
    let selection = request.selection();
    let lang = request.lang;
    let draw = |ui: &mut egui::Ui| sheets::chart_sheet_ui(ui, model, chart, &selection, lang, None);
    let mut height = offscreen::measure_height(width, draw);
    if width >= CHART_WIDTH {
        height = height.max(CHART_MIN_HEIGHT);
    }
    paint(request.format, Vec2::new(width, height), scale, draw)
}

/// The map sheet of `size` points with the map itself `area`, painted for the request's format
/// at `scale` pixels per point.
pub fn paint_map_sheet(
    model: &Model,
    request: &Request,
    extent: MapExtent,
    size: Vec2,
    area: Vec2,
    scale: f32,
) -> offscreen::Painted {
    let selection = request.selection();
    let draw = |ui: &mut egui::Ui| {
        sheets::map_sheet_ui(
            ui,
            model,
            &selection,
            &request.layers,
            extent,
            area,
            request.lang,
        )
    };
    paint(request.format, size, scale, draw)
}

/// Paints for `format`: with the named groups for a vector file.
fn paint(
    format: Format,
    size: Vec2,
    scale: f32,
    draw: impl FnMut(&mut egui::Ui),
) -> offscreen::Painted {
    match format {
        Format::Svg | Format::Pdf => offscreen::paint_vector(size, draw),
        Format::Png | Format::Docx => offscreen::paint(size, scale, draw),
    }
}

/// What a report page holds and how it is laid out to fill A4 without running over: the charts
/// (the county's fact sheet first) and the [`PageFit`].
pub fn fit_report(
    model: &Model,
    request: &Request,
    page: report::Page,
) -> Result<(Vec<Chart>, PageFit), ExportError> {
    let selection = request.selection();
    let lang = request.lang;
    let mut charts = report_charts(model, request.county.as_deref())?;
    let height = page.size.y;
    let sheet = |ui: &mut egui::Ui, charts: &[Chart], fit: PageFit| {
        sheets::report_sheet_ui(ui, model, &selection, &request.layers, charts, fit, lang)
    };
    let fits = |charts: &[Chart], fit: PageFit| {
        let draw = |ui: &mut egui::Ui| sheet(ui, charts, fit);
        offscreen::measure_height(page.size.x, draw) <= height
    };
    // Fitting gives up, in turn: the map's size (to 0.8), cards (for lines), the list of
    // the county's projects, the charts after the first (the county's fact sheet), the
    // first's bars (for lines), and last its figures one by one, which the page counts.
    let mut fit = PageFit {
        map_scale: 0.8,
        fact_lines: false,
        projects: true,
        omitted: 0,
        quotes: false,
    };
    if !fits(&charts, fit) {
        fit.fact_lines = true;
    }
    if !fits(&charts, fit) {
        fit.projects = false;
    }
    while !fits(&charts, fit) {
        if charts.len() > 1 {
            charts.pop();
            continue;
        }
        let Some(last) = charts.last_mut() else { break };
        if let Some(bars) = last
            .panels
            .iter_mut()
            .rev()
            .find(|p| p.style == zq_core::charts::PanelStyle::Bars)
        {
            bars.style = zq_core::charts::PanelStyle::Facts;
            continue;
        }
        match last.pop_item(&model.dataset) {
            Some(_) => fit.omitted += 1,
            None => {
                charts.pop();
            }
        }
        if charts.last().is_some_and(|c| c.panels.is_empty()) {
            charts.pop();
        }
    }
    // Then the largest map that leaves room for the rest, up to a tenth larger (beyond
    // that its legend would no longer fit beside it).
    fit.map_scale = [1.1, 1.05, 1.0, 0.95, 0.9, 0.85]
        .into_iter()
        .find(|&k| {
            fits(
                &charts,
                PageFit {
                    map_scale: k,
                    ..fit
                },
            )
        })
        .unwrap_or(fit.map_scale);
    Ok((charts, fit))
}

/// The charts on a report sheet: for a county, its fact sheet, then the charts in which its
/// figures appear (they are highlighted there), most of its figures first; for the city, the
/// project pipeline and the industry clusters.
pub fn report_charts(model: &Model, county: Option<&str>) -> Result<Vec<Chart>, ExportError> {
    let Some(code) = county else {
        return ["pipeline_2020", "industry_clusters"]
            .iter()
            .filter_map(|id| ChartDef::by_id(id))
            .map(|def| def.build(&model.dataset, None).map_err(ExportError::from))
            .collect();
    };
    let sheet = CHARTS
        .iter()
        .find(|d| d.follows_county())
        .map(|d| d.build(&model.dataset, Some(code)))
        .transpose()?;
    let mut charts: Vec<(usize, Chart)> = Vec::new();
    for def in CHARTS
        .iter()
        .filter(|d| !d.follows_county() && d.layout == zq_core::charts::Layout::Bars)
    {
        let mut chart = def.build(&model.dataset, None)?;
        // Only the bar panels where the county appears, its bars highlighted among their peers
        // (its facts on cards are on its fact sheet already).
        chart.retain_panels(&model.dataset, |p| {
            p.style == zq_core::charts::PanelStyle::Bars
                && p.items.iter().any(|i| i.county.as_deref() == Some(code))
        });
        let mine = chart
            .items()
            .filter(|i| i.county.as_deref() == Some(code))
            .count();
        if mine > 0 {
            charts.push((mine, chart));
        }
    }
    charts.sort_by_key(|(mine, _)| std::cmp::Reverse(*mine));
    Ok(sheet
        .into_iter()
        .chain(charts.into_iter().map(|(_, c)| c))
        .collect())
}

/// Renders the request and writes it to `path` atomically.
pub fn export_to(model: &Model, request: &Request, path: &Path) -> Result<(), ExportError> {
    let bytes = render(model, request)?;
    write_atomic(path, &bytes)?;
    Ok(())
}

/// Writes every chart (PNG) and the map into `dir`; returns the files written.
pub fn export_all(model: &Model, base: &Request, dir: &Path) -> Result<Vec<PathBuf>, ExportError> {
    export_all_with_progress(model, base, dir, |_, _| true)
}

/// [`export_all`], telling `progress(done, total)` after each file; it returns false to stop.
pub fn export_all_with_progress(
    model: &Model,
    base: &Request,
    dir: &Path,
    mut progress: impl FnMut(usize, usize) -> bool,
) -> Result<Vec<PathBuf>, ExportError> {
    // A folder named for the batch ("charts/") need not exist yet, nor its parents.
    std::fs::create_dir_all(dir).map_err(|source| WriteError {
        path: dir.display().to_string(),
        source,
    })?;
    let mut written = Vec::new();
    let subjects: Vec<Subject> = CHARTS
        .iter()
        .map(|def| Subject::Chart {
            id: def.id.to_owned(),
        })
        .chain(std::iter::once(Subject::Map {
            extent: MapExtent::WholeCity,
        }))
        .collect();
    let total = subjects.len();
    for subject in subjects {
        if !progress(written.len(), total) {
            break;
        }
        let request = Request {
            subject,
            format: Format::Png,
            ..base.clone()
        };
        let path = dir.join(request.file_name());
        export_to(model, &request, &path)?;
        written.push(path);
    }
    Ok(written)
}

/// PNG with its resolution recorded, so a word processor places it at the intended size.
fn encode_png(image: &image::RgbaImage, dpi: f32) -> Result<Vec<u8>, ExportError> {
    let mut bytes = Vec::new();
    {
        let mut encoder = png::Encoder::new(&mut bytes, image.width(), image.height());
        encoder.set_color(png::ColorType::Rgba);
        encoder.set_depth(png::BitDepth::Eight);
        encoder.set_compression(png::Compression::Fast);
        let per_metre = (dpi / 0.0254).round() as u32;
        encoder.set_pixel_dims(Some(png::PixelDimensions {
            xppu: per_metre,
            yppu: per_metre,
            unit: png::Unit::Meter,
        }));
        let mut writer = encoder
            .write_header()
            .map_err(|e| ExportError::Encode(e.to_string()))?;
        writer
            .write_image_data(image.as_raw())
            .map_err(|e| ExportError::Encode(e.to_string()))?;
        writer
            .finish()
            .map_err(|e| ExportError::Encode(e.to_string()))?;
    }
    Ok(bytes)
}
