//! Files a person opens: newer boundaries, project points, figures they typed up or exported.
//! The kind is told from the content, not the name (portals and QGIS name files anything), and
//! every problem names the file and the place in it. Nothing here panics on any input, and the
//! work grows with the file's size about linearly (TopoJSON may use each arc at most a few times
//! over; the crossing check looks only at segments whose boxes meet).

use std::io::Read as _;
use std::path::Path;

use serde::Deserialize;
use serde::de::IgnoredAny;
use serde_json::Value;

use crate::data::figures::{Figure, FiguresFile, Source};
use crate::data::projects::project_from_feature;
use crate::data::{Dataset, Project};
use crate::geometry::Boundaries;
use crate::geometry::boundaries::{PropertyChoice, PropertyKeys, detect_keys};
use crate::geometry::echarts::parse_echarts_map;
use crate::geometry::gcj02;
use crate::geometry::geojson::{Feature, Geometry, parse_feature_text, parse_sequence};
use crate::geometry::rings::repair_crossings;
use crate::geometry::topojson::parse_topology;
use crate::load_error::{LoadError, decode_text};

/// Larger files are refused before they are read: far beyond any county map or figure list, and
/// what a load must fit in memory several times over.
pub const MAX_FILE_BYTES: u64 = 256 * 1024 * 1024;

/// What a user's file turned out to hold, parsed and checked on its own terms. Checks against the
/// loaded dataset are `UserData::check`.
#[derive(Clone, Debug)]
pub enum UserData {
    /// `boundaries.warnings` lists skipped features and repaired rings. `choice` is `Some` when
    /// the code or name properties were ambiguous or guessed: ask, then `load_boundaries_with`
    /// the answer.
    Boundaries {
        boundaries: Box<Boundaries>,
        choice: Option<PropertyChoice>,
        container: Container,
        /// Converted from GCJ-02 on reading.
        gcj02: bool,
    },
    Projects {
        projects: Vec<Project>,
        /// Features skipped because their geometry is null, properties ignored.
        warnings: Vec<LoadError>,
        container: Container,
    },
    Figures {
        figures: Vec<Figure>,
        /// Columns of a CSV that are not figure fields, ignored; blank rows skipped.
        warnings: Vec<LoadError>,
    },
}

impl UserData {
    /// What the file holds, in a few words: `boundaries, 8 regions, 9007 vertices`.
    pub fn summary(&self) -> String {
        match self {
            Self::Boundaries {
                boundaries,
                container,
                gcj02,
                ..
            } => format!(
                "boundaries{}, {}, {}{}",
                container.describe(),
                count(boundaries.regions.len(), "region"),
                count(boundaries.vertex_count(), "vertex"),
                if *gcj02 {
                    ", converted from GCJ-02 to WGS-84"
                } else {
                    ""
                }
            ),
            Self::Projects {
                projects,
                container,
                ..
            } => {
                format!(
                    "projects{}, {}",
                    container.describe(),
                    count(projects.len(), "point")
                )
            }
            Self::Figures { figures, .. } => {
                format!("figures, {}", count(figures.len(), "figure"))
            }
        }
    }

    /// A warning when boundaries read as WGS-84 sit on `reference`'s regions moved by the GCJ-02
    /// offset, as Amap, DataV.GeoAtlas and ECharts data do.
    pub fn gcj02_warning(&self, file: &str, reference: &Boundaries) -> Option<LoadError> {
        let Self::Boundaries {
            boundaries,
            gcj02: false,
            ..
        } = self
        else {
            return None;
        };
        let shift = gcj02::looks_like_gcj02(boundaries, reference)?;
        Some(
            LoadError::new(
                file,
                "coordinates",
                format!(
                    "the regions sit {:.0} m from the loaded map's {} of the same codes, as \
                     GCJ-02 coordinates (Amap, DataV.GeoAtlas, ECharts maps) would",
                    shift.metres,
                    count(shift.regions, "region")
                ),
            )
            .with_hint(
                "read it as GCJ-02: `validate --gcj02 FILE`, or in the window answer \
                 \"Convert from GCJ-02\"",
            ),
        )
    }

    pub fn warnings(&self) -> &[LoadError] {
        match self {
            Self::Boundaries { boundaries, .. } => &boundaries.warnings,
            Self::Projects { warnings, .. } | Self::Figures { warnings, .. } => warnings,
        }
    }

    /// Checks the file against what is loaded: figures against the dataset's articles, counties
    /// and projects; project points against its figures and articles and the boundaries.
    /// Boundaries stand on their own here (the model checks the dataset against new ones).
    pub fn check(&self, file: &str, dataset: &Dataset, boundaries: &Boundaries) -> Vec<LoadError> {
        match self {
            Self::Boundaries { .. } => Vec::new(),
            Self::Projects { projects, .. } => {
                dataset.validate_projects(file, projects, boundaries)
            }
            Self::Figures { figures, .. } => dataset.validate_figures(file, figures),
        }
    }
}

