//! `zhaoqing-explorer validate`, run as a person runs it: every broken file in `tests/data/bad/`
//! is refused with exit 1 and a message naming the file, the place and the problem; every good
//! file in `tests/data/good/` and the shipped data are accepted with exit 0 and a summary line;
//! random bytes are refused quickly.

// A test stops where the program is not in the state it checks.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

const BIN: &str = env!("CARGO_BIN_EXE_zhaoqing-explorer");

fn data(path: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(path)
}

fn validate(paths: &[PathBuf]) -> Output {
    Command::new(BIN)
        .arg("validate")
        .args(paths)
        .output()
        .expect("the program runs")
}

/// `validate`, killed and failed if it runs past `limit`: a hang must fail the test, not stall it.
fn validate_within(paths: &[PathBuf], limit: Duration) -> (Output, Duration) {
    let start = Instant::now();
    let mut child = Command::new(BIN)
        .arg("validate")
        .args(paths)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the program runs");
    while child.try_wait().expect("wait").is_none() {
        if start.elapsed() > limit {
            let _ = child.kill();
            panic!("validate {paths:?} ran longer than {limit:?}");
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    let elapsed = start.elapsed();
    (child.wait_with_output().expect("output"), elapsed)
}

fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

/// A refused file: its name in `tests/data/bad/`, where the problem is (empty: the whole file),
/// a distinctive part of what is wrong, and a part of the hint (`None`: there must be no hint).
struct Bad {
    file: &'static str,
    location: &'static str,
    message: &'static str,
    hint: Option<&'static str>,
}

const fn bad(file: &'static str, location: &'static str, message: &'static str) -> Bad {
    Bad {
        file,
        location,
        message,
        hint: None,
    }
}

const fn hinted(
    file: &'static str,
    location: &'static str,
    message: &'static str,
    hint: &'static str,
) -> Bad {
    Bad {
        file,
        location,
        message,
        hint: Some(hint),
    }
}

const BAD: &[Bad] = &[
    bad("empty.geojson", "", "the file is empty"),
    bad(
        "truncated.geojson",
        "2:112",
        "the JSON ends too early (truncated file?)",
    ),
    bad(
        "invalid_json.geojson",
        "2:36",
        "invalid JSON: expected value",
    ),
    bad("not_geojson.json", "", "this JSON is neither GeoJSON"),
    bad("json_array.json", "", "this is a JSON array"),
    bad(
        "single_feature.geojson",
        "type",
        r#"this is a GeoJSON "Feature", not a "FeatureCollection""#,
    ),
    bad(
        "features_null.geojson",
        "features",
        r#""features" is missing or null"#,
    ),
    bad(
        "features_missing.geojson",
        "features",
        r#""features" is missing or null"#,
    ),
    bad(
        "no_features.geojson",
        "features",
        "the FeatureCollection has no features",
    ),
    bad(
        "all_geometries_null.geojson",
        "features",
        "every feature's geometry is null",
    ),
    bad(
        "ring_three_positions.geojson",
        "feature 0: geometry.coordinates[0]",
        "the ring has 3 positions; a closed ring needs at least 4",
    ),
    bad(
        "ring_not_closed.geojson",
        "feature 0: geometry.coordinates[0]",
        "the ring is not closed",
    ),
    bad(
        "coordinate_string.geojson",
        "3:75",
        r#"a coordinate is the string "112.6""#,
    ),
    bad("coordinate_null.geojson", "3:79", "a coordinate is null"),
    bad(
        "coordinate_nan.geojson",
        "3:76",
        "NaN/Infinity are not valid JSON numbers",
    ),
    bad(
        "coordinate_infinite.geojson",
        "3:69",
        "NaN/Infinity are not valid JSON numbers",
    ),
    hinted(
        "coordinate_huge_exponent.geojson",
        "3:73",
        "a number is too large to represent (like 1e999)",
        "within ±1.8e308",
    ),
    bad(
        "position_one_number.geojson",
        "feature 0: geometry.coordinates[0][1]",
        "a position needs two numbers [lon, lat]",
    ),
    bad(
        "lon_out_of_range.geojson",
        "feature 0: geometry.coordinates[0][1]",
        "[212.6, 23] is not a longitude/latitude",
    ),
    bad(
        "lat_out_of_range.geojson",
        "feature 0: geometry.coordinates[0][1]",
        "[112.6, -95] is not a longitude/latitude",
    ),
    hinted(
        "web_mercator.geojson",
        "feature 0: geometry.coordinates[0][0]",
        "[12512623.9, 2632735.1] is not a longitude/latitude",
        "projected metres (EPSG:3857",
    ),
    hinted(
        "swapped_latlon.geojson",
        "feature 0: geometry.coordinates[0][0]",
        "[23, 112.4] is not a longitude/latitude",
        "latitude and longitude look swapped",
    ),
    bad(
        "empty_ring.geojson",
        "feature 0: geometry.coordinates[0]",
        "the ring is empty",
    ),
    bad(
        "empty_polygon.geojson",
        "feature 0: geometry.coordinates",
        "the polygon has no rings",
    ),
    bad(
        "empty_multipolygon.geojson",
        "feature 0: geometry.coordinates",
        "the MultiPolygon has no polygons",
    ),
    hinted(
        "deep_nesting.geojson",
        "3:174",
        "arrays or objects are nested more than 128 deep",
        "at most four levels",
    ),
    hinted(
        "gbk.geojson",
        "2:67",
        "the text is not UTF-8",
        "GBK/GB18030",
    ),
    hinted(
        "utf16.geojson",
        "",
        "the text is UTF-16, not UTF-8",
        "save it as UTF-8",
    ),
    hinted(
        "shapefile.shp",
        "",
        "this is the .shp part of a shapefile, not GeoJSON, JSON or CSV",
        "`ogr2ogr -f GeoJSON -t_srs EPSG:4326 out.geojson shapefile.shp`",
    ),
    hinted(
        "not_data.txt",
        "line 1",
        "nor a figures CSV",
        "id,value,unit",
    ),
    hinted(
        "linestring.geojson",
        "feature 0: geometry.type",
        r#"geometry type "LineString" is not supported (Point, MultiPoint, Polygon or MultiPolygon)"#,
        "Lines to Polygons",
    ),
    bad(
        "point_among_polygons.geojson",
        "feature 1: geometry.type",
        "a boundary must be a Polygon or MultiPolygon, not a Point",
    ),
    bad(
        "no_code_property.geojson",
        "feature 0: properties",
        "no code property",
    ),
    hinted(
        "project_missing_field.geojson",
        "feature 0: properties",
        "missing field `industry`",
        "a project needs id",
    ),
    bad(
        "project_outside_county.geojson",
        "project xpeng_zhaoqing_base: geometry",
        "lies outside 四会市 (441284)",
    ),
    bad(
        "figure_value_string.json",
        "24:21: figures[1].value",
        r#"invalid type: string "17.8", expected a number"#,
    ),
    bad(
        "figure_value_nan.json",
        "5:16",
        "NaN/Infinity are not valid JSON numbers",
    ),
    bad(
        "figure_unknown_article.json",
        "figure party_members_2021: source.article",
        r#"no article has the id "005_not_an_article""#,
    ),
    bad(
        "figure_bad_bound.json",
        "8:22: figures[0].bound",
        "unknown variant `above`, expected one of `exact`, `at_least`, `at_most`, `approx`",
    ),
    bad(
        "figure_bad_kind.json",
        "9:22: figures[0].kind",
        "unknown variant `income`",
    ),
    bad(
        "figure_bad_scope.json",
        "figure party_members_2021: scope",
        r#""441299" is not "city", "company" or a county adcode"#,
    ),
    bad(
        "figure_quote_not_in_article.json",
        "figure party_members_2021: source.quote",
        "the quote does not occur in article 000_eee35276df1c187d",
    ),
    bad(
        "figure_unknown_field.json",
        "21:14: figures[0].colour",
        "unknown field `colour`",
    ),
    bad(
        "figures_null.json",
        "1:16: figures",
        "invalid type: null, expected a sequence",
    ),
    bad("figures_empty.json", "", "the file holds no figures"),
    bad("figures_header_only.csv", "", "the file holds no figures"),
    bad(
        "figures_trailing_text.json",
        "24:1",
        "invalid JSON: trailing characters",
    ),
    hinted(
        "figures_bad.csv",
        "line 2: value",
        r#""17.8万" is not a number"#,
        "the unit (亿元, %) goes in the unit column",
    ),
    hinted(
        "figures_missing_column.csv",
        "line 1",
        "the header lacks the column(s) quote",
        "the columns are id,value,",
    ),
    hinted(
        "figures_gbk.csv",
        "2:25",
        "the text is not UTF-8",
        "GBK/GB18030",
    ),
    bad(
        "figures_bad_scope.csv",
        "figure party_members_2021: scope",
        r#""441299" is not "city", "company" or a county adcode"#,
    ),
    // Files from the real world (made by scripts/make_test_files.py): what each really is,
    // where, and the step that helps.
    hinted(
        "shapefile_zipped.geojson",
        "",
        "this is a ZIP archive holding a shapefile (zhaoqing.shp), not GeoJSON, JSON or CSV",
        "`ogr2ogr -f GeoJSON -t_srs EPSG:4326 out.geojson /vsizip/shapefile_zipped.geojson/zhaoqing.shp`",
    ),
    hinted(
        "workbook.csv",
        "",
        "this is an Excel workbook (.xlsx), not GeoJSON, JSON or CSV",
        r#"File → Save As → "CSV UTF-8 (Comma delimited) (*.csv)" (in WPS: 文件 → 另存为 → CSV)"#,
    ),
    hinted(
        "workbook_old.csv",
        "",
        "this is an old Excel or WPS workbook (.xls/.et), not GeoJSON, JSON or CSV",
        "`libreoffice --headless --convert-to csv workbook_old.csv`",
    ),
    hinted(
        "report.geojson",
        "",
        "this is a PDF document, not GeoJSON, JSON or CSV",
        "`pdftotext -layout report.geojson`",
    ),
    hinted(
        "map_picture.geojson",
        "",
        "this is a PNG image, not GeoJSON, JSON or CSV",
        "a picture of a map holds no boundaries",
    ),
    hinted(
        "echarts_register.js",
        "",
        "this is JavaScript that wraps map data, not GeoJSON, JSON or CSV",
        "keep only the JSON the script holds (for ECharts, the object passed to echarts.registerMap",
    ),
    hinted(
        "var_assignment.geojson",
        "",
        "this is JavaScript that wraps map data, not GeoJSON, JSON or CSV",
        "delete `var zhaoqing =` before it and the `;` after it",
    ),
    hinted(
        "download_page.geojson",
        "",
        "this is a web page (HTML), not GeoJSON, JSON or CSV",
        "a login or error page?",
    ),
    hinted(
        "zhaoqing.kml",
        "",
        "this is a KML file, not GeoJSON, JSON or CSV",
        "`ogr2ogr -f GeoJSON out.geojson zhaoqing.kml`",
    ),
    hinted(
        "zhaoqing.gpkg",
        "",
        "this is an SQLite database (a GeoPackage or SpatiaLite file), not GeoJSON, JSON or CSV",
        "`ogr2ogr -f GeoJSON -t_srs EPSG:4326 out.geojson zhaoqing.gpkg`",
    ),
    hinted(
        "zhaoqing.geojson.gz",
        "",
        "this is a gzip-compressed file, not GeoJSON, JSON or CSV",
        "`gunzip -k zhaoqing.geojson.gz`",
    ),
    // Excel writes CRLF line ends; the row at fault is on line 3.
    bad(
        "figures_crlf.csv",
        "line 3: value",
        r#""about 5" is not a number"#,
    ),
    hinted(
        "figures_percent.csv",
        "line 2: value",
        r#""36.70%" is not a number"#,
        "write 36.70 and put % in the unit column",
    ),
    hinted(
        "figures_fullwidth.csv",
        "line 2: value",
        r#""１５６．９６" is not a number"#,
        "the digits are full-width (typed in full-width mode); write 156.96",
    ),
    hinted(
        "figures_semicolon.csv",
        "line 1",
        "the columns are separated by semicolons (;), not commas",
        r#"File → Save As → "CSV UTF-8 (Comma delimited) (*.csv)""#,
    ),
    hinted(
        "figures_county_name.csv",
        "figure sihui_top100_county_rank: scope",
        r#""四会市" is not "city", "company" or a county adcode"#,
        "write the county's code 441284 (四会市)",
    ),
    hinted(
        "figures_excel_date.csv",
        "figure xpeng_may_2021_deliveries_yoy: period",
        r#""2021/5/1" is not a period like 2020, 2021-Q1, 2021-05 or 2021-2025"#,
        "the sheet turned the period into a date; write 2021-05",
    ),
    hinted(
        "figures_excel_date.csv",
        "figure investment_drive_actions_2021: period",
        r#""44256" is not a period like 2020, 2021-Q1, 2021-05 or 2021-2025"#,
        "the sheet turned the period into a date; write 2021-03",
    ),
    hinted(
        "geometry_collection.geojson",
        "feature 0: geometry.type",
        r#"geometry type "GeometryCollection" is not supported (Point, MultiPoint, Polygon or MultiPolygon)"#,
        "`ogr2ogr -nlt MULTIPOLYGON out.geojson FILE`",
    ),
    hinted(
        "multipoint_projects.geojson",
        "feature 0: geometry",
        "project xpeng_zhaoqing_base is a MultiPoint of 2 points; a project is one site, one Point",
        "give each site a feature of its own",
    ),
    hinted(
        "duplicate_adcode.geojson",
        "feature 1: properties.adcode",
        r#"features 0 (端州区) and 1 (鼎湖区) have the same code "441202"; each region needs a code of its own"#,
        r#"if "adcode" is not the code, choose the property that is"#,
    ),
    // The third record is cut off at the end of line 3.
    bad(
        "sequence_broken.geojsons",
        "3:2828",
        "invalid JSON: invalid number",
    ),
    // Found by the fuzzer (map_formats): an ECharts map whose rings cross themselves everywhere,
    // which took seconds to repair; now refused at once.
    hinted(
        "fuzz_tangled_rings.json",
        "feature 2: geometry.coordinates[0]",
        "the ring crosses or touches itself at [111.075488, 23.095277] and at 50 or more other places: the file is broken there, not a border drawn a little wrong",
        "Fix Geometries",
    ),
    bad(
        "topojson_bad_arc.topojson",
        "objects.counties.geometries[1].arcs[0][1]",
        "arc 99 does not exist: the topology has 3 arcs",
    ),
];

/// The output line that reports `case`, if the output has one.
fn line_for<'a>(out: &'a str, path: &Path, case: &Bad) -> Option<&'a str> {
    let prefix = if case.location.is_empty() {
        format!("{}: ", path.display())
    } else {
        format!("{}: {}: ", path.display(), case.location)
    };
    out.lines()
        .find(|l| l.starts_with(&prefix) && l.contains(case.message))
}

