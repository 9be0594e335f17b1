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

/// The month a spreadsheet's date stands for, when Excel turned a typed `2021-05` into a date
/// and saved it as one: `2021/5/1`, `2021/5`, `2021-05-01`, `2021年5月`, `May-21` or a serial day
/// number (`44317`, days since 1899-12-30). `None` for anything else.
pub fn from_spreadsheet_date(s: &str) -> Option<String> {
    let s = s.trim();
    let month = |y: i64, m: i64| {
        ((1..=12).contains(&m) && (1900..=2100).contains(&y)).then(|| format!("{y:04}-{m:02}"))
    };
    if s.len() == 5 && s.bytes().all(|b| b.is_ascii_digit()) {
        let serial: i64 = s.parse().ok()?;
        let (y, m) = civil_from_days(serial - 25_569);
        return month(y, m);
    }
    let parts: Vec<&str> = s
        .split(['/', '-', '.', '年', '月', '日'])
        .filter(|p| !p.is_empty())
        .collect();
    let number = |p: &str| p.parse::<i64>().ok();
    match parts.as_slice() {
        [y, m] | [y, m, _] if y.len() == 4 => month(number(y)?, number(m)?),
        [name, yy] if yy.len() == 2 => {
            const MONTHS: [&str; 12] = [
                "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
            ];
            let m = MONTHS.iter().position(|n| name.eq_ignore_ascii_case(n))? as i64 + 1;
            month(2000 + number(yy)?, m)
        }
        _ => None,
    }
}

/// (year, month) of a day counted from 1970-01-01 (Howard Hinnant's `civil_from_days`).
fn civil_from_days(days: i64) -> (i64, i64) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    (yoe + era * 400 + i64::from(m <= 2), m)
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

    #[test]
    fn spreadsheet_dates_name_their_month() {
        for (cell, period) in [
            ("2021/5/1", "2021-05"),
            ("2021/5", "2021-05"),
            ("2021-05-01", "2021-05"),
            ("2021年5月", "2021-05"),
            ("May-21", "2021-05"),
            ("44317", "2021-05"),
            ("44256", "2021-03"),
        ] {
            assert_eq!(
                from_spreadsheet_date(cell).as_deref(),
                Some(period),
                "{cell}"
            );
        }
        for cell in ["2021", "Q1", "441284", "2021/13/1"] {
            assert_eq!(from_spreadsheet_date(cell), None, "{cell}");
        }
    }
}
