//! The dataset as one value: what the map, the side panel and the charts read.

use super::articles::Article;
use super::counties::County;
use super::figures::{Bound, Figure, Kind};
use super::measures::{Measure, Theme};
use super::projects::Project;
use crate::i18n::Lang;

/// Which file each part came from, so a validation message names the file to fix.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DatasetFiles {
    pub articles: String,
    pub figures: String,
    pub measures: String,
    pub projects: String,
    pub counties: String,
}

#[derive(Clone, Debug)]
pub struct Dataset {
    pub articles: Vec<Article>,
    pub figures: Vec<Figure>,
    pub measures: Vec<Measure>,
    pub projects: Vec<Project>,
    pub counties: Vec<County>,
    pub files: DatasetFiles,
}

impl Dataset {
    pub fn article(&self, id: &str) -> Option<&Article> {
        self.articles.iter().find(|a| a.id == id)
    }

    pub fn figure(&self, id: &str) -> Option<&Figure> {
        self.figures.iter().find(|f| f.id == id)
    }

    pub fn project(&self, id: &str) -> Option<&Project> {
        self.projects.iter().find(|p| p.id == id)
    }

    pub fn county(&self, adcode: &str) -> Option<&County> {
        self.counties.iter().find(|c| c.adcode == adcode)
    }

