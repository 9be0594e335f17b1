//! What every map layer sees and what a layer is. Each layer is one file: it paints itself, says
//! what lies under a point, offers its switches in the layer panel, explains itself in the
//! legend and keeps its own cache; the list in `lib.rs` is the one place that names them all.

use std::any::{Any, TypeId};
use std::cell::RefCell;
use std::collections::HashMap;
use std::hash::{Hash, Hasher};

use egui::{Painter, Pos2, Rect, Ui};

use zq_core::Model;
use zq_core::choropleth::Metric;
use zq_core::geometry::Projector;
use zq_core::i18n::Lang;
use zq_core::selection::Selection;

use super::convert::to_pos2;

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

/// Everything the layers that are kept as a picture draw from, but the view. Its hash is the
/// picture's key: a field added here is in the key by construction (`derive(Hash)`), so no
/// layer can read something the key misses.
#[derive(Clone, Copy, Hash)]
pub struct MapInputs<'a> {
    pub model: Loaded<'a>,
    pub lang: Lang,
    pub selection: &'a Selection,
    pub settings: &'a LayerSettings,
    /// Where the map's own furniture sits (buttons, scale bar, north arrow), in UI points: no
    /// name is placed there.
    pub reserved: Reserved<'a>,
}

impl MapInputs<'_> {
    pub fn key(&self) -> u64 {
        let mut hasher = std::collections::hash_map::DefaultHasher::new();
        self.hash(&mut hasher);
        hasher.finish()
    }
}

/// The loaded model, hashed by its revision (which changes with every model loaded).
#[derive(Clone, Copy)]
pub struct Loaded<'a>(pub &'a Model);

impl Hash for Loaded<'_> {
    fn hash<H: Hasher>(&self, state: &mut H) {
        self.0.revision.hash(state);
    }
}

/// Rectangles in UI points, hashed by their exact bits.
#[derive(Clone, Copy)]
pub struct Reserved<'a>(pub &'a [Rect]);

impl Hash for Reserved<'_> {
    fn hash<H: Hasher>(&self, state: &mut H) {
        for r in self.0 {
            [r.min.x, r.min.y, r.max.x, r.max.y]
                .map(f32::to_bits)
                .hash(state);
        }
    }
}

/// What the layers keep from frame to frame, one value per layer's own type, made empty on
/// first use: a new layer brings its cache with it.
#[derive(Default)]
pub struct LayerCaches(HashMap<TypeId, Box<dyn Any>>);

impl Clone for LayerCaches {
    /// Caches are made again from the data: a copy starts empty.
    fn clone(&self) -> Self {
        Self::default()
    }
}

impl std::fmt::Debug for LayerCaches {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "LayerCaches({} kept)", self.0.len())
    }
}

/// Everything a layer needs to draw one frame.
pub struct LayerContext<'a> {
    pub inputs: MapInputs<'a>,
    pub projector: &'a Projector,
    pub hovered: Option<&'a Hit>,
    /// The layers' caches (a fresh, empty set for a one-off drawing such as an export).
    pub caches: &'a RefCell<LayerCaches>,
}

impl<'a> LayerContext<'a> {
    pub fn model(&self) -> &'a Model {
        self.inputs.model.0
    }

    pub fn lang(&self) -> Lang {
        self.inputs.lang
    }

    pub fn selection(&self) -> &'a Selection {
        self.inputs.selection
    }

    pub fn settings(&self) -> &'a LayerSettings {
        self.inputs.settings
    }

    /// Where the map's furniture sits (UI points).
    pub fn reserved(&self) -> &'a [Rect] {
        self.inputs.reserved.0
    }

    pub fn ui_from_lonlat(&self, lonlat: geo::Coord<f64>) -> Pos2 {
        to_pos2(self.projector.ui_from_lonlat(lonlat))
    }

    /// Runs `f` with the layer's cache of type `T`, made empty on first use. (Were the caches
    /// already in use, which no layer does, `f` gets a fresh one: slower, never wrong.)
    pub fn with_cache<T: Default + 'static, R>(&self, f: impl FnOnce(&mut T) -> R) -> R {
        let Ok(mut caches) = self.caches.try_borrow_mut() else {
            return f(&mut T::default());
        };
        let slot = caches
            .0
            .entry(TypeId::of::<T>())
            .or_insert_with(|| Box::new(T::default()));
        match slot.downcast_mut::<T>() {
            Some(cache) => f(cache),
            // The slot of `T`'s type id holds a `T`.
            None => f(&mut T::default()),
        }
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
    /// Its name in a vector export (the SVG group's id), lower case and stable.
    fn name(&self) -> &'static str;

    fn paint(&self, painter: &Painter, cx: &LayerContext<'_>);

    /// What of this layer lies under `pos_in_ui`.
    fn hit(&self, _pos_in_ui: Pos2, _cx: &LayerContext<'_>) -> Option<Hit> {
        None
    }

    /// Drawn afresh every frame over the kept picture, because it changes with the pointer.
    fn follows_pointer(&self) -> bool {
        false
    }

    /// Its switches in the layer panel (the map's own and View → Layers).
    fn settings_ui(&self, _ui: &mut Ui, _settings: &mut LayerSettings, _lang: Lang) {}

    /// Whether it has rows in the legend now (it is on, and something of it needs explaining).
    fn in_legend(&self, _cx: &LayerContext<'_>) -> bool {
        false
    }

    /// Its rows in the legend.
    fn legend_ui(&self, _ui: &mut Ui, _cx: &LayerContext<'_>) {}
}
