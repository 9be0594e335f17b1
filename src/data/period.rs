//! Periods as the figures give them: a year (`2020`), a quarter (`2021-Q1`), a half (`2023-H1`),
//! a month (`2021-05`) or a span of years (`2021-2025`).

/// A period as a span of months, for sorting and placing figures in time.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Period {
    /// (year, month) of the first month.
    pub start: (u16, u8),
    /// (year, month) of the last month.
    pub end: (u16, u8),
}

impl Period {
    pub fn parse(s: &str) -> Option<Self> {
        let year = |y: &str| {
            (y.len() == 4 && y.bytes().all(|b| b.is_ascii_digit()))
                .then(|| y.parse::<u16>().ok())
                .flatten()
        };
        match s.split_once('-') {
            None => year(s).map(|y| Self {
                start: (y, 1),
                end: (y, 12),
            }),
            Some((y, rest)) => {
                let y = year(y)?;
                let (first, last) = match rest {
                    "Q1" => (1, 3),
                    "Q2" => (4, 6),
                    "Q3" => (7, 9),
                    "Q4" => (10, 12),
                    "H1" => (1, 6),
                    "H2" => (7, 12),
                    _ if rest.len() == 2 => {
                        let m = rest.parse::<u8>().ok().filter(|m| (1..=12).contains(m))?;
                        (m, m)
                    }
                    _ => {
                        let end = year(rest).filter(|&e| e > y)?;
                        return Some(Self {
                            start: (y, 1),
                            end: (end, 12),
                        });
                    }
                };
                Some(Self {
                    start: (y, first),
                    end: (y, last),
                })
            }
        }
    }

    /// Whether the period spans more than one year.
    pub fn is_span(&self) -> bool {
        self.start.0 != self.end.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_the_shapes_the_data_uses() {
        assert_eq!(
            Period::parse("2020"),
            Some(Period {
                start: (2020, 1),
                end: (2020, 12)
            })
        );
        assert_eq!(
            Period::parse("2021-Q1"),
            Some(Period {
                start: (2021, 1),
                end: (2021, 3)
            })
        );
        assert_eq!(Period::parse("2023-H1").map(|p| p.end), Some((2023, 6)));
        assert_eq!(Period::parse("2021-05").map(|p| p.start), Some((2021, 5)));
        let span = Period::parse("2021-2025").unwrap();
        assert!(span.is_span() && span.end == (2025, 12));
        for bad in ["20", "2021-13", "2021-Q5", "今年", "2025-2021", "2021-"] {
            assert_eq!(Period::parse(bad), None, "{bad}");
        }
    }

    #[test]
    fn sorts_chronologically() {
        let mut periods: Vec<Period> = ["2024", "2021-05", "2021-Q1", "2020", "2021-2025"]
            .iter()
            .filter_map(|s| Period::parse(s))
            .collect();
        periods.sort();
        assert_eq!(periods[0].start, (2020, 1));
        assert_eq!(periods[1], Period::parse("2021-Q1").unwrap());
        assert_eq!(periods[2], Period::parse("2021-2025").unwrap());
    }
}
