//! Peak memory of opening the all-China counties file, against the target of at most four times
//! the file's size. Run with `cargo bench --bench memory`; exits with status 1 when over target.
//!
//! Heap bytes are counted by a global allocator, so the figure is what the program asks for,
//! independent of the allocator's caching and of the GPU driver's memory.

// A benchmark stops where its input cannot be built.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering};

use zq_core::Model;

use common::{benchmarking, china_file, china_model};

/// The system allocator, counting the bytes in use and the most ever in use.
struct Counting;

static IN_USE: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

fn grew(by: usize) {
    let now = IN_USE.fetch_add(by, Ordering::Relaxed) + by;
    PEAK.fetch_max(now, Ordering::Relaxed);
}

// SAFETY: every call is passed on unchanged to `System`; only counters are updated beside it.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        // SAFETY: the caller's guarantees for `layout` are those `System.alloc` needs.
        let ptr = unsafe { System.alloc(layout) };
        if !ptr.is_null() {
            grew(layout.size());
        }
        ptr
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        // SAFETY: `ptr` was allocated by `System` with this `layout`.
        unsafe { System.dealloc(ptr, layout) };
        IN_USE.fetch_sub(layout.size(), Ordering::Relaxed);
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        // SAFETY: `ptr` was allocated by `System` with `layout`; the caller guarantees `new_size`.
        let new = unsafe { System.realloc(ptr, layout, new_size) };
        if !new.is_null() {
            IN_USE.fetch_sub(layout.size(), Ordering::Relaxed);
            grew(new_size);
        }
        new
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

const MIB: f64 = 1024.0 * 1024.0;

fn main() {
    if !benchmarking() {
        eprintln!("memory: runs only under `cargo bench`");
        return;
    }
    // A filter that does not name this bench skips it.
    let filter = std::env::args().skip(1).find(|a| !a.starts_with('-'));
    if filter.is_some_and(|f| !"memory/open_china_counties".contains(&f)) {
        return;
    }
    let file = china_file();
    let file_bytes = std::fs::metadata(&file).map(|m| m.len()).unwrap_or(0) as f64;
    let embedded = Model::embedded().expect("embedded data");

    let before = IN_USE.load(Ordering::Relaxed);
    PEAK.store(before, Ordering::Relaxed);
    let china = china_model(&embedded);
    let peak = (PEAK.load(Ordering::Relaxed) - before) as f64;
    let kept = (IN_USE.load(Ordering::Relaxed) - before) as f64;
    drop(china);

    let ratio = peak / file_bytes;
    println!(
        "memory/open_china_counties: file {:.1} MiB, peak {:.1} MiB ({ratio:.2}× the file, target ≤ 4×), kept after loading {:.1} MiB",
        file_bytes / MIB,
        peak / MIB,
        kept / MIB
    );
    if ratio > 4.0 {
        eprintln!("memory/open_china_counties: over target");
        std::process::exit(1);
    }
}
