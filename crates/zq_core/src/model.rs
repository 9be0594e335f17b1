//! What the program has loaded: boundaries, their fill triangles and the dataset, checked
//! against each other. Replaced as a whole, so a failed load never leaves half a model.

use std::sync::{Arc, OnceLock};

use crate::data::Dataset;
use crate::embedded;
use crate::geometry::lod::Lod;
use crate::geometry::{Boundaries, FillMesh};
use crate::i18n::count;
use crate::i18n::{Lang, Msg};
use crate::load::error::LoadError;

/// The geometry behind the map, shared (not copied) by every clone of the model: an export or a
/// file being opened works on a copy of the model, and all of China is 4.2 million vertices.
#[derive(Debug)]
pub struct MapGeometry {
    pub boundaries: Boundaries,
    /// Simplified levels, for drawing at lower zooms.
    pub lod: Lod,
    /// Full-detail fill triangles, made for a region the first time it is drawn close up.
    fills: Vec<OnceLock<FillMesh>>,
}

impl MapGeometry {
    pub fn new(boundaries: Boundaries) -> Self {
        Self {
            lod: Lod::build(&boundaries),
            fills: (0..boundaries.regions.len())
                .map(|_| OnceLock::new())
                .collect(),
            boundaries,
        }
    }

    /// The full-detail fill of region `index` (empty for an index out of range).
    pub fn fill(&self, index: usize) -> &FillMesh {
        static EMPTY: OnceLock<FillMesh> = OnceLock::new();
        match (self.fills.get(index), self.boundaries.regions.get(index)) {
            (Some(cell), Some(region)) => cell.get_or_init(|| FillMesh::of_region(region)),
            _ => EMPTY.get_or_init(FillMesh::default),
        }
    }

    /// Region `index` as the map draws it at `level` (see [`Lod::level_index_for`]): its
    /// polygons and fill, simplified, or at full detail for `None`.
    pub fn drawn(
        &self,
        level: Option<usize>,
        index: usize,
    ) -> Option<(&geo::MultiPolygon<f64>, &FillMesh)> {
        match level {
            Some(l) => self
                .lod
                .levels
                .get(l)?
                .regions
                .get(index)
                .map(|r| (&r.geometry, r.fill())),
            None => self
                .boundaries
                .regions
                .get(index)
                .map(|r| (&r.geometry, self.fill(index))),
        }
    }

    /// Makes what is made the first time a region in `view` is drawn at `level` and is not
    /// made yet: its fill triangles and, with `labels`, its label point. A worker thread does
    /// this ahead of a zoom, so the drawing does not wait for it.
    pub fn prepare(&self, level: Option<usize>, view: geo::Rect<f64>, labels: bool) {
        for index in self.regions_in(view) {
            let _ = self.drawn(level, index);
            if let (true, Some(region)) = (labels, self.boundaries.regions.get(index)) {
                let _ = region.label_lonlat();
            }
        }
    }
}

impl std::ops::Deref for MapGeometry {
    type Target = Boundaries;

    fn deref(&self) -> &Boundaries {
        &self.boundaries
    }
}

#[derive(Clone, Debug)]
pub struct Model {
    /// The counties (or whatever boundaries the user opened).
    pub boundaries: Arc<MapGeometry>,
    /// Neighbouring prefectures, drawn in grey around the counties.
    pub context: Arc<MapGeometry>,
    pub dataset: Dataset,
    /// Different for every model made or changed, the same for its clones: what was drawn of
    /// one revision holds for all of them.
    pub revision: u64,
}

/// A revision no model has had yet.
fn next_revision() -> u64 {
    static NEXT: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(1);
    NEXT.fetch_add(1, std::sync::atomic::Ordering::Relaxed)
}

impl Model {
    /// The Zhaoqing data compiled into the binary, validated.
    pub fn embedded() -> Result<Self, Vec<LoadError>> {
        let boundaries =
            Boundaries::from_geojson(embedded::BOUNDARIES.path, embedded::BOUNDARIES.bytes)
                .map_err(|e| vec![e])?;
        let context = Boundaries::from_geojson(embedded::CONTEXT.path, embedded::CONTEXT.bytes)
            .map_err(|e| vec![e])?;
        let dataset = Dataset::embedded().map_err(|e| vec![e])?;
        Self::new(boundaries, context, dataset)
    }