/// `1 region`, `8 regions`, `9007 vertices`.
pub fn count(n: usize, noun: &str) -> String {
    match (n, noun) {
        (1, _) => format!("1 {noun}"),
        (_, "vertex") => format!("{n} vertices"),
        _ => format!("{n} {noun}s"),
    }
}

/// How to read a file beyond what its content says.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Options {
    /// The coordinates are GCJ-02 (Amap, DataV.GeoAtlas, ECharts maps): convert them to WGS-84.
    pub gcj02: bool,
}

/// Reads a file the user named and loads it; a file that cannot be read is one `LoadError`
/// naming the path.
pub fn read_user_file(path: &Path, options: Options) -> Result<UserData, Vec<LoadError>> {
    let name = path.display().to_string();
    let bytes = read_bytes(&name, path).map_err(|e| vec![e])?;
    load_user_file_with(&name, &bytes, options)
}

/// Reads a whole file, refusing one larger than `MAX_FILE_BYTES` without reading it all.
pub fn read_bytes(name: &str, path: &Path) -> Result<Vec<u8>, LoadError> {
    read_bounded(name, path, |_, _| true).map(Option::unwrap_or_default)
}

/// Reads a whole file in pieces, calling `go_on(read, total)` after each (a window moves its
/// progress bar; `false` stops, and then the answer is `None`). Anything but a regular file is
/// refused before it is opened: a named pipe would wait forever for a writer, a device never
/// ends. A file larger than `MAX_FILE_BYTES` is refused without being read.
pub fn read_bounded(
    name: &str,
    path: &Path,
    mut go_on: impl FnMut(u64, u64) -> bool,
) -> Result<Option<Vec<u8>>, LoadError> {
    const CHUNK: usize = 4 << 20;
    let io_error = |e: std::io::Error| LoadError::new(name, "", format!("cannot read it: {e}"));
    let too_large = || {
        LoadError::new(
            name,
            "",
            format!(
                "the file is larger than {} MB, more than any map or figure list needs",
                MAX_FILE_BYTES / (1024 * 1024)
            ),
        )
    };
    let metadata = std::fs::metadata(path).map_err(io_error)?;
    if metadata.is_dir() {
        return Err(LoadError::new(name, "", "this is a folder, not a file"));
    }
    if !metadata.is_file() {
        return Err(LoadError::new(
            name,
            "",
            "this is not a regular file (a named pipe, a device or a socket), so it is not read",
        )
        .with_hint("save the data to a file and open that"));
    }
    let total = metadata.len();
    if total > MAX_FILE_BYTES {
        return Err(too_large());
    }
    let mut file = std::fs::File::open(path).map_err(io_error)?;
    let mut bytes = Vec::with_capacity(usize::try_from(total).unwrap_or(0));
    let mut chunk = vec![0; CHUNK];
    loop {
        let n = file.read(&mut chunk).map_err(io_error)?;
        if n == 0 {
            break;
        }
        bytes.extend_from_slice(&chunk[..n]);
        // The size reported may be wrong (a growing file): stop at the limit anyway.
        if bytes.len() as u64 > MAX_FILE_BYTES {
            return Err(too_large());
        }
        if !go_on(bytes.len() as u64, total) {
            return Ok(None);
        }
    }
    Ok(Some(bytes))
}

/// `load_user_file_with` the default options.
pub fn load_user_file(path_for_messages: &str, bytes: &[u8]) -> Result<UserData, Vec<LoadError>> {
    load_user_file_with(path_for_messages, bytes, Options::default())
}

/// Detects what `bytes` hold (boundaries or project points as GeoJSON, a GeoJSON sequence,
/// TopoJSON or an ECharts map; figures as JSON or CSV) and parses them. `path_for_messages` is
/// how problems name the file.
pub fn load_user_file_with(
    path_for_messages: &str,
    bytes: &[u8],
    options: Options,
) -> Result<UserData, Vec<LoadError>> {
    let file = path_for_messages;
    match sniff(file, bytes).map_err(|e| vec![e])? {
        Text::Csv(text) => load_figures_csv(file, text),
        Text::Json(text) => {
            let probe = probe(file, text).map_err(|e| vec![e])?;
            if probe.figures {
                return load_figures_json(file, text);
            }
            let (features, container) = map_features(file, text, &probe)?;
            load_features(file, features, container, options)
        }
    }
}

/// Loads boundaries with the code and name properties a person chose (after a
/// `PropertyChoice`).
pub fn load_boundaries_with(
    path_for_messages: &str,
    bytes: &[u8],
    keys: &PropertyKeys,
    options: Options,
) -> Result<UserData, Vec<LoadError>> {
    let file = path_for_messages;
    let Text::Json(text) = sniff(file, bytes).map_err(|e| vec![e])? else {
        return Err(vec![LoadError::new(
            file,
            "",
            "this is a CSV file, not boundaries",
        )]);
    };
    let probe = probe(file, text).map_err(|e| vec![e])?;
    let (features, container) = map_features(file, text, &probe)?;
    boundaries_data(file, features, container, options, Some(keys))
}

