//! The commands index (issue 7's commands view): every command in the
//! notes with where it is and what the note said just before it.

use super::detect::{detect, detect_shell, CodeLang};
use crate::corpus::Corpus;
use crate::note::plain::{code_blocks, markdown_text};
use crate::note::{Format, Section, SectionId};
use serde::{Deserialize, Serialize};
use std::borrow::Cow;

/// One command written in a note.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Command {
    /// The command as it would be pasted into a shell: no `$ `, no bullet or
    /// label, no trailing `# comment`. Lines continued with `\` are joined
    /// with their continuation lines (newlines kept).
    pub text: String,
    /// The trailing `# comment`, when the line had one.
    pub comment: Option<String>,
    /// Text before the command on its line (`정답:`), when there was some.
    pub label: Option<String>,
    /// The tool, canonical (`k` is `kubectl`); may be empty for odd `$ ` lines.
    pub tool: String,
    /// The nearest non-blank line before the command in its section (empty
    /// when the command opens the section): usually what the command is for.
    pub context: String,
    /// The section the command is in.
    pub section: SectionId,
    /// The note file, relative to the notes folder.
    pub file: String,
    /// 1-based line number in the file.
    pub line: usize,
    /// Whether the note wrote it with a `$ ` prompt.
    pub prompt: bool,
}

/// Every command of every section, in course order. Preambles are not
/// included: their lines belong to no section a command could point at.
pub fn extract(corpus: &Corpus) -> Vec<Command> {
    corpus.sections().flat_map(extract_section).collect()
}

/// The commands of one section. In a course section any line can be one
/// (see [`detect`]); in a Markdown section, the lines of shell code blocks
/// (`sh`, `bash`, `shell`, `zsh`, `console`; an untagged block's lines that
/// look like commands) and `$ ` lines of prose.
pub fn extract_section(section: &Section) -> Vec<Command> {
    let lines: Vec<&str> = section.body.lines().collect();
    let finders: Vec<Finder> = match section.format {
        Format::Course => vec![Finder::Any; lines.len()],
        Format::Markdown => markdown_finders(&section.body, lines.len()),
    };
    let mut out = Vec::new();
    let mut context = Cow::Borrowed("");
    // Markdown prose lines since `context` was set: their plain text is
    // taken only when a command follows (per line it was a parser run on
    // every line of prose, a large part of indexing a Markdown vault).
    let mut prose: Vec<&str> = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        let line = lines[i];
        let found = match finders[i] {
            Finder::Any => detect(line),
            Finder::Prompt => line
                .trim()
                .starts_with("$ ")
                .then(|| detect(line))
                .flatten(),
            Finder::Shell { session } => detect_shell(line, session),
            Finder::Code => None,
        };
        let Some(found) = found else {
            // What a command is for is said in prose, not in code, and
            // without its markup.
            match finders[i] {
                Finder::Any if !line.trim().is_empty() => {
                    context = Cow::Borrowed(line.trim());
                    prose.clear();
                }
                Finder::Prompt if !line.trim().is_empty() => prose.push(line),
                _ => {}
            }
            i += 1;
            continue;
        };
        // The newest prose line with text, if any came after `context`.
        if let Some(text) = prose
            .drain(..)
            .rev()
            .map(markdown_text)
            .find(|t| !t.trim().is_empty())
        {
            context = Cow::Owned(text.trim().to_owned());
        }
        let (first, comment) = found.parts();
        let mut command = first.to_owned();
        let start = i;
        // `cmd \` continues on the next line, as in a shell.
        while command.ends_with('\\') && i + 1 < lines.len() && !lines[i + 1].trim().is_empty() {
            i += 1;
            command.push('\n');
            command.push_str(lines[i].trim_end());
        }
        out.push(Command {
            text: command,
            comment: comment.map(str::to_owned),
            label: found.label.map(str::to_owned),
            tool: found.tool,
            context: context.to_string(),
            section: section.id.clone(),
            file: section.file.clone(),
            line: section.body_first_line() + start,
            prompt: found.prompt,
        });
        context = Cow::Borrowed(line.trim());
        i += 1;
    }
    out
}

/// How a line of a section can hold a command.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Finder {
    /// Course notes: any line, judged by its shape.
    Any,
    /// Markdown prose: only a `$ ` line.
    Prompt,
    /// A shell code block's line.
    Shell { session: bool },
    /// Code in another language: never.
    Code,
}

fn markdown_finders(body: &str, lines: usize) -> Vec<Finder> {
    let mut finders = vec![Finder::Prompt; lines];
    for block in code_blocks(body) {
        let finder = match CodeLang::of(&block.lang) {
            CodeLang::Shell { session } => Finder::Shell { session },
            CodeLang::Untagged => Finder::Any,
            CodeLang::Other => Finder::Code,
        };
        let n = block.code.lines().count();
        for f in finders.iter_mut().skip(block.first_line).take(n) {
            *f = finder;
        }
        if block.fenced {
            for fence in [block.first_line.checked_sub(1), Some(block.first_line + n)] {
                if let Some(f) = fence.and_then(|at| finders.get_mut(at)) {
                    *f = Finder::Code;
                }
            }
        }
    }
    finders
}

#[cfg(test)]
mod tests;
