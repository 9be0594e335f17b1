//! The dataset from its five files: the embedded ones, or any given as bytes.

use super::error::{LoadError, decode_text};
use super::projects::parse_projects;
use crate::data::articles::ArticlesFile;
use crate::data::counties::CountiesFile;
use crate::data::dataset::{Dataset, DatasetFiles};
use crate::data::figures::FiguresFile;
use crate::data::measures::MeasuresFile;
use crate::embedded::{self, Asset};

impl Dataset {
    /// The dataset compiled into the binary (parsed, not yet validated against boundaries).
    pub fn embedded() -> Result<Self, LoadError> {
        Self::parse(
            embedded::ARTICLES,
            &embedded::ARTICLE_TEXTS,
            embedded::FIGURES,
            embedded::MEASURES,
            embedded::PROJECTS,
            embedded::COUNTIES,
        )
    }

    /// Parses the five data files and attaches each article's text (matched by file stem).
    pub fn parse(
        articles: Asset<'_>,
        article_texts: &[Asset<'_>],
        figures: Asset<'_>,
        measures: Asset<'_>,
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
        let measures_file: MeasuresFile = parse_json(measures)?;
        let counties_file: CountiesFile = parse_json(counties)?;
        Ok(Self {
            articles: articles_file.articles,
            figures: figures_file.figures,
            measures: measures_file.measures,
            projects: parse_projects(projects.path, projects.bytes)?,
            counties: counties_file.counties,
            files: DatasetFiles {
                articles: articles.path.to_owned(),
                figures: figures.path.to_owned(),
                measures: measures.path.to_owned(),
                projects: projects.path.to_owned(),
                counties: counties.path.to_owned(),
            },
        })
    }
}

fn parse_json<T: serde::de::DeserializeOwned>(asset: Asset<'_>) -> Result<T, LoadError> {
    let text = decode_text(asset.path, asset.bytes)?;
    serde_json::from_str(text).map_err(|e| LoadError::from_json(asset.path, text, &e))
}
