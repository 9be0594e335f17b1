//! A figures CSV, as people type them up in a spreadsheet: a header row naming the columns (in
//! any order), then one figure per row.

use serde::Deserialize;

use super::error::LoadError;
use super::{UserData, figures_data};
use crate::data::figures::{Bound, Figure, Kind, Source};

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
pub(super) fn load_figures_csv(file: &str, text: &str) -> Result<UserData, Vec<LoadError>> {
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .trim(csv::Trim::All)
        .from_reader(text.as_bytes());
    let mut records = reader.records();
    let header = match records.next() {
        Some(Ok(header)) => header,
        Some(Err(e)) => return Err(vec![csv_error(file, &e, &mut LineCounter::new(text))]),
        None => return Err(vec![LoadError::new(file, "", "the file is empty")]),
    };
    let names: Vec<&str> = header.iter().collect();
    let mut warnings = check_header(file, &names).map_err(|e| vec![e])?;
    let mut lines = LineCounter::new(text);
    let mut blank: Vec<u64> = Vec::new();
    let mut figures = Vec::new();
    let mut problems = Vec::new();
    for record in records {
        match record {
            Ok(record) => {
                let line = record.position().map_or(0, |p| lines.line_at(p.byte()));
                // Excel leaves rows of empty cells where a sheet once had content.
                if record.iter().all(str::is_empty) {
                    blank.push(line);
                    continue;
                }
                match figure_from_row(file, &header, line, &record) {
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

/// Refuses a header that is not a figures header; its unknown columns become warnings.
fn check_header(file: &str, names: &[&str]) -> Result<Vec<LoadError>, LoadError> {
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
    Ok(warnings)
}

fn csv_error(file: &str, e: &csv::Error, lines: &mut LineCounter) -> LoadError {
    let location = e
        .position()
        .map_or_else(String::new, |p| format!("line {}", lines.line_at(p.byte())));
    LoadError::new(file, location, format!("invalid CSV: {e}"))
}

/// One row as serde reads it: a field per column, found by the header's name. `value` stays
/// text so that a cell a sheet mangled gets a hint of its own (`parse_value`).
#[derive(Deserialize)]
struct FigureRow {
    id: String,
    value: String,
    unit: String,
    #[serde(default)]
    measure: Option<String>,
    printed: String,
    bound: String,
    kind: String,
    #[serde(default)]
    planned: Flag,
    #[serde(default)]
    each: Flag,
    scope: String,
    /// Several projects (a size class that holds for each) are separated by semicolons.
    #[serde(default)]
    project: Option<String>,
    #[serde(default)]
    period: Option<String>,
    subject_zh: String,
    subject_en: String,
    article: String,
    quote: String,
    #[serde(default)]
    note: Option<String>,
    #[serde(default)]
    same_as: Option<String>,
}

/// A yes/no cell as sheets write it: empty, true/false, 1/0, yes/no.
#[derive(Default)]
struct Flag(bool);

impl<'de> Deserialize<'de> for Flag {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let cell = String::deserialize(deserializer)?;
        match cell.to_ascii_lowercase().as_str() {
            "" | "false" | "0" | "no" => Ok(Self(false)),
            "true" | "1" | "yes" => Ok(Self(true)),
            other => Err(serde::de::Error::custom(format!(
                "{other:?} is not true or false"
            ))),
        }
    }
}

fn figure_from_row(
    file: &str,
    header: &csv::StringRecord,
    line: u64,
    record: &csv::StringRecord,
) -> Result<Figure, LoadError> {
    if record.len() != header.len() {
        return Err(LoadError::new(
            file,
            format!("line {line}"),
            format!(
                "the row has {} fields but the header has {} (a comma inside a value \
                 needs the value in double quotes)",
                record.len(),
                header.len()
            ),
        ));
    }
    let fail = |field: &str, message: String| {
        LoadError::new(file, format!("line {line}: {field}"), message)
    };
    let row: FigureRow = record
        .deserialize(Some(header))
        .map_err(|e| match e.kind() {
            csv::ErrorKind::Deserialize { err, .. } => {
                let field = err
                    .field()
                    .and_then(|i| header.get(usize::try_from(i).ok()?))
                    .unwrap_or("");
                fail(field, err.kind().to_string())
            }
            _ => LoadError::new(file, format!("line {line}"), format!("invalid CSV: {e}")),
        })?;
    if row.id.is_empty() {
        return Err(fail("id", "the id is empty".into()));
    }
    let value =
        parse_value(&row.value).map_err(|(m, hint)| fail("value", m).with_hint_opt(hint))?;
    let bound: Bound = word(&row.bound).map_err(|e| fail("bound", e))?;
    let kind: Kind = word(&row.kind).map_err(|e| fail("kind", e))?;
    Ok(Figure {
        id: row.id,
        value,
        unit: row.unit,
        measure: row.measure,
        printed: row.printed,
        bound,
        kind,
        planned: row.planned.0,
        each: row.each.0,
        scope: row.scope,
        projects: row
            .project
            .map(|ids| {
                ids.split(';')
                    .map(str::trim)
                    .filter(|id| !id.is_empty())
                    .map(str::to_owned)
                    .collect()
            })
            .unwrap_or_default(),
        period: row.period,
        subject_zh: row.subject_zh,
        subject_en: row.subject_en,
        source: Source {
            article: row.article,
            quote: row.quote,
        },
        note: row.note,
        same_as: row.same_as,
    })
}

/// A cell as one of a figure's words (`exact`, `at_least`, …), with serde's message naming the
/// words it may be. (Read as text first: the csv crate does not say which column a word it
/// could not read came from.)
fn word<T: serde::de::DeserializeOwned>(cell: &str) -> Result<T, String> {
    T::deserialize(serde::de::value::StrDeserializer::<serde::de::value::Error>::new(cell))
        .map_err(|e| e.to_string())
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
}
