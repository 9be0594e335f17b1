//! Chart definitions and the charts they resolve to, built from the dataset. No egui here: the
//! UI draws a [`Chart`]; the export draws the same one.

pub mod comparable;
mod county_sheet;
mod definitions;
pub mod units;

use crate::data::figures::format_value;
use crate::data::{Bound, Dataset, Figure, Kind, Theme};
use crate::i18n::{Lang, Msg};

pub use crate::data::figures::Status;
pub use comparable::{Violation, check_chart};
pub use definitions::CHARTS;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Layout {
    /// Panels of horizontal bars (figures that may share an axis) and of fact cards.
    Bars,
    /// Figures placed by their period on a time axis.
    Timeline,
}

/// Which figures a chart draws.
#[derive(Clone, Copy, Debug)]
pub enum Select {
    /// Fixed figures, in panels of bars (one measure each) or of fact cards.
    Panels(&'static [PanelDef]),
    /// One bar per project with a stated investment, largest first.
    ProjectInvestment,
    /// The selected county's fact sheet: its figures by theme, bars where two or more are
    /// comparable; with no county, how many facts the articles give for each county.
    County,
    /// Every fact with a stated period.
    Dated,
}

/// How a panel shows its items.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PanelStyle {
    /// Bars on one value axis: the items must be comparable (see [`comparable`]).
    Bars,
    /// One card per item, each with its own value: nothing is compared.
    Facts,
}

#[derive(Clone, Copy, Debug)]
pub struct PanelDef {
    pub title: Msg,
    pub style: PanelStyle,
    pub items: &'static [ItemDef],
}

#[derive(Clone, Copy, Debug)]
pub struct ItemDef {
    pub figure: &'static str,
    /// A short label for this chart; the figure's subject when `None`.
    pub label: Option<Msg>,
}

#[derive(Clone, Copy, Debug)]
pub struct ChartDef {
    /// Stable: used on the command line, in file names and in settings.
    pub id: &'static str,
    pub title: Msg,
    pub subtitle: Msg,
    /// The question a report writer asks that this chart answers.
    pub question: Msg,
    pub layout: Layout,
    pub select: Select,
}

impl ChartDef {
    pub fn by_id(id: &str) -> Option<&'static ChartDef> {
        CHARTS.iter().find(|c| c.id == id)
    }

    /// Whether the chart changes with the selected county.
    pub fn follows_county(&self) -> bool {
        matches!(self.select, Select::County)
    }
}

/// One drawn bar, card or point.
#[derive(Clone, Debug, PartialEq)]
pub struct Item {
    /// The figure drawn; `None` for a count made from the dataset itself (figures per county).
    pub figure_id: Option<String>,
    pub label_zh: String,
    pub label_en: String,
    /// What the figure measures, in full (the label may be short where the panel title says
    /// the rest).
    pub subject_zh: String,
    pub subject_en: String,
    pub value: f64,
    pub bound: Bound,
    /// Achieved, or a plan or goal: plans and goals are drawn outlined and marked, never like
    /// an achievement.
    pub status: Status,
    /// The value as the article printed it (超200亿元), or the count for a dataset count.
    pub printed: String,
    /// The value with its unit for English text (`200 亿元`, `2 figures`).
    pub printed_en: String,
    pub period: Option<String>,
    /// The county the item belongs to (none for city-wide figures).
    pub county: Option<String>,
    pub project: Option<String>,
}

impl Item {
    pub fn label(&self, lang: Lang) -> &str {
        lang.pick(&self.label_zh, &self.label_en)
    }

    pub fn subject(&self, lang: Lang) -> &str {
        lang.pick(&self.subject_zh, &self.subject_en)
    }

