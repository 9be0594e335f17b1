//! What the user has selected, shared by the map, the side panel and the charts.

/// What is selected: a county, and possibly a project in it.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub struct Selection {
    pub county: Option<String>,
    pub project: Option<String>,
}

impl Selection {
    /// Selects a county (or nothing); a project of another county is deselected.
    pub fn select_county(&mut self, county: Option<String>) {
        if county != self.county {
            self.project = None;
        }
        self.county = county;
    }
}

impl Selection {
    /// Selects a project and the county it lies in.
    pub fn select_project(&mut self, project: String, county: String) {
        self.county = Some(county);
        self.project = Some(project);
    }

    pub fn clear(&mut self) {
        *self = Self::default();
    }
}
