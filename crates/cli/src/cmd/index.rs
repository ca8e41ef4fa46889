//! `pilgi index`: build or refresh the search index of the notes folder.

use super::Context;
use crate::output::Style;
use crate::Outcome;

/// Arguments of `pilgi index`.
#[derive(clap::Args)]
pub struct Args {}

/// Syncs the index and prints what changed.
pub fn run(_args: Args, ctx: &Context) -> anyhow::Result<Outcome> {
    // Skipped files and note warnings (lossy decoding, `decoded as EUC-KR
    // (CP949)`) are printed on stderr by `ctx.library()`.
    let library = ctx.library()?;
    let built = library.build_index(&mut ctx.progress());
    ctx.bar.borrow_mut().clear();
    let (index, report) = built?;
    let out = &ctx.out;
    if out.json {
        // The same warnings as data, so a script can tell which notes were
        // read in a legacy encoding or lossily without scraping stderr.
        let warnings: Vec<_> = library
            .corpus()
            .warnings()
            .map(|(file, message)| serde_json::json!({ "file": file, "message": message }))
            .collect();
        out.json(&serde_json::json!({
            "index": library.locations().index,
            "report": report,
            "total_sections": index.num_sections(),
            "skipped": library.corpus().skipped,
            "warnings": warnings,
        }))?;
    } else {
        if let Some(notice) = &report.rebuilt {
            out.warn(notice);
        }
        out.line(format!(
            "{} added, {} updated, {} removed, {} unchanged files; {} sections written in {} ms",
            report.added,
            report.updated,
            report.removed,
            report.unchanged,
            report.sections,
            report.millis
        ));
        out.line(out.paint(
            Style::Dim,
            &format!(
                "{} sections in {}",
                index.num_sections(),
                library.locations().index.display()
            ),
        ));
    }
    Ok(Outcome::Found)
}
