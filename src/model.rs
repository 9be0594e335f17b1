//! What the program has loaded: boundaries, their fill triangles and the dataset, checked
//! against each other. Replaced as a whole, so a failed load never leaves half a model.

use crate::data::Dataset;
use crate::embedded;
use crate::geometry::{Boundaries, FillMesh};
use crate::load_error::LoadError;

#[derive(Clone, Debug)]
pub struct Model {
    pub boundaries: Boundaries,
    /// One per region, same order as `boundaries.regions`.
    pub fills: Vec<FillMesh>,
    /// Neighbouring prefectures, drawn in grey around the counties.
    pub context: Boundaries,
    pub context_fills: Vec<FillMesh>,
    pub dataset: Dataset,
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
        let fills = boundaries.regions.iter().map(FillMesh::of_region).collect();
        let context_fills = context.regions.iter().map(FillMesh::of_region).collect();
        Ok(Self {
            boundaries,
            fills,
            context,
            context_fills,
            dataset,
        })
    }
}
