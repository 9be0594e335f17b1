//! Where to save a file: a small window with the folder and the proposed file name, and a
//! "Browse…" button for the desktop's native save dialog. The in-app window works everywhere
//! (the native dialog needs a desktop portal, which a bare X session may lack).

use std::path::PathBuf;
use std::sync::mpsc::{Receiver, TryRecvError, channel};

use egui::{RichText, Ui};

use crate::i18n::Lang;

pub struct SaveDialog {
    title: String,
    folder: String,
    file_name: String,
    /// File-type name and extensions for the native dialog's filter; `None` picks a folder.
    filter: Option<(&'static str, &'static [&'static str])>,
    browsing: Option<Receiver<Option<PathBuf>>>,
}

/// What the user did with the dialog this frame.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SaveChoice {
    Open,
    Cancelled,
    Save(PathBuf),
}

impl SaveDialog {
    pub fn new(
        title: impl Into<String>,
        folder: Option<PathBuf>,
        file_name: impl Into<String>,
        filter: (&'static str, &'static [&'static str]),
    ) -> Self {
        let folder = folder.unwrap_or_else(default_folder);
        Self {
            title: title.into(),
            folder: folder.display().to_string(),
            file_name: file_name.into(),
            filter: Some(filter),
            browsing: None,
        }
    }

    /// A dialog that picks a folder (for a batch of files).
    pub fn folder(title: impl Into<String>, folder: Option<PathBuf>) -> Self {
        Self {
            filter: None,
            ..Self::new(title, folder, "", ("", &[]))
        }
    }

    pub fn path(&self) -> PathBuf {
        let folder = PathBuf::from(self.folder.trim());
        match self.filter {
            Some(_) => folder.join(self.file_name.trim()),
            None => folder,
        }
    }

    pub fn window_ui(&mut self, ctx: &egui::Context, lang: Lang) -> SaveChoice {
        self.poll_browse();
        let mut choice = SaveChoice::Open;
        egui::Window::new(&self.title)
            .id(egui::Id::unique("save_dialog"))
            .collapsible(false)
            .resizable(false)
            .anchor(egui::Align2::CENTER_CENTER, egui::Vec2::ZERO)
            .show(ctx, |ui| choice = self.contents_ui(ui, lang));
        choice
    }

    fn contents_ui(&mut self, ui: &mut Ui, lang: Lang) -> SaveChoice {
        let mut choice = SaveChoice::Open;
        egui::Grid::new("save_fields")
            .num_columns(2)
            .show(ui, |ui| {
                ui.label(lang.pick("文件夹", "Folder"));
                ui.add(egui::TextEdit::singleline(&mut self.folder).desired_width(360.0));
                ui.end_row();
                ui.label(lang.pick("文件名", "File name"));
                ui.add(egui::TextEdit::singleline(&mut self.file_name).desired_width(360.0));
                ui.end_row();
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
                let name_ok = self.filter.is_none() || !self.file_name.trim().is_empty();
                if ui
                    .add_enabled(
                        name_ok,
                        egui::Button::new(RichText::new(lang.pick("保存", "Save")).strong()),
                    )
                    .clicked()
                {
                    choice = SaveChoice::Save(self.path());
                }
                if ui.button(lang.pick("取消", "Cancel")).clicked() {
                    choice = SaveChoice::Cancelled;
                }
            });
        });
        choice
    }

    /// Opens the native dialog on its own thread, so the window keeps drawing meanwhile.
    fn browse(&mut self) {
        let (tx, rx) = channel();
        let dialog = rfd::FileDialog::new().set_directory(self.folder.trim());
        let filter = self.filter;
        let file_name = self.file_name.trim().to_owned();
        std::thread::spawn(move || {
            let picked = match filter {
                Some((name, extensions)) => dialog
                    .set_file_name(file_name)
                    .add_filter(name, extensions)
                    .save_file(),
                None => dialog.pick_folder(),
            };
            // The receiver may be gone if the dialog was closed meanwhile; nothing to do then.
            let _ = tx.send(picked);
        });
        self.browsing = Some(rx);
    }

    fn poll_browse(&mut self) {
        let Some(rx) = &self.browsing else { return };
        match rx.try_recv() {
            Ok(Some(path)) if self.filter.is_none() => {
                self.folder = path.display().to_string();
                self.browsing = None;
            }
            Ok(Some(path)) => {
                if let Some(folder) = path.parent() {
                    self.folder = folder.display().to_string();
                }
                if let Some(name) = path.file_name() {
                    self.file_name = name.to_string_lossy().into_owned();
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
