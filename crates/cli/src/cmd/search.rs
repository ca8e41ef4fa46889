//! `pilgi search QUERY`: the best sections for a query, Korean or English,
//! with highlighted snippets. Builds or refreshes the index first.

use super::Context;
use crate::output::Style;
use crate::Outcome;
use pilgi_core::index::SearchIndex;

/// Arguments of `pilgi search`.
#[derive(clap::Args)]
pub struct Args {
    /// What to look for: words in Korean or English, a command, a flag
    /// (`--dry-run`), 초성 (`ㅋㅌㅇㄴ`), even typed in the wrong layout.
    #[arg(required = true, allow_hyphen_values = true, value_name = "QUERY")]
    pub query: Vec<String>,
    /// At most this many results.
    #[arg(long, short = 'n', default_value_t = 10)]
    pub limit: usize,
}

/// Searches and prints the hits.
pub fn run(args: Args, ctx: &Context) -> anyhow::Result<Outcome> {
    let query = args.query.join(" ");
    if query.trim().is_empty() {
        anyhow::bail!(pilgi_core::Error::Invalid("the query is empty".into()));
    }
    let library = ctx.library()?;
    let index = SearchIndex::open(&library.locations().index)?;
    if let Some(notice) = index.notice() {
        ctx.out.warn(notice);
    }
    match index.sync(library.corpus()) {
        Ok(_) => {}
        Err(pilgi_core::Error::Busy) => ctx
            .out
            .warn("the index is being updated by another process; results may be stale"),
        Err(e) => return Err(e.into()),
    }
    let results = index.search(&query, args.limit)?;
    let out = &ctx.out;
    if out.json {
        out.json(&results)?;
    } else {
        if let Some(reading) = results.interpretations.first() {
            out.line(out.paint(Style::Dim, &format!("showing results for {reading}")));
        }
        for hit in &results.hits {
            let number = hit.number.map_or(String::new(), |n| format!("{n}. "));
            out.line(format!(
                "{}  {}",
                out.paint(Style::Bold, &format!("{number}{}", hit.title)),
                out.paint(Style::Dim, &hit.id)
            ));
            for line in hit.snippet.lines() {
                out.line(format!("    {}", out.marked(line)));
            }
        }
    }
    Ok(if results.hits.is_empty() {
        Outcome::Nothing
    } else {
        Outcome::Found
    })
}