/// How map data was stored, for the summary of what a file holds.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Container {
    GeoJson,
    /// RFC 8142 or newline-delimited.
    Sequence,
    TopoJson {
        object: String,
        /// The topology's other objects, not read.
        others: Vec<String>,
    },
    ECharts,
}

impl Container {
    /// ` (TopoJSON object "counties")`, or nothing for plain GeoJSON.
    fn describe(&self) -> String {
        match self {
            Self::GeoJson => String::new(),
            Self::Sequence => " (GeoJSON text sequence)".to_owned(),
            Self::TopoJson { object, others } if others.is_empty() => {
                format!(" (TopoJSON object {object:?})")
            }
            Self::TopoJson { object, others } => format!(
                " (TopoJSON object {object:?}; not read: {})",
                others
                    .iter()
                    .map(|o| format!("{o:?}"))
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
            Self::ECharts => " (ECharts map)".to_owned(),
        }
    }
}

enum Text<'a> {
    /// JSON, or a sequence of JSON texts.
    Json(&'a str),
    Csv(&'a str),
}

/// Names what the file really is when it is not text the program reads (an archive, a
/// workbook, a PDF, an image, a web page, …), then decides from the first bytes whether this can
/// be JSON or CSV at all, and decodes the text.
fn sniff<'a>(file: &str, bytes: &'a [u8]) -> Result<Text<'a>, LoadError> {
    if let Some(foreign) = crate::sniff::foreign(file, bytes) {
        return Err(LoadError::new(
            file,
            "",
            format!("this is {}, not GeoJSON, JSON or CSV", foreign.what),
        )
        .with_hint(foreign.hint));
    }
    // Two ASCII characters, each with a zero byte beside it: `{"` or `id` in UTF-16.
    let text_byte = |b: u8| b != 0 && b.is_ascii();
    let utf16_without_mark = bytes.len() >= 4
        && ((text_byte(bytes[0]) && bytes[1] == 0 && text_byte(bytes[2]) && bytes[3] == 0)
            || (bytes[0] == 0 && text_byte(bytes[1]) && bytes[2] == 0 && text_byte(bytes[3])));
    if bytes.starts_with(b"\xFF\xFE") || bytes.starts_with(b"\xFE\xFF") || utf16_without_mark {
        return Err(
            LoadError::new(file, "", "the text is UTF-16, not UTF-8").with_hint(
                "save it as UTF-8 (in Excel: \"CSV UTF-8\"; or `iconv -f UTF-16 -t UTF-8`)",
            ),
        );
    }
    let body = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let json = match body.iter().find(|b| !b.is_ascii_whitespace()) {
        None => return Err(LoadError::new(file, "", "the file is empty")),
        // 0x1E starts each record of a GeoJSON text sequence (RFC 8142).
        Some(b'{' | b'[' | 0x1E) => true,
        Some(&b) if b < 0x20 || b == 0x7F => {
            return Err(LoadError::new(
                file,
                "",
                format!(
                    "this is not a text file (it starts with the byte 0x{b:02X}): \
                     not GeoJSON, JSON or CSV"
                ),
            ));
        }
        Some(_) => false,
    };
    let text = decode_text(file, bytes)?;
    Ok(if json {
        Text::Json(text)
    } else {
        Text::Csv(text)
    })
}

/// The top-level keys that tell the kinds of JSON apart, everything else skipped unread.
#[derive(Deserialize)]
#[serde(expecting = "a JSON object")]
struct RawProbe {
    #[serde(default, rename = "type")]
    kind: Option<Value>,
    #[serde(default)]
    features: Present,
    #[serde(default)]
    figures: Present,
    #[serde(default, rename = "UTF8Encoding")]
    utf8_encoding: Option<Value>,
}

/// Whether a key is there at all, whatever its value (even `null`).
#[derive(Default)]
struct Present(bool);

impl<'de> Deserialize<'de> for Present {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        IgnoredAny::deserialize(deserializer).map(|_| Self(true))
    }
}

/// What the first JSON text of a file says it is.
struct Probe {
    kind: Option<String>,
    features: bool,
    figures: bool,
    echarts: bool,
    /// More JSON texts follow the first: a GeoJSON sequence.
    sequence: bool,
}

