//! `pilgi`: the terminal companion of the Pilgi notes app.
//!
//! Thin glue over `pilgi-core`: parse arguments, call the library, print.
//! Exit codes: 0 ok, 1 nothing found, 2 usage or input error.

mod args;
mod cmd;
mod help;
mod output;
mod progress;
#[cfg(unix)]
mod truncated_index;

use clap::{CommandFactory, FromArgMatches, Parser, Subcommand};
use output::Out;
use std::path::PathBuf;
use std::process::ExitCode;

/// The command line. Its `--help` texts are in the catalogs (`help.rs`).
#[derive(Parser)]
#[command(name = "pilgi", version)]
struct Cli {
    #[arg(long, global = true, value_name = "DIR")]
    notes: Option<PathBuf>,
    #[arg(long, global = true)]
    json: bool,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    Timeline(cmd::timeline::Args),
    Show(cmd::show::Args),
    Render(cmd::render::Args),
    Search(cmd::search::Args),
    Index(cmd::index::Args),
    Bookmark(cmd::bookmark::Args),
    Commands(cmd::commands::Args),
    Review(cmd::review::Args),
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
    let config = pilgi_core::paths::config_dir();
    pilgi_i18n::set(pilgi_core::Settings::load(&config).interface_language());
    #[cfg(unix)]
    truncated_index::exit_cleanly_on_sigbus();
    let args = args::hoist_options::<Cli>(std::env::args_os().collect());
    let parsed = help::localized(Cli::command())
        .try_get_matches_from(args)
        .and_then(|matches| Cli::from_arg_matches(&matches));
    let cli = match parsed {
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
