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
use pilgi_i18n::{t, Message};
use std::io::IsTerminal;

/// Arguments of `pilgi review`.
#[derive(clap::Args)]
pub struct Args {
    #[command(subcommand)]
    action: Option<Action>,
}

#[derive(clap::Subcommand)]
enum Action {
    Grade {
        id: String,
        #[arg(value_parser = |t: &str| t.parse::<Grade>().map_err(|e| e.to_string()))]
        grade: Grade,
    },
    Cards {
        id: String,
        #[arg(long, value_delimiter = ',')]
        add: Vec<usize>,
        #[arg(long, value_delimiter = ',')]
        remove: Vec<usize>,
    },
    Stats,
    Export {
        file: Option<std::path::PathBuf>,
    },
}

/// Runs the review subcommand.
pub fn run(args: Args, ctx: &Context) -> anyhow::Result<Outcome> {
    ctx.with_store(|store, library| act(args.action, store, library, ctx))
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
                .with_context(|| Message::new("review-cannot-grade").arg("id", &id))?;
            if out.json {
                out.json(&graded)?;
            } else {
                out.line(t!("review-next", id = &graded.id, when = when(&graded.due)));
            }
            Ok(Outcome::Found)
        }
        Some(Action::Stats) => {
            let stats = review::stats(store);
            if out.json {
                out.json(&stats)?;
            } else {
                for (day, d) in &stats.per_day {
                    let counts = t!("review-day", reviews = d.reviews, again = d.again);
                    out.line(format!("{day}  {counts}"));
                }
                let retention = stats
                    .retention
                    .map_or(t!("review-no-retention"), |r| format!("{:.0} %", r * 100.0));
                out.line(t!(
                    "review-stats",
                    reviews = stats.reviews,
                    retention = retention
                ));
            }
            Ok(if stats.reviews == 0 {
                Outcome::Nothing
            } else {
                Outcome::Found
            })
        }
        Some(Action::Cards { id, add, remove }) => cards(store, library, ctx, &id, &add, &remove),
        Some(Action::Export { file }) => {
            let tsv = review::anki_tsv(store, library.corpus());
            let rows = tsv.lines().filter(|l| !l.starts_with('#')).count();
            match file {
                Some(path) => {
                    pilgi_core::atomic::write_atomic(&path, tsv.as_bytes())?;
                    out.line(t!("review-exported", count = rows, file = &path));
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

/// Lists a section's offered cards, after making or deleting the ones
/// numbered (1-based, as listed).
fn cards(
    store: &mut Store,
    library: &Library,
    ctx: &Context,
    id: &str,
    add: &[usize],
    remove: &[usize],
) -> anyhow::Result<Outcome> {
    let corpus = library.corpus();
    let offers = review::cards::offers(store, corpus, id)
        .with_context(|| Message::new("review-cannot-list-cards").arg("id", id))?;
    let pick = |n: usize| {
        offers.get(n.wrapping_sub(1)).with_context(|| {
            Message::new("review-no-such-card")
                .arg("id", id)
                .arg("count", offers.len())
                .arg("card", n)
        })
    };
    for &n in add {
        review::cards::add(store, corpus, id, &pick(n)?.cloze)?;
    }
    for &n in remove {
        if let Some(card) = &pick(n)?.card {
            review::cards::remove(store, card)?;
        }
    }
    let offers = review::cards::offers(store, corpus, id)?;
    let out = &ctx.out;
    if out.json {
        out.json(&offers)?;
    } else if offers.is_empty() {
        out.line(t!("review-no-cards", id = id));
    } else {
        for (k, o) in offers.iter().enumerate() {
            let made = if o.card.is_some() { "✓" } else { " " };
            out.line(format!(
                "{made} {}. {}  → {}",
                k + 1,
                o.cloze.front,
                o.cloze.back
            ));
        }
    }
    Ok(if offers.is_empty() {
        Outcome::Nothing
    } else {
        Outcome::Found
    })
}

/// The exam date from the settings (a bad one is said and ignored).
fn exam(library: &Library, ctx: &Context) -> Option<chrono::NaiveDate> {
    Settings::load(&library.locations().config)
        .exam()
        .unwrap_or_else(|problem| {
            ctx.out.warn(problem);
            None
        })
}

/// A grade as the keys name it (`1 again` … `4 easy`).
fn grade_name(grade: Grade) -> String {
    match grade {
        Grade::Again => t!("review-grade-again"),
        Grade::Hard => t!("review-grade-hard"),
        Grade::Good => t!("review-grade-good"),
        Grade::Easy => t!("review-grade-easy"),
    }
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
        let due_today = t!("review-due-today", count = due.len());
        let due_later = t!("review-later", count = later.len());
        for (heading, items) in [(due_today, &due), (due_later, &later)] {
            if items.is_empty() {
                continue;
            }
            out.line(out.paint(Style::Dim, &heading));
            for i in items {
                let mut name = numbered(i.section.number, &i.section.title);
                if let Some(cloze) = &i.cloze {
                    name = format!("{} ({name})", cloze.front);
                }
                out.line(format!(
                    "  {}  {name}  {}",
                    when(&i.due),
                    out.paint(Style::Dim, &i.id)
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
        out.line(t!("review-nothing-due"));
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
            out.line(t!("review-memo", memo = &item.memo));
        }
        match &item.cloze {
            Some(cloze) => out.line(t!("review-card", front = &cloze.front)),
            None => {
                if let Some(prompt) = &item.prompt {
                    out.line(format!("> {prompt}"));
                }
            }
        }
        out.line(out.paint(Style::Dim, &t!("review-keys")));
        let grade = loop {
            match term
                .read_key()
                .context(Message::new("review-no-terminal"))?
            {
                Key::Char(' ') => {
                    if let Some(cloze) = &item.cloze {
                        let answer = t!("review-answer", back = &cloze.back);
                        out.line(out.paint(Style::Bold, &answer));
                    }
                    match corpus.section(item.section.id.as_str()) {
                        Some(section) => show::print(section, out),
                        None => out.warn(t!("review-section-gone")),
                    }
                }
                Key::Char(c @ '1'..='4') => break c.to_string().parse().ok(),
                Key::Char('q') | Key::Escape => break None,
                _ => {}
            }
        };
        let Some(grade) = grade else {
            break;
        };
        let done = review::grade(store, corpus, &item.id, grade, Utc::now(), exam)?;
        graded += 1;
        out.line(t!(
            "review-graded",
            grade = grade_name(grade),
            when = when(&done.due)
        ));
    }
    let left = review::due(store, corpus, Utc::now(), end_of_today()).len();
    out.line(t!("review-session-done", graded = graded, left = left));
    Ok(Outcome::Found)
}