fn probe(file: &str, text: &str) -> Result<Probe, LoadError> {
    let json_error = |e: serde_json::Error| LoadError::from_json(file, text, &e);
    let trimmed = text.trim_start_matches(|c: char| c.is_ascii_whitespace() || c == '\u{1E}');
    if trimmed.starts_with('[') {
        serde_json::from_str::<IgnoredAny>(text).map_err(json_error)?;
        return Err(LoadError::new(
            file,
            "",
            "this is a JSON array; expected a GeoJSON FeatureCollection or a figures file \
             {\"figures\": [...]}",
        ));
    }
    let sequence_mark = trimmed.len() < text.trim_start().len();
    // The whole text unless record separators lead, so that an error's line and column are the
    // file's own.
    let source = if sequence_mark { trimmed } else { text };
    let mut stream = serde_json::Deserializer::from_str(source).into_iter::<RawProbe>();
    let first = match stream.next() {
        Some(Ok(first)) => first,
        Some(Err(e)) if !sequence_mark => return Err(json_error(e)),
        // Located in the sequence's own terms when it is read.
        Some(Err(_)) | None => {
            return Ok(Probe {
                kind: None,
                features: false,
                figures: false,
                echarts: false,
                sequence: true,
            });
        }
    };
    let rest = source.get(stream.byte_offset()..).unwrap_or_default();
    let more = rest.trim_start_matches(|c: char| c.is_ascii_whitespace() || c == '\u{1E}');
    let kind = first
        .kind
        .as_ref()
        .and_then(Value::as_str)
        .map(str::to_owned);
    let sequence = sequence_mark || (more.starts_with('{') && kind.as_deref() == Some("Feature"));
    if !more.is_empty() && !sequence {
        // The whole text, so the message gives the place of what follows.
        serde_json::from_str::<IgnoredAny>(text).map_err(json_error)?;
    }
    Ok(Probe {
        kind,
        features: first.features.0,
        figures: first.figures.0,
        echarts: first.utf8_encoding.as_ref().and_then(Value::as_bool) == Some(true),
        sequence,
    })
}

/// The features of any map container, and which container it was.
fn map_features(
    file: &str,
    text: &str,
    probe: &Probe,
) -> Result<(Vec<Feature>, Container), Vec<LoadError>> {
    let one = |e| vec![e];
    if probe.sequence {
        return Ok((
            parse_sequence(file, text).map_err(one)?,
            Container::Sequence,
        ));
    }
    if probe.kind.as_deref() == Some("Topology") {
        let decoded = parse_topology(file, text).map_err(one)?;
        return Ok((
            decoded.features,
            Container::TopoJson {
                object: decoded.object,
                others: decoded.others,
            },
        ));
    }
    if probe.echarts {
        return Ok((
            parse_echarts_map(file, text).map_err(one)?,
            Container::ECharts,
        ));
    }
    if probe.kind.is_none() && !probe.features {
        return Err(vec![LoadError::new(
            file,
            "",
            "this JSON is neither GeoJSON (it has no \"type\": \"FeatureCollection\") nor a \
             figures file (it has no \"figures\" list)",
        )]);
    }
    Ok((
        parse_feature_text(file, text).map_err(one)?,
        Container::GeoJson,
    ))
}

/// Boundaries or project points from features, by the first geometry.
fn load_features(
    file: &str,
    features: Vec<Feature>,
    container: Container,
    options: Options,
) -> Result<UserData, Vec<LoadError>> {
    let first = features.iter().find_map(|f| f.geometry.as_ref());
    match first {
        Some(Geometry::Point(_) | Geometry::MultiPoint(_)) => {
            load_projects(file, features, container, options)
        }
        Some(Geometry::Polygon(_) | Geometry::MultiPolygon(_)) => {
            boundaries_data(file, features, container, options, None)
        }
        None if features.is_empty() => Err(vec![LoadError::new(
            file,
            "features",
            "the FeatureCollection has no features",
        )]),
        None => Err(vec![LoadError::new(
            file,
            "features",
            "every feature's geometry is null: there is nothing to draw",
        )]),
    }
}

/// Boundaries from polygon features: converted from GCJ-02 if asked, crossing rings repaired,
/// the code and name properties those given or else detected.
fn boundaries_data(
    file: &str,
    mut features: Vec<Feature>,
    container: Container,
    options: Options,
    keys: Option<&PropertyKeys>,
) -> Result<UserData, Vec<LoadError>> {
    if options.gcj02 {
        gcj02::features_to_wgs84(&mut features);
    }
    let crossings = repair_crossings(file, &mut features).map_err(|e| vec![e])?;
    let (keys, choice) = match keys {
        Some(keys) => (keys.clone(), None),
        None => detect_keys(file, &features).map_err(|e| vec![e])?,
    };
    let mut boundaries = Boundaries::from_features(file, features, &keys).map_err(|e| vec![e])?;
    boundaries.warnings.splice(0..0, crossings);
    Ok(UserData::Boundaries {
        boundaries: Box::new(boundaries),
        choice,
        container,
        gcj02: options.gcj02,
    })
}

/// Every problem, one per feature, so a person can fix them all in one go.
fn load_projects(
    file: &str,
    mut features: Vec<Feature>,
    container: Container,
    options: Options,
) -> Result<UserData, Vec<LoadError>> {
    if options.gcj02 {
        gcj02::features_to_wgs84(&mut features);
    }
    let mut projects = Vec::with_capacity(features.len());
    let mut warnings = Vec::new();
    let mut problems = Vec::new();
    for feature in features {
        if feature.geometry.is_none() {
            warnings.push(LoadError::new(
                file,
                format!("feature {}: geometry", feature.index),
                "geometry is null; the feature is skipped",
            ));
            continue;
        }
        match project_from_feature(file, feature) {
            Ok((project, mut ignored)) => {
                projects.push(project);
                warnings.append(&mut ignored);
            }
            Err(e) => problems.push(e),
        }
    }
    if problems.is_empty() {
        Ok(UserData::Projects {
            projects,
            warnings,
            container,
        })
    } else {
        Err(problems)
    }
}

