//! Choosing a file to save or open, or a folder. Where the desktop offers a native dialog (an
//! XDG portal or zenity on Linux; always on Windows and macOS) that is used; elsewhere (a bare X
//! session, a remote desktop) an in-app window lists the folder's subfolders and matching files
//! with their size and date, navigates with mouse and keyboard, and still takes a typed path.

use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, TryRecvError, channel};
use std::time::{Duration, Instant, SystemTime};

use egui::{Key, RichText, Ui};

use zq_core::i18n::{Lang, Msg};

/// File-type name and extensions, for the listing's filter and the native dialog's.
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
    /// The folder listed, as the user may edit it.
    folder: String,
    file_name: String,
    listing: Listing,
    /// Asking before a save replaces this existing file.
    confirm_replace: Option<PathBuf>,
    /// The native dialog, while it is open on its own thread, and when it was opened.
    native: Option<(Receiver<Option<PathBuf>>, Instant)>,
    /// A click just entered this folder: the second half of a double-click on it, landing in
    /// the new listing, must not act there.
    entered_by_click: bool,
}

/// What the user did with the dialog this frame.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FileChoice {
    Open,
    Cancelled,
    /// The path to save to, to open, or the folder picked.
    Chosen(PathBuf),
}

/// One folder's contents: subfolders first, then the files the filter lets through.
struct Listing {
    folder: PathBuf,
    entries: Result<Vec<Entry>, std::io::Error>,
}

