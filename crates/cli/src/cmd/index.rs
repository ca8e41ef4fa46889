//! `pilgi index`: build or refresh the search index of the notes folder.

use super::Context;
use crate::output::Style;
use crate::Outcome;
use pilgi_i18n::{t, Lang};

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
            .map(|(file, message)| {
                serde_json::json!({ "file": file, "id": message.id, "message": message.say(Lang::En) })
            })
            .collect();
        out.json(&serde_json::json!({
            "index": library.locations().index,
            "report": report,
            "total_sections": index.num_sections(),
            "skipped": library.corpus().skipped.iter().map(|s| serde_json::json!({
                "file": s.file, "id": s.reason.id, "reason": s.reason.say(Lang::En),
            })).collect::<Vec<_>>(),
            "warnings": warnings,
        }))?;
    } else {
        if let Some(notice) = &report.rebuilt {
            out.warn(notice);
        }
        out.line(t!(
            "index-report",
            added = report.added,
            updated = report.updated,
            removed = report.removed,
            unchanged = report.unchanged,
            sections = report.sections,
            millis = report.millis,
        ));
        let total = t!(
            "index-total",
            sections = index.num_sections(),
            index = &library.locations().index,
        );
        out.line(out.paint(Style::Dim, &total));
    }
    Ok(Outcome::Found)
}
