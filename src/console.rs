//! A release build on Windows is a GUI program (no console window flashes up on a double-click),
//! and Windows gives a GUI program no console to print to. A command typed at a prompt
//! (`zhaoqing-explorer.exe validate …`) should still print there, so the program attaches to the
//! console of the prompt that started it, if there is one and its output is not already going to
//! a file or a pipe. Elsewhere this does nothing.

/// Call first thing in `main`, before anything prints.
#[cfg(windows)]
pub fn attach_to_parent() {
    use windows_sys::Win32::System::Console::{
        ATTACH_PARENT_PROCESS, AttachConsole, GetStdHandle, STD_ERROR_HANDLE, STD_OUTPUT_HANDLE,
    };
    // SAFETY: GetStdHandle and AttachConsole take no pointers; they only read and set the
    // process's standard handles, which nothing else touches this early in `main`.
    unsafe {
        let unset = |id| {
            let handle = GetStdHandle(id);
            handle.is_null() || handle == windows_sys::Win32::Foundation::INVALID_HANDLE_VALUE
        };
        if unset(STD_OUTPUT_HANDLE) && unset(STD_ERROR_HANDLE) {
            // Fails when started from Explorer (no parent console): then there is nowhere to
            // print, as before.
            AttachConsole(ATTACH_PARENT_PROCESS);
        }
    }
}

/// Call first thing in `main`, before anything prints.
#[cfg(not(windows))]
pub fn attach_to_parent() {}