#[derive(Clone, Debug)]
struct Entry {
    name: String,
    is_dir: bool,
    /// "2.0 KB"; empty for a folder.
    size: String,
    /// "2026-12-01 14:05", local time; empty when the system gives none.
    modified: String,
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
        let folder = folder.filter(|f| f.is_dir()).unwrap_or_else(default_folder);
        let listing = Listing::read(&folder, mode);
        Self {
            title: title.into(),
            mode,
            folder: folder.display().to_string(),
            file_name,
            listing,
            confirm_replace: None,
            native: None,
            entered_by_click: false,
        }
    }

    /// Opens the desktop's own dialog instead, when `available`; this window then waits for it.
    pub fn native_if(mut self, available: bool) -> Self {
        if available {
            self.start_native();
        }
        self
    }

    /// The path the dialog would choose now.
    pub fn path(&self) -> PathBuf {
        let folder = PathBuf::from(self.folder.trim());
        match self.mode {
            Mode::Folder => folder,
            // An absolute file name (typed or pasted) replaces the folder.
            Mode::Save(_) | Mode::Open(_) => folder.join(self.file_name.trim()),
        }
    }

    pub fn window_ui(&mut self, ctx: &egui::Context, lang: Lang) -> FileChoice {
        let mut choice = FileChoice::Open;
        if let Some(native) = self.poll_native() {
            return native;
        }
        egui::Window::new(&self.title)
            .id(egui::Id::unique("file_dialog"))
            .collapsible(false)
            .resizable(false)
            .anchor(egui::Align2::CENTER_CENTER, egui::Vec2::ZERO)
            .show(ctx, |ui| {
                choice = if self.native.is_some() {
                    self.waiting_ui(ui, lang)
                } else if let Some(path) = self.confirm_replace.clone() {
                    self.confirm_replace_ui(ui, &path, lang)
                } else {
                    self.contents_ui(ui, lang)
                }
            });
        choice
    }

    fn waiting_ui(&mut self, ui: &mut Ui, lang: Lang) -> FileChoice {
        ui.horizontal(|ui| {
            ui.spinner();
            ui.label(Msg::ChooseSystemSFile.text(lang));
        });
        let mut choice = FileChoice::Open;
        ui.horizontal(|ui| {
            if ui.button(Msg::UseBuiltDialog.text(lang)).clicked() {
                // The system dialog may stay open; its answer is no longer listened to.
                self.native = None;
            }
            if ui.button(Msg::Cancel.text(lang)).clicked() {
                choice = FileChoice::Cancelled;
            }
        });
        choice
    }

    fn confirm_replace_ui(&mut self, ui: &mut Ui, path: &Path, lang: Lang) -> FileChoice {
        ui.label(zq_core::fill!(
            Msg::FileExistsReplace,
            lang,
            path = path.display()
        ));
        let mut choice = FileChoice::Open;
        ui.horizontal(|ui| {
            if ui
                .button(RichText::new(Msg::Replace.text(lang)).strong())
                .clicked()
            {
                choice = FileChoice::Chosen(path.to_owned());
            }
            if ui.button(Msg::Back.text(lang)).clicked() {
                self.confirm_replace = None;
            }
        });
        choice
    }

    fn contents_ui(&mut self, ui: &mut Ui, lang: Lang) -> FileChoice {
        let mut choice = FileChoice::Open;
        ui.horizontal(|ui| {
            let up = self.listing.folder.parent().map(Path::to_owned);
            if ui
                .add_enabled(up.is_some(), egui::Button::new(Msg::UpFolder.text(lang)))
                .on_hover_text(Msg::ParentFolderBackspace.text(lang))
                .clicked()
                && let Some(up) = up
            {
                self.go_to(up);
            }
            let field = ui.add(
                egui::TextEdit::singleline(&mut self.folder)
                    .desired_width(420.0)
                    .hint_text(Msg::Folder.text(lang)),
            );
            field.widget_info(|| {
                egui::WidgetInfo::labeled(egui::Role::TextInput, true, Msg::Folder.text(lang))
            });
            if field.lost_focus() && ui.input(|i| i.key_pressed(Key::Enter)) {
                self.go_to(PathBuf::from(self.folder.trim()));
            }
        });
        if !ui.ctx().text_edit_focused()
            && ui.input_mut(|i| i.consume_key(egui::Modifiers::NONE, Key::Backspace))
            && let Some(up) = self.listing.folder.parent().map(Path::to_owned)
        {
            self.go_to(up);
        }
        if let Some(picked) = self.entries_ui(ui, lang) {
            choice = picked;
        }
        if self.mode != Mode::Folder {
            ui.horizontal(|ui| {
                ui.label(Msg::FileName.text(lang));
                let field =
                    ui.add(egui::TextEdit::singleline(&mut self.file_name).desired_width(420.0));
                field.widget_info(|| {
                    egui::WidgetInfo::labeled(egui::Role::TextInput, true, Msg::FileName.text(lang))
                });
                if field.lost_focus()
                    && ui.input(|i| i.key_pressed(Key::Enter))
                    && let Some(picked) = self.confirm()
                {
                    choice = picked;
                }
            });
        }
        ui.horizontal(|ui| {
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                let ready = self.mode == Mode::Folder || !self.file_name.trim().is_empty();
                let confirm = match self.mode {
                    Mode::Save(_) => Msg::Save.text(lang),
                    Mode::Open(_) => Msg::Open.text(lang),
                    Mode::Folder => Msg::UseFolder.text(lang),
                };
                if ui
                    .add_enabled(ready, egui::Button::new(RichText::new(confirm).strong()))
                    .clicked()
                    && let Some(picked) = self.confirm()
                {
                    choice = picked;
                }
                if ui.button(Msg::Cancel.text(lang)).clicked() {
                    choice = FileChoice::Cancelled;
                }
            });
        });
        choice
    }
}

