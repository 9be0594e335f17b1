//! Crash reports: a panic anywhere writes what happened, where and the backtrace to a file in the
//! user's cache folder, says where on stderr, and keeps a summary the window can show. A person
//! who hits a bug then has something to send, even from a program with no console.

use std::backtrace::Backtrace;
use std::panic::PanicHookInfo;
use std::path::{Path, PathBuf};
use std::sync::{Mutex, PoisonError};
use std::time::{SystemTime, UNIX_EPOCH};

use zq_core::atomic_write::write_atomic;

/// A panic that happened in this run: what, where, and where its report went.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CrashReport {
    pub message: String,
    /// `src/file.rs:LINE:COLUMN`.
    pub location: String,
    /// The report file, or why it could not be written.
    pub report: Result<PathBuf, String>,
}

impl CrashReport {
    /// One paragraph for a person: what happened and where the report is.
    pub fn summary(&self) -> String {
        let report = match &self.report {
            Ok(path) => format!("A crash report was written to {}.", path.display()),
            Err(why) => format!("No crash report could be written: {why}."),
        };
        format!(
            "Zhaoqing Explorer hit an internal error: {} (at {}). {report}",
            self.message, self.location
        )
    }
}

static LAST_CRASH: Mutex<Option<CrashReport>> = Mutex::new(None);

/// The most recent panic of this run, if any: for the window to show after a failed action
/// (e.g. when a worker thread loading a file panicked).
pub fn last_crash() -> Option<CrashReport> {
    LAST_CRASH
        .lock()
        .unwrap_or_else(PoisonError::into_inner)
        .clone()
}

/// The folder crash reports go to: `$XDG_CACHE_HOME/zhaoqing-explorer` (`~/.cache/…`) on Linux,
/// `~/Library/Caches/…` on macOS, `%LOCALAPPDATA%\…` on Windows; the temporary folder if the
/// system names no cache folder.
pub fn crash_dir() -> PathBuf {
    dirs::cache_dir()
        .unwrap_or_else(std::env::temp_dir)
        .join("zhaoqing-explorer")
}

/// Installs the panic hook that writes reports into `crash_dir()`. Call first thing in `main`.
pub fn install_panic_hook() {
    install_panic_hook_in(crash_dir());
}

/// `install_panic_hook` with reports written into `dir` (tests use a temporary folder).
pub fn install_panic_hook_in(dir: PathBuf) {
    std::panic::set_hook(Box::new(move |info| {
        let crash = record(&dir, info);
        match &crash.report {
            Ok(path) => eprintln!(
                "zhaoqing-explorer crashed: {} at {}\nA crash report was written to {}; \
                 please send it with what you were doing.",
                crash.message,
                crash.location,
                path.display()
            ),
            Err(why) => eprintln!(
                "zhaoqing-explorer crashed: {} at {}\n(no crash report: {why})\n{}",
                crash.message,
                crash.location,
                Backtrace::force_capture()
            ),
        }
        *LAST_CRASH.lock().unwrap_or_else(PoisonError::into_inner) = Some(crash);
    }));
}

fn record(dir: &Path, info: &PanicHookInfo<'_>) -> CrashReport {
    let message = info
        .payload_as_str()
        .unwrap_or("(a panic with a non-text payload)")
        .to_owned();
    let location = info.location().map_or_else(
        || "an unknown place".to_owned(),
        |l| format!("{}:{}:{}", l.file(), l.line(), l.column()),
    );
    let now = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    let thread = std::thread::current();
    let text = report_text(
        &message,
        &location,
        thread.name().unwrap_or("unnamed"),
        now,
        &Backtrace::force_capture(),
    );
    let name = format!("crash-{}-{}.txt", timestamp(now), std::process::id());
    let report = write_report(dir, &name, &text);
    CrashReport {
        message,
        location,
        report,
    }
}

fn write_report(dir: &Path, name: &str, text: &str) -> Result<PathBuf, String> {
    std::fs::create_dir_all(dir).map_err(|e| format!("could not create {}: {e}", dir.display()))?;
    let path = dir.join(name);
    write_atomic(&path, text.as_bytes()).map_err(|e| e.to_string())?;
    Ok(path)
}

