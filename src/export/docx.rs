//! The report as a Word document (through `docx-rs`), a draft to write a report from: headings,
//! the map and the bars of each of the county's charts as images with numbered captions and
//! their sources, its figures as a table whose sources are footnotes quoting the article, and
//! the numbered list of sources. The images are the PNG export of each, at 2×, 16 cm wide.

use docx_rs::{
    BreakType, Docx, Footnote, Paragraph, Pic, Run, RunFonts, Style, StyleType, Table, TableCell,
    TableRow, WidthType,
};

use super::sheets::{self, PageFit, ReportSources};
use super::{
    CHART_PDF_WIDTH, ExportError, MAP_PDF_AREA, MAP_PDF_SIZE, MapExtent, Request, encode_png,
    paint_chart, paint_map_sheet, report_charts,
};
use zq_core::Model;
use zq_core::charts::PanelStyle;
use zq_core::i18n::Msg;

/// Images are placed at the width of an A4 page's text, 16 cm, in EMU (360 000 per cm)...
const IMAGE_WIDTH_EMU: u32 = 16 * 360_000;
/// ...and at most 22 cm high, so that an image and its caption fit on one page (Word does not
/// split an image across pages).
const IMAGE_MAX_HEIGHT_EMU: u32 = 22 * 360_000;
/// The figures table's columns, in twentieths of a point: 16 cm in all.
const COLUMNS_TWIPS: [usize; 4] = [4300, 1950, 1300, 1520];
/// Word's names for the fonts: Chinese in Microsoft YaHei (Word and WPS have it, LibreOffice
/// substitutes its own CJK font), Latin in Calibri.
const EAST_ASIA_FONT: &str = "Microsoft YaHei";
const LATIN_FONT: &str = "Calibri";

