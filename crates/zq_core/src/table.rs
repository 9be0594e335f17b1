//! Every figure as a table: filtered, sorted, and written out as TSV (for pasting into
//! Excel/WPS) or CSV (UTF-8 with a byte-order mark, so Excel shows the Chinese).

use std::cmp::Ordering;

use crate::charts::Status;
use crate::data::period::Period;
use crate::data::{Dataset, Figure, Kind};
use crate::i18n::{Lang, Msg};

#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize,
)]
pub enum Column {
    #[default]
    Subject,
    Value,
    Unit,
    Bound,
    Kind,
    Status,
    County,
    Period,
    Article,
    Quote,
}

impl Column {
    pub const ALL: [Self; 10] = [
        Self::Subject,
        Self::Value,
        Self::Unit,
        Self::Bound,
        Self::Kind,
        Self::Status,
        Self::County,
        Self::Period,
        Self::Article,
        Self::Quote,
    ];

    pub fn title(self, lang: Lang) -> &'static str {
        match self {
            Self::Subject => Msg::Measure.text(lang),
            Self::Value => Msg::Value.text(lang),
            Self::Unit => Msg::Unit.text(lang),
            Self::Bound => Msg::Qualifier.text(lang),
            Self::Kind => Msg::Kind.text(lang),
            Self::Status => Msg::Status.text(lang),
            Self::County => Msg::County.text(lang),
            Self::Period => Msg::Period.text(lang),
            Self::Article => Msg::Source.text(lang),
            Self::Quote => Msg::Quote.text(lang),
        }
    }
}

/// Which figures the table shows. `None` means "any".
#[derive(Clone, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Filter {
    pub article: Option<String>,
    /// `"city"` or an adcode.
    pub scope: Option<String>,
    pub kind: Option<Kind>,
    pub period: Option<String>,
    /// A substring of the subject (either language) or the quote.
    pub text: String,
}

impl Filter {
    /// The filter with its choices that `dataset` no longer holds (an article, a county, a
    /// period remembered from an older run or other data) dropped, so no filter hides every row
    /// with nothing in the menus to undo it.
    pub fn without_missing(mut self, dataset: &Dataset) -> Self {
        if let Some(article) = &self.article
            && dataset.article(article).is_none()
        {
            self.article = None;
        }
        if let Some(scope) = &self.scope
            && scope != "city"
            && dataset.county(scope).is_none()
        {
            self.scope = None;
        }
        if let Some(period) = &self.period
            && !dataset
                .figures
                .iter()
                .any(|f| f.period.as_ref() == Some(period))
        {
            self.period = None;
        }
        self
    }

    pub fn matches(&self, f: &Figure) -> bool {
        self.article.as_ref().is_none_or(|a| *a == f.source.article)
            && self.scope.as_ref().is_none_or(|s| *s == f.scope)
            && self.kind.is_none_or(|k| k == f.kind)
            && self
                .period
                .as_ref()
                .is_none_or(|p| Some(p) == f.period.as_ref())
            && (self.text.trim().is_empty() || {
                let needle = self.text.trim().to_lowercase();
                [&f.subject_zh, &f.subject_en, &f.source.quote, &f.id]
                    .iter()
                    .any(|s| s.to_lowercase().contains(&needle))
            })
    }
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Sort {
    pub column: Column,
    pub descending: bool,
}

/// The figures the filter keeps, in the sort's order (file order breaks ties).
pub fn rows<'a>(dataset: &'a Dataset, filter: &Filter, sort: Sort, lang: Lang) -> Vec<&'a Figure> {
    let mut rows: Vec<&Figure> = dataset
        .figures
        .iter()
        .filter(|f| filter.matches(f))
        .collect();
    rows.sort_by(|a, b| {
        let order = compare(dataset, a, b, sort.column, lang);
        if sort.descending {
            order.reverse()
        } else {
            order
        }
    });
    rows
}

