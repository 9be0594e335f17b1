//! What may share a chart axis, decided from the data: two figures are drawn side by side only
//! when they measure the same thing in the same unit, are both outcomes (or both plans, or both
//! goals), cover the same kind of period and the same kind of scope. A rank is a place in a
//! list, never a bar. The per-county fact sheet groups by this rule, and [`check_chart`] holds
//! every chart to it.

use std::collections::HashSet;
use std::fmt;

use crate::data::figures::COMPANY_SCOPE;
use crate::data::period::Period;
use crate::data::{Dataset, Figure, Kind};

use super::{Chart, PanelStyle, Status};

/// The kind of period a figure covers: a single year or less, several years (a "since X"
/// total, a plan period), or none stated.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum PeriodKind {
    Unstated,
    WithinAYear,
    Span,
}

impl PeriodKind {
    pub fn of(figure: &Figure) -> Self {
        match figure.period.as_deref().and_then(Period::parse) {
            None => Self::Unstated,
            Some(p) if p.is_span() => Self::Span,
            Some(_) => Self::WithinAYear,
        }
    }
}

/// Whether a figure is about a place (the city or a county) or a company as a whole.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ScopeKind {
    Place,
    Company,
}

impl ScopeKind {
    pub fn of(figure: &Figure) -> Self {
        if figure.scope == COMPANY_SCOPE {
            Self::Company
        } else {
            Self::Place
        }
    }
}

/// Everything that must agree for two figures to share an axis.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct AxisKey<'a> {
    /// A figure without a measure is its own key: comparable with nothing else.
    pub measure: Result<&'a str, &'a str>,
    pub unit: &'a str,
    pub status: Status,
    pub period: PeriodKind,
    pub scope: ScopeKind,
}

impl<'a> AxisKey<'a> {
    pub fn of(figure: &'a Figure) -> Self {
        Self {
            measure: figure.measure.as_deref().ok_or(figure.id.as_str()),
            unit: &figure.unit,
            status: Status::of(figure),
            period: PeriodKind::of(figure),
            scope: ScopeKind::of(figure),
        }
    }

    /// The first thing that differs, or `None` when the two may share an axis.
    pub fn differs(&self, other: &Self) -> Option<&'static str> {
        if self.measure != other.measure {
            Some("measure")
        } else if self.unit != other.unit {
            Some("unit")
        } else if self.status != other.status {
            Some("status (achieved, planned or goal)")
        } else if self.period != other.period {
            Some("kind of period")
        } else if self.scope != other.scope {
            Some("kind of scope")
        } else {
            None
        }
    }
}

/// A way a chart breaks the rule, naming the chart, the panel and the figures.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Violation {
    pub chart: String,
    pub panel: String,
    pub message: String,
}

impl fmt::Display for Violation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} / {}: {}", self.chart, self.panel, self.message)
    }
}

/// Every way `chart` breaks the rule: unlike figures on one axis, a rank drawn as a bar, or a
/// fact drawn twice (the same figure, or two reports of one fact, for the same project).
pub fn check_chart(chart: &Chart, dataset: &Dataset) -> Vec<Violation> {
    let mut violations = Vec::new();
    let name = match &chart.county {
        Some(code) => format!("{} ({code})", chart.def.id),
        None => chart.def.id.to_owned(),
    };
    let mut drawn: HashSet<(&str, Option<&str>)> = HashSet::new();
    for panel in &chart.panels {
        let mut report = |message: String| {
            violations.push(Violation {
                chart: name.clone(),
                panel: panel.title_en.clone(),
                message,
            });
        };
        let figures: Vec<&Figure> = panel
            .items
            .iter()
            .filter_map(|i| i.figure_id.as_deref())
            .filter_map(|id| dataset.figure(id))
            .collect();
        for (item, figure) in panel.items.iter().filter_map(|i| {
            let f = dataset.figure(i.figure_id.as_deref()?)?;
            Some((i, f))
        }) {
            let fact = dataset.primary(figure).id.as_str();
            if !drawn.insert((fact, item.project.as_deref())) {
                report(format!("the fact of {} is drawn twice", figure.id));
            }
        }
        if panel.style != PanelStyle::Bars {
            continue;
        }
        for figure in figures.iter().filter(|f| f.kind == Kind::Rank) {
            report(format!("{} is a rank, drawn as a bar", figure.id));
        }
        if let Some(first) = figures.first() {
            let key = AxisKey::of(first);
            for other in &figures[1..] {
                if let Some(what) = key.differs(&AxisKey::of(other)) {
                    report(format!(
                        "{} and {} share an axis but differ in {what}",
                        first.id, other.id
                    ));
                }
            }
        }
    }
    violations
}