/// The project's own schema, `{"figures": [...]}`. A shape error is located by line and column
/// and by the path to the field (`figures[3].value`).
fn load_figures_json(file: &str, text: &str) -> Result<UserData, Vec<LoadError>> {
    let mut deserializer = serde_json::Deserializer::from_str(text);
    let parsed: Result<FiguresFile, _> = serde_path_to_error::deserialize(&mut deserializer);
    let figures_file = parsed.map_err(|e| {
        let path = e.path().to_string();
        let mut error = LoadError::from_json(file, text, e.inner());
        if e.inner().is_data() && path != "." {
            error.location = format!("{}: {path}", error.location);
        }
        vec![error]
    })?;
    deserializer
        .end()
        .map_err(|e| vec![LoadError::from_json(file, text, &e)])?;
    figures_data(file, figures_file.figures, Vec::new())
}

/// A figure list with nothing in it is refused: there would be nothing to show or check.
fn figures_data(
    file: &str,
    figures: Vec<Figure>,
    warnings: Vec<LoadError>,
) -> Result<UserData, Vec<LoadError>> {
    if figures.is_empty() {
        return Err(vec![LoadError::new(file, "", "the file holds no figures")]);
    }
    Ok(UserData::Figures { figures, warnings })
}

/// The columns of a figures CSV: the JSON fields, with `source.article` and `source.quote` as
/// `article` and `quote`.
pub const CSV_COLUMNS: [&str; 18] = [
    "id",
    "value",
    "unit",
    "measure",
    "printed",
    "bound",
    "kind",
    "planned",
    "each",
    "scope",
    "project",
    "period",
    "subject_zh",
    "subject_en",
    "article",
    "quote",
    "note",
    "same_as",
];

/// Columns that may be left out (their JSON fields are optional).
const OPTIONAL_COLUMNS: [&str; 7] = [
    "measure", "planned", "each", "project", "period", "note", "same_as",
];

/// A figures CSV: a header row naming the columns (any order), then one figure per row.
fn load_figures_csv(file: &str, text: &str) -> Result<UserData, Vec<LoadError>> {
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    let mut records = reader.records();
    let header = match records.next() {
        Some(Ok(header)) => header,
        Some(Err(e)) => return Err(vec![csv_error(file, &e, &mut LineCounter::new(text))]),
        None => return Err(vec![LoadError::new(file, "", "the file is empty")]),
    };
    let names: Vec<&str> = header.iter().map(str::trim).collect();
    let (columns, mut warnings) = csv_columns(file, &names).map_err(|e| vec![e])?;
    let mut lines = LineCounter::new(text);
    let mut blank: Vec<u64> = Vec::new();
    let mut figures = Vec::new();
    let mut problems = Vec::new();
    for record in records {
        match record {
            Ok(record) => {
                let line = record.position().map_or(0, |p| lines.line_at(p.byte()));
                // Excel leaves rows of empty cells where a sheet once had content.
                if record.iter().all(|cell| cell.trim().is_empty()) {
                    blank.push(line);
                    continue;
                }
                match figure_from_row(file, &columns, names.len(), line, &record) {
                    Ok(figure) => figures.push(figure),
                    Err(e) => problems.push(e),
                }
            }
            Err(e) => problems.push(csv_error(file, &e, &mut lines)),
        }
    }
    warnings.extend(blank_rows(file, &blank));
    if problems.is_empty() {
        figures_data(file, figures, warnings)
    } else {
        Err(problems)
    }
}

/// The line a record starts on, from its byte offset. The csv crate's own line count lags by
/// one after a CRLF line end (the record starts at the `\n` it has not yet counted), so every
/// CSV saved by Excel would report its problems a line early.
struct LineCounter<'a> {
    text: &'a [u8],
    counted_to: usize,
    newlines: u64,
}

impl<'a> LineCounter<'a> {
    fn new(text: &'a str) -> Self {
        Self {
            text: text.as_bytes(),
            counted_to: 0,
            newlines: 0,
        }
    }

    /// One-based. `byte` is where the csv crate says a record starts: where the last one
    /// stopped, which may be before the line breaks of its line end and of empty lines it
    /// skipped, so the record's line is that of the first byte after them. Offsets come in
    /// increasing order, so the whole file is scanned once.
    fn line_at(&mut self, byte: u64) -> u64 {
        let from = usize::try_from(byte).map_or(self.text.len(), |b| b.min(self.text.len()));
        let start = self.text[from..]
            .iter()
            .position(|b| !matches!(b, b'\r' | b'\n'))
            .map_or(self.text.len(), |p| from + p);
        if start > self.counted_to {
            let newlines = self.text[self.counted_to..start]
                .iter()
                .filter(|&&b| b == b'\n')
                .count();
            self.newlines += newlines as u64;
            self.counted_to = start;
        }
        self.newlines + 1
    }
}

