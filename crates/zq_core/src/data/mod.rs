//! The dataset the whole program draws from: articles, figures, measures, projects and counties, as
//! serde types. Reading and checking them is `load`'s.

pub mod articles;
pub mod citation;
pub mod counties;
pub mod dataset;
pub mod figures;
pub mod measures;
pub mod period;
pub mod projects;
pub mod quote;

pub use articles::Article;
pub use counties::County;
pub use dataset::Dataset;
pub use figures::{Bound, Figure, Kind};
pub use measures::{Measure, Theme};
pub use projects::{Industry, Precision, Project};
