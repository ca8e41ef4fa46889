//! `pilgi`: the terminal companion of the Pilgi notes app.
//!
//! Thin glue over `pilgi-core`: parse arguments, call the library, print.
//! Exit codes: 0 ok, 1 nothing found, 2 usage or input error.

mod args;
mod cmd;
mod output;
mod progress;
#[cfg(unix)]
mod truncated_index;

use clap::{Parser, Subcommand};
use output::Out;
use std::path::PathBuf;
use std::process::ExitCode;

/// Read, search and bookmark bilingual study notes.
#[derive(Parser)]
#[command(name = "pilgi", version, about)]
struct Cli {
    /// Notes folder (default: $PILGI_NOTES, then the config file, then the bundled notes).
    #[arg(long, global = true, value_name = "DIR")]
    notes: Option<PathBuf>,
    /// Print JSON instead of text.
    #[arg(long, global = true)]
    json: bool,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// The course as a timeline: sections, durations, start times.
    Timeline(cmd::timeline::Args),
    /// Show one section by id.
    Show(cmd::show::Args),
    /// Render a whole note file (HTML with --html).
    Render(cmd::render::Args),
    /// Search the notes (Korean, English, 초성, wrong keyboard layout).
    Search(cmd::search::Args),
    /// Build or refresh the search index.
    Index(cmd::index::Args),
    /// Bookmarks: add, rm, ls, suggest, dismiss, export, import.
    Bookmark(cmd::bookmark::Args),
    /// Shell commands in the notes, best match first.
    Commands(cmd::commands::Args),
    /// Review confusing topics until they stick (spaced repetition).
    Review(cmd::review::Args),
    /// Show or hide the desktop app's quick-lookup window (bind `pilgi-app --lookup` to a key).
    Lookup(cmd::lookup::Args),
}

/// What a subcommand reports besides its output.
pub enum Outcome {
    /// Something was found or done.
    Found,
    /// The command worked but found nothing (exit code 1).
    Nothing,
}

fn main() -> ExitCode {
    #[cfg(unix)]
    truncated_index::exit_cleanly_on_sigbus();
    let args = args::hoist_options::<Cli>(std::env::args_os().collect());
    let cli = match Cli::try_parse_from(args) {
        Ok(cli) => cli,
        Err(e) => {
            let code = if e.use_stderr() { 2 } else { 0 };
            let _ = e.print();
            return ExitCode::from(code);
        }
    };
    let out = Out::new(cli.json);
    let ctx = cmd::Context {
        notes: cli.notes,
        bar: std::cell::RefCell::new(progress::Bar::new(out.json)),
        out,
    };
    let result = match cli.command {
        Command::Timeline(a) => cmd::timeline::run(a, &ctx),
        Command::Show(a) => cmd::show::run(a, &ctx),
        Command::Render(a) => cmd::render::run(a, &ctx),
        Command::Search(a) => cmd::search::run(a, &ctx),
        Command::Index(a) => cmd::index::run(a, &ctx),
        Command::Bookmark(a) => cmd::bookmark::run(a, &ctx),
        Command::Commands(a) => cmd::commands::run(a, &ctx),
        Command::Review(a) => cmd::review::run(a, &ctx),
        Command::Lookup(a) => cmd::lookup::run(a, &ctx),
    };
    match result {
        Ok(Outcome::Found) => ExitCode::SUCCESS,
        Ok(Outcome::Nothing) => ExitCode::from(1),
        Err(e) => {
            ctx.out.error(&e);
            ExitCode::from(2)
        }
    }
}
