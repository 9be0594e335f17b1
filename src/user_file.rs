//! Files a person opens: newer boundaries, project points, figures they typed up or exported.
//! The kind is told from the content, not the name (portals and QGIS name files anything), and
//! every problem names the file and the place in it. Nothing here panics on any input, and the
//! work is linear in the file's size.

use std::io::Read as _;
use std::path::Path;

use serde::Deserialize;
use serde::de::IgnoredAny;

use crate::data::figures::{Figure, FiguresFile, Source};
use crate::data::projects::project_from_feature;
use crate::data::{Dataset, Project};
use crate::geometry::Boundaries;
use crate::geometry::boundaries::{PropertyChoice, PropertyKeys, detect_keys};
use crate::geometry::geojson::{Feature, Geometry, parse_feature_text};
use crate::load_error::{LoadError, decode_text};

/// Larger files are refused before they are read: far beyond any county map or figure list, and
/// what a load must fit in memory several times over.
pub const MAX_FILE_BYTES: u64 = 256 * 1024 * 1024;

/// What a user's file turned out to hold, parsed and checked on its own terms. Checks against the
/// loaded dataset are `UserData::check`.
#[derive(Clone, Debug)]
pub enum UserData {
    /// `boundaries.warnings` lists skipped features. `choice` is `Some` when the code or name
    /// properties were ambiguous or guessed: ask, then `load_boundaries_with` the answer.
    Boundaries {
        boundaries: Box<Boundaries>,
        choice: Option<PropertyChoice>,
    },
    Projects {
        projects: Vec<Project>,
        /// Features skipped because their geometry is null.
        warnings: Vec<LoadError>,
    },
    Figures {
        figures: Vec<Figure>,
        /// Columns of a CSV that are not figure fields, ignored.
        warnings: Vec<LoadError>,
    },
}