impl FileDialog {
    /// The folder's entries; a click on a folder enters it, on a file picks its name, and a
    /// double click (or Enter on a picked file) chooses it.
    fn entries_ui(&mut self, ui: &mut Ui, lang: Lang) -> Option<FileChoice> {
        let mut enter = None;
        let mut chosen = None;
        let mut pick = None;
        egui::Frame::group(ui.style()).show(ui, |ui| {
            ui.set_width(560.0);
            egui::ScrollArea::vertical()
                .max_height(280.0)
                .auto_shrink([false, false])
                .show(ui, |ui| match &self.listing.entries {
                    Err(err) => {
                        let text = unreadable(err, self.mode, lang);
                        ui.colored_label(ui.visuals().error_fg_color, text);
                    }
                    Ok(entries) if entries.is_empty() => {
                        ui.weak(match self.mode {
                            Mode::Folder => Msg::NoSubfolders.text(lang),
                            _ => Msg::NoSubfoldersMatchingFiles.text(lang),
                        });
                    }
                    Ok(entries) => {
                        egui::Grid::new("file_dialog_entries")
                            .num_columns(3)
                            .striped(true)
                            .min_col_width(80.0)
                            .show(ui, |ui| {
                                for entry in entries {
                                    let label = if entry.is_dir {
                                        format!("{}/", entry.name)
                                    } else {
                                        entry.name.clone()
                                    };
                                    let picked = !entry.is_dir && entry.name == self.file_name;
                                    let row = ui.selectable_label(picked, label);
                                    if entry.is_dir && row.clicked() {
                                        enter = Some(self.listing.folder.join(&entry.name));
                                    } else if row.double_clicked() {
                                        chosen = Some(entry.name.clone());
                                    } else if row.clicked() {
                                        if picked {
                                            // Enter (or a second click) on the picked file.
                                            chosen = Some(entry.name.clone());
                                        } else {
                                            pick = Some(entry.name.clone());
                                        }
                                    }
                                    if entry.is_dir {
                                        ui.weak(Msg::FolderNoun.text(lang));
                                    } else {
                                        ui.weak(&entry.size);
                                    }
                                    ui.weak(&entry.modified);
                                    ui.end_row();
                                }
                            });
                    }
                });
        });
        let (released, double) = ui.input(|i| {
            (
                i.pointer.any_released(),
                i.pointer
                    .button_double_clicked(egui::PointerButton::Primary),
            )
        });
        if self.entered_by_click && released {
            self.entered_by_click = false;
            if double {
                // The second click of the double-click that entered this folder.
                return None;
            }
        }
        if let Some(folder) = enter {
            self.go_to(folder);
            self.entered_by_click = released;
        }
        // A file picked from the list is in the folder listed, whatever the field says now.
        if let Some(name) = pick {
            self.folder = self.listing.folder.display().to_string();
            self.file_name = name;
        }
        let name = chosen?;
        // A file picked from the list is in the folder listed, whatever the field says now.
        self.folder = self.listing.folder.display().to_string();
        self.file_name = name;
        self.confirm()
    }

    /// Lists `folder`; an unreadable one is shown with why, and stays typed for correction.
    fn go_to(&mut self, folder: PathBuf) {
        self.folder = folder.display().to_string();
        self.listing = Listing::read(&folder, self.mode);
    }

    /// What Save / Open / Use this folder does now: a typed folder is entered; a save over an
    /// existing file asks first.
    fn confirm(&mut self) -> Option<FileChoice> {
        let path = self.path();
        match self.mode {
            // A file where the folder should be: the listing already says it is not a folder.
            Mode::Folder if path.exists() && !path.is_dir() => {
                self.go_to(path);
                None
            }
            Mode::Folder => Some(FileChoice::Chosen(path)),
            _ if self.file_name.trim().is_empty() => None,
            _ if path.is_dir() => {
                self.file_name.clear();
                self.go_to(path);
                None
            }
            Mode::Save(_) if path.exists() => {
                self.confirm_replace = Some(path);
                None
            }
            Mode::Save(_) | Mode::Open(_) => Some(FileChoice::Chosen(path)),
        }
    }

    /// Opens the native dialog on its own thread, so the window keeps drawing meanwhile.
    fn start_native(&mut self) {
        let (tx, rx) = channel();
        let dialog = rfd::FileDialog::new()
            .set_title(&self.title)
            .set_directory(self.folder.trim());
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
        self.native = Some((rx, Instant::now()));
    }

    /// The native dialog's answer, once it has one. An answer of "nothing" within a moment of
    /// opening is no dialog at all (a portal without a file chooser, say): this window is
    /// shown instead.
    fn poll_native(&mut self) -> Option<FileChoice> {
        let (rx, opened) = self.native.as_ref()?;
        let too_soon = opened.elapsed() < Duration::from_millis(700);
        match rx.try_recv() {
            Ok(Some(path)) => Some(FileChoice::Chosen(path)),
            Ok(None) if too_soon => {
                self.native = None;
                None
            }
            Ok(None) => Some(FileChoice::Cancelled),
            // The thread ended without answering: fall back to the window.
            Err(TryRecvError::Disconnected) => {
                self.native = None;
                None
            }
            Err(TryRecvError::Empty) => None,
        }
    }
}

