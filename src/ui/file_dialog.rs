//! Choosing a file to save or open, or a folder: a small window with the folder and file name,
//! and a "Browse…" button for the desktop's native dialog. The in-app window works everywhere
//! (the native dialog needs a desktop portal, which a bare X session may lack).

use std::path::PathBuf;
use std::sync::mpsc::{Receiver, TryRecvError, channel};

use egui::{RichText, Ui};

use crate::i18n::Lang;

/// File-type name and extensions, for the native dialog's filter.
pub type Filter = (&'static str, &'static [&'static str]);

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Mode {
    Save(Filter),
    Open(Filter),
    Folder,
}

pub struct FileDialog {
    title: String,
    mode: Mode,
    folder: String,
    file_name: String,
    browsing: Option<Receiver<Option<PathBuf>>>,
}

/// What the user did with the dialog this frame.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FileChoice {
    Open,
    Cancelled,
    /// The path to save to, to open, or the folder picked.
    Chosen(PathBuf),
}

impl FileDialog {
    /// Where to save a file, proposing `file_name` in `folder` (the last one used).
    pub fn save(
        title: impl Into<String>,
        folder: Option<PathBuf>,
        file_name: impl Into<String>,
        filter: Filter,
    ) -> Self {
        Self::with_mode(title, Mode::Save(filter), folder, file_name.into())
    }

    /// Which file to open.
    pub fn open(title: impl Into<String>, folder: Option<PathBuf>, filter: Filter) -> Self {
        Self::with_mode(title, Mode::Open(filter), folder, String::new())
    }

    /// A folder (for a batch of files).
    pub fn folder(title: impl Into<String>, folder: Option<PathBuf>) -> Self {
        Self::with_mode(title, Mode::Folder, folder, String::new())
    }

    fn with_mode(
        title: impl Into<String>,
        mode: Mode,
        folder: Option<PathBuf>,
        file_name: String,
    ) -> Self {
        Self {
            title: title.into(),
            mode,
            folder: folder.unwrap_or_else(default_folder).display().to_string(),
            file_name,
            browsing: None,
        }
    }

    pub fn path(&self) -> PathBuf {
        let folder = PathBuf::from(self.folder.trim());
        match self.mode {
            Mode::Folder => folder,
            Mode::Save(_) | Mode::Open(_) => folder.join(self.file_name.trim()),
        }
    }

    pub fn window_ui(&mut self, ctx: &egui::Context, lang: Lang) -> FileChoice {
        self.poll_browse();
        let mut choice = FileChoice::Open;
        egui::Window::new(&self.title)
            .id(egui::Id::unique("file_dialog"))
            .collapsible(false)
            .resizable(false)
            .anchor(egui::Align2::CENTER_CENTER, egui::Vec2::ZERO)
            .show(ctx, |ui| choice = self.contents_ui(ui, lang));
        choice
    }

    fn contents_ui(&mut self, ui: &mut Ui, lang: Lang) -> FileChoice {
        let mut choice = FileChoice::Open;
        egui::Grid::new("file_fields")
            .num_columns(2)
            .show(ui, |ui| {
                ui.label(lang.pick("文件夹", "Folder"));
                ui.add(egui::TextEdit::singleline(&mut self.folder).desired_width(360.0));
                ui.end_row();
                if self.mode != Mode::Folder {
                    ui.label(lang.pick("文件名", "File name"));
                    ui.add(egui::TextEdit::singleline(&mut self.file_name).desired_width(360.0));
                    ui.end_row();
                }
            });
        ui.horizontal(|ui| {
            let browse = ui.add_enabled(
                self.browsing.is_none(),
                egui::Button::new(lang.pick("浏览…", "Browse…")),
            );
            if browse.clicked() {
                self.browse();
            }
            if self.browsing.is_some() {
                ui.spinner();
            }
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                let ready = self.mode == Mode::Folder || !self.file_name.trim().is_empty();
                let confirm = match self.mode {
                    Mode::Save(_) => lang.pick("保存", "Save"),
                    Mode::Open(_) => lang.pick("打开", "Open"),
                    Mode::Folder => lang.pick("选择此文件夹", "Use this folder"),
                };
                if ui
                    .add_enabled(ready, egui::Button::new(RichText::new(confirm).strong()))
                    .clicked()
                {
                    choice = FileChoice::Chosen(self.path());
                }
                if ui.button(lang.pick("取消", "Cancel")).clicked() {
                    choice = FileChoice::Cancelled;
                }
            });
        });
        choice
    }

    /// Opens the native dialog on its own thread, so the window keeps drawing meanwhile.
    fn browse(&mut self) {
        let (tx, rx) = channel();
        let dialog = rfd::FileDialog::new().set_directory(self.folder.trim());
        let mode = self.mode;
        let file_name = self.file_name.trim().to_owned();
        std::thread::spawn(move || {
            let picked = match mode {
                Mode::Save((name, extensions)) => dialog
                    .set_file_name(file_name)
                    .add_filter(name, extensions)
                    .save_file(),
                Mode::Open((name, extensions)) => dialog.add_filter(name, extensions).pick_file(),
                Mode::Folder => dialog.pick_folder(),
            };
            // The receiver may be gone if the dialog was closed meanwhile; nothing to do then.
            let _ = tx.send(picked);
        });
        self.browsing = Some(rx);
    }

    fn poll_browse(&mut self) {
        let Some(rx) = &self.browsing else { return };
        match rx.try_recv() {
            Ok(Some(path)) => {
                if self.mode == Mode::Folder {
                    self.folder = path.display().to_string();
                } else {
                    if let Some(folder) = path.parent() {
                        self.folder = folder.display().to_string();
                    }
                    if let Some(name) = path.file_name() {
                        self.file_name = name.to_string_lossy().into_owned();
                    }
                }
                self.browsing = None;
            }
            Ok(None) | Err(TryRecvError::Disconnected) => self.browsing = None,
            Err(TryRecvError::Empty) => {}
        }
    }
}

/// The user's documents folder, else their home, else the current folder.
pub fn default_folder() -> PathBuf {
    let home = std::env::home_dir();
    home.as_ref()
        .map(|h| h.join("Documents"))
        .filter(|d| d.is_dir())
        .or(home)
        .unwrap_or_else(|| PathBuf::from("."))
}
