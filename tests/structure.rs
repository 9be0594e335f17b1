//! The workspace's structure holds by test, not by care: the core crate cannot reach egui, the
//! rasterizer reaches only epaint, and inside each crate the top-level modules use each other
//! one way (no cycle).

// A test stops where the program is not in the state it checks.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::process::Command;

/// The GUI stack: none of it may be anywhere in the core's dependency tree.
const GUI_CRATES: &[&str] = &[
    "egui",
    "eframe",
    "epaint",
    "emath",
    "ecolor",
    "egui_plot",
    "egui_extras",
    "egui-wgpu",
    "egui-winit",
    "egui_glow",
    "winit",
    "wgpu",
    "rfd",
];

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The names of every package `package` depends on, directly or not, of every kind (normal,
/// build, dev), for this platform: `cargo tree`, which needs no network.
fn dependency_tree(package: &str) -> BTreeSet<String> {
    let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
    let out = Command::new(cargo)
        .args([
            "tree",
            "-p",
            package,
            "--prefix",
            "none",
            "-e",
            "normal,build,dev",
        ])
        .args(["--offline", "--locked"])
        .current_dir(root())
        .output()
        .expect("cargo tree runs");
    assert!(
        out.status.success(),
        "cargo tree: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .filter_map(|line| line.split_whitespace().next())
        .filter(|name| *name != package)
        .map(str::to_owned)
        .collect()
}

#[test]
fn the_core_crate_cannot_see_egui() {
    let tree = dependency_tree("zq-core");
    let gui: Vec<&String> = tree
        .iter()
        .filter(|name| GUI_CRATES.contains(&name.as_str()))
        .collect();
    assert!(gui.is_empty(), "zq-core depends on {gui:?}");
    // The check would see them: the application does depend on egui.
    assert!(dependency_tree("zhaoqing-explorer").contains("egui"));
}

#[test]
fn the_rasterizer_depends_on_epaint_not_egui() {
    let tree = dependency_tree("egui-cpu-raster");
    assert!(tree.contains("epaint"));
    for name in ["egui", "eframe", "egui-wgpu", "wgpu", "zq-core"] {
        assert!(!tree.contains(name), "egui-cpu-raster depends on {name}");
    }
}

#[test]
fn the_map_crate_depends_on_the_core_not_the_app() {
    let tree = dependency_tree("zq-map");
    assert!(tree.contains("zq-core") && tree.contains("egui"));
    for name in ["zhaoqing-explorer", "eframe", "egui_plot"] {
        assert!(!tree.contains(name), "zq-map depends on {name}");
    }
}

/// Every `.rs` file under `dir`.
fn rust_files(dir: &Path) -> Vec<PathBuf> {
    let mut files = Vec::new();
    for entry in std::fs::read_dir(dir).expect("read_dir") {
        let path = entry.expect("entry").path();
        if path.is_dir() {
            files.extend(rust_files(&path));
        } else if path.extension().is_some_and(|e| e == "rs") {
            files.push(path);
        }
    }
    files
}

/// The top-level module a file of a crate belongs to (`load` for `src/load/sniff.rs`), or `None`
/// for the crate root.
fn top_module(src: &Path, file: &Path) -> Option<String> {
    let relative = file.strip_prefix(src).expect("under src");
    let first = relative
        .components()
        .next()?
        .as_os_str()
        .to_str()?
        .to_owned();
    let name = first.strip_suffix(".rs").unwrap_or(&first).to_owned();
    (!matches!(name.as_str(), "lib" | "main")).then_some(name)
}

/// Which top-level modules each top-level module uses: `crate::x` paths, and `super::x` from a
/// file directly under the crate root. Test code (after `#[cfg(test)]`) is left out.
fn module_uses(src: &Path) -> BTreeMap<String, BTreeSet<String>> {
    let tops: BTreeSet<String> = rust_files(src)
        .iter()
        .filter_map(|f| top_module(src, f))
        .collect();
    let mut uses: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for file in rust_files(src) {
        let Some(from) = top_module(src, &file) else {
            continue;
        };
        let text = std::fs::read_to_string(&file).expect("read");
        let code = text.split("#[cfg(test)]").next().unwrap_or("");
        let at_top = file.parent() == Some(src);
        let mut targets = BTreeSet::new();
        for (prefix, applies) in [("crate::", true), ("super::", at_top)] {
            if !applies {
                continue;
            }
            for (i, _) in code.match_indices(prefix) {
                let rest = &code[i + prefix.len()..];
                let mut names = Vec::new();
                if let Some(group) = rest.strip_prefix('{') {
                    // `crate::{a, b::c}`: each name in the group.
                    let group = group.split('}').next().unwrap_or("");
                    names.extend(
                        group
                            .split(',')
                            .map(|n| n.trim().split("::").next().unwrap_or("")),
                    );
                } else {
                    names.push(
                        rest.split(|c: char| !(c.is_alphanumeric() || c == '_'))
                            .next()
                            .unwrap_or(""),
                    );
                }
                targets.extend(
                    names
                        .into_iter()
                        .filter(|n| tops.contains(*n))
                        .map(str::to_owned),
                );
            }
        }
        targets.remove(&from);
        uses.entry(from).or_default().extend(targets);
    }
    uses
}

/// A cycle among the modules, as the list of modules round it, if there is one.
fn find_cycle(uses: &BTreeMap<String, BTreeSet<String>>) -> Option<Vec<String>> {
    fn visit(
        node: &str,
        uses: &BTreeMap<String, BTreeSet<String>>,
        path: &mut Vec<String>,
        done: &mut BTreeSet<String>,
    ) -> Option<Vec<String>> {
        if let Some(start) = path.iter().position(|n| n == node) {
            let mut cycle = path[start..].to_vec();
            cycle.push(node.to_owned());
            return Some(cycle);
        }
        if done.contains(node) {
            return None;
        }
        path.push(node.to_owned());
        for next in uses.get(node).into_iter().flatten() {
            if let Some(cycle) = visit(next, uses, path, done) {
                return Some(cycle);
            }
        }
        path.pop();
        done.insert(node.to_owned());
        None
    }
    let mut done = BTreeSet::new();
    uses.keys()
        .find_map(|start| visit(start, uses, &mut Vec::new(), &mut done))
}

#[test]
fn the_modules_of_each_crate_use_each_other_one_way() {
    for src in [
        "src",
        "crates/zq_core/src",
        "crates/zq_map/src",
        "crates/egui_cpu_raster/src",
    ] {
        let uses = module_uses(&root().join(src));
        assert_eq!(
            find_cycle(&uses),
            None,
            "a cycle among the modules of {src}: {uses:#?}"
        );
    }
}

#[test]
fn the_cycle_check_finds_a_cycle() {
    let uses = BTreeMap::from([
        ("ui".to_owned(), BTreeSet::from(["export".to_owned()])),
        ("export".to_owned(), BTreeSet::from(["ui".to_owned()])),
    ]);
    assert_eq!(
        find_cycle(&uses),
        Some(vec![
            "export".to_owned(),
            "ui".to_owned(),
            "export".to_owned()
        ])
    );
    // The application's own graph has the arrows the check must follow.
    let app = module_uses(&root().join("src"));
    assert!(
        app["app"].contains("ui") && app["export"].contains("ui"),
        "{app:#?}"
    );
}

/// Non-test code of every crate, file by file, but the string catalogue itself.
fn program_sources() -> Vec<(PathBuf, String)> {
    [
        "src",
        "crates/zq_core/src",
        "crates/zq_map/src",
        "crates/egui_cpu_raster/src",
    ]
    .iter()
    .flat_map(|dir| rust_files(&root().join(dir)))
    .filter(|f| !f.ends_with("i18n.rs"))
    .map(|f| {
        let text = std::fs::read_to_string(&f).expect("read");
        let code = text.split("#[cfg(test)]").next().unwrap_or("").to_owned();
        (f, code)
    })
    .collect()
}

#[test]
fn the_programs_words_come_from_the_catalogue() {
    // `lang.pick` is for names the data gives in both languages; a literal pair, or a format
    // per language, belongs in `zq_core::i18n`'s catalogue, where a test holds it to both.
    let squeezed = |code: &str| code.split_whitespace().collect::<String>();
    for (file, code) in program_sources() {
        let code = squeezed(&code);
        for pattern in [
            ".pick(\"",
            "Lang::Zh=>\"",
            "Lang::Zh=>format!(",
            "Lang::En=>\"",
        ] {
            assert!(
                !code.contains(pattern),
                "{} has {pattern:?}: put the words in the catalogue (zq_core::i18n::Msg)",
                file.display()
            );
        }
    }
}

#[test]
fn every_map_layer_is_in_the_list() {
    // A layer is a file with a `MapLayer`; forgetting its line in `LAYERS` would leave it
    // undrawn with no error.
    let layers: Vec<String> = rust_files(&root().join("crates/zq_map/src"))
        .iter()
        .flat_map(|f| {
            let text = std::fs::read_to_string(f).expect("read");
            text.lines()
                .filter_map(|l| l.trim().strip_prefix("impl MapLayer for "))
                .map(|rest| rest.trim_end_matches(" {").to_owned())
                .collect::<Vec<_>>()
        })
        .collect();
    assert_eq!(layers.len(), zq_map::LAYERS.len(), "{layers:?}");
    let lib = std::fs::read_to_string(root().join("crates/zq_map/src/lib.rs")).expect("read");
    let list = lib
        .split("pub const LAYERS")
        .nth(1)
        .expect("the list")
        .split("];")
        .next();
    for layer in &layers {
        assert!(
            list.is_some_and(|l| l.contains(&format!("&{layer},"))),
            "{layer} is not in LAYERS"
        );
    }
}
