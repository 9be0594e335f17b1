//! Any text through each reader of the map formats Chinese data comes in (TopoJSON, ECharts'
//! encoded maps, GeoJSON text sequences), through what-the-file-is sniffing, and through the
//! crossing-ring repair of whatever polygons they yield. None may panic or hang.

#![no_main]

use libfuzzer_sys::fuzz_target;
use zq_core::load::echarts::parse_echarts_map;
use zq_core::load::geojson::parse_sequence;
use zq_core::load::rings::repair_crossings;
use zq_core::load::topojson::parse_topology;
use zq_core::load::sniff::foreign;

fuzz_target!(|data: &[u8]| {
    let _ = foreign("fuzz", data);
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let read = [
        parse_topology("fuzz", text).map(|d| d.features),
        parse_echarts_map("fuzz", text),
        parse_sequence("fuzz", text),
    ];
    for mut features in read.into_iter().flatten() {
        let _ = repair_crossings("fuzz", &mut features);
    }
});
