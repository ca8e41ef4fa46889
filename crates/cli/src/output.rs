//! Printing: JSON or aligned, colored text (colors only on a terminal and
//! never when NO_COLOR is set).

use pilgi_core::index::snippet::Span;
use pilgi_i18n::{Lang, Message};
use serde::Serialize;
use std::io::IsTerminal;

/// How results are printed.
pub struct Out {
    /// `--json` was given.
    pub json: bool,
    color: bool,
}

/// ANSI styles used by the human output.
#[derive(Clone, Copy)]
pub enum Style {
    /// Section numbers, times.
    Dim,
    /// Titles.
    Bold,
    /// Search matches.
    Mark,
    /// Commands.
    Code,
    /// Problems.
    Warn,
}

impl Out {
    /// Decides on colors from the environment.
    pub fn new(json: bool) -> Out {
        let color = std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
            && std::io::stdout().is_terminal();
        Out { json, color }
    }

    /// Prints a value as pretty JSON.
    pub fn json<T: Serialize>(&self, value: &T) -> anyhow::Result<()> {
        self.line(serde_json::to_string_pretty(value)?);
        Ok(())
    }

    /// Prints one line on stdout. A closed pipe (`pilgi … | head`) ends the
    /// program quietly instead of panicking.
    pub fn line(&self, text: impl std::fmt::Display) {
        use std::io::Write;
        if let Err(e) = writeln!(std::io::stdout().lock(), "{text}") {
            if e.kind() == std::io::ErrorKind::BrokenPipe {
                std::process::exit(0);
            }
        }
    }

    /// Wraps text in a style, when colors are on.
    pub fn paint(&self, style: Style, text: &str) -> String {
        if !self.color {
            return text.to_owned();
        }
        let code = match style {
            Style::Dim => "2",
            Style::Bold => "1",
            Style::Mark => "1;33",
            Style::Code => "36",
            Style::Warn => "33",
        };
        format!("\x1b[{code}m{text}\x1b[0m")
    }

    /// A line of a snippet with its matched words highlighted.
    pub fn marked(&self, spans: &[Span]) -> String {
        let paint = |s: &Span| match s.marked {
            true => self.paint(Style::Mark, &s.text),
            false => s.text.clone(),
        };
        spans.iter().map(paint).collect()
    }

    /// A one-line error on stderr (JSON on stdout with `--json`, said in
    /// English whatever the language, so a script reads the same words).
    pub fn error(&self, e: &anyhow::Error) {
        if self.json {
            let core = e.downcast_ref::<pilgi_core::Error>();
            let kind = core.map_or("error", pilgi_core::Error::kind);
            let message = match (e.downcast_ref::<Message>(), core) {
                (Some(message), _) => message.say(Lang::En),
                (None, Some(core)) => core.message().say(Lang::En),
                (None, None) => e.to_string(),
            };
            let _ = self.json(&serde_json::json!({"error": {"kind": kind, "message": message}}));
        }
        eprintln!("pilgi: {e:#}");
    }

    /// A warning line on stderr.
    pub fn warn(&self, text: impl std::fmt::Display) {
        eprintln!("{}", self.paint(Style::Warn, &format!("pilgi: {text}")));
    }
}

/// Pads `text` to `width` display columns (Hangul and other East Asian
/// wide characters take two: Unicode's own width table, from
/// `unicode-width`).
pub fn pad(text: &str, width: usize) -> String {
    let w = unicode_width::UnicodeWidthStr::width(text);
    format!("{text}{}", " ".repeat(width.saturating_sub(w)))
}
