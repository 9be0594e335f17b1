//! Work the map does ahead on other threads (pictures, fill triangles, label points), at the
//! lowest priority: on a machine with two cores and no GPU the frames themselves keep both
//! cores busy while the map moves, and work beside them makes frames late (measured zooming all
//! of China under Xvfb: 26 frames a second with the worker at nice 19, 84 with it in Linux's
//! idle class). At the lowest priority it uses only what the frames leave, and finishes while
//! the view rests.

/// Runs `work` on a new thread of the lowest priority. Err: no thread could be had.
pub fn spawn(name: &str, work: impl FnOnce() + Send + 'static) -> std::io::Result<()> {
    std::thread::Builder::new()
        .name(name.to_owned())
        .spawn(move || {
            lower_priority();
            work();
        })
        .map(drop)
}

/// Linux's idle class: the thread runs only on a core nothing else wants, and gives it up at
/// once when a frame's thread wakes (a nice value of 19 still takes its turn). Elsewhere in
/// Unix, the lowest nice value. Threads it starts inherit either.
#[cfg(unix)]
fn lower_priority() {
    // SAFETY: both calls take plain values (and a pointer to a local) and touch no other
    // memory. On failure the thread keeps its priority, which is only slower for the frames.
    unsafe {
        #[cfg(target_os = "linux")]
        {
            let param = libc::sched_param { sched_priority: 0 };
            if libc::sched_setscheduler(0, libc::SCHED_IDLE, &param) == 0 {
                return;
            }
        }
        libc::setpriority(libc::PRIO_PROCESS, 0, 19);
    }
}

#[cfg(not(unix))]
fn lower_priority() {}
