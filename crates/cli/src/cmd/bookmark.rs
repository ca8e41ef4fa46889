//! `pilgi bookmark save|remove|list|suggest|dismiss|export|import` (`add`,
//! `rm`, `ls` as aliases): the user's
//! bookmarks, stored by pilgi-core in the data dir the app reads too.

use super::Context;
use crate::output::{pad, Out, Style};
use crate::Outcome;
use anyhow::Context as _;
use pilgi_core::bookmarks::{Edit, Label, Listed, Status, Store};
use pilgi_core::note::numbered;
use pilgi_core::{Corpus, Library};
use pilgi_i18n::{t, Message};
use std::path::PathBuf;

/// Arguments of `pilgi bookmark`.
#[derive(clap::Args)]
pub struct Args {
    #[command(subcommand)]
    action: Action,
}

#[derive(clap::Subcommand)]
enum Action {
    #[command(visible_alias = "add")]
    Save {
        id: String,
        #[arg(long, short)]
        label: Option<String>,
        #[arg(long, short, value_name = "TEXT", alias = "note", short_alias = 'n')]
        memo: Option<String>,
    },
    #[command(visible_alias = "rm")]
    Remove {
        id: String,
    },
    #[command(visible_alias = "ls")]
    List {
        #[arg(long, short)]
        label: Option<String>,
    },
    Suggest,
    Dismiss {
        id: String,
    },
    Export {
        file: PathBuf,
    },
    Import {
        file: PathBuf,
    },
}

/// Runs the bookmark subcommand.
pub fn run(args: Args, ctx: &Context) -> anyhow::Result<Outcome> {
    ctx.with_store(|store, library| act(args.action, store, library, ctx))
}

fn act(
    action: Action,
    store: &mut Store,
    library: &Library,
    ctx: &Context,
) -> anyhow::Result<Outcome> {
    let corpus = library.corpus();
    let out = &ctx.out;
    match action {
        Action::Save { id, label, memo } => {
            let label = label.as_deref().map(Label::parse).transpose()?;
            let done = store
                .save(corpus, &id, Edit { label, memo })
                .with_context(|| Message::new("bookmark-cannot-save").arg("id", &id))?;
            if out.json {
                out.json(&done)?;
            } else {
                let said = describe(ctx, &done.bookmark);
                out.line(match done.created {
                    true => t!("bookmark-saved", bookmark = said),
                    false => t!("bookmark-updated", bookmark = said),
                });
            }
            Ok(Outcome::Found)
        }
        Action::Remove { id } => match store.remove(corpus, &id)? {
            Some(removed) => {
                if out.json {
                    out.json(&serde_json::json!({ "removed": removed }))?;
                } else {
                    out.line(t!("bookmark-removed", id = &id));
                }
                Ok(Outcome::Found)
            }
            None => {
                if out.json {
                    out.json(&serde_json::json!({ "removed": null }))?;
                }
                out.warn(t!("bookmark-not-bookmarked", id = &id));
                Ok(Outcome::Nothing)
            }
        },
        Action::List { label } => list(label.as_deref(), store, corpus, ctx),
        Action::Suggest => suggest(store, corpus, out),
        Action::Dismiss { id } => {
            let s = store.dismiss(corpus, &id)?;
            if out.json {
                out.json(&serde_json::json!({ "dismissed": s }))?;
            } else {
                out.line(t!("bookmark-dismissed", id = &id, line = &s.line));
            }
            Ok(Outcome::Found)
        }
        Action::Export { file } => {
            let n = store.export(&file)?;
            if out.json {
                out.json(&serde_json::json!({ "exported": n, "file": file }))?;
            } else {
                out.line(t!("bookmark-exported", count = n, file = &file));
            }
            Ok(Outcome::Found)
        }
        Action::Import { file } => {
            let report = store.import(corpus, &file)?;
            if out.json {
                out.json(&report)?;
            } else {
                out.line(t!(
                    "bookmark-imported",
                    file = &file,
                    added = report.added,
                    updated = report.updated,
                    unchanged = report.unchanged,
                ));
            }
            Ok(Outcome::Found)
        }
    }
}

/// `pilgi bookmark list [--label L]`: the bookmarks (re-anchored), aligned
/// by label, memos under them.
fn list(
    label: Option<&str>,
    store: &mut Store,
    corpus: &Corpus,
    ctx: &Context,
) -> anyhow::Result<Outcome> {
    let out = &ctx.out;
    let label = label.map(Label::parse).transpose()?;
    let listed: Vec<Listed> = store
        .list(corpus)
        .into_iter()
        .filter(|l| label.as_ref().is_none_or(|want| &l.label == want))
        .collect();
    if out.json {
        out.json(&serde_json::json!({ "bookmarks": listed }))?;
    } else {
        let width = listed
            .iter()
            .map(|l| l.label.as_str().len())
            .max()
            .unwrap_or(0);
        for l in &listed {
            let label = out.paint(Style::Mark, &pad(l.label.as_str(), width));
            out.line(format!("{label}  {}", describe(ctx, l)));
            if !l.memo.is_empty() {
                out.line(format!(
                    "{}  {}",
                    " ".repeat(width),
                    l.memo.replace('\n', " / ")
                ));
            }
        }
    }
    // Moves were shown once; save them so anchors stay fresh.
    if let Err(e) = store.reanchor(corpus) {
        out.warn(t!("bookmark-reanchor-failed", error = e.to_string()));
    }
    Ok(found(!listed.is_empty()))
}

/// `pilgi bookmark suggest`: sections whose lines say they were confusing.
fn suggest(store: &Store, corpus: &Corpus, out: &Out) -> anyhow::Result<Outcome> {
    let suggestions = store.suggest(corpus);
    if out.json {
        out.json(&serde_json::json!({ "suggestions": suggestions }))?;
    } else {
        for s in &suggestions {
            out.line(format!(
                "{}  {}",
                out.paint(Style::Dim, s.section.id.as_str()),
                out.paint(Style::Bold, &numbered(s.section.number, &s.section.title))
            ));
            out.line(format!("    {}: {}", s.line_number, s.line));
        }
        if !suggestions.is_empty() {
            out.line(out.paint(Style::Dim, &t!("bookmark-suggest-hint")));
        }
    }
    Ok(found(!suggestions.is_empty()))
}

fn found(any: bool) -> Outcome {
    if any {
        Outcome::Found
    } else {
        Outcome::Nothing
    }
}

/// `cka#44  44. Title`, with where it moved from or that it is orphaned.
fn describe(ctx: &Context, l: &Listed) -> String {
    let out = &ctx.out;
    match (&l.section, l.status) {
        (Some(s), status) => {
            let moved = if status == Status::Moved {
                let moved = t!("bookmark-moved-from", id = l.id.as_str());
                out.paint(Style::Warn, &format!("  {moved}"))
            } else {
                String::new()
            };
            format!(
                "{}  {}{moved}",
                out.paint(Style::Dim, s.id.as_str()),
                out.paint(Style::Bold, &numbered(s.number, &s.title))
            )
        }
        (None, _) => format!(
            "{}  {}  {}",
            out.paint(Style::Dim, l.id.as_str()),
            l.anchor.title,
            out.paint(Style::Warn, &t!("bookmark-orphaned", file = &l.anchor.file))
        ),
    }
}