fn compare(dataset: &Dataset, a: &Figure, b: &Figure, column: Column, lang: Lang) -> Ordering {
    match column {
        Column::Value => a.value.total_cmp(&b.value),
        Column::Period => {
            let key = |f: &Figure| f.period.as_deref().and_then(Period::parse);
            // Undated figures sort last.
            match (key(a), key(b)) {
                (Some(x), Some(y)) => x.cmp(&y),
                (Some(_), None) => Ordering::Less,
                (None, Some(_)) => Ordering::Greater,
                (None, None) => Ordering::Equal,
            }
        }
        Column::Bound => a.bound.cmp(&b.bound),
        Column::Kind => a.kind.cmp(&b.kind),
        _ => cell(dataset, a, column, lang).cmp(&cell(dataset, b, column, lang)),
    }
}

/// One cell's text, as the table shows it and as TSV/CSV write it.
pub fn cell(dataset: &Dataset, f: &Figure, column: Column, lang: Lang) -> String {
    match column {
        Column::Subject => lang.pick(&f.subject_zh, &f.subject_en).to_owned(),
        Column::Value => crate::data::figures::format_value(f.value),
        Column::Unit => f.unit.clone(),
        Column::Bound => bound_name(f.bound, lang).to_owned(),
        Column::Kind => kind_name(f.kind, lang).to_owned(),
        Column::Status => match Status::of(f).mark(lang) {
            Some(word) => word.to_owned(),
            None => Msg::Reported.text(lang).to_owned(),
        },
        Column::County => {
            if f.is_city_wide() {
                Msg::WholeCity.text(lang).to_owned()
            } else {
                dataset.county_name(&f.scope, lang).to_owned()
            }
        }
        Column::Period => f.period.clone().unwrap_or_default(),
        Column::Article => dataset
            .article(&f.source.article)
            .map(|a| a.citation(lang))
            .unwrap_or_else(|| f.source.article.clone()),
        Column::Quote => f.source.quote.clone(),
    }
}

pub fn bound_name(bound: crate::data::Bound, lang: Lang) -> &'static str {
    use crate::data::Bound;
    match bound {
        Bound::Exact => Msg::Exact.text(lang),
        Bound::AtLeast => Msg::Least.text(lang),
        Bound::AtMost => Msg::Most.text(lang),
        Bound::Approx => Msg::AboutApprox.text(lang),
    }
}

pub fn kind_name(kind: Kind, lang: Lang) -> &'static str {
    match kind {
        Kind::Investment => Msg::Investment.text(lang),
        Kind::Output => Msg::Output.text(lang),
        Kind::Count => Msg::Count.text(lang),
        Kind::Growth => Msg::Growth.text(lang),
        Kind::Target => Msg::Target.text(lang),
        Kind::Rank => Msg::Rank.text(lang),
        Kind::Other => Msg::Other.text(lang),
    }
}

/// Tab-separated text with a header row: pastes into Excel/WPS as cells.
pub fn to_tsv(dataset: &Dataset, rows: &[&Figure], lang: Lang) -> String {
    let clean = |s: String| s.replace(['\t', '\n', '\r'], " ");
    let mut out = String::new();
    let header: Vec<&str> = Column::ALL.iter().map(|c| c.title(lang)).collect();
    out.push_str(&header.join("\t"));
    out.push('\n');
    for f in rows {
        let line: Vec<String> = Column::ALL
            .iter()
            .map(|&c| clean(cell(dataset, f, c, lang)))
            .collect();
        out.push_str(&line.join("\t"));
        out.push('\n');
    }
    out
}

/// RFC 4180 CSV, UTF-8 with a byte-order mark and CRLF line ends, as Excel expects; written by
/// the csv crate, which quotes a field only when it holds a comma, a quote or a line break.
pub fn to_csv(dataset: &Dataset, rows: &[&Figure], lang: Lang) -> Vec<u8> {
    let mut writer = csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .from_writer("\u{FEFF}".as_bytes().to_vec());
    let header = Column::ALL.iter().map(|c| c.title(lang));
    // Writing into memory cannot fail: there is no error to report.
    let _ = writer.write_record(header);
    for f in rows {
        let _ = writer.write_record(Column::ALL.iter().map(|&c| cell(dataset, f, c, lang)));
    }
    writer
        .into_inner()
        .unwrap_or_else(|unflushed| unflushed.into_inner().get_ref().clone())
}