    /// Figures whose scope is `scope` (`"city"` or an adcode), in file order.
    pub fn figures_in_scope<'a>(&'a self, scope: &'a str) -> impl Iterator<Item = &'a Figure> + 'a {
        self.figures.iter().filter(move |f| f.scope == scope)
    }

    /// Projects in a county, in file order.
    pub fn projects_in<'a>(&'a self, adcode: &'a str) -> impl Iterator<Item = &'a Project> + 'a {
        self.projects.iter().filter(move |p| p.county == adcode)
    }

    pub fn measure(&self, id: &str) -> Option<&Measure> {
        self.measures.iter().find(|m| m.id == id)
    }

    /// What the figure measures, when the dataset knows its measure.
    pub fn measure_of(&self, figure: &Figure) -> Option<&Measure> {
        figure.measure.as_deref().and_then(|id| self.measure(id))
    }

    /// The figure that stands for this one's fact: itself, or the one it is `same_as`.
    pub fn primary<'a>(&'a self, figure: &'a Figure) -> &'a Figure {
        figure
            .same_as
            .as_deref()
            .and_then(|id| self.figure(id))
            .unwrap_or(figure)
    }

    /// The other figures that report the same fact as `figure` (its `same_as` and the figures
    /// that are `same_as` it), for "also reported in …".
    /// One pass over the figures: validation keeps `same_as` one link deep (a repeat names the
    /// original, never another repeat), so a figure's fact is its `same_as` or its own id.
    /// Called for every card drawn.
    pub fn same_fact<'a>(&'a self, figure: &'a Figure) -> impl Iterator<Item = &'a Figure> + 'a {
        let fact = figure.same_as.as_deref().unwrap_or(&figure.id);
        self.figures.iter().filter(move |f| {
            f.id != figure.id && (f.id == fact || f.same_as.as_deref() == Some(fact))
        })
    }

    /// The other articles that report the fact `figure` reports, each once, in id order.
    pub fn also_reported_in<'a>(&'a self, figure: &'a Figure) -> Vec<&'a Article> {
        let mut ids: Vec<&str> = self
            .same_fact(figure)
            .map(|f| f.source.article.as_str())
            .filter(|id| *id != figure.source.article)
            .collect();
        ids.sort_unstable();
        ids.dedup();
        ids.into_iter().filter_map(|id| self.article(id)).collect()
    }

    /// Each fact once: the figures whose scope is `scope`, without the repeats of a fact.
    pub fn facts_in_scope<'a>(&'a self, scope: &'a str) -> impl Iterator<Item = &'a Figure> + 'a {
        self.figures_in_scope(scope).filter(|f| f.same_as.is_none())
    }

    /// Each fact of `scope` once, grouped by the theme of its measure, in fact-sheet order (a
    /// figure without a known measure comes last, under `None`); empty themes are left out.
    pub fn facts_by_theme<'a>(&'a self, scope: &'a str) -> Vec<(Option<Theme>, Vec<&'a Figure>)> {
        let themed: Vec<(Option<Theme>, &Figure)> = self
            .facts_in_scope(scope)
            .map(|f| (self.measure_of(f).map(|m| m.theme), f))
            .collect();
        Theme::ALL
            .map(Some)
            .into_iter()
            .chain([None])
            .map(|theme| {
                let figures = themed
                    .iter()
                    .filter(|(t, _)| *t == theme)
                    .map(|&(_, f)| f)
                    .collect();
                (theme, figures)
            })
            .filter(|(_, figures): &(_, Vec<&Figure>)| !figures.is_empty())
            .collect()
    }

    /// What the articles say a project invests, in 亿元, and the figures that say it: the sum of
    /// its own investment figures (planned or committed amounts included; 万元 and 元 convert
    /// exactly), or the size class it is named in (超百亿级: at least 100 亿元 each) when that is
    /// more. A repeat of a fact (`same_as`) counts once; a credit line or a donation is no
    /// investment (their kind is not `investment`).
    pub fn stated_investment<'a>(&'a self, project: &Project) -> Option<StatedInvestment<'a>> {
        let mut sum: Option<(StatedAmount, Vec<&'a Figure>)> = None;
        let mut class: Option<(f64, &'a Figure)> = None;
        // The project lists its figures (validation checks the listing against the figures'
        // own links), so this reads a few, not all: it runs for every symbol drawn.
        let figures = project
            .figures
            .iter()
            .filter_map(|id| self.figure(id))
            .filter(|f| f.same_as.is_none());
        for figure in figures.filter(|f| f.kind == Kind::Investment) {
            let Some(yi) = to_yi(figure.value, &figure.unit) else {
                continue;
            };
            if figure.each {
                if class.is_none_or(|(best, _)| yi > best) {
                    class = Some((yi, figure));
                }
                continue;
            }
            let (amount, from) = sum.get_or_insert_with(|| {
                (
                    StatedAmount {
                        yi: 0.0,
                        at_least: false,
                    },
                    Vec::new(),
                )
            });
            amount.yi += yi;
            amount.at_least |= figure.bound == Bound::AtLeast;
            from.push(figure);
        }
        match (sum, class) {
            (Some((amount, figures)), Some((floor, _))) if amount.yi >= floor => {
                Some(StatedInvestment { amount, figures })
            }
            (_, Some((floor, figure))) => Some(StatedInvestment {
                amount: StatedAmount {
                    yi: floor,
                    at_least: figure.bound == Bound::AtLeast,
                },
                figures: vec![figure],
            }),
            (Some((amount, figures)), None) => Some(StatedInvestment { amount, figures }),
            (None, None) => None,
        }
    }

    /// The county's name in the chosen language, or the code itself when unknown.
    pub fn county_name<'a>(&'a self, adcode: &'a str, lang: Lang) -> &'a str {
        match self.county(adcode) {
            Some(c) => lang.pick(&c.name_zh, &c.name_en),
            None => adcode,
        }
    }
}

/// A project's stated investment and the figures it rests on.
#[derive(Clone, Debug)]
pub struct StatedInvestment<'a> {
    pub amount: StatedAmount,
    pub figures: Vec<&'a Figure>,
}

/// An amount of money in 亿元, when the unit is one of money.
pub fn to_yi(value: f64, unit: &str) -> Option<f64> {
    let factor = match unit {
        "亿元" => 1.0,
        "万元" => 1e-4,
        "元" => 1e-8,
        _ => return None,
    };
    Some(value * factor)
}

/// An amount in 亿元 and whether it is only a lower bound.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct StatedAmount {
    pub yi: f64,
    pub at_least: bool,
}

impl StatedAmount {
    /// `≥100 亿元`, `120 亿元`: rounded to 万元, as no article is more precise.
    pub fn label(&self) -> String {
        format!(
            "{}{} 亿元",
            if self.at_least { "≥" } else { "" },
            super::figures::format_value((self.yi * 1e4).round() / 1e4)
        )
    }
}
