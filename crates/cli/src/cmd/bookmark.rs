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
use std::path::PathBuf;

/// Arguments of `pilgi bookmark`.
#[derive(clap::Args)]
pub struct Args {
    #[command(subcommand)]
    action: Action,
}

#[derive(clap::Subcommand)]
enum Action {
    /// Bookmark a section; on a bookmarked one, change its label and memo.
    /// The verbs are the app's and the core's (save, remove, list); the
    /// short ones stay as aliases.
    #[command(visible_alias = "add")]
    Save {
        /// Section id, e.g. `cka-course-notes#44` (see `pilgi timeline`).
        id: String,
        /// confusing (default), review, exam-tip, or a word of your own.
        #[arg(long, short)]
        label: Option<String>,
        /// A memo, in any language.
        #[arg(long, short, value_name = "TEXT", alias = "note", short_alias = 'n')]
        memo: Option<String>,
    },
    /// Remove a section's bookmark (also an orphaned one, by its old id).
    #[command(visible_alias = "rm")]
    Remove {
        /// Section id.
        id: String,
    },
    /// List bookmarks in course order, orphaned ones last.
    #[command(visible_alias = "ls")]
    List {
        /// Only bookmarks with this label.
        #[arg(long, short)]
        label: Option<String>,
    },
    /// Sections whose notes say you struggled (헷갈, 몰랐, ??, TODO, …).
    Suggest,
    /// Stop suggesting a section (until a new confusion line appears in it).
    Dismiss {
        /// Section id.
        id: String,
    },
    /// Write all bookmarks to a JSON file.
    Export {
        /// The file to write.
        file: PathBuf,
    },
    /// Merge bookmarks from a JSON file (an export or a bookmarks.json).
    Import {
        /// The file to read.
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
                .with_context(|| format!("cannot bookmark {id} (see `pilgi timeline` for ids)"))?;
            if out.json {
                out.json(&done)?;
            } else {
                let verb = if done.created {
                    "bookmarked"
                } else {
                    "updated"
                };
                out.line(format!("{verb} {}", describe(ctx, &done.bookmark)));
            }
            Ok(Outcome::Found)
        }
        Action::Remove { id } => match store.remove(corpus, &id)? {
            Some(removed) => {
                if out.json {
                    out.json(&serde_json::json!({ "removed": removed }))?;
                } else {
                    out.line(format!("removed the bookmark of {id}"));
                }
                Ok(Outcome::Found)
            }
            None => {
                if out.json {
                    out.json(&serde_json::json!({ "removed": null }))?;
                }
                out.warn(&format!("{id} is not bookmarked"));
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
                out.line(format!("dismissed the suggestion for {id}: {}", s.line));
            }
            Ok(Outcome::Found)
        }
        Action::Export { file } => {
            let n = store.export(&file)?;
            if out.json {
                out.json(&serde_json::json!({ "exported": n, "file": file }))?;
            } else {
                out.line(format!("exported {n} bookmarks to {}", file.display()));
            }
            Ok(Outcome::Found)
        }
        Action::Import { file } => {
            let report = store.import(corpus, &file)?;
            if out.json {
                out.json(&report)?;
            } else {
                out.line(format!(
                    "imported from {}: {} new, {} updated, {} unchanged",
                    file.display(),
                    report.added,
                    report.updated,
                    report.unchanged
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
        out.warn(&format!("could not save re-anchored bookmarks: {e}"));
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
            out.line(out.paint(
                Style::Dim,
                "accept: pilgi bookmark save ID    dismiss: pilgi bookmark dismiss ID",
            ));
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
                out.paint(Style::Warn, &format!("  (moved from {})", l.id))
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
            out.paint(
                Style::Warn,
                &format!("(orphaned: no longer in {})", l.anchor.file)
            )
        ),
    }
}