/// The `.docx` file's bytes.
pub fn report(model: &Model, request: &Request) -> Result<Vec<u8>, ExportError> {
    let lang = request.lang;
    let selection = request.selection();
    let charts = report_charts(model, request.county.as_deref())?;
    let fit = PageFit::EVERYTHING;
    let sources = ReportSources::new(model, &selection, &charts, fit);
    let number = |id: &str| sources.articles.iter().position(|a| a == id).map(|n| n + 1);
    let fonts = RunFonts::new()
        .east_asia(EAST_ASIA_FONT)
        .ascii(LATIN_FONT)
        .hi_ansi(LATIN_FONT);
    let mut doc = Docx::new()
        .default_fonts(fonts)
        .default_size(21)
        .add_style(heading_style("Heading1", "heading 1", 1, 32))
        .add_style(heading_style("Heading2", "heading 2", 2, 26))
        .add_style(
            Style::new("Caption", StyleType::Paragraph)
                .name("caption")
                .size(18)
                .color("404040"),
        );
    let title = sheets::map_title(model, &selection, lang);
    doc = doc.add_paragraph(heading(1, &title));
    doc = doc.add_paragraph(
        Paragraph::new().add_run(Run::new().add_text(Msg::ReportDraftNote.text(lang))),
    );

    let mut figure = 0;
    let mut image = |doc: Docx, painted: super::offscreen::Painted, caption: String| {
        figure += 1;
        let pixels = painted.to_image();
        let (w, h) = (pixels.width(), pixels.height());
        let png = encode_png(&pixels, 192.0)?;
        let aspect = f64::from(h) / f64::from(w.max(1));
        let height_emu = (f64::from(IMAGE_WIDTH_EMU) * aspect).min(f64::from(IMAGE_MAX_HEIGHT_EMU));
        let width_emu = (height_emu / aspect) as u32;
        let pic = Pic::new_with_dimensions(png, w, h).size(width_emu, height_emu as u32);
        let label = zq_core::fill!(Msg::FigureCaption, lang, n = figure, title = caption);
        Ok::<Docx, ExportError>(
            doc.add_paragraph(
                Paragraph::new()
                    .keep_next(true)
                    .add_run(Run::new().add_image(pic)),
            )
            .add_paragraph(
                Paragraph::new()
                    .style("Caption")
                    .add_run(Run::new().add_text(label)),
            ),
        )
    };

    // The map, as the map export draws it.
    let map = paint_map_sheet(
        model,
        request,
        MapExtent::WholeCity,
        MAP_PDF_SIZE,
        MAP_PDF_AREA,
        2.0,
    );
    let attribution = sheets::attribution(model, lang);
    let parenthesized = |text: String| zq_core::fill!(Msg::CaptionAside, lang, text = text);
    doc = image(
        doc,
        map,
        format!("{title}{}", parenthesized(attribution.clone())),
    )?;

    // Each chart with its sources in the caption. A chart's cards are not drawn: their figures
    // are rows of the table below, and a page of cards is no figure to place in a report.
    doc = doc.add_paragraph(heading(2, Msg::Charts.text(lang)));
    for chart in &charts {
        let mut chart = chart.clone();
        chart.retain_panels(&model.dataset, |p| p.style == PanelStyle::Bars);
        if chart.panels.is_empty() {
            continue;
        }
        let chart = &chart;
        let painted = paint_chart(model, request, chart, CHART_PDF_WIDTH, 2.0);
        let cited = citations(chart.articles.iter().filter_map(|a| number(a)));
        let caption = format!(
            "{}{}",
            chart.title(&model.dataset, lang),
            parenthesized(format!("{}{cited}", Msg::Sources.text(lang)))
        );
        doc = image(doc, painted, caption)?;
    }

    // The figures as a table: what, how much, where, and the source as a footnote quoting it.
    doc = doc.add_paragraph(heading(2, Msg::FiguresTable.text(lang)));
    let header = [
        Msg::FigureColumn.text(lang),
        Msg::Value.text(lang),
        Msg::County.text(lang),
        Msg::Source.text(lang),
    ];
    let mut rows = vec![TableRow::new(
        header
            .iter()
            .map(|h| {
                TableCell::new()
                    .add_paragraph(Paragraph::new().add_run(Run::new().add_text(*h).bold()))
            })
            .collect(),
    )];
    let mut seen: Vec<&str> = Vec::new();
    for item in charts.iter().flat_map(|c| c.items()) {
        let Some(figure) = item
            .figure_id
            .as_deref()
            .and_then(|f| model.dataset.figure(f))
        else {
            continue;
        };
        if seen.contains(&figure.id.as_str()) {
            continue;
        }
        seen.push(&figure.id);
        let county = item
            .county
            .as_deref()
            .map(|c| model.dataset.county_name(c, lang))
            .unwrap_or_default();
        let cite = number(&figure.source.article).map_or_else(String::new, |n| format!("[{n}]"));
        let footnote = Footnote::new().add_content(
            Paragraph::new().add_run(Run::new().add_text(format!("“{}”", figure.source.quote))),
        );
        let source = Paragraph::new()
            .add_run(Run::new().add_text(cite))
            .add_run(Run::new().add_footnote_reference(footnote));
        rows.push(TableRow::new(vec![
            cell(item.label(lang)),
            cell(&item.value_text(lang)),
            cell(county),
            TableCell::new().add_paragraph(source),
        ]));
    }
    let width: usize = COLUMNS_TWIPS.iter().sum();
    doc = doc.add_table(
        Table::new(rows)
            .set_grid(COLUMNS_TWIPS.to_vec())
            .width(width, WidthType::Dxa),
    );

    // The numbered sources, with the passages quoted from each.
    doc = doc.add_paragraph(heading(2, Msg::SourcesAndQuotes.text(lang)));
    for (n, id) in sources.articles.iter().enumerate() {
        let Some(article) = model.dataset.article(id) else {
            continue;
        };
        doc = doc.add_paragraph(Paragraph::new().add_run(Run::new().add_text(format!(
            "[{}] {}",
            n + 1,
            article.reference(lang)
        ))));
        for quote in sources.quotes(model, &charts, id) {
            doc = doc.add_paragraph(
                Paragraph::new()
                    .indent(Some(420), None, None, None)
                    .add_run(
                        Run::new()
                            .add_text(format!("“{quote}”"))
                            .color("595959")
                            .size(18),
                    ),
            );
        }
    }
    doc = doc.add_paragraph(
        Paragraph::new().add_run(
            Run::new()
                .add_break(BreakType::TextWrapping)
                .add_text(attribution)
                .size(16),
        ),
    );

    let mut bytes = std::io::Cursor::new(Vec::new());
    doc.build()
        .pack(&mut bytes)
        .map_err(|e| ExportError::Docx(e.to_string()))?;
    Ok(bytes.into_inner())
}

fn heading_style(id: &str, name: &str, level: usize, half_points: usize) -> Style {
    Style::new(id, StyleType::Paragraph)
        .name(name)
        .size(half_points)
        .bold()
        .outline_lvl(level - 1)
}

fn heading(level: usize, text: &str) -> Paragraph {
    Paragraph::new()
        .style(&format!("Heading{level}"))
        .keep_next(true)
        .add_run(Run::new().add_text(text))
}

fn cell(text: &str) -> TableCell {
    TableCell::new().add_paragraph(Paragraph::new().add_run(Run::new().add_text(text)))
}

/// " [1][3]" for the article numbers given, or nothing.
fn citations(numbers: impl Iterator<Item = usize>) -> String {
    let cited: String = numbers.map(|n| format!("[{n}]")).collect();
    if cited.is_empty() {
        cited
    } else {
        format!(" {cited}")
    }
}
