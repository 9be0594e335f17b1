//! Matching quotes against article text the way a reader would: ignoring line breaks and spaces
//! (articles are wrapped arbitrarily), but nothing else.

use std::ops::Range;

/// The byte range in `haystack` of the first occurrence of `needle`, ignoring whitespace on both
/// sides. The range starts at the first matched character and ends after the last one.
pub fn find_ignoring_whitespace(haystack: &str, needle: &str) -> Option<Range<usize>> {
    let needle: Vec<char> = needle.chars().filter(|c| !c.is_whitespace()).collect();
    if needle.is_empty() {
        return None;
    }
    let hay: Vec<(usize, char)> = haystack
        .char_indices()
        .filter(|(_, c)| !c.is_whitespace())
        .collect();
    let start = hay
        .windows(needle.len())
        .position(|w| w.iter().map(|(_, c)| *c).eq(needle.iter().copied()))?;
    let (first, _) = hay[start];
    let (last, last_char) = hay[start + needle.len() - 1];
    Some(first..last + last_char.len_utf8())
}

/// Whether `needle` occurs in `haystack`, ignoring whitespace. Linear in both lengths, so a long
/// quote in a user's file cannot stall the checks.
pub fn contains_ignoring_whitespace(haystack: &str, needle: &str) -> bool {
    Unspaced::new(haystack).contains(needle)
}

/// A text with its whitespace removed, built once when many quotes are looked up in it (every
/// figure of an article), so each look-up costs the quote's length, not the article's again.
#[derive(Clone, Debug)]
pub struct Unspaced(String);

impl Unspaced {
    pub fn new(text: &str) -> Self {
        Self(text.chars().filter(|c| !c.is_whitespace()).collect())
    }

    /// Whether `needle` occurs, ignoring whitespace; an empty or all-blank needle never does.
    pub fn contains(&self, needle: &str) -> bool {
        let needle = Self::new(needle);
        !needle.0.is_empty() && self.0.contains(&needle.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_across_line_breaks() {
        let text = "坚持“产业第一、制造业\n\n优先”。";
        let range = find_ignoring_whitespace(text, "制造业优先").unwrap();
        assert_eq!(&text[range], "制造业\n\n优先");
        assert!(find_ignoring_whitespace(text, "制造业第一").is_none());
        assert!(find_ignoring_whitespace(text, "  ").is_none());
    }

    #[test]
    fn containment_agrees_with_finding() {
        let text = "坚持“产业第一、制造业\n\n优先”。";
        for needle in [
            "制造业优先",
            "制造业 第一",
            "制造业第一",
            "",
            " \n",
            "。",
            "坚持“产业",
        ] {
            assert_eq!(
                contains_ignoring_whitespace(text, needle),
                find_ignoring_whitespace(text, needle).is_some(),
                "{needle:?}"
            );
        }
    }
}
