//! What a file really is, told from its first bytes before any attempt to read it as text:
//! portals, QGIS and colleagues name files anything, and a zipped shapefile or a workbook
//! renamed to `.csv` must be named for what it is, with the step that turns it into something
//! the program reads, rather than reported as text that is not UTF-8.

use std::io::Cursor;

/// A kind of file the program does not read, and how to get from it to one it does.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Foreign {
    /// What the file is, as a noun phrase: "a ZIP archive holding a shapefile (zhaoqing.shp)".
    pub what: String,
    /// The exact step that makes a GeoJSON or CSV UTF-8 file of it.
    pub hint: String,
}

impl Foreign {
    fn new(what: impl Into<String>, hint: impl Into<String>) -> Self {
        Self {
            what: what.into(),
            hint: hint.into(),
        }
    }
}

/// How a sheet becomes a figures CSV, in Excel, WPS and on the command line.
const SHEET_TO_CSV: &str = "open it in Excel and use File → Save As → \"CSV UTF-8 (Comma delimited) \
     (*.csv)\" (in WPS: 文件 → 另存为 → CSV), or run `libreoffice --headless --convert-to csv FILE`";

/// `Some` when `bytes` are one of the binary or markup formats people bring by mistake; `None`
/// for anything that may be JSON or CSV text (which the text readers then judge). `file` is the
/// name used in the suggested commands.
pub fn foreign(file: &str, bytes: &[u8]) -> Option<Foreign> {
    let name = file_name(file);
    if bytes.starts_with(b"PK\x03\x04") || bytes.starts_with(b"PK\x05\x06") {
        return Some(zip(&name, bytes));
    }
    if bytes.starts_with(b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1") {
        return Some(ole2(&name, bytes));
    }
    if bytes.starts_with(b"\x00\x00\x27\x0A") {
        return Some(Foreign::new(
            "the .shp part of a shapefile",
            format!(
                "convert it with its .dbf and .shx beside it: \
                 `ogr2ogr -f GeoJSON -t_srs EPSG:4326 out.geojson {name}` (or in QGIS: \
                 Export → Save Features As… → GeoJSON, CRS EPSG:4326)"
            ),
        ));
    }
    let magic: &[(&[u8], &str, &str)] = &[
        (
            b"%PDF-",
            "a PDF document",
            "the program reads figures from a CSV or JSON file: copy the table into a sheet \
             (or run `pdftotext -layout FILE`) and save it as CSV UTF-8",
        ),
        (b"\x89PNG\r\n\x1A\n", "a PNG image", IMAGE_HINT),
        (b"\xFF\xD8\xFF", "a JPEG image", IMAGE_HINT),
        (b"GIF87a", "a GIF image", IMAGE_HINT),
        (b"GIF89a", "a GIF image", IMAGE_HINT),
        (b"II*\x00", "a TIFF image", IMAGE_HINT),
        (b"MM\x00*", "a TIFF image", IMAGE_HINT),
        (
            b"SQLite format 3\x00",
            "an SQLite database (a GeoPackage or SpatiaLite file)",
            "convert the layer: `ogr2ogr -f GeoJSON -t_srs EPSG:4326 out.geojson FILE` (or in \
             QGIS: Export → Save Features As… → GeoJSON, CRS EPSG:4326)",
        ),
        (
            b"\x1F\x8B",
            "a gzip-compressed file",
            "unpack it first (`gunzip -k FILE`, or 7-Zip), then open what it holds",
        ),
        (
            b"7z\xBC\xAF\x27\x1C",
            "a 7-Zip archive",
            "unpack it first (7-Zip), then open what it holds",
        ),
        (
            b"Rar!\x1A\x07",
            "a RAR archive",
            "unpack it first (WinRAR or 7-Zip), then open what it holds",
        ),
    ];
    if bytes.starts_with(b"RIFF") && bytes.get(8..12) == Some(b"WEBP") {
        return Some(Foreign::new(
            "a WebP image",
            IMAGE_HINT.replace("FILE", &name),
        ));
    }
    if let Some((_, what, hint)) = magic.iter().find(|(m, _, _)| bytes.starts_with(m)) {
        return Some(Foreign::new(*what, hint.replace("FILE", &name)));
    }
    markup(&name, bytes)
}

