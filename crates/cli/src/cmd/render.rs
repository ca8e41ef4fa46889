//! `pilgi render FILE [--html]`: a whole note file, rendered.
//!
//! With `--html`, the sanitized HTML the app shows (all sections, each with
//! its header), for piping into a file or a browser; style it with
//! `ui/css/note.css`. Without it, a terminal rendering: section headers in
//! bold, summaries marked `│`, commands highlighted, comments dim, every
//! other line as written. `--json` prints `{"file", "html"}`.
//! The file may be anywhere (it is the user's own CLI); it is read like any
//! note, through the core's decoding and parser.

use super::Context;
use crate::output::Style;
use crate::Outcome;
use anyhow::Context as _;
use pilgi_core::note::numbered;
use pilgi_core::note::{decode, parse, Rejected};
use pilgi_core::render::{render_note, RenderOptions};
use pilgi_core::shell::detect;
use pilgi_core::{format_duration, Note};
use pilgi_i18n::{t, Message};
use std::path::{Path, PathBuf};

/// Arguments of `pilgi render`.
#[derive(clap::Args)]
pub struct Args {
    pub file: PathBuf,
    #[arg(long)]
    pub html: bool,
    #[arg(long)]
    pub markdown: bool,
}

/// Renders the file to stdout.
pub fn run(args: Args, ctx: &Context) -> anyhow::Result<Outcome> {
    let bytes = std::fs::read(&args.file)
        .with_context(|| Message::new("render-cannot-read").arg("file", &args.file))?;
    let decoded = decode(&bytes).map_err(|r| match r {
        Rejected::Binary => Message::new("render-binary").arg("file", &args.file),
    })?;
    for w in &decoded.warnings {
        let file = args.file.display().to_string();
        ctx.out
            .warn(t!("cli-note-warning", file = file, warning = w));
    }
    let note = parse(&note_name(&args.file, ctx), &decoded.text);
    let opts = RenderOptions {
        mark: Vec::new(),
        markdown_headings: args.markdown,
        // A file rendered on its own: links to other notes are not followed.
        links: None,
    };
    let out = &ctx.out;
    if out.json {
        let html = render_note(&note, &opts);
        out.json(&serde_json::json!({ "file": note.file, "html": html }))?;
    } else if args.html {
        out.line(render_note(&note, &opts).trim_end());
    } else {
        terminal(&note, ctx);
    }
    Ok(Outcome::Found)
}

/// The name the note is known by: its path inside the notes folder (so
/// section ids match the app's and `pilgi show`'s), else its file name.
fn note_name(file: &Path, ctx: &Context) -> String {
    let notes = ctx.locations().notes;
    let inside = match (file.canonicalize(), notes.canonicalize()) {
        (Ok(f), Ok(n)) => f
            .strip_prefix(&n)
            .ok()
            .map(|rel| rel.to_string_lossy().replace('\\', "/")),
        _ => None,
    };
    inside
        .or_else(|| file.file_name().map(|n| n.to_string_lossy().into_owned()))
        .unwrap_or_else(|| file.to_string_lossy().into_owned())
}

/// The terminal rendering: the note's lines, with the dialect's kinds of
/// line painted the way the HTML styles them.
fn terminal(note: &Note, ctx: &Context) {
    let out = &ctx.out;
    let body = |text: &str| {
        for line in text.lines() {
            let t = line.trim_start();
            if let Some(d) = detect(line) {
                // Paint the command where it sits, so the line reads as written.
                let (cmd, _) = d.parts();
                let at = (cmd.as_ptr() as usize).saturating_sub(line.as_ptr() as usize);
                let end = (at + cmd.len()).min(line.len());
                match (line.get(..at), line.get(end..)) {
                    (Some(before), Some(after)) => out.line(format!(
                        "{}{}{}",
                        out.paint(Style::Dim, before),
                        out.paint(Style::Code, cmd),
                        out.paint(Style::Dim, after)
                    )),
                    _ => out.line(out.paint(Style::Code, line)),
                }
            } else if let Some(summary) = t.strip_prefix('>') {
                out.line(format!("│ {}", out.paint(Style::Bold, summary.trim())));
            } else if t.starts_with('#') {
                out.line(out.paint(Style::Dim, line));
            } else {
                out.line(line);
            }
        }
    };
    if !note.preamble.trim().is_empty() {
        body(&note.preamble);
    }
    for s in &note.sections {
        let duration = s
            .duration_seconds
            .map_or(String::new(), |d| format_duration(d.into()));
        out.line("");
        out.line(format!(
            "{}  {}",
            out.paint(Style::Bold, &numbered(s.number, &s.title)),
            out.paint(Style::Dim, &duration)
        ));
        body(&s.body);
    }
}