/// One warning per run of empty rows: `lines 4–6: …`.
fn blank_rows(file: &str, lines: &[u64]) -> Vec<LoadError> {
    let mut runs: Vec<(u64, u64)> = Vec::new();
    for &line in lines {
        match runs.last_mut() {
            Some((_, end)) if *end + 1 == line => *end = line,
            _ => runs.push((line, line)),
        }
    }
    runs.into_iter()
        .map(|(start, end)| {
            if start == end {
                LoadError::new(
                    file,
                    format!("line {start}"),
                    "the row is empty; it is skipped",
                )
            } else {
                LoadError::new(
                    file,
                    format!("lines {start}–{end}"),
                    "the rows are empty; they are skipped",
                )
            }
        })
        .collect()
}

/// For each of `CSV_COLUMNS`, its index in the header; unknown columns become warnings.
fn csv_columns(
    file: &str,
    names: &[&str],
) -> Result<([Option<usize>; CSV_COLUMNS.len()], Vec<LoadError>), LoadError> {
    let columns = CSV_COLUMNS.map(|c| names.iter().position(|n| *n == c));
    let by_semicolon: Vec<&str> = names
        .first()
        .map(|n| n.split(';').map(str::trim).collect())
        .unwrap_or_default();
    if names.len() == 1 && by_semicolon.contains(&"id") && by_semicolon.contains(&"value") {
        return Err(LoadError::new(
            file,
            "line 1",
            "the columns are separated by semicolons (;), not commas",
        )
        .with_hint(
            "save it with commas: in Excel, File → Save As → \"CSV UTF-8 (Comma delimited) \
             (*.csv)\" (Excel writes ; where the Windows list separator is ;, in Region \
             settings)",
        ));
    }
    if columns[0].is_none() && columns[1].is_none() {
        return Err(LoadError::new(
            file,
            "line 1",
            "this is neither JSON (it does not start with { or [) nor a figures CSV (its first \
             line is not a header naming the columns id, value, unit, …)",
        )
        .with_hint(format!(
            "a figures CSV starts with the line {}",
            CSV_COLUMNS.join(",")
        )));
    }
    let missing: Vec<&str> = CSV_COLUMNS
        .iter()
        .zip(&columns)
        .filter(|(c, i)| i.is_none() && !OPTIONAL_COLUMNS.contains(c))
        .map(|(c, _)| *c)
        .collect();
    if !missing.is_empty() {
        return Err(LoadError::new(
            file,
            "line 1",
            format!("the header lacks the column(s) {}", missing.join(", ")),
        )
        .with_hint(format!("the columns are {}", CSV_COLUMNS.join(","))));
    }
    let mut seen = std::collections::HashSet::new();
    for name in names {
        if !seen.insert(name) {
            return Err(LoadError::new(
                file,
                "line 1",
                format!("the column {name:?} appears twice"),
            ));
        }
    }
    let warnings = names
        .iter()
        .filter(|n| !CSV_COLUMNS.contains(n))
        .map(|n| {
            LoadError::new(
                file,
                "line 1",
                format!("the column {n:?} is not a figure field; it is ignored"),
            )
        })
        .collect();
    Ok((columns, warnings))
}

fn csv_error(file: &str, e: &csv::Error, lines: &mut LineCounter) -> LoadError {
    let location = e
        .position()
        .map_or_else(String::new, |p| format!("line {}", lines.line_at(p.byte())));
    LoadError::new(file, location, format!("invalid CSV: {e}"))
}