const IMAGE_HINT: &str = "a picture of a map holds no boundaries to read: open the GeoJSON file \
     it was drawn from (for a web map, its data download)";

/// The file's own name, for the commands in hints (the path may be long).
fn file_name(file: &str) -> String {
    std::path::Path::new(file)
        .file_name()
        .map_or_else(|| file.to_owned(), |n| n.to_string_lossy().into_owned())
}

/// A ZIP archive: named by what it holds (a shapefile, a workbook, a KMZ, data files).
fn zip(name: &str, bytes: &[u8]) -> Foreign {
    let Ok(archive) = zip::ZipArchive::new(Cursor::new(bytes)) else {
        return Foreign::new(
            "a ZIP archive that cannot be read (a download cut short?)",
            "download it again, unpack it, and open the GeoJSON or CSV file it holds",
        );
    };
    // Leave out the resource forks macOS adds (`__MACOSX/._zhaoqing.shp`).
    let names: Vec<&str> = archive
        .file_names()
        .filter(|n| {
            !n.starts_with("__MACOSX/") && !n.rsplit('/').next().unwrap_or(n).starts_with("._")
        })
        .collect();
    let has = |path: &str| names.contains(&path);
    let ends = |suffix: &str| {
        let mut found: Vec<&str> = names
            .iter()
            .copied()
            .filter(|n| n.to_ascii_lowercase().ends_with(suffix))
            .collect();
        found.sort_unstable();
        found
    };
    if let Some(shp) = ends(".shp").first() {
        return Foreign::new(
            format!("a ZIP archive holding a shapefile ({shp})"),
            format!(
                "convert it: `ogr2ogr -f GeoJSON -t_srs EPSG:4326 out.geojson \
                 /vsizip/{name}/{shp}` (or unzip it and in QGIS: Export → Save Features As… → \
                 GeoJSON, CRS EPSG:4326)"
            ),
        );
    }
    if has("xl/workbook.xml") {
        return Foreign::new(
            "an Excel workbook (.xlsx)",
            SHEET_TO_CSV.replace("FILE", name),
        );
    }
    if has("word/document.xml") {
        return Foreign::new(
            "a Word document (.docx)",
            "copy its table into a sheet and save that as CSV UTF-8",
        );
    }
    if has("content.xml") && has("mimetype") {
        return Foreign::new(
            "an OpenDocument file (.ods/.odt)",
            SHEET_TO_CSV.replace("FILE", name),
        );
    }
    if let Some(kml) = ends(".kml").first() {
        return Foreign::new(
            format!("a KMZ (zipped KML: {kml})"),
            format!("convert it: `ogr2ogr -f GeoJSON out.geojson {name}`"),
        );
    }
    let data: Vec<&str> = [".geojson", ".json", ".csv", ".topojson"]
        .iter()
        .flat_map(|suffix| ends(suffix))
        .collect();
    if let Some(first) = data.first() {
        return Foreign::new(
            format!("a ZIP archive holding {first}"),
            format!("unzip it (`unzip {name}`) and open {first}"),
        );
    }
    let shown: Vec<&str> = names.iter().copied().take(5).collect();
    Foreign::new(
        format!(
            "a ZIP archive ({}: {})",
            crate::i18n::count(names.len(), "file"),
            shown.join(", ")
        ),
        "unzip it and open the GeoJSON or CSV file it holds",
    )
}

/// An OLE2 compound file: old Excel (.xls), WPS (.et) or Word (.doc), told by its stream names.
fn ole2(name: &str, bytes: &[u8]) -> Foreign {
    let utf16 =
        |name: &str| -> Vec<u8> { name.encode_utf16().flat_map(u16::to_le_bytes).collect() };
    let holds = |name: &str| {
        let needle = utf16(name);
        bytes.windows(needle.len()).any(|w| w == needle)
    };
    // A document may embed a workbook (a table pasted from Excel): the document decides.
    if holds("WordDocument") {
        Foreign::new(
            "an old Word or WPS document (.doc/.wps)",
            "copy its table into a sheet and save that as CSV UTF-8",
        )
    } else if holds("Workbook") || holds("Book") {
        Foreign::new(
            "an old Excel or WPS workbook (.xls/.et)",
            SHEET_TO_CSV.replace("FILE", name),
        )
    } else {
        Foreign::new(
            "a Microsoft Office file in the old binary format",
            "save it from the program that made it as CSV UTF-8 (a sheet) or GeoJSON (a map)",
        )
    }
}

