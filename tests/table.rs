//! The figures table: filters, sorting, and the TSV and CSV a report writer pastes or opens.

// A test stops where the program is not in the state it checks.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use zq_core::data::{Dataset, Kind};
use zq_core::i18n::Lang;
use zq_core::table::{Column, Filter, Sort, rows, to_csv, to_tsv};

fn dataset() -> Dataset {
    Dataset::embedded().expect("the embedded dataset parses")
}

#[test]
fn filters_combine() {
    let data = dataset();
    let all = rows(&data, &Filter::default(), Sort::default(), Lang::Zh);
    assert_eq!(all.len(), data.figures.len());

    let sihui = Filter {
        scope: Some("441284".into()),
        ..Filter::default()
    };
    let shown = rows(&data, &sihui, Sort::default(), Lang::Zh);
    assert!(!shown.is_empty() && shown.iter().all(|f| f.scope == "441284"));

    let narrow = Filter {
        article: Some("002_167fc7489765f1f4".into()),
        kind: Some(Kind::Investment),
        period: Some("2020".into()),
        ..Filter::default()
    };
    let ids: Vec<&str> = rows(&data, &narrow, Sort::default(), Lang::Zh)
        .iter()
        .map(|f| f.id.as_str())
        .collect();
    assert!(ids.contains(&"new_projects_2020_planned_investment"));
    assert!(ids.contains(&"projects_started_2020_investment"));
    assert!(!ids.contains(&"new_projects_2020_count"));

    let text = Filter {
        text: "预制菜".into(),
        ..Filter::default()
    };
    assert!(
        rows(&data, &text, Sort::default(), Lang::Zh)
            .iter()
            .all(|f| {
                f.subject_zh.contains("预制菜") || f.source.quote.contains("预制菜")
            })
    );
}

#[test]
fn sorts_by_value_and_by_period() {
    let data = dataset();
    let by_value = rows(
        &data,
        &Filter::default(),
        Sort {
            column: Column::Value,
            descending: true,
        },
        Lang::Zh,
    );
    assert!(by_value.windows(2).all(|w| w[0].value >= w[1].value));
    let by_period = rows(
        &data,
        &Filter::default(),
        Sort {
            column: Column::Period,
            descending: false,
        },
        Lang::Zh,
    );
    // "自2018年以来" is a total over 2018–2021, first in time.
    assert_eq!(by_period[0].period.as_deref(), Some("2018-2021"));
    // Undated figures come after every dated one.
    let first_undated = by_period
        .iter()
        .position(|f| f.period.is_none())
        .expect("some are undated");
    assert!(
        by_period[first_undated..]
            .iter()
            .all(|f| f.period.is_none())
    );
}

#[test]
fn tsv_pastes_as_cells() {
    let data = dataset();
    let filter = Filter {
        period: Some("2021-Q1".into()),
        ..Filter::default()
    };
    let shown = rows(&data, &filter, Sort::default(), Lang::Zh);
    let tsv = to_tsv(&data, &shown, Lang::Zh);
    let lines: Vec<&str> = tsv.lines().collect();
    assert_eq!(lines.len(), shown.len() + 1);
    assert!(lines[0].starts_with("指标\t数值\t单位"));
    assert!(
        lines
            .iter()
            .all(|l| l.split('\t').count() == Column::ALL.len())
    );
    assert!(tsv.contains("2021年一季度规模以上工业增加值\t156.96\t亿元\t确数"));
}

#[test]
fn csv_opens_in_excel_with_chinese_and_quotes_intact() {
    let data = dataset();
    let shown = rows(&data, &Filter::default(), Sort::default(), Lang::Zh);
    let csv = to_csv(&data, &shown, Lang::Zh);
    assert!(
        csv.starts_with(b"\xEF\xBB\xBF"),
        "UTF-8 byte-order mark for Excel"
    );
    let text = std::str::from_utf8(&csv[3..]).expect("UTF-8");
    assert!(text.ends_with("\r\n"));
    assert!(text.contains("156.96"));
    let records: Vec<&str> = text.split("\r\n").filter(|l| !l.is_empty()).collect();
    assert_eq!(records.len(), shown.len() + 1);
    // An English citation holds a comma, so the field is quoted.
    let english = String::from_utf8(to_csv(&data, &shown, Lang::En)).expect("UTF-8");
    assert!(english.contains(",\"Jinyang Net / Yangcheng Evening News, 2021-01-14\","));
}

/// "sortable by any column": by every column, ascending puts the rows in non-decreasing order
/// of what that column holds (numbers as numbers, periods in time with undated last, qualifiers
/// and kinds in their listed order, text as text), descending in non-increasing order, and both
/// keep every row.
#[test]
fn sorts_by_every_column_both_ways() {
    use std::cmp::Ordering;
    use zq_core::data::period::Period;
    use zq_core::data::{Bound, Figure};
    use zq_core::table::cell;
    let data = dataset();
    let ordering = |column: Column, a: &Figure, b: &Figure| -> Ordering {
        let place = |f: &Figure| {
            (
                Bound::ALL.iter().position(|x| *x == f.bound),
                Kind::ALL.iter().position(|x| *x == f.kind),
            )
        };
        match column {
            Column::Value => a.value.partial_cmp(&b.value).expect("finite values"),
            Column::Period => {
                let when = |f: &Figure| {
                    f.period
                        .as_deref()
                        .map(|p| Period::parse(p).expect("a period"))
                };
                match (when(a), when(b)) {
                    (Some(x), Some(y)) => x.start.cmp(&y.start).then(x.end.cmp(&y.end)),
                    (Some(_), None) => Ordering::Less,
                    (None, Some(_)) => Ordering::Greater,
                    (None, None) => Ordering::Equal,
                }
            }
            Column::Bound => place(a).0.cmp(&place(b).0),
            Column::Kind => place(a).1.cmp(&place(b).1),
            _ => cell(&data, a, column, Lang::Zh).cmp(&cell(&data, b, column, Lang::Zh)),
        }
    };
    let mut all_ids: Vec<&str> = data.figures.iter().map(|f| f.id.as_str()).collect();
    all_ids.sort_unstable();
    for column in Column::ALL {
        for descending in [false, true] {
            let sorted = rows(
                &data,
                &Filter::default(),
                Sort { column, descending },
                Lang::Zh,
            );
            let mut ids: Vec<&str> = sorted.iter().map(|f| f.id.as_str()).collect();
            ids.sort_unstable();
            assert_eq!(ids, all_ids, "{column:?}: every row, once");
            for w in sorted.windows(2) {
                let order = ordering(column, w[0], w[1]);
                let wrong = if descending {
                    Ordering::Less
                } else {
                    Ordering::Greater
                };
                assert_ne!(
                    order,
                    wrong,
                    "{column:?} {}: {} before {}",
                    if descending {
                        "descending"
                    } else {
                        "ascending"
                    },
                    w[0].id,
                    w[1].id
                );
            }
        }
        // Sorting did something: the two directions start at different ends.
        let first = rows(
            &data,
            &Filter::default(),
            Sort {
                column,
                descending: false,
            },
            Lang::Zh,
        );
        let last = rows(
            &data,
            &Filter::default(),
            Sort {
                column,
                descending: true,
            },
            Lang::Zh,
        );
        assert_eq!(
            ordering(column, first[0], last[0]),
            Ordering::Less,
            "{column:?}: the least first ascending, the greatest first descending"
        );
    }
}