impl Listing {
    fn read(folder: &Path, mode: Mode) -> Self {
        Self {
            folder: folder.to_owned(),
            entries: list(folder, mode),
        }
    }
}

/// The folder's visible subfolders and, unless picking a folder, the files with one of the
/// filter's extensions; folders first, each group by name.
fn list(folder: &Path, mode: Mode) -> std::io::Result<Vec<Entry>> {
    let extensions: &[&str] = match mode {
        Mode::Save((_, e)) | Mode::Open((_, e)) => e,
        Mode::Folder => &[],
    };
    let wanted_file = |name: &str| {
        mode != Mode::Folder
            && Path::new(name)
                .extension()
                .and_then(|e| e.to_str())
                .is_some_and(|e| extensions.iter().any(|x| x.eq_ignore_ascii_case(e)))
    };
    let mut entries: Vec<Entry> = std::fs::read_dir(folder)?
        .filter_map(Result::ok)
        .filter_map(|item| {
            let name = item.file_name().to_string_lossy().into_owned();
            if name.starts_with('.') {
                return None;
            }
            // A link may point at a folder: only links and files of a wanted type are looked
            // up further.
            let kind = item.file_type().ok()?;
            if kind.is_file() && !wanted_file(&name) {
                return None;
            }
            let meta = std::fs::metadata(item.path()).ok()?;
            (meta.is_dir() || wanted_file(&name)).then(|| Entry {
                size: if meta.is_dir() {
                    String::new()
                } else {
                    human_size(meta.len())
                },
                modified: meta.modified().ok().map(local_time).unwrap_or_default(),
                is_dir: meta.is_dir(),
                name,
            })
        })
        .collect();
    entries.sort_by_cached_key(|e| (!e.is_dir, e.name.to_lowercase()));
    Ok(entries)
}

/// Why a folder cannot be listed, in the UI's language; a missing folder is fine to pick for a
/// batch export, which makes it.
fn unreadable(err: &std::io::Error, mode: Mode, lang: Lang) -> String {
    use std::io::ErrorKind;
    match (err.kind(), mode) {
        (ErrorKind::NotFound, Mode::Folder) => Msg::FolderDoesNotExist.text(lang).to_owned(),
        (ErrorKind::NotFound, _) => Msg::ThereNoSuchFolder.text(lang).to_owned(),
        (ErrorKind::PermissionDenied, _) => Msg::YouMayNotRead.text(lang).to_owned(),
        (ErrorKind::NotADirectory, _) => Msg::NotFolder.text(lang).to_owned(),
        _ => format!("{}: {err}", Msg::CannotReadFolder.text(lang)),
    }
}

/// "832 B", "4.1 KB", "12.3 MB".
fn human_size(bytes: u64) -> String {
    const UNITS: [&str; 4] = ["KB", "MB", "GB", "TB"];
    if bytes < 1024 {
        return format!("{bytes} B");
    }
    let mut value = bytes as f64 / 1024.0;
    let mut unit = 0;
    while value >= 1024.0 && unit + 1 < UNITS.len() {
        value /= 1024.0;
        unit += 1;
    }
    format!("{value:.1} {}", UNITS[unit])
}

