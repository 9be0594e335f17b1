//! The dataset as one value: what the map, the side panel and the charts read.

use crate::embedded::{self, Asset};
use crate::load_error::{LoadError, decode_text};

use super::articles::{Article, ArticlesFile};
use super::counties::{CountiesFile, County};
use super::figures::{Figure, FiguresFile};
use super::projects::{Project, parse_projects};

/// Which file each part came from, so a validation message names the file to fix.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DatasetFiles {
    pub articles: String,
    pub figures: String,
    pub projects: String,
    pub counties: String,
}

#[derive(Clone, Debug)]
pub struct Dataset {
    pub articles: Vec<Article>,
    pub figures: Vec<Figure>,
    pub projects: Vec<Project>,
    pub counties: Vec<County>,
    pub files: DatasetFiles,
}

impl Dataset {
    /// The dataset compiled into the binary (parsed, not yet validated against boundaries).
    pub fn embedded() -> Result<Self, LoadError> {
        Self::parse(
            embedded::ARTICLES,
            &embedded::ARTICLE_TEXTS,
            embedded::FIGURES,
            embedded::PROJECTS,
            embedded::COUNTIES,
        )
    }

    /// Parses the four data files and attaches each article's text (matched by file stem).
    pub fn parse(
        articles: Asset<'_>,
        article_texts: &[Asset<'_>],
        figures: Asset<'_>,
        projects: Asset<'_>,
        counties: Asset<'_>,
    ) -> Result<Self, LoadError> {
        let mut articles_file: ArticlesFile = parse_json(articles)?;
        for article in &mut articles_file.articles {
            if let Some(text) = article_texts.iter().find(|t| t.stem() == article.id) {
                article.text = decode_text(text.path, text.bytes)?.to_owned();
            }
        }
        let figures_file: FiguresFile = parse_json(figures)?;
        let counties_file: CountiesFile = parse_json(counties)?;
        Ok(Self {
            articles: articles_file.articles,
            figures: figures_file.figures,
            projects: parse_projects(projects.path, projects.bytes)?,
            counties: counties_file.counties,
            files: DatasetFiles {
                articles: articles.path.to_owned(),
                figures: figures.path.to_owned(),
                projects: projects.path.to_owned(),
                counties: counties.path.to_owned(),
            },
        })
    }

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

    /// What the articles say a project invests, in 亿元: the sum of its investment figures
    /// (planned or committed amounts included), `at_least` when one of them is a lower bound.
    /// Amounts that hold per item (超亿元 each) are not added; 万元 and 元 convert exactly.
    pub fn stated_investment(&self, project: &Project) -> Option<StatedAmount> {
        let mut total: Option<StatedAmount> = None;
        for figure in project.figures.iter().filter_map(|id| self.figure(id)) {
            if figure.kind != super::figures::Kind::Investment || figure.each {
                continue;
            }
            let factor = match figure.unit.as_str() {
                "亿元" => 1.0,
                "万元" => 1e-4,
                "元" => 1e-8,
                _ => continue,
            };
            let sum = total.get_or_insert(StatedAmount {
                yi: 0.0,
                at_least: false,
            });
            sum.yi += figure.value * factor;
            sum.at_least |= figure.bound == super::figures::Bound::AtLeast;
        }
        total
    }

    /// The county's name in the chosen language, or the code itself when unknown.
    pub fn county_name<'a>(&'a self, adcode: &'a str, english: bool) -> &'a str {
        match self.county(adcode) {
            Some(c) if english => &c.name_en,
            Some(c) => &c.name_zh,
            None => adcode,
        }
    }
}

/// An amount in 亿元 and whether it is only a lower bound.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct StatedAmount {
    pub yi: f64,
    pub at_least: bool,
}

fn parse_json<T: serde::de::DeserializeOwned>(asset: Asset<'_>) -> Result<T, LoadError> {
    let text = decode_text(asset.path, asset.bytes)?;
    serde_json::from_str(text).map_err(|e| LoadError::from_json(asset.path, text, &e))
}
