//! Any bytes through the GeoJSON loaders: the user-file entry point (which detects the kind) and
//! the boundaries and projects readers the embedded data goes through. None may panic or hang.

#![no_main]

use libfuzzer_sys::fuzz_target;
use zq_core::load::parse_projects;
use zq_core::geometry::Boundaries;
use zq_core::load::load_user_file;

fuzz_target!(|data: &[u8]| {
    let _ = load_user_file("fuzz.geojson", data);
    let _ = Boundaries::from_geojson("fuzz.geojson", data);
    let _ = parse_projects("fuzz.geojson", data);
});