impl UserData {
    /// What the file holds, in a few words: `boundaries, 8 regions, 9007 vertices`.
    pub fn summary(&self) -> String {
        match self {
            Self::Boundaries { boundaries, .. } => format!(
                "boundaries, {}, {}",
                count(boundaries.regions.len(), "region"),
                count(boundaries.vertex_count(), "vertex")
            ),
            Self::Projects { projects, .. } => {
                format!("projects, {}", count(projects.len(), "point"))
            }
            Self::Figures { figures, .. } => {
                format!("figures, {}", count(figures.len(), "figure"))
            }
        }
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

/// Reads a file the user named and loads it; a file that cannot be read is one `LoadError`
/// naming the path.
pub fn read_user_file(path: &Path) -> Result<UserData, Vec<LoadError>> {
    let name = path.display().to_string();
    let bytes = read_bytes(&name, path).map_err(|e| vec![e])?;
    load_user_file(&name, &bytes)
}

/// Reads a whole file, refusing one larger than `MAX_FILE_BYTES` without reading it all.
pub fn read_bytes(name: &str, path: &Path) -> Result<Vec<u8>, LoadError> {
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
    let file = std::fs::File::open(path).map_err(io_error)?;
    if file.metadata().is_ok_and(|m| m.len() > MAX_FILE_BYTES) {
        return Err(too_large());
    }
    // The size a pipe or a growing file reports may be wrong: stop reading at the limit anyway.
    let mut bytes = Vec::new();
    file.take(MAX_FILE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(io_error)?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(too_large());
    }
    Ok(bytes)
}

/// Detects what `bytes` hold (GeoJSON boundaries or project points, figures as JSON or CSV) and
/// parses them. `path_for_messages` is how problems name the file.
pub fn load_user_file(path_for_messages: &str, bytes: &[u8]) -> Result<UserData, Vec<LoadError>> {
    let file = path_for_messages;
    let (format, text) = sniff(file, bytes).map_err(|e| vec![e])?;
    match format {
        Format::Json => load_json(file, text),
        Format::Csv => load_figures_csv(file, text),
    }
}

/// Loads boundaries with the code and name properties a person chose (after a
/// `PropertyChoice`).
pub fn load_boundaries_with(
    path_for_messages: &str,
    bytes: &[u8],
    keys: &PropertyKeys,
) -> Result<Boundaries, Vec<LoadError>> {
    let file = path_for_messages;
    let (_, text) = sniff(file, bytes).map_err(|e| vec![e])?;
    let features = parse_feature_text(file, text).map_err(|e| vec![e])?;
    Boundaries::from_features(file, features, keys).map_err(|e| vec![e])
}

enum Format {
    Json,
    Csv,
}

/// Decides from the first bytes whether this can be JSON or CSV at all, so that a binary file
/// (a shapefile, a spreadsheet, random bytes) is refused at once, then decodes the text.
fn sniff<'a>(file: &str, bytes: &'a [u8]) -> Result<(Format, &'a str), LoadError> {
    if bytes.starts_with(b"\xFF\xFE") || bytes.starts_with(b"\xFE\xFF") {
        return Err(
            LoadError::new(file, "", "the text is UTF-16, not UTF-8").with_hint(
                "save it as UTF-8 (in Excel: \"CSV UTF-8\"; or `iconv -f UTF-16 -t UTF-8`)",
            ),
        );
    }
    let body = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let format = match body.iter().find(|b| !b.is_ascii_whitespace()) {
        None => return Err(LoadError::new(file, "", "the file is empty")),
        Some(b'{' | b'[') => Format::Json,
        Some(&b) if b < 0x20 || b == 0x7F => {
            return Err(LoadError::new(
                file,
                "",
                format!(
                    "this is not a text file (it starts with the byte 0x{b:02X}): \
                     not GeoJSON, JSON or CSV"
                ),
            )
            .with_hint_opt(binary_hint(body)));
        }
        Some(_) => Format::Csv,
    };
    Ok((format, decode_text(file, bytes)?))
}

/// What a binary file probably is, when its first bytes say so.
fn binary_hint(body: &[u8]) -> Option<&'static str> {
    if body.starts_with(b"\x00\x00\x27\x0A") {
        Some("this looks like a shapefile; export it from QGIS as GeoJSON in EPSG:4326")
    } else if body.starts_with(b"PK\x03\x04") {
        Some("this looks like a ZIP archive or an Excel workbook; save the sheet as CSV UTF-8")
    } else {
        None
    }
}

/// The top-level keys that tell a figures file from GeoJSON, everything else skipped unread.
#[derive(Deserialize)]
#[serde(expecting = "a JSON object")]
struct Probe {
    #[serde(default, rename = "type")]
    kind: Present,
    #[serde(default)]
    features: Present,
    #[serde(default)]
    figures: Present,
}

/// Whether a key is there at all, whatever its value (even `null`).
#[derive(Default)]
struct Present(bool);

impl<'de> Deserialize<'de> for Present {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        IgnoredAny::deserialize(deserializer).map(|_| Self(true))
    }
}

fn load_json(file: &str, text: &str) -> Result<UserData, Vec<LoadError>> {
    let json_error = |e: serde_json::Error| vec![LoadError::from_json(file, text, &e)];
    if text.trim_start().starts_with('[') {
        serde_json::from_str::<IgnoredAny>(text).map_err(json_error)?;
        return Err(vec![LoadError::new(
            file,
            "",
            "this is a JSON array; expected a GeoJSON FeatureCollection or a figures file \
             {\"figures\": [...]}",
        )]);
    }
    let probe: Probe = serde_json::from_str(text).map_err(json_error)?;
    if probe.figures.0 {
        load_figures_json(file, text)
    } else if probe.kind.0 || probe.features.0 {
        load_geojson(file, text)
    } else {
        Err(vec![LoadError::new(
            file,
            "",
            "this JSON is neither GeoJSON (it has no \"type\": \"FeatureCollection\") nor a \
             figures file (it has no \"figures\" list)",
        )])
    }
}