fn figure_from_row(
    file: &str,
    columns: &[Option<usize>; CSV_COLUMNS.len()],
    width: usize,
    line: u64,
    record: &csv::StringRecord,
) -> Result<Figure, LoadError> {
    if record.len() != width {
        return Err(LoadError::new(
            file,
            format!("line {line}"),
            format!(
                "the row has {} fields but the header has {width} (a comma inside a value \
                 needs the value in double quotes)",
                record.len()
            ),
        ));
    }
    let cell = |name: &str| {
        CSV_COLUMNS
            .iter()
            .position(|c| *c == name)
            .and_then(|i| columns[i])
            .and_then(|i| record.get(i))
            .unwrap_or("")
    };
    let text = |name: &str| cell(name).to_owned();
    let optional = |name: &str| {
        Some(cell(name).trim())
            .filter(|s| !s.is_empty())
            .map(str::to_owned)
    };
    let fail = |field: &str, message: String| {
        LoadError::new(file, format!("line {line}: {field}"), message)
    };
    let id = cell("id").trim();
    if id.is_empty() {
        return Err(fail("id", "the id is empty".into()));
    }
    let value =
        parse_value(cell("value")).map_err(|(m, hint)| fail("value", m).with_hint_opt(hint))?;
    let word = |field: &str| serde_json::Value::String(cell(field).trim().to_owned());
    let bound = serde_json::from_value(word("bound")).map_err(|e| fail("bound", e.to_string()))?;
    let kind = serde_json::from_value(word("kind")).map_err(|e| fail("kind", e.to_string()))?;
    let flag = |field: &str| match cell(field).trim().to_ascii_lowercase().as_str() {
        "" | "false" | "0" | "no" => Ok(false),
        "true" | "1" | "yes" => Ok(true),
        other => Err(fail(field, format!("{other:?} is not true or false"))),
    };
    let planned = flag("planned")?;
    let each = flag("each")?;
    Ok(Figure {
        id: id.to_owned(),
        value,
        unit: text("unit"),
        measure: optional("measure"),
        printed: text("printed"),
        bound,
        kind,
        planned,
        each,
        scope: cell("scope").trim().to_owned(),
        // Several projects (a size class that holds for each) are separated by semicolons.
        projects: optional("project")
            .map(|ids| {
                ids.split(';')
                    .map(str::trim)
                    .filter(|id| !id.is_empty())
                    .map(str::to_owned)
                    .collect()
            })
            .unwrap_or_default(),
        period: optional("period"),
        subject_zh: text("subject_zh"),
        subject_en: text("subject_en"),
        source: Source {
            article: cell("article").trim().to_owned(),
            quote: text("quote"),
        },
        note: optional("note"),
        same_as: optional("same_as"),
    })
}

/// A CSV cell as a figure's value, or what is wrong with it and perhaps a hint.
fn parse_value(cell: &str) -> Result<f64, (String, Option<String>)> {
    let cell = cell.trim();
    if cell.is_empty() {
        return Err(("the value is empty".into(), None));
    }
    match cell.parse::<f64>() {
        Ok(v) if v.is_finite() => Ok(v),
        Ok(_)
            if cell.to_ascii_lowercase().contains("inf")
                || cell.to_ascii_lowercase().contains("nan") =>
        {
            Err((
                format!("{cell:?} is not a number: NaN/Infinity are not values"),
                None,
            ))
        }
        Ok(_) => Err((format!("{cell:?} is too large to represent"), None)),
        Err(_) => Err((format!("{cell:?} is not a number"), value_hint(cell))),
    }
}