    /// The bar's value label: the mark of its bound (≥ ≤ ≈), the value as the article printed
    /// it (超200亿元) in Chinese or with its unit in English, and 目标/计划 for goals and plans.
    pub fn value_text(&self, lang: Lang) -> String {
        let mark = self.bound.symbol();
        let value = lang.pick(&self.printed, &self.printed_en);
        let sep = if mark.is_empty() { "" } else { " " };
        match self.status.mark(lang) {
            Some(word) => format!("{mark}{sep}{value} ({word})"),
            None => format!("{mark}{sep}{value}"),
        }
    }

    fn from_figure(figure: &Figure, label: Option<Msg>) -> Self {
        let (label_zh, label_en) = match label {
            Some(t) => (t.zh().to_owned(), t.en().to_owned()),
            None => (figure.subject_zh.clone(), figure.subject_en.clone()),
        };
        let printed_en = match figure.kind {
            Kind::Rank => format!("No. {}", format_value(figure.value)),
            _ => format!("{} {}", format_value(figure.value), figure.unit),
        };
        Self {
            figure_id: Some(figure.id.clone()),
            label_zh,
            label_en,
            subject_zh: figure.subject_zh.clone(),
            subject_en: figure.subject_en.clone(),
            value: figure.value,
            bound: figure.bound,
            status: Status::of(figure),
            printed: figure.printed.clone(),
            printed_en,
            period: figure.period.clone(),
            county: (!figure.is_city_wide()).then(|| figure.scope.clone()),
            project: figure.project().map(str::to_owned),
        }
    }
}

/// Items sharing one value axis (bars), or cards that each stand alone (facts).
#[derive(Clone, Debug, PartialEq)]
pub struct Panel {
    pub title_zh: String,
    pub title_en: String,
    /// The value axis' unit (bars only).
    pub unit: String,
    pub style: PanelStyle,
    /// A fact sheet's theme, shown as a heading over the first panel of each theme.
    pub heading: Option<Theme>,
    pub items: Vec<Item>,
    /// What to do with the panel in the window (not said in an exported image, where there is
    /// nothing to click).
    pub hint: Option<Msg>,
}

impl Panel {
    pub fn title(&self, lang: Lang) -> &str {
        lang.pick(&self.title_zh, &self.title_en)
    }
}

/// A chart resolved against the dataset (and the selected county), ready to draw.
#[derive(Clone, Debug)]
pub struct Chart {
    pub def: &'static ChartDef,
    /// The county this chart shows, for the per-county chart.
    pub county: Option<String>,
    pub panels: Vec<Panel>,
    /// Ids of the articles the drawn figures come from, in article order.
    pub articles: Vec<String>,
}

/// Why a chart could not be built.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum ChartError {
    #[error("chart {chart}: figure {figure} is not in the dataset")]
    MissingFigure {
        chart: &'static str,
        figure: &'static str,
    },
    #[error("chart {chart}: bar panel {panel:?} mixes units {a} and {b}")]
    MixedUnits {
        chart: &'static str,
        panel: &'static str,
        a: String,
        b: String,
    },
}

impl ChartDef {
    /// Resolves the chart's figures. `county` matters only for the per-county chart.
    pub fn build(
        &'static self,
        dataset: &Dataset,
        county: Option<&str>,
    ) -> Result<Chart, ChartError> {
        let panels = match self.select {
            Select::Panels(panels) => panels
                .iter()
                .map(|p| self.fixed_panel(p, dataset))
                .collect::<Result<Vec<_>, _>>()?,
            Select::ProjectInvestment => vec![project_investment_panel(dataset)],
            Select::County => match county {
                Some(code) => county_sheet::panels(dataset, code),
                None => vec![coverage_panel(dataset)],
            },
            Select::Dated => vec![dated_panel(dataset)],
        };
        let mut chart = Chart {
            def: self,
            county: county.filter(|_| self.follows_county()).map(str::to_owned),
            panels,
            articles: Vec::new(),
        };
        chart.cite(dataset);
        Ok(chart)
    }

