//! Exporting what the window draws, without a window.
//!
//! Charts and maps are exported by painting them with the same egui code as the window
//! ([`sheets`] calls the window's `chart_ui` and `paint_map`), running egui headless
//! ([`offscreen`]) and rasterizing egui's tessellated output on the CPU ([`raster`]): one
//! drawing path, and no GPU device to create, which is what makes a headless export fast.
//! Charts can also be written as SVG ([`svg`]) from the same painted shapes.

pub mod offscreen;
pub mod sheets;
pub mod svg;

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
/// An A4 page at 300 dpi, in pixels.
pub const A4_300DPI: [u32; 2] = [2480, 3508];
/// The report page's width in points: text of 12 points prints at about 7 points on A4.
const REPORT_WIDTH: f32 = 1000.0;
/// The page's height in points: A4 at 300 dpi, laid out REPORT_WIDTH points wide.
const REPORT_HEIGHT: f32 = REPORT_WIDTH * A4_300DPI[1] as f32 / A4_300DPI[0] as f32;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    Png,
    Svg,
}

impl Format {
    /// From a file name's extension.
    pub fn of_path(path: &Path) -> Option<Self> {
        match path.extension()?.to_str()?.to_ascii_lowercase().as_str() {
            "png" => Some(Self::Png),
            "svg" => Some(Self::Svg),
            _ => None,
        }
    }

    pub fn extension(self) -> &'static str {
        match self {
            Self::Png => "png",
            Self::Svg => "svg",
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
    #[error("{0} can only be exported as PNG")]
    PngOnly(&'static str),
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

/// A rendered export: pixels with their resolution, or an SVG document.
enum Rendered {
    Image { image: image::RgbaImage, dpi: f32 },
    Svg(String),
}

/// Renders the request to the bytes of its file.
pub fn render(model: &Model, request: &Request) -> Result<Vec<u8>, ExportError> {
    match paint_request(model, request)? {
        Rendered::Image { image, dpi } => encode_png(&image, dpi),
        Rendered::Svg(svg) => Ok(svg.into_bytes()),
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
        Rendered::Svg(_) => Err(ExportError::Encode("an SVG is not an image".to_owned())),
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
    let selection = request.selection();
    let lang = request.lang;
    let scale = request.scale as f32;
    match &request.subject {
        Subject::Chart { id } => {
            let def = ChartDef::by_id(id).ok_or_else(|| ExportError::UnknownChart(id.clone()))?;
            let chart = def.build(&model.dataset, request.county.as_deref())?;
            let draw = |ui: &mut egui::Ui| {
                sheets::chart_sheet_ui(ui, model, &chart, &selection, lang, None)
            };
            let height = offscreen::measure_height(CHART_WIDTH, draw).max(CHART_MIN_HEIGHT);
            let size = Vec2::new(CHART_WIDTH, height);
            let painted = offscreen::paint(size, scale, draw);
            Ok(match request.format {
                Format::Png => Rendered::Image {
                    image: painted.to_image(),
                    dpi: 96.0 * scale,
                },
                Format::Svg => Rendered::Svg(svg::to_svg(&painted.shapes, size)),
            })
        }
        Subject::Map { extent } => {
            if request.format != Format::Png {
                return Err(ExportError::PngOnly("the map"));
            }
            let draw = |ui: &mut egui::Ui| {
                sheets::map_sheet_ui(
                    ui,
                    model,
                    &selection,
                    &request.layers,
                    *extent,
                    MAP_AREA,
                    lang,
                )
            };
            let painted = offscreen::paint(MAP_SIZE, scale, draw);
            Ok(Rendered::Image {
                image: painted.to_image(),
                dpi: 96.0 * scale,
            })
        }
        Subject::Report => {
            if request.format != Format::Png {
                return Err(ExportError::PngOnly("the report sheet"));
            }
            let (charts, fit) = fit_report(model, request)?;
            let height = REPORT_HEIGHT;
            let draw = |ui: &mut egui::Ui| {
                sheets::report_sheet_ui(
                    ui,
                    model,
                    &request.selection(),
                    &request.layers,
                    &charts,
                    fit,
                    request.lang,
                )
            };
            let ppp = A4_300DPI[0] as f32 / REPORT_WIDTH;
            let painted = offscreen::paint(Vec2::new(REPORT_WIDTH, height), ppp, draw);
            Ok(Rendered::Image {
                image: painted.to_image(),
                dpi: 300.0,
            })
        }
    }
}

/// What a report page holds and how it is laid out to fill A4 without running over: the charts
/// (the county's fact sheet first) and the [`PageFit`].
pub fn fit_report(model: &Model, request: &Request) -> Result<(Vec<Chart>, PageFit), ExportError> {
    let selection = request.selection();
    let lang = request.lang;
    let mut charts = report_charts(model, request.county.as_deref())?;
    let height = REPORT_HEIGHT;
    let sheet = |ui: &mut egui::Ui, charts: &[Chart], fit: PageFit| {
        sheets::report_sheet_ui(ui, model, &selection, &request.layers, charts, fit, lang)
    };
    let fits = |charts: &[Chart], fit: PageFit| {
        let draw = |ui: &mut egui::Ui| sheet(ui, charts, fit);
        offscreen::measure_height(REPORT_WIDTH, draw) <= height
    };
    // Fitting gives up, in turn: the map's size (to 0.8), cards (for lines), the list of
    // the county's projects, the charts after the first (the county's fact sheet), the
    // first's bars (for lines), and last its figures one by one, which the page counts.
    let mut fit = PageFit {
        map_scale: 0.8,
        fact_lines: false,
        projects: true,
        omitted: 0,
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
fn report_charts(model: &Model, county: Option<&str>) -> Result<Vec<Chart>, ExportError> {
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
