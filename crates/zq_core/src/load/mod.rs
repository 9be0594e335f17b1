//! Reading files, the embedded ones and those a person opens: newer boundaries, project points, figures they typed up or exported.
//! The kind is told from the content, not the name (portals and QGIS name files anything), and
//! every problem names the file and the place in it. Nothing here panics on any input, and the
//! work grows with the file's size about linearly (TopoJSON may use each arc at most a few times
//! over; the crossing check looks only at segments whose boxes meet).

use serde::Deserialize;
use serde::de::IgnoredAny;
use serde_json::Value;

pub mod boundaries;
mod dataset;
pub mod echarts;
pub mod error;
mod figures_csv;
pub mod geojson;
mod projects;
mod read;
pub mod rings;
pub mod sniff;
pub mod topojson;
mod validate;

use crate::data::figures::{Figure, FiguresFile};
use crate::data::{Dataset, Project};
use crate::geometry::{Boundaries, gcj02};
use crate::i18n::count;
use boundaries::detect_keys;
use echarts::parse_echarts_map;
use figures_csv::load_figures_csv;
use geojson::{Feature, Geometry, parse_feature_text, parse_sequence};
use projects::project_from_feature;
use rings::repair_crossings;
use topojson::parse_topology;

pub use boundaries::{PropertyChoice, PropertyKeys};
pub use error::{LoadError, decode_text};
pub use figures_csv::CSV_COLUMNS;
pub use projects::parse_projects;
pub use read::{MAX_FILE_BYTES, read_bounded, read_bytes, read_user_file};

/// What a user's file turned out to hold, parsed and checked on its own terms. Checks against the
/// loaded dataset are `UserData::check`.
#[derive(Clone, Debug)]
pub enum UserData {
    /// `warnings` lists skipped features and repaired rings. `choice` is `Some` when
    /// the code or name properties were ambiguous or guessed: ask, then `load_boundaries_with`
    /// the answer.
    Boundaries {
        boundaries: Box<Boundaries>,
        warnings: Vec<LoadError>,
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
            Self::Boundaries { warnings, .. }
            | Self::Projects { warnings, .. }
            | Self::Figures { warnings, .. } => warnings,
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

/// How to read a file beyond what its content says.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Options {
    /// The coordinates are GCJ-02 (Amap, DataV.GeoAtlas, ECharts maps): convert them to WGS-84.
    pub gcj02: bool,
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
    if let Some(foreign) = crate::load::sniff::foreign(file, bytes) {
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
        geojson::features_to_wgs84(&mut features);
    }
    let crossings = repair_crossings(file, &mut features).map_err(|e| vec![e])?;
    let (keys, choice) = match keys {
        Some(keys) => (keys.clone(), None),
        None => detect_keys(file, &features).map_err(|e| vec![e])?,
    };
    let (boundaries, skipped) =
        Boundaries::from_features(file, features, &keys).map_err(|e| vec![e])?;
    Ok(UserData::Boundaries {
        boundaries: Box::new(boundaries),
        warnings: crossings.into_iter().chain(skipped).collect(),
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
        geojson::features_to_wgs84(&mut features);
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

#[cfg(test)]
mod tests {
    use super::*;

    fn good(name: &str) -> Vec<u8> {
        std::fs::read(format!(
            "{}/tests/data/good/{name}",
            concat!(env!("CARGO_MANIFEST_DIR"), "/../..")
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