fn load_geojson(file: &str, text: &str) -> Result<UserData, Vec<LoadError>> {
    let features = parse_feature_text(file, text).map_err(|e| vec![e])?;
    let first = features.iter().find_map(|f| f.geometry.as_ref());
    match first {
        Some(Geometry::Point(_)) => load_projects(file, features),
        Some(Geometry::Polygon(_) | Geometry::MultiPolygon(_)) => {
            let (keys, choice) = detect_keys(file, &features).map_err(|e| vec![e])?;
            let boundaries =
                Boundaries::from_features(file, features, &keys).map_err(|e| vec![e])?;
            Ok(UserData::Boundaries {
                boundaries: Box::new(boundaries),
                choice,
            })
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

/// Every problem, one per feature, so a person can fix them all in one go.
fn load_projects(file: &str, features: Vec<Feature>) -> Result<UserData, Vec<LoadError>> {
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
            Ok(project) => projects.push(project),
            Err(e) => problems.push(e),
        }
    }
    if problems.is_empty() {
        Ok(UserData::Projects { projects, warnings })
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
        Some(Err(e)) => return Err(vec![csv_error(file, &e)]),
        None => return Err(vec![LoadError::new(file, "", "the file is empty")]),
    };
    let names: Vec<&str> = header.iter().map(str::trim).collect();
    let (columns, warnings) = csv_columns(file, &names).map_err(|e| vec![e])?;
    let mut figures = Vec::new();
    let mut problems = Vec::new();
    for record in records {
        match record {
            Ok(record) => match figure_from_row(file, &columns, names.len(), &record) {
                Ok(figure) => figures.push(figure),
                Err(e) => problems.push(e),
            },
            Err(e) => problems.push(csv_error(file, &e)),
        }
    }
    if problems.is_empty() {
        figures_data(file, figures, warnings)
    } else {
        Err(problems)
    }
}

/// For each of `CSV_COLUMNS`, its index in the header; unknown columns become warnings.
fn csv_columns(
    file: &str,
    names: &[&str],
) -> Result<([Option<usize>; CSV_COLUMNS.len()], Vec<LoadError>), LoadError> {
    let columns = CSV_COLUMNS.map(|c| names.iter().position(|n| *n == c));
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

fn csv_error(file: &str, e: &csv::Error) -> LoadError {
    let location = e
        .position()
        .map_or_else(String::new, |p| format!("line {}", p.line()));
    LoadError::new(file, location, format!("invalid CSV: {e}"))
}

fn figure_from_row(
    file: &str,
    columns: &[Option<usize>; CSV_COLUMNS.len()],
    width: usize,
    record: &csv::StringRecord,
) -> Result<Figure, LoadError> {
    let line = record.position().map_or(0, csv::Position::line);
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
fn parse_value(cell: &str) -> Result<f64, (String, Option<&'static str>)> {
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
        Err(_) => Err((
            format!("{cell:?} is not a number"),
            if cell.contains(',') {
                Some("write the number without thousands separators, e.g. 1234.5")
            } else if !cell.is_ascii() {
                Some("write the bare number; the unit (亿元, %) goes in the unit column")
            } else {
                None
            },
        )),
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
        let Ok(UserData::Boundaries { boundaries, choice }) = load_user_file("a.geojson", &bytes)
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
        let reloaded = load_boundaries_with("a.geojson", &bytes, &keys).unwrap();
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
        let err = load_boundaries_with("a.geojson", &bytes, &keys).unwrap_err();
        assert_eq!(err[0].location, "feature 0: properties.gid");
    }

    #[test]
    fn a_guessed_code_is_offered_for_confirmation() {
        let Ok(UserData::Boundaries { boundaries, choice }) =
            load_user_file("g.geojson", &good("guessed_code.geojson"))
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
}
