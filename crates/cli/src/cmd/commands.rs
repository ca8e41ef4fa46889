//! `pilgi commands [QUERY]`: the shell commands written in the notes, best
//! match first, for pasting into a lab terminal (issue 7).
//!
//! Stdout holds only commands, one per line, so `pilgi commands taint |
//! head -1 | sh` and `$(pilgi commands …)` work; where a command comes from
//! is in `--json`. Matching is [`pilgi_core::shell::search`]: the same
//! reading of the query as `pilgi search`.

use super::Context;
use crate::Outcome;
use pilgi_core::shell::CommandHit;
use pilgi_i18n::t;
use serde_json::json;
use std::io::Write;
use std::process::{Command, Stdio};

/// Arguments of `pilgi commands`.
#[derive(clap::Args)]
pub struct Args {
    #[arg(allow_hyphen_values = true, value_name = "QUERY")]
    pub query: Vec<String>,
    #[arg(long, short = 'n', value_parser = clap::value_parser!(u64).range(1..))]
    pub limit: Option<u64>,
    #[arg(long)]
    pub copy: bool,
}

/// Finds and prints the commands.
pub fn run(args: Args, ctx: &Context) -> anyhow::Result<Outcome> {
    let query = args.query.join(" ");
    let limit = match args.limit {
        Some(n) => usize::try_from(n).unwrap_or(usize::MAX),
        None if query.trim().is_empty() => usize::MAX,
        None => 10,
    };
    let library = ctx.library()?;
    let hits = library.search_commands(&query, limit);
    let out = &ctx.out;
    if out.json {
        let list: Vec<_> = hits.iter().map(to_json).collect();
        out.json(&json!({ "commands": list }))?;
    } else {
        for hit in &hits {
            out.line(&hit.command.text);
        }
    }
    if args.copy {
        if let Some(first) = hits.first() {
            if let Err(why) = copy(&first.command.text) {
                out.warn(t!("commands-no-clipboard", why = why));
            }
        }
    }
    Ok(if hits.is_empty() {
        Outcome::Nothing
    } else {
        Outcome::Found
    })
}

fn to_json(hit: &CommandHit) -> serde_json::Value {
    let c = &hit.command;
    json!({
        "command": c.text,
        "tool": c.tool,
        "section": hit.section,
        "context": c.context,
        "comment": c.comment,
        "label": c.label,
        "file": c.file,
        "line": c.line,
        "score": hit.score,
        "uses": hit.uses,
        "places": hit.places.iter().map(|p| json!({
            "section": p.section,
            "file": p.section.file,
            "line": p.line,
            "context": p.context,
        })).collect::<Vec<_>>(),
    })
}

/// Puts `text` on the clipboard with the first tool that works. Child
/// processes instead of a clipboard crate: the desktop already has one of
/// these, and a crate would pull in X11/Wayland bindings for one feature.
/// Their stdout/stderr are discarded: `xclip` and `wl-copy` stay behind to
/// serve the selection, and must not hold our pipes open.
fn copy(text: &str) -> Result<(), String> {
    let tools: [(&str, &[&str]); 3] = [
        ("wl-copy", &[]),
        ("xclip", &["-selection", "clipboard"]),
        ("xsel", &["--clipboard", "--input"]),
    ];
    let mut tried = Vec::new();
    for (tool, args) in tools {
        match run_copy(tool, args, text) {
            Ok(()) => return Ok(()),
            Err(e) => tried.push(format!("{tool}: {e}")),
        }
    }
    Err(tried.join("; "))
}

fn run_copy(tool: &str, args: &[&str], text: &str) -> Result<(), String> {
    let mut child = Command::new(tool)
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .map_err(|e| match e.kind() {
            std::io::ErrorKind::NotFound => t!("commands-tool-missing"),
            _ => e.to_string(),
        })?;
    if let Some(mut stdin) = child.stdin.take() {
        stdin
            .write_all(text.as_bytes())
            .map_err(|e| e.to_string())?;
    }
    let status = child.wait().map_err(|e| e.to_string())?;
    if status.success() {
        Ok(())
    } else {
        Err(t!("commands-tool-failed", status = status.to_string()))
    }
}