    fn fixed_panel(
        &'static self,
        def: &'static PanelDef,
        dataset: &Dataset,
    ) -> Result<Panel, ChartError> {
        let mut unit: Option<&str> = None;
        let mut items = Vec::with_capacity(def.items.len());
        for item in def.items {
            let figure = dataset
                .figure(item.figure)
                .ok_or(ChartError::MissingFigure {
                    chart: self.id,
                    figure: item.figure,
                })?;
            match unit {
                Some(u) if u != figure.unit && def.style == PanelStyle::Bars => {
                    return Err(ChartError::MixedUnits {
                        chart: self.id,
                        panel: def.title.en(),
                        a: u.to_owned(),
                        b: figure.unit.clone(),
                    });
                }
                _ => unit = Some(&figure.unit),
            }
            items.push(Item::from_figure(figure, item.label));
        }
        Ok(Panel {
            title_zh: def.title.zh().to_owned(),
            title_en: def.title.en().to_owned(),
            unit: unit.unwrap_or_default().to_owned(),
            style: def.style,
            heading: None,
            items,
            hint: None,
        })
    }
}

/// One bar per project the articles give an investment for, largest first: each project once,
/// with its own amount or, where only its size class is stated (超百亿级), that class's floor.
fn project_investment_panel(dataset: &Dataset) -> Panel {
    let mut stated: Vec<_> = dataset
        .projects
        .iter()
        .filter_map(|p| Some((p, dataset.stated_investment(p)?)))
        .collect();
    stated.sort_by(|(_, a), (_, b)| b.amount.yi.total_cmp(&a.amount.yi));
    let items = stated
        .into_iter()
        .filter_map(|(project, stated)| {
            let figure = *stated.figures.first()?;
            let mut item = Item::from_figure(figure, None);
            item.label_zh = project.name_zh.clone();
            item.label_en = project.name_en.clone();
            item.value = stated.amount.yi;
            item.bound = if stated.amount.at_least {
                Bound::AtLeast
            } else {
                figure.bound
            };
            if let [one] = stated.figures.as_slice() {
                item.printed = one.printed.clone();
            } else {
                item.printed = stated.amount.label();
            }
            item.printed_en = format!("{} 亿元", format_value(item.value));
            item.county = Some(project.county.clone());
            item.project = Some(project.id.clone());
            Some(item)
        })
        .collect();
    Panel {
        title_zh: Msg::PanelInvestmentPerProject.zh().into(),
        title_en: Msg::PanelInvestmentPerProject.en().into(),
        unit: "亿元".into(),
        style: PanelStyle::Bars,
        heading: None,
        items,
        hint: None,
    }
}

/// Every fact with a stated period, each once, in time order.
fn dated_panel(dataset: &Dataset) -> Panel {
    let mut dated: Vec<(crate::data::period::Period, &Figure)> = dataset
        .figures
        .iter()
        .filter(|f| f.same_as.is_none())
        .filter_map(|f| Some((crate::data::period::Period::parse(f.period.as_deref()?)?, f)))
        .collect();
    dated.sort_by_key(|(period, _)| *period);
    Panel {
        title_zh: Msg::PanelFiguresStatedPeriod.zh().into(),
        title_en: Msg::PanelFiguresStatedPeriod.en().into(),
        unit: String::new(),
        style: PanelStyle::Facts,
        heading: None,
        items: dated
            .into_iter()
            .map(|(_, f)| Item::from_figure(f, None))
            .collect(),
        hint: None,
    }
}

