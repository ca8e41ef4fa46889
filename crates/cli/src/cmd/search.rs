//! `pilgi search QUERY`: the best sections for a query, Korean or English,
//! with highlighted snippets. Builds or refreshes the index first when the
//! folder changed; an unchanged folder is only `stat`ed, never read (see
//! [`pilgi_core::library::quick_search`]).

use super::Context;
use crate::output::Style;
use crate::Outcome;
use anyhow::Context as _;
use pilgi_core::note::numbered;
use pilgi_i18n::{t, Message};

/// Arguments of `pilgi search`.
#[derive(clap::Args)]
pub struct Args {
    #[arg(required = true, allow_hyphen_values = true, value_name = "QUERY")]
    pub query: Vec<String>,
    #[arg(long, short = 'n', default_value_t = 10)]
    pub limit: usize,
}

/// Searches and prints the hits.
pub fn run(args: Args, ctx: &Context) -> anyhow::Result<Outcome> {
    let query = args.query.join(" ");
    if query.trim().is_empty() {
        anyhow::bail!(pilgi_core::Error::Invalid(t!("search-empty-query")));
    }
    let locations = ctx.locations();
    let searched = pilgi_core::library::quick_search_reporting(
        &locations,
        &query,
        args.limit,
        &mut ctx.progress(),
    );
    ctx.bar.borrow_mut().clear();
    let found = match searched {
        Err(e @ pilgi_core::Error::NotFound(_)) => Err(e)
            .with_context(|| Message::new("cli-cannot-open-notes").arg("dir", &locations.notes))?,
        other => other?,
    };
    let warnings = found.warnings.iter().map(|(f, w)| (f.as_str(), w));
    ctx.report_unread(&found.skipped, warnings);
    if let Some(notice) = &found.notice {
        ctx.out.warn(notice);
    }
    let results = found.results;
    if let Some(p) = results.partial {
        ctx.out.warn(t!(
            "search-partial",
            sections = p.sections_indexed,
            sections_total = p.sections_total,
            files = p.files_indexed,
            files_total = p.files_total,
        ));
    } else if found.busy {
        ctx.out.warn(t!("search-busy"));
    }
    let out = &ctx.out;
    if out.json {
        out.json(&results)?;
    } else {
        // Printed at once: one write instead of one per line.
        let mut lines = Vec::new();
        if let Some(reading) = results.interpretations.first() {
            lines.push(out.paint(Style::Dim, &t!("search-reading", reading = reading)));
        }
        for hit in &results.hits {
            let s = &hit.section;
            // The headings above it, so a hit reads `디플로이먼트 › 롤백`.
            let path: String = s.path.iter().map(|h| format!("{h} › ")).collect();
            lines.push(format!(
                "{}{}  {}",
                out.paint(Style::Dim, &path),
                out.paint(Style::Bold, &numbered(s.number, &s.title)),
                out.paint(Style::Dim, s.id.as_str())
            ));
            for line in hit.snippet.lines() {
                lines.push(format!("    {}", out.marked(&line)));
            }
        }
        if !lines.is_empty() {
            out.line(lines.join("\n"));
        }
    }
    Ok(if results.hits.is_empty() {
        Outcome::Nothing
    } else {
        Outcome::Found
    })
}
