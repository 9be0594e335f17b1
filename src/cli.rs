//! The headless commands: what `zhaoqing-explorer <command>` does without opening a window.

use std::io::Write;

use crate::charts::CHARTS;

/// `charts`: one line per chart: id, Chinese title, English title, tab-separated.
pub fn list_charts(out: &mut impl Write) -> std::io::Result<()> {
    for def in CHARTS {
        writeln!(out, "{}\t{}\t{}", def.id, def.title.zh, def.title.en)?;
    }
    Ok(())
}

/// `export`: what to write and where, as the command line gave it.
#[derive(Clone, Debug)]
pub struct ExportArgs {
    pub chart: Option<String>,
    pub map: bool,
    pub all: bool,
    pub report: bool,
    pub county: Option<String>,
    pub scale: u32,
    pub lang: crate::i18n::Lang,
    pub out: Option<std::path::PathBuf>,
    pub dir: Option<std::path::PathBuf>,
}

/// Runs an export with the embedded data; returns the lines to print on success.
pub fn export(args: &ExportArgs) -> Result<Vec<String>, String> {
    use crate::export::{self, Format, MapExtent, Request, Subject};

    let model = crate::Model::embedded().map_err(|problems| {
        problems
            .iter()
            .map(ToString::to_string)
            .collect::<Vec<_>>()
            .join("\n")
    })?;
    let mut request = Request {
        subject: Subject::Report,
        county: args.county.clone(),
        project: None,
        scale: args.scale,
        lang: args.lang,
        format: Format::Png,
        layers: crate::ui::map::LayerSettings::default(),
    };
    if args.all {
        let dir = args.dir.as_deref().ok_or("--all needs --dir DIR")?;
        if !dir.is_dir() {
            return Err(format!("{}: no such folder", dir.display()));
        }
        let written = export::export_all(&model, &request, dir).map_err(|e| e.to_string())?;
        return Ok(written
            .iter()
            .map(|p| format!("wrote {}", p.display()))
            .collect());
    }
    request.subject = match (&args.chart, args.map, args.report) {
        (Some(id), false, false) => Subject::Chart { id: id.clone() },
        (None, true, false) => Subject::Map {
            extent: MapExtent::WholeCity,
        },
        (None, false, true) => Subject::Report,
        _ => return Err("give exactly one of --chart ID, --map or --all".to_owned()),
    };
    let out = args
        .out
        .as_deref()
        .ok_or("--out FILE is needed (FILE.png or FILE.svg)")?;
    request.format = Format::of_path(out)
        .ok_or_else(|| format!("{}: the file name must end in .png or .svg", out.display()))?;
    export::export_to(&model, &request, out).map_err(|e| e.to_string())?;
    Ok(vec![format!("wrote {}", out.display())])
}
