//! Any bytes through the GeoJSON loaders: the user-file entry point (which detects the kind) and
//! the boundaries and projects readers the embedded data goes through. None may panic or hang.

#![no_main]

use libfuzzer_sys::fuzz_target;
use zhaoqing_explorer::data::projects::parse_projects;
use zhaoqing_explorer::geometry::Boundaries;
use zhaoqing_explorer::user_file::load_user_file;

fuzz_target!(|data: &[u8]| {
    let _ = load_user_file("fuzz.geojson", data);
    let _ = Boundaries::from_geojson("fuzz.geojson", data);
    let _ = parse_projects("fuzz.geojson", data);
});
