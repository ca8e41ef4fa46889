//! `pilgi review`: the review queue in the terminal, as in the app's
//! Review view: the prompt (heading, memo, first summary line), Space shows
//! the section, 1–4 grade Again / Hard / Good / Easy, q stops. Without a
//! terminal (or with `--json`) it lists what is due, for scripts;
//! `review grade ID GRADE` grades one item, `review stats` sums up the log,
//! `review export` writes the items for Anki.

use super::{show, Context};
use crate::output::Style;
use crate::Outcome;
use anyhow::Context as _;
use chrono::{Local, Utc};
use console::{Key, Term};
use pilgi_core::bookmarks::model::Grade;
use pilgi_core::bookmarks::Store;
use pilgi_core::note::numbered;
use pilgi_core::review::{self, end_of_today, schedule, Item};
use pilgi_core::{Library, Settings};
use std::io::IsTerminal;

/// Arguments of `pilgi review`.
#[derive(clap::Args)]
pub struct Args {
    #[command(subcommand)]
    action: Option<Action>,
}

#[derive(clap::Subcommand)]
enum Action {
    /// Grade one review item: again, hard, good, easy (or 1–4).
    Grade {
        /// Section id of a bookmark labelled confusing or review.
        id: String,
        /// again, hard, good or easy (1–4).
        #[arg(value_parser = parse_grade)]
        grade: Grade,
    },
    /// Reviews per day and retention.
    Stats,
    /// The review items as a TSV file Anki imports as it is (front, back,
    /// tags); on stdout without a file.
    Export {
        /// Where to write it.
        file: Option<std::path::PathBuf>,
    },
}

fn parse_grade(text: &str) -> Result<Grade, String> {
    Ok(match text.to_lowercase().as_str() {
        "1" | "again" => Grade::Again,
        "2" | "hard" => Grade::Hard,
        "3" | "good" => Grade::Good,
        "4" | "easy" => Grade::Easy,
        _ => return Err("one of again, hard, good, easy (or 1–4)".into()),
    })
}

/// Runs the review subcommand.
pub fn run(args: Args, ctx: &Context) -> anyhow::Result<Outcome> {
    let library = ctx.library()?;
    let mut store = ctx.store(&library)?;
    let result = act(args.action, &mut store, &library, ctx);
    ctx.report_recoveries(&store);
    result
}

fn act(
    action: Option<Action>,
    store: &mut Store,
    library: &Library,
    ctx: &Context,
) -> anyhow::Result<Outcome> {
    let out = &ctx.out;
    let exam = exam(library, ctx);
    match action {
        Some(Action::Grade { id, grade }) => {
            let graded = review::grade(store, library.corpus(), &id, grade, Utc::now(), exam)
                .with_context(|| format!("cannot grade {id} (see `pilgi review` for the items)"))?;
            if out.json {
                out.json(&graded)?;
            } else {
                out.line(format!(
                    "{}: next {}",
                    graded.id.as_str(),
                    when(&graded.due)
                ));
            }
            Ok(Outcome::Found)
        }
        Some(Action::Stats) => {
            let stats = review::stats(store);
            if out.json {
                out.json(&stats)?;
            } else {
                for (day, d) in &stats.per_day {
                    out.line(format!(
                        "{day}  {:>4} reviews  {:>4} again",
                        d.reviews, d.again
                    ));
                }
                let retention = stats
                    .retention
                    .map_or("no learnt item graded yet".into(), |r| {
                        format!("{:.0} %", r * 100.0)
                    });
                out.line(format!("{} reviews; retention {retention}", stats.reviews));
            }
            Ok(if stats.reviews == 0 {
                Outcome::Nothing
            } else {
                Outcome::Found
            })
        }
        Some(Action::Export { file }) => {
            let tsv = review::anki_tsv(store, library.corpus());
            let rows = tsv.lines().filter(|l| !l.starts_with('#')).count();
            match file {
                Some(path) => {
                    pilgi_core::atomic::write_atomic(&path, tsv.as_bytes())?;
                    out.line(format!("wrote {rows} cards to {}", path.display()));
                }
                None => out.line(tsv.trim_end()),
            }
            Ok(if rows == 0 {
                Outcome::Nothing
            } else {
                Outcome::Found
            })
        }
        None if out.json
            || !(std::io::stdin().is_terminal() && std::io::stdout().is_terminal()) =>
        {
            list(store, library, ctx)
        }
        None => session(store, library, ctx, exam),
    }
}

