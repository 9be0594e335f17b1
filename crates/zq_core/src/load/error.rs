//! The one error type for everything read from a file: it names the file, the place in it and
//! what is wrong, so a person can open the file and fix it.

use std::fmt;

/// A problem found in an input file.
///
/// Displayed as `FILE: WHERE: WHAT` (plus a hint when we can guess the cause), the format the
/// `validate` command prints and the window shows.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub struct LoadError {
    /// The file as the user named it (or the embedded asset's path).
    pub file: String,
    /// `line:column` for syntax errors, a feature index and property or an item id and field for
    /// content errors; empty when the problem concerns the whole file.
    pub location: String,
    pub message: String,
    /// A likely cause and what to do about it, when one can be guessed.
    pub hint: Option<String>,
}

impl LoadError {
    pub fn new(file: &str, location: impl Into<String>, message: impl Into<String>) -> Self {
        Self {
            file: file.to_owned(),
            location: location.into(),
            message: message.into(),
            hint: None,
        }
    }

    pub fn with_hint(mut self, hint: impl Into<String>) -> Self {
        self.hint = Some(hint.into());
        self
    }

    /// `with_hint` when a hint could be guessed.
    pub fn with_hint_opt(mut self, hint: Option<impl Into<String>>) -> Self {
        self.hint = hint.map(Into::into);
        self
    }

    /// A JSON syntax or shape error from serde_json, located at its line and column, in words a
    /// person who exported the file can act on. `text` is what was parsed, to name the literal
    /// at fault (`NaN`, which some programs write but JSON does not allow).
    pub fn from_json(file: &str, text: &str, err: &serde_json::Error) -> Self {
        // serde_json appends " at line L column C" to its message; we print the place first.
        let message = err.to_string();
        let message = match message.rfind(" at line ") {
            Some(i) => message[..i].to_owned(),
            None => message,
        };
        // Column 0 is serde_json's way of saying "just after the line break": the problem is at
        // the end of the line before (a record cut off there), as a person would look for it.
        let location = match (err.line(), err.column()) {
            (line, 0) if line > 1 => {
                let previous = text.split('\n').nth(line - 2).unwrap_or_default();
                let previous = previous.strip_suffix('\r').unwrap_or(previous);
                format!("{}:{}", line - 1, previous.len() + 1)
            }
            (line, column) => format!("{line}:{column}"),
        };
        let mut hint = None;
        let message = match err.classify() {
            serde_json::error::Category::Eof => {
                format!("the JSON ends too early (truncated file?): {message}")
            }
            serde_json::error::Category::Syntax
                if non_finite_literal_at(text, err.line(), err.column()) =>
            {
                "invalid JSON: NaN/Infinity are not valid JSON numbers".to_owned()
            }
            serde_json::error::Category::Syntax if message == "number out of range" => {
                hint = Some("write the number within ±1.8e308, or null where it is unknown");
                "invalid JSON: a number is too large to represent (like 1e999)".to_owned()
            }
            serde_json::error::Category::Syntax if message == "recursion limit exceeded" => {
                hint = Some("GeoJSON needs at most four levels of coordinate arrays");
                "invalid JSON: arrays or objects are nested more than 128 deep".to_owned()
            }
            serde_json::error::Category::Syntax => format!("invalid JSON: {message}"),
            _ => message.replace("expected f64", "expected a number"),
        };
        Self::new(file, location, message).with_hint_opt(hint)
    }
}

/// Whether a `NaN`, `Infinity` or `inf` literal (perhaps signed) starts where serde_json stopped:
/// its column is one-based and counts bytes.
fn non_finite_literal_at(text: &str, line: usize, column: usize) -> bool {
    let Some(line) = text.split('\n').nth(line.saturating_sub(1)) else {
        return false;
    };
    let bytes = line.as_bytes();
    let at = column.saturating_sub(1);
    (at.saturating_sub(1)..=at).any(|i| {
        let rest = bytes.get(i..).unwrap_or_default();
        let rest = rest
            .strip_prefix(b"-")
            .or_else(|| rest.strip_prefix(b"+"))
            .unwrap_or(rest);
        rest.get(..3)
            .is_some_and(|p| p.eq_ignore_ascii_case(b"nan") || p.eq_ignore_ascii_case(b"inf"))
    })
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: ", self.file)?;
        if !self.location.is_empty() {
            write!(f, "{}: ", self.location)?;
        }
        write!(f, "{}", self.message)?;
        if let Some(hint) = &self.hint {
            write!(f, " (hint: {hint})")?;
        }
        Ok(())
    }
}

