//! For a Windows target: the executable's icon, version information (Chinese and English) and
//! manifest, from `packaging/windows/zhaoqing-explorer.rc.in`, compiled by mingw's windres
//! through embed-resource. For any other target it does nothing.

use std::path::Path;

fn main() {
    println!("cargo::rerun-if-changed=packaging/windows");
    println!("cargo::rerun-if-changed=assets/icons/zhaoqing-explorer.ico");
    if std::env::var("CARGO_CFG_TARGET_OS").as_deref() != Ok("windows") {
        return;
    }
    if let Err(err) = windows_resources() {
        println!("cargo::error=the Windows resources could not be built: {err}");
    }
}

fn windows_resources() -> Result<(), String> {
    let var = |name: &str| std::env::var(name).map_err(|err| format!("{name}: {err}"));
    let root = var("CARGO_MANIFEST_DIR")?;
    let out_dir = var("OUT_DIR")?;
    let template_path = Path::new(&root).join("packaging/windows/zhaoqing-explorer.rc.in");
    let template = std::fs::read_to_string(&template_path)
        .map_err(|err| format!("{}: {err}", template_path.display()))?;
    // windres reads paths with forward slashes on every host.
    let path = |relative: &str| {
        Path::new(&root)
            .join(relative)
            .display()
            .to_string()
            .replace('\\', "/")
    };
    let version_commas = format!(
        "{},{},{},0",
        var("CARGO_PKG_VERSION_MAJOR")?,
        var("CARGO_PKG_VERSION_MINOR")?,
        var("CARGO_PKG_VERSION_PATCH")?
    );
    let rc = template
        .replace("@ICON@", &path("assets/icons/zhaoqing-explorer.ico"))
        .replace(
            "@MANIFEST@",
            &path("packaging/windows/zhaoqing-explorer.exe.manifest"),
        )
        .replace("@VERSION_COMMAS@", &version_commas)
        .replace("@VERSION@", &var("CARGO_PKG_VERSION")?)
        .replace("@DESCRIPTION@", &var("CARGO_PKG_DESCRIPTION")?);
    let rc_path = Path::new(&out_dir).join("zhaoqing-explorer.rc");
    std::fs::write(&rc_path, rc).map_err(|err| format!("{}: {err}", rc_path.display()))?;
    embed_resource::compile(&rc_path, embed_resource::NONE)
        .manifest_required()
        .map_err(|err| err.to_string())
}
