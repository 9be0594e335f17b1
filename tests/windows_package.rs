//! What the Windows build says about itself, checked on any machine: the names in the `.exe`'s
//! version information and on the installer's pages are the program's own (the catalogue's), the
//! icon holds every size Windows asks for, and the installer installs for the user alone.
//! `scripts/check_windows.sh` builds and runs the real thing under Wine.

use std::path::Path;

use zq_core::i18n::Msg;

fn read(path: &str) -> std::io::Result<String> {
    std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(path))
}

/// The values of `VALUE "key", "…"` lines in the resource script, in order.
fn rc_values<'a>(rc: &'a str, key: &str) -> Vec<&'a str> {
    let prefix = format!("VALUE \"{key}\", \"");
    rc.lines()
        .filter_map(|line| line.trim().strip_prefix(prefix.as_str()))
        .filter_map(|rest| rest.strip_suffix('"'))
        .collect()
}

#[test]
fn the_exe_is_named_as_the_window_is_in_both_languages() {
    let rc = read("packaging/windows/zhaoqing-explorer.rc.in").unwrap();
    let names = [Msg::AppTitle.zh(), Msg::AppTitle.en()];
    assert_eq!(rc_values(&rc, "ProductName"), names);
    // Task Manager and the taskbar's jump list show the description as the program's name.
    assert_eq!(rc_values(&rc, "FileDescription"), names);
    // The Chinese block first, then the English one, each declared in the translation table.
    assert!(rc.find("\"080404b0\"") < rc.find("\"040904b0\""));
    assert!(rc.contains("0x0804, 1200, 0x0409, 1200"));
}

#[test]
fn the_installer_names_the_program_as_the_window_does() {
    let nsi = read("packaging/windows/installer.nsi").unwrap();
    for (lang, name) in [
        ("SIMPCHINESE", Msg::AppTitle.zh()),
        ("ENGLISH", Msg::AppTitle.en()),
    ] {
        let line = format!("LangString AppName ${{LANG_{lang}}} \"{name}\"");
        assert!(nsi.contains(&line), "the installer lacks: {line}");
    }
}

#[test]
fn the_installer_installs_for_the_user_without_administrator_rights() {
    let nsi = read("packaging/windows/installer.nsi").unwrap();
    assert!(nsi.contains("RequestExecutionLevel user"));
    assert!(nsi.contains(r#"InstallDir "$LOCALAPPDATA\Programs\Zhaoqing Explorer""#));
    // Every registry write is the user's own (HKCU), none the machine's.
    for line in nsi
        .lines()
        .filter(|l| l.trim_start().starts_with("WriteReg"))
    {
        assert!(line.contains(" HKCU "), "not the user's registry: {line}");
    }
    // The desktop shortcut and the .geojson association are offered, not imposed.
    for section in ["$(SecDesktop)", "$(SecGeojson)"] {
        assert!(
            nsi.contains(&format!("Section /o \"{section}\"")),
            "{section} is not optional and off by default"
        );
    }
}

#[test]
fn the_icon_holds_every_size_windows_asks_for() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/icons/zhaoqing-explorer.ico");
    let ico = std::fs::read(&path).unwrap_or_else(|err| panic!("{}: {err}", path.display()));
    // ICONDIR: reserved 0, type 1 (icon), count; then 16-byte entries, width 0 meaning 256.
    assert_eq!(&ico[..4], &[0, 0, 1, 0]);
    let count = usize::from(u16::from_le_bytes([ico[4], ico[5]]));
    let sizes: Vec<u32> = (0..count)
        .map(|i| match ico[6 + 16 * i] {
            0 => 256,
            n => u32::from(n),
        })
        .collect();
    assert_eq!(sizes, [16, 24, 32, 48, 64, 128, 256]);
}
