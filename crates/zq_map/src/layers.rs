//! What every map layer sees, and what the pointer can hit. Each layer is a small unit over the
//! one projector: it paints itself and says what lies under a point.

use std::cell::RefCell;

use egui::{Painter, Pos2};

use zq_core::Model;
use zq_core::choropleth::Metric;
use zq_core::geometry::Projector;
use zq_core::i18n::Lang;

use zq_core::selection::Selection;

use super::MapCaches;

/// The layers a user can switch on and off, and how the counties are coloured.
#[derive(Clone, Debug, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(default)]
pub struct LayerSettings {
    pub context: bool,
    pub choropleth: bool,
    pub metric: Metric,
    pub projects: bool,
    pub labels: bool,
}

impl Default for LayerSettings {
    fn default() -> Self {
        Self {
            context: true,
            choropleth: false,
            metric: Metric::Projects,
            projects: true,
            labels: true,
        }
    }
}

/// Everything a layer needs to draw one frame.
pub struct LayerContext<'a> {
    pub model: &'a Model,
    pub projector: &'a Projector,
    pub lang: Lang,
    pub selection: &'a Selection,
    pub hovered: Option<&'a Hit>,
    pub settings: &'a LayerSettings,
    /// Meshes kept between frames (a fresh, empty one for a one-off drawing such as an export).
    pub caches: &'a RefCell<MapCaches>,
    /// Where the map's own furniture sits (buttons, scale bar, north arrow), in UI points: no
    /// name is placed there.
    pub reserved: &'a [egui::Rect],
}

impl LayerContext<'_> {
    pub fn ui_pos(&self, lonlat: geo::Coord<f64>) -> Pos2 {
        super::to_pos2(self.projector.ui_from_lonlat(lonlat))
    }
}

/// What is under the pointer: projects (several when their symbols overlap) or a county.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Hit {
    /// Indices into the dataset's projects, nearest first.
    Projects(Vec<usize>),
    /// Index into the boundaries' regions.
    County(usize),
}

pub trait MapLayer {
    fn paint(&self, painter: &Painter, cx: &LayerContext<'_>);

    /// What of this layer lies under `pos` (UI points).
    fn hit(&self, _pos: Pos2, _cx: &LayerContext<'_>) -> Option<Hit> {
        None
    }
}