/// The modification time in the computer's time zone, "2026-12-01 14:05".
fn local_time(time: SystemTime) -> String {
    jiff::Timestamp::try_from(time)
        .map(|t| t.to_zoned_datetime(jiff::tz::TimeZone::system()))
        .map(|z| z.strftime("%Y-%m-%d %H:%M").to_string())
        .unwrap_or_default()
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

/// Whether the desktop has a native file dialog: always on Windows and macOS; on Linux an XDG
/// desktop portal reachable on the session bus, or zenity (rfd's fallback).
pub fn native_available() -> bool {
    !cfg!(target_os = "linux")
        || linux_native_available(
            std::env::var_os("DBUS_SESSION_BUS_ADDRESS").is_some(),
            std::env::var_os("PATH").as_deref(),
            &[
                Path::new("/usr/share/dbus-1/services"),
                Path::new("/usr/local/share/dbus-1/services"),
            ],
            &[
                Path::new("/usr/share/xdg-desktop-portal/portals"),
                Path::new("/usr/local/share/xdg-desktop-portal/portals"),
            ],
        )
}

/// The portal answers when there is a session bus, the portal service is installed for it to
/// start, and a backend offers its file chooser; zenity needs none of these.
fn linux_native_available(
    session_bus: bool,
    path: Option<&std::ffi::OsStr>,
    service_dirs: &[&Path],
    portal_dirs: &[&Path],
) -> bool {
    let portal = service_dirs
        .iter()
        .any(|dir| dir.join("org.freedesktop.portal.Desktop.service").is_file());
    let file_chooser = portal_dirs.iter().any(|dir| {
        std::fs::read_dir(dir).is_ok_and(|entries| {
            entries.filter_map(Result::ok).any(|entry| {
                entry.path().extension().is_some_and(|e| e == "portal")
                    && std::fs::read_to_string(entry.path())
                        .is_ok_and(|text| text.contains("org.freedesktop.impl.portal.FileChooser"))
            })
        })
    });
    let zenity =
        path.is_some_and(|paths| std::env::split_paths(paths).any(|p| p.join("zenity").is_file()));
    (session_bus && portal && file_chooser) || zenity
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_folders_first_then_matching_files_without_hidden_ones() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir(dir.path().join("zeta")).unwrap();
        std::fs::create_dir(dir.path().join(".hidden")).unwrap();
        for name in ["b.CSV", "a.geojson", "notes.txt", ".secret.csv"] {
            std::fs::write(dir.path().join(name), "x").unwrap();
        }
        let filter: Filter = ("data", &["geojson", "csv"]);
        let names = |mode| -> Vec<String> {
            list(dir.path(), mode)
                .unwrap()
                .into_iter()
                .map(|e| e.name)
                .collect()
        };
        assert_eq!(names(Mode::Open(filter)), ["zeta", "a.geojson", "b.CSV"]);
        assert_eq!(names(Mode::Folder), ["zeta"]);
    }

    #[test]
    fn the_native_dialog_is_used_with_a_portal_on_the_bus_or_zenity() {
        let services = tempfile::tempdir().unwrap();
        let portals = tempfile::tempdir().unwrap();
        let bin = tempfile::tempdir().unwrap();
        let path = std::env::join_paths([bin.path()]).unwrap();
        let (services_at, portals_at) = ([services.path()], [portals.path()]);
        let available =
            |bus: bool| linux_native_available(bus, Some(&path), &services_at, &portals_at);
        // A bare X session: no portal, no zenity.
        assert!(!available(true));
        // The portal installed, but no backend offers a file chooser.
        std::fs::write(
            services
                .path()
                .join("org.freedesktop.portal.Desktop.service"),
            "",
        )
        .unwrap();
        std::fs::write(
            portals.path().join("wlr.portal"),
            "[portal]\nInterfaces=org.freedesktop.impl.portal.Screenshot\n",
        )
        .unwrap();
        assert!(!available(true));
        // A backend with a file chooser: usable when there is a session bus to reach it on.
        std::fs::write(
            portals.path().join("gtk.portal"),
            "[portal]\nInterfaces=org.freedesktop.impl.portal.FileChooser;\n",
        )
        .unwrap();
        assert!(!available(false));
        assert!(available(true));
        // zenity on the PATH needs none of that.
        std::fs::write(bin.path().join("zenity"), "").unwrap();
        assert!(linux_native_available(false, Some(&path), &[], &[]));
    }

    #[test]
    fn sizes_read_as_people_write_them() {
        assert_eq!(human_size(832), "832 B");
        assert_eq!(human_size(4198), "4.1 KB");
        assert_eq!(human_size(12_900_000), "12.3 MB");
    }
}