/// How many facts the articles give for each county (a fact reported twice counts once): the
/// overview shown before a county is picked, and a way to pick one.
fn coverage_panel(dataset: &Dataset) -> Panel {
    let items = dataset
        .counties
        .iter()
        .map(|county| {
            let n = dataset.facts_in_scope(&county.adcode).count();
            Item {
                figure_id: None,
                label_zh: county.name_zh.clone(),
                label_en: county.name_en.clone(),
                subject_zh: crate::fill!(Msg::FiguresGivenFor, Lang::Zh, county = county.name_zh),
                subject_en: crate::fill!(Msg::FiguresGivenFor, Lang::En, county = county.name_en),
                value: n as f64,
                bound: Bound::Exact,
                status: Status::Achieved,
                printed: format!("{n}{}", units::FIGURES_UNIT),
                printed_en: format!("{n} {}", if n == 1 { "figure" } else { "figures" }),
                period: None,
                county: Some(county.adcode.clone()),
                project: None,
            }
        })
        .collect();
    Panel {
        title_zh: Msg::PanelFiguresFiveArticlesGivePer.zh().into(),
        title_en: Msg::PanelFiguresFiveArticlesGivePer.en().into(),
        unit: units::FIGURES_UNIT.into(),
        style: PanelStyle::Bars,
        heading: None,
        items,
        hint: Some(Msg::ChartPickCountySeeThem),
    }
}

impl Chart {
    /// Keeps only the panels `keep` accepts (and the articles their figures come from).
    pub fn retain_panels(&mut self, dataset: &Dataset, keep: impl FnMut(&Panel) -> bool) {
        self.panels.retain(keep);
        self.cite(dataset);
    }

    /// Removes the last item (to fit a page), and its panel when that is left empty, keeping
    /// the cited articles right.
    pub fn pop_item(&mut self, dataset: &Dataset) -> Option<Item> {
        let panel = self.panels.last_mut()?;
        let item = panel.items.pop();
        if panel.items.is_empty() {
            self.panels.pop();
        }
        self.cite(dataset);
        item
    }

    /// Collects the articles the drawn figures come from, in article order.
    fn cite(&mut self, dataset: &Dataset) {
        let mut articles: Vec<String> = self
            .items()
            .filter_map(|i| i.figure_id.as_deref())
            .filter_map(|id| dataset.figure(id))
            .map(|f| f.source.article.clone())
            .collect();
        articles.sort();
        articles.dedup();
        self.articles = articles;
    }

    pub fn items(&self) -> impl Iterator<Item = &Item> {
        self.panels.iter().flat_map(|p| &p.items)
    }

    pub fn title(&self, dataset: &Dataset, lang: Lang) -> String {
        match &self.county {
            Some(code) => lang.labelled(self.def.title.text(lang), dataset.county_name(code, lang)),
            None => self.def.title.text(lang).to_owned(),
        }
    }

    /// "Source: outlet, date; outlet, date" for the figures drawn.
    pub fn source_line(&self, dataset: &Dataset, lang: Lang) -> String {
        let cited: Vec<String> = self
            .articles
            .iter()
            .filter_map(|id| dataset.article(id))
            .map(|a| a.citation(lang))
            .collect();
        let lead = Msg::SourceLabel.text(lang);
        if cited.is_empty() {
            format!("{lead}{}", Msg::ProgramSDatasetFive.text(lang))
        } else {
            format!("{lead}{}", cited.join(Msg::ListSeparator.text(lang)))
        }
    }

    /// Whether any item is a lower bound, upper bound, approximation or target: which marks the
    /// legend must explain.
    pub fn marks(&self) -> Marks {
        let mut marks = Marks::default();
        for item in self.items() {
            match item.bound {
                Bound::AtLeast => marks.at_least = true,
                Bound::AtMost => marks.at_most = true,
                Bound::Approx => marks.approx = true,
                Bound::Exact => {}
            }
            marks.target |= item.status != Status::Achieved;
        }
        marks
    }
}

/// The kinds of mark a chart uses.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Marks {
    pub at_least: bool,
    pub at_most: bool,
    pub approx: bool,
    pub target: bool,
}

/// The kind a figure counts as for colouring: plans count as targets.
pub fn display_kind(figure: &Figure) -> Kind {
    if figure.is_target() {
        Kind::Target
    } else {
        figure.kind
    }
}