/// Text that is not data: a web page, XML (KML, GPX, SVG), or JavaScript that wraps the data.
fn markup(name: &str, bytes: &[u8]) -> Option<Foreign> {
    let body = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let start = body.iter().position(|b| !b.is_ascii_whitespace())?;
    let head = &body[start..body.len().min(start + 4096)];
    let lower: Vec<u8> = head.to_ascii_lowercase();
    let starts = |prefix: &str| lower.starts_with(prefix.as_bytes());
    let contains = |needle: &str| lower.windows(needle.len()).any(|w| w == needle.as_bytes());
    if starts("<!doctype html") || starts("<html") || (starts("<") && contains("<html")) {
        return Some(Foreign::new(
            "a web page (HTML)",
            "a download that saved a page instead of the file (a login or error page?): open it \
             in a browser to read what it says, then download the data file itself",
        ));
    }
    if starts("<") {
        let (what, hint) = if contains("<kml") {
            (
                "a KML file",
                format!("convert it: `ogr2ogr -f GeoJSON out.geojson {name}`"),
            )
        } else if contains("<gpx") {
            (
                "a GPX track file",
                format!("convert it: `ogr2ogr -f GeoJSON out.geojson {name}`"),
            )
        } else if contains("<svg") {
            ("an SVG image", IMAGE_HINT.to_owned())
        } else {
            (
                "an XML document",
                "open a GeoJSON, JSON or CSV UTF-8 file instead".to_owned(),
            )
        };
        return Some(Foreign::new(what, hint));
    }
    const JS_STARTS: [&str; 11] = [
        "var ",
        "let ",
        "const ",
        "window.",
        "export ",
        "module.exports",
        "define(",
        "echarts.registermap",
        "(function",
        "!function",
        "jsonp",
    ];
    if JS_STARTS.iter().any(|p| starts(p)) && (contains("{") || contains("[")) {
        let text = String::from_utf8_lossy(head);
        // `var zhaoqing = {…}`: what comes before the data is the assignment alone.
        let assignment = ["var ", "let ", "const ", "window."]
            .iter()
            .any(|p| starts(p))
            .then(|| text.split(['{', '[']).next().unwrap_or_default().trim())
            .filter(|a| a.ends_with('=') && a.chars().count() <= 60);
        let hint = match assignment {
            Some(a) => format!(
                "keep only the JSON: delete `{a}` before it and the `;` after it, and save it \
                 as .json"
            ),
            None => "keep only the JSON the script holds (for ECharts, the object passed to \
                     echarts.registerMap, from its { to the matching }), and save it as .json"
                .to_owned(),
        };
        return Some(Foreign::new("JavaScript that wraps map data", hint));
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_that_may_be_data_is_left_to_the_readers() {
        for text in ["{\"type\":1}", "id,value\n1,2", "  [1]", "", "\u{1E}{}"] {
            assert_eq!(foreign("a", text.as_bytes()), None, "{text}");
        }
    }

    #[test]
    fn a_web_page_and_a_wrapper_are_named() {
        let page = foreign("a", b"\n<!DOCTYPE html><html><title>x</title>").unwrap();
        assert!(page.what.starts_with("a web page"));
        let js = foreign("a", "var zhaoqing = {\"type\": 1};".as_bytes()).unwrap();
        assert!(js.hint.contains("delete `var zhaoqing =`"), "{}", js.hint);
        let module = foreign("a", b"(function (root, factory) { factory({}) })").unwrap();
        assert!(
            module.hint.contains("echarts.registerMap"),
            "{}",
            module.hint
        );
    }

    #[test]
    fn a_word_file_with_a_workbook_inside_is_a_document() {
        let utf16 = |s: &str| -> Vec<u8> { s.encode_utf16().flat_map(u16::to_le_bytes).collect() };
        let mut doc = b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1".to_vec();
        doc.extend(utf16("Workbook"));
        doc.extend(utf16("WordDocument"));
        assert!(foreign("a", &doc).unwrap().what.contains("Word"));
    }

    #[test]
    fn a_broken_zip_is_named_as_one() {
        let zip = foreign("d/x.zip", b"PK\x03\x04garbage").unwrap();
        assert!(zip.what.contains("cannot be read"));
    }
}
