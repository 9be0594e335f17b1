//! The panic hook, installed for real: a panic writes a report file and leaves a summary the
//! window can show. Its own test binary, since the hook is process-wide.

// A test stops where the program is not in the state it checks.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use zhaoqing_explorer::crash;

#[test]
fn a_panic_writes_a_report_and_leaves_a_summary() {
    let dir = tempfile::tempdir().unwrap();
    crash::install_panic_hook_in(dir.path().join("reports"));
    assert_eq!(crash::last_crash(), None);
    let result = std::thread::Builder::new()
        .name("loader".into())
        .spawn(|| panic!("the test panics on purpose"))
        .unwrap()
        .join();
    let _ = std::panic::take_hook();
    assert!(result.is_err());

    let crash = crash::last_crash().expect("the hook recorded the panic");
    assert_eq!(crash.message, "the test panics on purpose");
    assert!(crash.location.starts_with("tests/crash.rs:"), "{crash:?}");
    let path = crash.report.clone().expect("the report was written");
    assert_eq!(path.parent(), Some(dir.path().join("reports").as_path()));
    let name = path.file_name().unwrap().to_string_lossy().into_owned();
    assert!(
        name.starts_with("crash-") && name.ends_with(".txt"),
        "{name}"
    );

    let text = std::fs::read_to_string(&path).unwrap();
    for part in [
        "message: the test panics on purpose",
        "location: tests/crash.rs:",
        "thread: loader",
        concat!("version: ", env!("CARGO_PKG_VERSION")),
        "backtrace:",
    ] {
        assert!(text.contains(part), "{part} in\n{text}");
    }
    let summary = crash.summary();
    assert!(summary.contains("the test panics on purpose"), "{summary}");
    assert!(summary.contains(&path.display().to_string()), "{summary}");
}