fn report_text(
    message: &str,
    location: &str,
    thread: &str,
    unix_seconds: u64,
    backtrace: &Backtrace,
) -> String {
    format!(
        "Zhaoqing Explorer crash report\n\
         version: {}\n\
         time: {} (UTC)\n\
         os: {} {}\n\
         thread: {thread}\n\
         message: {message}\n\
         location: {location}\n\
         \n\
         backtrace:\n{backtrace}\n",
        env!("CARGO_PKG_VERSION"),
        timestamp(unix_seconds),
        std::env::consts::OS,
        std::env::consts::ARCH,
    )
}

/// `YYYYMMDDTHHMMSSZ` in UTC, for file names that sort by time.
fn timestamp(unix_seconds: u64) -> String {
    let days = unix_seconds / 86_400;
    let secs = unix_seconds % 86_400;
    let (year, month, day) = civil_from_days(days);
    format!(
        "{year:04}{month:02}{day:02}T{:02}{:02}{:02}Z",
        secs / 3600,
        secs / 60 % 60,
        secs % 60
    )
}

/// The Gregorian date `days` after 1970-01-01 (Howard Hinnant's `civil_from_days`).
fn civil_from_days(days: u64) -> (u64, u64, u64) {
    let z = days + 719_468;
    let era = z / 146_097;
    let doe = z % 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + u64::from(month <= 2);
    (year, month, day)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn timestamps_are_utc_calendar_times() {
        assert_eq!(timestamp(0), "19700101T000000Z");
        // 2024-02-29 12:34:56 UTC, a leap day.
        assert_eq!(timestamp(1_709_210_096), "20240229T123456Z");
        assert_eq!(timestamp(951_782_400), "20000229T000000Z");
    }

    #[test]
    fn a_report_names_version_message_and_place() {
        let text = report_text(
            "index out of bounds",
            "src/x.rs:1:2",
            "main",
            0,
            &Backtrace::disabled(),
        );
        for part in [
            env!("CARGO_PKG_VERSION"),
            "message: index out of bounds",
            "location: src/x.rs:1:2",
            "time: 19700101T000000Z",
            "backtrace:",
        ] {
            assert!(text.contains(part), "{part} in {text}");
        }
    }

    #[test]
    fn an_unwritable_folder_is_reported_not_fatal() {
        let dir = tempfile::tempdir().unwrap();
        let blocker = dir.path().join("file");
        std::fs::write(&blocker, "x").unwrap();
        let err = write_report(&blocker.join("sub"), "crash.txt", "text").unwrap_err();
        assert!(err.contains("could not create"), "{err}");
        let path = write_report(dir.path(), "crash.txt", "text").unwrap();
        assert_eq!(std::fs::read_to_string(path).unwrap(), "text");
    }

    /// Reports go to `$XDG_CACHE_HOME/zhaoqing-explorer`, or `~/.cache/zhaoqing-explorer` when
    /// it is unset. The environment is process-wide (and `set_var` unsafe), so each case runs
    /// this test again in a child process with the environment it needs, and the child checks
    /// `crash_dir()` against the folder the parent expects.
    #[cfg(target_os = "linux")]
    #[test]
    fn reports_go_to_the_xdg_cache_folder() {
        const EXPECTED: &str = "ZHAOQING_TEST_EXPECTED_CRASH_DIR";
        if let Some(expected) = std::env::var_os(EXPECTED) {
            assert_eq!(crash_dir(), PathBuf::from(expected));
            return;
        }
        let dir = tempfile::tempdir().unwrap();
        let cache = dir.path().join("cache");
        let home = dir.path().join("home");
        let run = |command: &mut std::process::Command, expected: PathBuf| {
            let output = command
                .args([
                    "--exact",
                    "crash::tests::reports_go_to_the_xdg_cache_folder",
                    "--test-threads=1",
                ])
                .env(EXPECTED, &expected)
                .output()
                .unwrap();
            let out = String::from_utf8_lossy(&output.stdout);
            assert!(
                output.status.success() && out.contains("1 passed"),
                "{expected:?}: {out}{}",
                String::from_utf8_lossy(&output.stderr)
            );
        };
        let exe = std::env::current_exe().unwrap();
        run(
            std::process::Command::new(&exe)
                .env("XDG_CACHE_HOME", &cache)
                .env("HOME", &home),
            cache.join("zhaoqing-explorer"),
        );
        run(
            std::process::Command::new(&exe)
                .env_remove("XDG_CACHE_HOME")
                .env("HOME", &home),
            home.join(".cache").join("zhaoqing-explorer"),
        );
    }
}
