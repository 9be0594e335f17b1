//! docs/CLAIMS.md names, for every feature sentence of the README, the test that holds it true;
//! a renamed or deleted test must not leave a promise pointing at nothing.

// A test stops where the program is not in the state it checks.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::path::Path;

#[test]
fn every_test_that_claims_md_names_exists_where_it_says() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let claims = std::fs::read_to_string(root.join("docs/CLAIMS.md")).unwrap();
    let mut named = 0;
    for cite in claims.split('`').skip(1).step_by(2) {
        // `tests/FILE.rs::name`, `src/PATH.rs::tests::name` or `crates/CRATE/src/PATH.rs::tests::name`
        let Some((file, path)) = cite.split_once(".rs::") else {
            continue;
        };
        if !(file.starts_with("tests/") || file.starts_with("src/") || file.starts_with("crates/"))
        {
            continue;
        }
        let name = path.rsplit("::").next().unwrap();
        let source = std::fs::read_to_string(root.join(format!("{file}.rs")))
            .unwrap_or_else(|e| panic!("{file}.rs, named in CLAIMS.md: {e}"));
        assert!(
            source.contains(&format!("fn {name}(")),
            "CLAIMS.md names {cite}, which is not a function in {file}.rs"
        );
        named += 1;
    }
    assert!(named > 100, "only {named} tests named");
}