/// The text of a file: UTF-8 with an optional byte-order mark. Anything else is refused with the
/// line and column of the first bad byte and, when it looks like GBK/GB18030 (common for files
/// saved by Chinese Windows programs), how to convert it.
pub fn decode_text<'a>(file: &str, bytes: &'a [u8]) -> Result<&'a str, LoadError> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(LoadError::new(file, "", "the file is empty"));
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => Ok(text),
        Err(err) => {
            let good = &bytes[..err.valid_up_to()];
            let line = good.iter().filter(|&&b| b == b'\n').count() + 1;
            let line_start = good.iter().rposition(|&b| b == b'\n').map_or(0, |i| i + 1);
            let column = String::from_utf8_lossy(&good[line_start..]).chars().count() + 1;
            let mut error =
                LoadError::new(file, format!("{line}:{column}"), "the text is not UTF-8");
            if looks_like_gbk(&bytes[err.valid_up_to()..]) {
                error = error.with_hint(
                    "it looks like GBK/GB18030; convert it with \
                     `iconv -f GB18030 -t UTF-8 OLD > NEW` or save it as UTF-8",
                );
            }
            Err(error)
        }
    }
}

/// Whether the bytes after the first invalid UTF-8 byte look like GBK double-byte characters.
fn looks_like_gbk(rest: &[u8]) -> bool {
    let mut pairs = 0;
    let mut i = 0;
    while i + 1 < rest.len() && i < 64 {
        let (lead, trail) = (rest[i], rest[i + 1]);
        if lead < 0x80 {
            i += 1;
            continue;
        }
        if !((0x81..=0xFE).contains(&lead) && (0x40..=0xFE).contains(&trail) && trail != 0x7F) {
            return false;
        }
        pairs += 1;
        i += 2;
    }
    pairs > 0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bom_is_accepted_and_empty_refused() {
        assert_eq!(decode_text("a.json", b"\xEF\xBB\xBF{}").ok(), Some("{}"));
        let err = decode_text("a.json", b"  \n").unwrap_err();
        assert_eq!(err.to_string(), "a.json: the file is empty");
    }

    fn json_error(text: &str) -> LoadError {
        let err = serde_json::from_str::<serde_json::Value>(text).unwrap_err();
        LoadError::from_json("a.json", text, &err)
    }

    #[test]
    fn json_errors_say_what_is_wrong() {
        for text in ["[1, NaN]", "{\"x\":\n -Infinity}", "[Infinity]", "[+inf]"] {
            let err = json_error(text);
            assert!(err.message.contains("NaN/Infinity"), "{text}: {err}");
        }
        let err = json_error("[1,\n 2e999]");
        assert!(err.message.contains("too large"), "{err}");
        assert_eq!(err.location, "2:6");
        let err = json_error(&"[".repeat(200));
        assert!(err.message.contains("nested more than 128"), "{err}");
        let err = json_error("[banana]");
        assert_eq!(err.message, "invalid JSON: expected value", "{err}");
        let err = json_error("[1, 2");
        assert!(err.message.contains("truncated"), "{err}");
    }

    #[test]
    fn gbk_is_located_and_explained() {
        // "肇庆" in GBK on the second line.
        let err = decode_text("g.json", b"{\n\"n\": \"\xD5\xD8\xC7\xEC\"}").unwrap_err();
        assert_eq!(err.location, "2:7");
        assert!(err.hint.as_deref().unwrap_or("").contains("GB18030"));
    }
}