#[test]
fn every_bad_file_is_refused_with_its_own_message() {
    let mut failures = Vec::new();
    for case in BAD {
        let path = data(&format!("tests/data/bad/{}", case.file));
        let output = validate(std::slice::from_ref(&path));
        let out = stdout(&output);
        let line = line_for(&out, &path, case);
        let hint_ok = line.is_some_and(|l| match case.hint {
            Some(hint) => l.contains("(hint: ") && l.contains(hint),
            None => !l.contains("(hint: "),
        });
        if output.status.code() != Some(1) || !hint_ok || !output.stderr.is_empty() {
            failures.push(format!(
                "{}: exit {:?}, stdout:\n{out}stderr:\n{}",
                case.file,
                output.status.code(),
                String::from_utf8_lossy(&output.stderr)
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn every_file_in_the_bad_corpus_is_asserted() {
    let mut on_disk: Vec<String> = std::fs::read_dir(data("tests/data/bad"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    on_disk.sort();
    let mut asserted: Vec<String> = BAD.iter().map(|c| c.file.to_owned()).collect();
    asserted.sort();
    asserted.dedup();
    assert_eq!(on_disk, asserted);
}

#[test]
fn a_bad_csv_reports_every_row() {
    let path = data("tests/data/bad/figures_bad.csv");
    let out = stdout(&validate(std::slice::from_ref(&path)));
    let file = path.display();
    for expected in [
        format!(r#"{file}: line 2: value: "17.8万" is not a number"#),
        format!("{file}: line 3: bound: unknown variant `above`"),
        format!("{file}: line 4: the row has 5 fields but the header has 15"),
        format!(r#"{file}: line 5: value: "1,483" is not a number"#),
        format!(r#"{file}: line 6: value: "NaN" is not a number: NaN/Infinity are not values"#),
    ] {
        assert!(
            out.lines().any(|l| l.starts_with(&expected)),
            "{expected}\nin\n{out}"
        );
    }
    assert!(out.contains("thousands separators"), "{out}");
}

/// (file, the whole summary line after `FILE: `, warning lines after `FILE: `).
const GOOD: &[(&str, &str, &[&str])] = &[
    (
        "tests/data/good/bom.geojson",
        "boundaries, 1 region, 5 vertices",
        &[],
    ),
    (
        "tests/data/good/crlf.geojson",
        "boundaries, 2 regions, 10 vertices",
        &[],
    ),
    (
        "tests/data/good/null_geometry.geojson",
        "boundaries, 1 region, 5 vertices",
        &["feature 1: geometry: geometry is null; the feature (鼎湖区) is skipped (warning)"],
    ),
    (
        "tests/data/good/integer_codes.geojson",
        "boundaries, 2 regions, 10 vertices",
        &[],
    ),
    (
        "tests/data/good/extra_properties.geojson",
        "boundaries, 1 region, 5 vertices",
        &[],
    ),
    (
        "tests/data/good/multipolygon_with_hole.geojson",
        "boundaries, 1 region, 14 vertices",
        &[],
    ),
    (
        "tests/data/good/ambiguous_codes.geojson",
        "boundaries, 2 regions, 10 vertices",
        &[
            r#"properties: both "adcode" and "code" could hold the code but they differ (feature 0: "441202" and "1"); "adcode" is used (warning)"#,
        ],
    ),
    (
        "tests/data/good/guessed_code.geojson",
        "boundaries, 2 regions, 10 vertices",
        &[
            r#"properties: no property is named like a code (adcode, code, ADCODE, CODE, id, gb, GB); "GID_2" is used because its values differ from feature to feature and look like codes (warning)"#,
        ],
    ),
    (
        "tests/data/good/projects.geojson",
        "projects, 1 point",
        &["feature 1: geometry: geometry is null; the feature is skipped (warning)"],
    ),
    (
        "tests/data/good/sliver.geojson",
        "boundaries, 1 region, 5 vertices",
        &[],
    ),
    (
        "tests/data/good/figures_blank_rows.csv",
        "figures, 2 figures",
        &["lines 4–6: the rows are empty; they are skipped (warning)"],
    ),
    (
        "tests/data/good/self_crossing_ring.geojson",
        "boundaries, 1 region, 8 vertices",
        &[
            "feature 0: geometry.coordinates[0]: the ring crosses or touches itself at [112.468398, 23.107355]; the polygon is split there and keeps what the ring encloses an odd number of times (warning)",
        ],
    ),
    (
        "tests/data/good/zhaoqing.geojsons",
        "boundaries (GeoJSON text sequence), 8 regions, 9007 vertices",
        &[],
    ),
    (
        "tests/data/good/zhaoqing.ndjson",
        "boundaries (GeoJSON text sequence), 8 regions, 9007 vertices",
        &[],
    ),
    (
        "tests/data/good/zhaoqing.topojson",
        r#"boundaries (TopoJSON object "counties"), 8 regions, 9007 vertices"#,
        &[],
    ),
    (
        "tests/data/good/zhaoqing_echarts.json",
        "boundaries (ECharts map), 8 regions, 9007 vertices",
        &[],
    ),
    (
        "tests/data/good/zhaoqing_gcj02.geojson",
        "boundaries, 8 regions, 9007 vertices",
        &[
            r#"coordinates: the regions sit 608 m from the loaded map's 8 regions of the same codes, as GCJ-02 coordinates (Amap, DataV.GeoAtlas, ECharts maps) would (hint: read it as GCJ-02: `validate --gcj02 FILE`, or in the window answer "Convert from GCJ-02") (warning)"#,
        ],
    ),
    (
        "tests/data/good/projects_qgis_fid.geojson",
        "projects, 3 points",
        &[
            r#"feature 0: properties.fid: "fid" is not a project field; it is ignored (warning)"#,
            r#"feature 1: properties.fid: "fid" is not a project field; it is ignored (warning)"#,
            r#"feature 2: properties.fid: "fid" is not a project field; it is ignored (warning)"#,
        ],
    ),
    (
        "tests/data/good/code_guess_pac.geojson",
        "boundaries, 3 regions, 173 vertices",
        &[
            r#"properties: no property is named like a code (adcode, code, ADCODE, CODE, id, gb, GB); "PAC" is used because its values look like administrative codes (6, 9 or 12 digits) (warning)"#,
        ],
    ),
    (
        "tests/data/good/projects_multipoint_single.geojson",
        "projects, 2 points",
        &[],
    ),
    ("tests/data/good/figures.json", "figures, 2 figures", &[]),
    ("tests/data/good/figures.csv", "figures, 4 figures", &[]),
    (
        "tests/data/good/figures_minimal.csv",
        "figures, 2 figures",
        &[],
    ),
    (
        "assets/boundaries/zhaoqing.geojson",
        "boundaries, 8 regions, 9007 vertices",
        &[],
    ),
    ("assets/data/figures.json", "figures, 188 figures", &[]),
    ("assets/data/projects.geojson", "projects, 34 points", &[]),
];

#[test]
fn good_files_and_the_shipped_data_are_accepted() {
    let paths: Vec<PathBuf> = GOOD.iter().map(|(f, _, _)| data(f)).collect();
    let output = validate(&paths);
    let out = stdout(&output);
    let mut expected = Vec::new();
    for (path, (_, summary, warnings)) in paths.iter().zip(GOOD) {
        expected.push(format!("{}: {summary}", path.display()));
        expected.extend(warnings.iter().map(|w| format!("{}: {w}", path.display())));
    }
    assert_eq!(out.lines().collect::<Vec<_>>(), expected);
    assert_eq!(output.status.code(), Some(0), "{out}");
    assert!(output.stderr.is_empty());
}

#[test]
fn every_file_in_the_good_corpus_is_asserted() {
    let mut on_disk: Vec<String> = std::fs::read_dir(data("tests/data/good"))
        .unwrap()
        .map(|e| {
            format!(
                "tests/data/good/{}",
                e.unwrap().file_name().to_string_lossy()
            )
        })
        .collect();
    on_disk.sort();
    let mut asserted: Vec<String> = GOOD
        .iter()
        .map(|(f, _, _)| (*f).to_owned())
        .filter(|f| f.starts_with("tests/"))
        .collect();
    asserted.sort();
    assert_eq!(on_disk, asserted);
}

#[test]
fn one_bad_file_among_good_ones_fails_the_run_and_all_are_reported() {
    let good = data("tests/data/good/bom.geojson");
    let bad = data("tests/data/bad/ring_not_closed.geojson");
    let missing = data("tests/data/no_such_file.geojson");
    let output = validate(&[good.clone(), bad.clone(), missing.clone()]);
    let out = stdout(&output);
    assert_eq!(output.status.code(), Some(1), "{out}");
    assert!(
        out.contains(&format!("{}: boundaries", good.display())),
        "{out}"
    );
    assert!(
        out.contains(&format!("{}: feature 0", bad.display())),
        "{out}"
    );
    assert!(
        out.contains(&format!("{}: cannot read it:", missing.display())),
        "{out}"
    );
}

#[test]
fn problems_are_capped_per_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("many.csv");
    let header = "id,value,unit,printed,bound,kind,planned,scope,project,period,subject_zh,\
                  subject_en,article,quote,note\n";
    let rows: String = (0..60)
        .map(|i| format!("f{i},not a number,个,,exact,count,,city,,,,,a,q,\n"))
        .collect();
    std::fs::write(&path, format!("{header}{rows}")).unwrap();
    let output = validate(std::slice::from_ref(&path));
    let out = stdout(&output);
    assert_eq!(output.status.code(), Some(1));
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), 51, "{out}");
    assert_eq!(
        lines[50],
        format!("{}: and 10 more problems", path.display())
    );
}

/// Deterministic pseudo-random bytes (xorshift64*), so a failure can be reproduced.
fn random_bytes(len: usize, mut state: u64) -> Vec<u8> {
    (0..len)
        .map(|_| {
            state ^= state >> 12;
            state ^= state << 25;
            state ^= state >> 27;
            (state.wrapping_mul(0x2545_F491_4F6C_DD1D) >> 56) as u8
        })
        .collect()
}

#[test]
fn three_megabytes_of_random_bytes_are_refused_quickly() {
    let dir = tempfile::tempdir().unwrap();
    let noise = random_bytes(3 << 20, 0x9E37_79B9_7F4A_7C15);
    // Printable noise is valid UTF-8, so the CSV reader has to get through all of it.
    let printable: Vec<u8> = noise.iter().map(|b| b' ' + b % 95).collect();
    let header = b"id,value,unit,printed,bound,kind,planned,scope,project,period,subject_zh,\
                   subject_en,article,quote,note\n";
    // A header of 400 000 columns, all of them unknown, and no rows.
    let wide: String = (0..400_000).map(|i| format!(",c{i}")).collect();
    let cases: [(&str, Vec<u8>); 6] = [
        (
            "wide.csv",
            format!("{}{wide}\n", String::from_utf8_lossy(header).trim_end()).into_bytes(),
        ),
        ("noise.bin", noise.clone()),
        ("noise.geojson", [b"{\"type\":".as_slice(), &noise].concat()),
        ("noise.json", [b"[".as_slice(), &printable].concat()),
        ("noise.csv", [header.as_slice(), &noise].concat()),
        ("printable.csv", [header.as_slice(), &printable].concat()),
    ];
    for (name, bytes) in cases {
        let path = dir.path().join(name);
        std::fs::write(&path, bytes).unwrap();
        let (output, elapsed) =
            validate_within(std::slice::from_ref(&path), Duration::from_secs(30));
        assert_eq!(output.status.code(), Some(1), "{name}");
        assert!(
            stdout(&output).starts_with(&format!("{}: ", path.display())),
            "{name}"
        );
        assert!(output.stderr.is_empty(), "{name}");
        // Loose: debug builds are slow and the machine is shared. Release takes milliseconds.
        assert!(elapsed < Duration::from_secs(5), "{name} took {elapsed:?}");
    }
}

#[test]
fn a_sliver_polygon_is_labelled_quickly() {
    // 10° long and 1e-7° wide: polylabel alone would start from 10^8 grid cells.
    let path = data("tests/data/good/sliver.geojson");
    let (output, elapsed) = validate_within(std::slice::from_ref(&path), Duration::from_secs(30));
    assert_eq!(output.status.code(), Some(0), "{}", stdout(&output));
    assert!(elapsed < Duration::from_secs(5), "took {elapsed:?}");
}

#[test]
fn validate_needs_a_file() {
    let output = Command::new(BIN).arg("validate").output().unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("FILE"));
}

/// A figures CSV names what each figure measures and, for a size class, every project it holds
/// for (ids separated by semicolons).
#[test]
fn a_csv_carries_measures_and_several_projects() {
    use zq_core::load::{UserData, read_user_file};
    let Ok(UserData::Figures { figures, .. }) =
        read_user_file(&data("tests/data/good/figures.csv"), Default::default())
    else {
        panic!("the CSV holds figures");
    };
    let class = figures
        .iter()
        .find(|f| f.id == "four_100yi_projects_2021_level")
        .expect("the class figure");
    assert_eq!(class.measure.as_deref(), Some("single_project_investment"));
    assert_eq!(class.projects.len(), 4);
    let xpeng = figures
        .iter()
        .find(|f| f.id == "xpeng_may_2021_deliveries_yoy")
        .expect("XPeng's growth");
    assert_eq!(xpeng.scope, "company");
}

/// The README's CSV example is a file the program accepts.
#[test]
fn the_readmes_csv_example_is_accepted() {
    let readme = std::fs::read_to_string(data("README.md")).expect("README");
    let block = readme
        .split("```csv\n")
        .nth(1)
        .and_then(|rest| rest.split("```").next())
        .expect("a CSV example");
    let csv: String = block.lines().map(|l| format!("{}\n", l.trim())).collect();
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("example.csv");
    std::fs::write(&path, csv).expect("write");
    let output = validate(std::slice::from_ref(&path));
    assert_eq!(output.status.code(), Some(0), "{}", stdout(&output));
    assert!(stdout(&output).contains("figures, 2 figures"));
}

/// What a file holds is read from its content: good files under names that say otherwise
/// (figures as `.txt`, boundaries as `.csv`, figures JSON as `.geojson`, no extension at all)
/// get the same summary as under their own names.
#[test]
fn a_file_is_recognised_by_its_content_not_its_name() {
    let dir = tempfile::tempdir().unwrap();
    let cases = [
        ("tests/data/good/figures.csv", "x.txt", "figures, 4 figures"),
        (
            "tests/data/good/bom.geojson",
            "boundaries.csv",
            "boundaries, 1 region, 5 vertices",
        ),
        (
            "tests/data/good/figures.json",
            "z.geojson",
            "figures, 2 figures",
        ),
        (
            "tests/data/good/projects.geojson",
            "points",
            "projects, 1 point",
        ),
    ];
    for (original, name, summary) in cases {
        let path = dir.path().join(name);
        std::fs::copy(data(original), &path).unwrap();
        let output = validate(std::slice::from_ref(&path));
        let out = stdout(&output);
        assert_eq!(output.status.code(), Some(0), "{name}: {out}");
        assert_eq!(
            out.lines().next(),
            Some(format!("{}: {summary}", path.display()).as_str()),
            "{original} as {name}"
        );
    }
}

/// A figure's `quote` must occur in its article, hold `printed`, and `printed` must hold the
/// value: each break is refused on its own line naming the figure and the field.
#[test]
fn quote_printed_and_value_must_hold_one_another() {
    // The shipped figure, then three copies each broken in one way.
    let header = "id,value,unit,measure,printed,bound,kind,planned,each,scope,project,period,\
                  subject_zh,subject_en,article,quote,note,same_as\n";
    let row = |id: &str, value: &str, printed: &str, quote: &str| {
        format!(
            "{id},{value},万名,party_members,{printed},exact,count,false,false,city,,2021,\
             全市共产党员人数,Communist Party members in Zhaoqing,000_eee35276df1c187d,{quote},,\n"
        )
    };
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("figures.csv");
    let good = row("members", "17.8", "17.8万名", "肇庆市17.8万名共产党员");
    std::fs::write(&path, format!("{header}{good}")).unwrap();
    let output = validate(std::slice::from_ref(&path));
    assert_eq!(output.status.code(), Some(0), "{}", stdout(&output));

    let rows = [
        // The quote is not in the article (the article says 共产党员, not 党员).
        row("quote_elsewhere", "17.8", "17.8万名", "肇庆市17.8万名党员"),
        // The printed form is not in the quote.
        row(
            "printed_elsewhere",
            "17.9",
            "17.9万名",
            "肇庆市17.8万名共产党员",
        ),
        // The value is not in the printed form.
        row(
            "value_elsewhere",
            "18.7",
            "17.8万名",
            "肇庆市17.8万名共产党员",
        ),
    ];
    std::fs::write(&path, format!("{header}{}", rows.concat())).unwrap();
    let output = validate(std::slice::from_ref(&path));
    let out = stdout(&output);
    assert_eq!(output.status.code(), Some(1), "{out}");
    let file = path.display();
    let expected = [
        format!(
            "{file}: figure quote_elsewhere: source.quote: the quote does not occur in article \
             000_eee35276df1c187d"
        ),
        format!(
            r#"{file}: figure printed_elsewhere: printed: "17.9万名" does not occur in the quote"#
        ),
        format!(
            r#"{file}: figure value_elsewhere: value: 18.7 does not appear in the printed form "17.8万名""#
        ),
    ];
    assert_eq!(out.lines().collect::<Vec<_>>(), expected, "{out}");
}

/// A named pipe would block a reader until something writes to it: it is refused unopened, and
/// the files after it are still checked.
#[cfg(unix)]
#[test]
fn a_named_pipe_and_a_folder_are_refused_without_waiting() {
    let dir = tempfile::tempdir().unwrap();
    let pipe = dir.path().join("figures.csv");
    let made = Command::new("mkfifo").arg(&pipe).status().unwrap();
    assert!(made.success());
    let good = data("tests/data/good/bom.geojson");
    let folder = dir.path().to_owned();
    let (output, _) = validate_within(
        &[pipe.clone(), folder.clone(), good.clone()],
        Duration::from_secs(20),
    );
    let out = stdout(&output);
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(
        lines,
        [
            format!(
                "{}: this is not a regular file (a named pipe, a device or a socket), so it is not read (hint: save the data to a file and open that)",
                pipe.display()
            ),
            format!("{}: this is a folder, not a file", folder.display()),
            format!("{}: boundaries, 1 region, 5 vertices", good.display()),
        ]
    );
    assert_eq!(output.status.code(), Some(1));
}

#[test]
fn gcj02_data_is_converted_with_the_flag() {
    let path = data("tests/data/good/zhaoqing_gcj02.geojson");
    let output = Command::new(BIN)
        .args(["validate", "--gcj02"])
        .arg(&path)
        .output()
        .unwrap();
    assert_eq!(
        stdout(&output),
        format!(
            "{}: boundaries, 8 regions, 9007 vertices, converted from GCJ-02 to WGS-84\n",
            path.display()
        )
    );
    assert_eq!(output.status.code(), Some(0));
}

/// The README's third example: a zipped shapefile and a workbook under other names, and DataV
/// boundaries in GCJ-02, exactly as printed there.
#[test]
fn the_readmes_real_world_example_holds() {
    let dir = tempfile::tempdir().unwrap();
    for (from, to) in [
        ("bad/shapefile_zipped.geojson", "zhaoqing.zip"),
        ("bad/workbook.csv", "sheet.csv"),
        ("good/zhaoqing_gcj02.geojson", "zhaoqing_datav.json"),
    ] {
        std::fs::copy(data(&format!("tests/data/{from}")), dir.path().join(to)).unwrap();
    }
    let output = Command::new(BIN)
        .current_dir(dir.path())
        .args([
            "validate",
            "zhaoqing.zip",
            "sheet.csv",
            "zhaoqing_datav.json",
        ])
        .output()
        .unwrap();
    let readme = std::fs::read_to_string(data("README.md")).unwrap();
    let start = readme
        .find("$ zhaoqing-explorer validate zhaoqing.zip sheet.csv zhaoqing_datav.json\n")
        .expect("the example is in the README");
    let example: Vec<&str> = readme[start..]
        .lines()
        .skip(1)
        .take_while(|l| !l.starts_with("```"))
        .collect();
    assert_eq!(stdout(&output).lines().collect::<Vec<_>>(), example);
    assert_eq!(output.status.code(), Some(1));
}
