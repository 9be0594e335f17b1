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