/// Why a cell that is meant to be a number is not one, as sheets write them.
fn value_hint(cell: &str) -> Option<String> {
    let half_width: String = cell
        .chars()
        .map(|c| match c {
            // Full-width digits and signs (typed with a Chinese input method in full-width mode).
            '\u{FF10}'..='\u{FF19}' | '\u{FF0B}' | '\u{FF0D}' | '\u{FF0E}' => {
                char::from_u32(c as u32 - 0xFEE0).unwrap_or(c)
            }
            '\u{3002}' => '.',
            c => c,
        })
        .collect();
    if half_width != cell && half_width.parse::<f64>().is_ok() {
        return Some(format!(
            "the digits are full-width (typed in full-width mode); write {half_width}"
        ));
    }
    if let Some(number) = cell.strip_suffix('%')
        && number.trim().parse::<f64>().is_ok()
    {
        return Some(format!(
            "a cell formatted as a percentage is saved with its %: write {} and put % in the \
             unit column",
            number.trim()
        ));
    }
    if cell.contains(',') {
        Some("write the number without thousands separators, e.g. 1234.5".into())
    } else if !cell.is_ascii() {
        Some("write the bare number; the unit (亿元, %) goes in the unit column".into())
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn good(name: &str) -> Vec<u8> {
        std::fs::read(format!(
            "{}/tests/data/good/{name}",
            env!("CARGO_MANIFEST_DIR")
        ))
        .unwrap()
    }

    #[test]
    fn ambiguous_codes_offer_a_choice_that_reloads() {
        let bytes = good("ambiguous_codes.geojson");
        let Ok(UserData::Boundaries {
            boundaries, choice, ..
        }) = load_user_file("a.geojson", &bytes)
        else {
            panic!("loads as boundaries");
        };
        let codes: Vec<&str> = boundaries.regions.iter().map(|r| r.code.as_str()).collect();
        assert_eq!(codes, ["441202", "441203"]);
        let choice = choice.expect("adcode and code disagree");
        assert_eq!(choice.detected.code, "adcode");
        assert_eq!(choice.detected.name_zh.as_deref(), Some("name"));
        assert_eq!(choice.keys, ["adcode", "code", "name"]);
        assert_eq!(choice.reasons.len(), 1);
        let keys = PropertyKeys {
            code: "code".into(),
            ..choice.detected
        };
        let Ok(UserData::Boundaries {
            boundaries: reloaded,
            ..
        }) = load_boundaries_with("a.geojson", &bytes, &keys, Options::default())
        else {
            panic!("loads with the keys chosen");
        };
        let codes: Vec<&str> = reloaded.regions.iter().map(|r| r.code.as_str()).collect();
        assert_eq!(codes, ["1", "2"]);
        assert_eq!(reloaded.regions[0].name_zh, "端州区");
    }

    #[test]
    fn a_chosen_key_missing_from_a_feature_is_named() {
        let bytes = good("ambiguous_codes.geojson");
        let keys = PropertyKeys {
            code: "gid".into(),
            name_zh: None,
            name_en: None,
        };
        let err = load_boundaries_with("a.geojson", &bytes, &keys, Options::default()).unwrap_err();
        assert_eq!(err[0].location, "feature 0: properties.gid");
    }

    #[test]
    fn a_guessed_code_is_offered_for_confirmation() {
        let Ok(UserData::Boundaries {
            boundaries, choice, ..
        }) = load_user_file("g.geojson", &good("guessed_code.geojson"))
        else {
            panic!("loads as boundaries");
        };
        assert_eq!(boundaries.regions[0].code, "CHN.6.17.1_1");
        let choice = choice.expect("the code was guessed");
        assert_eq!(choice.detected.code, "GID_2");
        assert_eq!(choice.keys, ["GID_2", "NAME_2"]);
    }

    #[test]
    fn csv_and_json_give_the_same_figures() {
        let Ok(UserData::Figures { figures: csv, .. }) =
            load_user_file("f.csv", &good("figures.csv"))
        else {
            panic!("the CSV loads");
        };
        let Ok(UserData::Figures { figures: json, .. }) =
            load_user_file("f.json", &good("figures.json"))
        else {
            panic!("the JSON loads");
        };
        assert_eq!(csv[2..], json[..]);
        assert!(csv[1].planned && csv[1].note.as_deref().is_some_and(|n| n.contains(", ")));
    }

    #[test]
    fn unknown_csv_columns_are_warned_about() {
        let text = "id,value,unit,printed,bound,kind,scope,subject_zh,subject_en,article,quote,colour\n\
                    a,1,个,1个,exact,count,city,,,x,1个,red\n";
        let data = load_user_file("f.csv", text.as_bytes()).unwrap();
        assert_eq!(data.summary(), "figures, 1 figure");
        assert_eq!(data.warnings().len(), 1);
        assert!(data.warnings()[0].message.contains("\"colour\""));
    }

    #[test]
    fn a_repeated_column_is_refused() {
        let text =
            "id,value,unit,printed,bound,kind,scope,subject_zh,subject_en,article,quote,unit\n";
        let err = load_user_file("f.csv", text.as_bytes()).unwrap_err();
        assert_eq!(
            err[0].to_string(),
            "f.csv: line 1: the column \"unit\" appears twice"
        );
    }

    #[test]
    fn values_from_csv_cells() {
        assert_eq!(parse_value(" 156.96 "), Ok(156.96));
        assert!(parse_value("inf").unwrap_err().0.contains("NaN/Infinity"));
        assert!(parse_value("1e999").unwrap_err().0.contains("too large"));
        assert_eq!(parse_value("").unwrap_err().0, "the value is empty");
        assert!(
            parse_value("36.70%")
                .unwrap_err()
                .1
                .unwrap()
                .contains("write 36.70 and put %")
        );
        let full_width = parse_value("１５６．９６").unwrap_err().1.unwrap();
        assert!(full_width.ends_with("write 156.96"), "{full_width}");
    }

    #[test]
    fn an_oversized_file_is_refused_unread() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("huge.geojson");
        let file = std::fs::File::create(&path).unwrap();
        file.set_len(MAX_FILE_BYTES + 1).unwrap();
        let err = read_bytes("huge.geojson", &path).unwrap_err();
        assert!(err.message.contains("larger than 256 MB"), "{err}");
    }

    #[test]
    fn json_after_blank_lines_is_located_in_the_file() {
        let err = load_user_file(
            "a.geojson",
            b"\n\n{\"type\":\"FeatureCollection\",\"features\":[NaN]}",
        )
        .unwrap_err();
        assert_eq!(err[0].location, "3:41");
        assert!(err[0].message.contains("NaN/Infinity"), "{}", err[0]);
    }

    #[test]
    fn csv_problems_name_their_line_past_empty_lines() {
        let header = "id,value,unit,printed,bound,kind,scope,subject_zh,subject_en,article,quote";
        let row = "a,x,个,1个,exact,count,city,,,x,1个";
        for (text, line) in [
            (format!("{header}\r\n\r\n{row}\r\n"), 3),
            (format!("{header}\n\n\n{row}\n"), 4),
            (format!("{header}\r\n{row}\r\n"), 2),
        ] {
            let err = load_user_file("f.csv", text.as_bytes()).unwrap_err();
            assert_eq!(err[0].location, format!("line {line}: value"), "{text:?}");
        }
    }

    #[test]
    fn a_video_is_not_taken_for_utf16() {
        let err = load_user_file("v.csv", b"\x00\x00\x00\x18ftypmp42").unwrap_err();
        assert!(err[0].message.contains("not a text file"), "{}", err[0]);
    }
}