    /// Checks the dataset against the boundaries and prepares what drawing needs.
    pub fn new(
        boundaries: Boundaries,
        context: Boundaries,
        dataset: Dataset,
    ) -> Result<Self, Vec<LoadError>> {
        let problems = dataset.validate(&boundaries);
        if !problems.is_empty() {
            return Err(problems);
        }
        Ok(Self {
            boundaries: Arc::new(MapGeometry::new(boundaries)),
            context: Arc::new(MapGeometry::new(context)),
            dataset,
            revision: next_revision(),
        })
    }
}

/// What opening a file changed, for the message the user sees.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Changes {
    pub file: String,
    pub change: Change,
    /// Things the user should know that do not refuse the file (e.g. projects that lie outside
    /// newly opened boundaries).
    pub notes: Vec<String>,
}

/// What a file replaced or added.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Change {
    #[default]
    Nothing,
    Boundaries {
        regions: usize,
    },
    Projects {
        points: usize,
    },
    Figures {
        added: usize,
        replaced: usize,
    },
}

impl Changes {
    /// "figures.csv: 0 figures added, 2 replaced", in the UI's language.
    pub fn summary(&self, lang: Lang) -> String {
        let file = &self.file;
        // English counts say "1 region", "8 regions"; Chinese ones need no plural.
        let n = |n: usize, noun: &str| match lang {
            Lang::Zh => n.to_string(),
            Lang::En => count(n, noun),
        };
        match self.change {
            Change::Nothing => crate::fill!(Msg::ChangedNothing, lang, file = file),
            Change::Boundaries { regions } => crate::fill!(
                Msg::ChangedBoundaries,
                lang,
                file = file,
                regions = n(regions, "region")
            ),
            Change::Projects { points } => crate::fill!(
                Msg::ChangedProjects,
                lang,
                file = file,
                points = n(points, "project")
            ),
            Change::Figures { added, replaced } => crate::fill!(
                Msg::ChangedFigures,
                lang,
                file = file,
                added = n(added, "figure"),
                replaced = replaced
            ),
        }
    }
}

impl Model {
    /// Where the boundaries drawn come from, in the licence's wording: the embedded data's
    /// attribution, or the file the user opened (the neighbouring prefectures stay embedded).
    pub fn boundary_attribution(&self, lang: Lang) -> String {
        use crate::i18n::Msg;
        if self.boundaries.source == embedded::BOUNDARIES.path {
            return Msg::BoundaryAttribution.text(lang).to_owned();
        }
        let file = std::path::Path::new(&self.boundaries.source)
            .file_name()
            .map_or_else(
                || self.boundaries.source.clone(),
                |n| n.to_string_lossy().into_owned(),
            );
        let separator = Msg::ListSeparator.text(lang);
        format!(
            "{} {file}{separator}{}",
            Msg::OpenedBoundaries.text(lang),
            Msg::ContextAttribution.text(lang)
        )
    }

    /// A new model with a user's file applied: boundaries replace the map (the dataset is
    /// checked against them, mismatches reported as notes); project points replace the
    /// projects; figures join the dataset, replacing figures with the same id. `data` has been
    /// checked already (`UserData::check`); `self` is never modified.
    pub fn with_user_data(&self, file: &str, data: crate::load::UserData) -> (Self, Changes) {
        use crate::load::UserData;

        let mut next = self.clone();
        next.revision = next_revision();
        let mut changes = Changes {
            file: file.to_owned(),
            ..Changes::default()
        };
        match data {
            UserData::Boundaries { boundaries, .. } => {
                changes.change = Change::Boundaries {
                    regions: boundaries.regions.len(),
                };
                changes.notes = self
                    .dataset
                    .validate(&boundaries)
                    .into_iter()
                    .take(20)
                    .map(|p| p.to_string())
                    .collect();
                next.boundaries = Arc::new(MapGeometry::new(*boundaries));
            }
            UserData::Projects { projects, .. } => {
                changes.change = Change::Projects {
                    points: projects.len(),
                };
                next.dataset.projects = projects;
            }
            UserData::Figures { figures, .. } => {
                let mut added = 0;
                let mut replaced = 0;
                for figure in figures {
                    match next.dataset.figures.iter_mut().find(|f| f.id == figure.id) {
                        Some(existing) => {
                            *existing = figure;
                            replaced += 1;
                        }
                        None => {
                            next.dataset.figures.push(figure);
                            added += 1;
                        }
                    }
                }
                changes.change = Change::Figures { added, replaced };
            }
        }
        (next, changes)
    }
}
