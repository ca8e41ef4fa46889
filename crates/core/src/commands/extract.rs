//! The commands index (issue 7's commands view): every command in the
//! notes with where it is and what the note said just before it.

use super::detect::detect;
use crate::corpus::Corpus;
use crate::note::{Section, SectionId};
use serde::{Deserialize, Serialize};

/// One command written in a note.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Command {
    /// The command as it would be pasted into a shell: no `$ `, no bullet or
    /// label, no trailing `# comment`. Lines continued with `\` are joined
    /// with their continuation lines (newlines kept).
    pub command: String,
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

/// The commands of one section.
pub fn extract_section(section: &Section) -> Vec<Command> {
    let lines: Vec<&str> = section.body.lines().collect();
    let mut out = Vec::new();
    let mut context = "";
    let mut i = 0;
    while i < lines.len() {
        let line = lines[i];
        let Some(found) = detect(line) else {
            if !line.trim().is_empty() {
                context = line.trim();
            }
            i += 1;
            continue;
        };
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
            command,
            comment: comment.map(str::to_owned),
            label: found.label.map(str::to_owned),
            tool: found.tool,
            context: context.to_owned(),
            section: section.id.clone(),
            file: section.file.clone(),
            line: section.line_start + 1 + start,
            prompt: found.prompt,
        });
        context = line.trim();
        i += 1;
    }
    out
}

#[cfg(test)]
mod tests;
