//! What the user can ask for, from any panel, menu, key or dialog. Each is carried out by the
//! router (`router.rs`) and nowhere else.

use std::path::PathBuf;
use std::sync::Arc;

use zq_core::i18n::Lang;
use zq_core::load::{Options, PropertyKeys};
use zq_core::search::Target;

use super::export_dialog::What;
use crate::export::Request;
use crate::ui::chart_view::ItemClick;

/// Everything the user can ask for.
#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    SelectCounty(Option<String>),
    SelectProject(String),
    /// A chart item or table row: its county and project.
    SelectItem(ItemClick),
    ClearSelection,
    ClearProject,
    /// Esc: close the topmost dialog or window, else clear the selection.
    Escape,
    /// Step through the counties (Tab / Shift+Tab).
    NextCounty {
        backwards: bool,
    },
    Found(Target),
    ShowQuote(String),
    ExportCsv,
    Copied(usize),
    /// Put the chart shown on the clipboard as an image (2×).
    CopyImage,
    /// Show the table (true) or the charts in the right-hand panel.
    ShowTable(bool),
    ClearRecent,
    SetLang(Lang),
    /// Open the export dialog on the chart, the map or the report sheet.
    OpenExport(What),
    ExportAll,
    /// Ask which file to open (the title says what the user looks for).
    OpenFile(OpenKind),
    OpenPaths(Vec<PathBuf>),
    ResetView,
    ToggleFullScreen,
    ShowHelp,
    ShowAbout,
    DismissHint,
    Quit,
    /// A file dialog's answer: the path, and what it was asked for.
    SaveTo {
        path: PathBuf,
        target: SaveTarget,
    },
    /// The export dialog's Save: ask where to write it.
    ChooseExportPath(Box<Request>),
    /// The export dialog's Copy: render it and put it on the clipboard.
    CopyExport(Box<Request>),
    /// Read a file again from memory, with the properties chosen or converted from GCJ-02.
    ReadAgain(Box<ReadAgain>),
    /// Keep the coordinates of this file as they were read: reading it again does not ask.
    KeepCoordinates(String),
}

/// What File → Open looks for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OpenKind {
    /// Boundaries or project points, in WGS-84.
    Map,
    /// Boundaries or points in GCJ-02 (Amap, DataV.GeoAtlas, ECharts maps), converted on reading.
    MapGcj02,
    Figures,
}

/// What a save dialog is saving.
#[derive(Clone, Debug, PartialEq)]
pub enum SaveTarget {
    /// The table's rows as they are filtered and sorted now.
    TableCsv,
    /// An image export.
    Export(Box<Request>),
    /// Every chart and the map, into a folder.
    ExportAll(Box<Request>),
    /// A file to open.
    Open(Options),
}

/// A file read again from the bytes kept when it was opened.
#[derive(Clone, Debug, PartialEq)]
pub struct ReadAgain {
    pub name: String,
    pub bytes: Arc<[u8]>,
    /// The properties a person chose; `None` to detect them again.
    pub keys: Option<PropertyKeys>,
    pub options: Options,
}