/// The exam date from the settings (a bad one is said and ignored).
fn exam(library: &Library, ctx: &Context) -> Option<chrono::NaiveDate> {
    Settings::load(&library.locations().config)
        .exam()
        .unwrap_or_else(|problem| {
            ctx.out.warn(&problem);
            None
        })
}

/// A due time in local time, as people read it.
fn when(due: &str) -> String {
    schedule::parse(due).map_or_else(
        || due.to_owned(),
        |t| t.with_timezone(&Local).format("%Y-%m-%d %H:%M").to_string(),
    )
}

/// Every review item: due today first, then later ones with their times.
fn list(store: &Store, library: &Library, ctx: &Context) -> anyhow::Result<Outcome> {
    let out = &ctx.out;
    let until = end_of_today();
    let (due, later): (Vec<Item>, Vec<Item>) = review::items(store, library.corpus(), Utc::now())
        .into_iter()
        .partition(|i| i.is_due_by(until));
    if out.json {
        out.json(&serde_json::json!({ "due": due, "later": later }))?;
    } else {
        for (heading, items) in [("due today", &due), ("later", &later)] {
            if items.is_empty() {
                continue;
            }
            out.line(out.paint(Style::Dim, &format!("{heading} ({})", items.len())));
            for i in items {
                let name = numbered(i.section.number, &i.section.title);
                out.line(format!(
                    "  {}  {name}  {}",
                    when(&i.due),
                    out.paint(Style::Dim, i.section.id.as_str())
                ));
            }
        }
    }
    Ok(if due.is_empty() {
        Outcome::Nothing
    } else {
        Outcome::Found
    })
}

/// One item at a time, keys as in the app.
fn session(
    store: &mut Store,
    library: &Library,
    ctx: &Context,
    exam: Option<chrono::NaiveDate>,
) -> anyhow::Result<Outcome> {
    let out = &ctx.out;
    let term = Term::stdout();
    let corpus = library.corpus();
    let due = review::due(store, corpus, Utc::now(), end_of_today());
    if due.is_empty() {
        out.line("Nothing to review today. Bookmark a section as confusing or review to add it.");
        return Ok(Outcome::Nothing);
    }
    let mut graded = 0;
    for (k, item) in due.iter().enumerate() {
        out.line(out.paint(Style::Dim, &format!("── {}/{} ──", k + 1, due.len())));
        out.line(out.paint(
            Style::Bold,
            &numbered(item.section.number, &item.section.title),
        ));
        if !item.memo.is_empty() {
            out.line(format!("memo: {}", item.memo));
        }
        if let Some(prompt) = &item.prompt {
            out.line(format!("> {prompt}"));
        }
        out.line(out.paint(
            Style::Dim,
            "Space show · 1 again · 2 hard · 3 good · 4 easy · q stop",
        ));
        let grade = loop {
            match term
                .read_key()
                .context("cannot read a key from the terminal")?
            {
                Key::Char(' ') => match corpus.section(item.section.id.as_str()) {
                    Some(section) => show::print(section, out),
                    None => out.warn("the section is gone from the notes"),
                },
                Key::Char(c @ '1'..='4') => break parse_grade(&c.to_string()).ok(),
                Key::Char('q') | Key::Escape => break None,
                _ => {}
            }
        };
        let Some(grade) = grade else {
            break;
        };
        let done = review::grade(
            store,
            corpus,
            item.section.id.as_str(),
            grade,
            Utc::now(),
            exam,
        )?;
        graded += 1;
        out.line(format!("{grade:?} · next {}", when(&done.due)).to_lowercase());
    }
    let left = review::due(store, corpus, Utc::now(), end_of_today()).len();
    out.line(format!("{graded} graded; {left} still due today"));
    Ok(Outcome::Found)
}
