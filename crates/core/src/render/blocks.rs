//! The note dialect's block structure, line by line.
//!
//! Notes are line-oriented: a line is a summary, a comment, a command, a
//! list item, a term, a YAML block or prose, and it stays its own line.
//! CommonMark's block rules would fold lines together (lazy continuation),
//! turn `# comment` into a heading, `[x]: y` into an invisible link
//! definition and indented lines into code, so block structure is decided
//! here and pulldown-cmark only parses what is inside a line (see
//! `inline.rs`).

use super::yaml;
use crate::shell::{detect, Detected};

/// A command found on a line, ready to render.
#[derive(Debug, Clone, PartialEq)]
pub struct Cmd<'a> {
    /// Text before the command (`정답:`).
    pub label: Option<&'a str>,
    /// The command without comment; continuation lines joined with `\n`.
    pub text: String,
    /// The trailing `# comment`.
    pub comment: Option<&'a str>,
    /// Canonical tool, for `data-tool`.
    pub tool: String,
    /// Whether the note wrote a `$ ` prompt.
    pub prompt: bool,
}

/// What a prose-level line holds.
#[derive(Debug, Clone, PartialEq)]
pub enum Line<'a> {
    /// Ordinary text (inline markdown).
    Text(&'a str),
    /// `[term] : definition`.
    Term(&'a str, &'a str),
    /// A shell command.
    Command(Cmd<'a>),
}

/// One block of a note.
#[derive(Debug, Clone, PartialEq)]
pub enum Block<'a> {
    /// An empty line: ends paragraphs and lists.
    Blank,
    /// `---`, `***`, `___`.
    Rule,
    /// `# Title` in markdown files (level 1–6).
    Heading(usize, &'a str),
    /// `> text`: the section's summary.
    Summary(&'a str),
    /// `# text` / `#text` in notes: the marker and the text after it.
    Comment(&'a str, &'a str),
    /// Lines of an indented YAML block or `apiVersion:`/`kind:` run.
    Yaml(Vec<&'a str>),
    /// A manifest flattened onto one line.
    FlatYaml(&'a str),
    /// A fenced code block: info string and lines.
    Fence(&'a str, Vec<&'a str>),
    /// A list item: indentation, `Some(n)` for `n.` items, its content.
    Item(usize, Option<u64>, Line<'a>),
    /// A line outside lists.
    Para(Line<'a>),
}

/// Splits a note's text into blocks. `headings` makes `# Title` lines
/// headings (markdown files) instead of comments.
pub fn blocks(text: &str, headings: bool) -> Vec<Block<'_>> {
    let lines: Vec<&str> = text.lines().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        let line = lines[i];
        let t = line.trim();
        i += 1;
        if t.is_empty() {
            out.push(Block::Blank);
        } else if let Some(fence) = fence_marker(t) {
            let info = t[fence.len()..].trim();
            let start = i;
            while i < lines.len() && !lines[i].trim_start().starts_with(fence) {
                i += 1;
            }
            out.push(Block::Fence(info, lines[start..i].to_vec()));
            i = (i + 1).min(lines.len());
        } else if let Some(b) = heading(t).filter(|_| headings) {
            out.push(b);
        } else if t.starts_with('#') {
            let rest = t.trim_start_matches('#');
            out.push(Block::Comment(&t[..t.len() - rest.len()], rest.trim()));
        } else if let Some(rest) = t.strip_prefix('>') {
            out.push(Block::Summary(rest.trim()));
        } else if is_rule(t) {
            out.push(Block::Rule);
        } else if yaml::is_flat(t) {
            out.push(Block::FlatYaml(t));
        } else if let Some(n) = yaml::block_len(&lines[i - 1..]) {
            out.push(Block::Yaml(lines[i - 1..i - 1 + n].to_vec()));
            i += n - 1;
        } else if let Some((ordered, content)) = list_marker(t) {
            let indent = line.len() - line.trim_start().len();
            out.push(Block::Item(indent, ordered, classify(content, &[])));
        } else {
            let line = classify(t, &lines[i..]);
            if let Line::Command(c) = &line {
                // Continuation lines were folded into the command.
                i += c.text.matches('\n').count();
            }
            out.push(Block::Para(line));
        }
    }
    out
}

/// Command, term or text; `rest` are the following lines, for commands
/// continued with a trailing `\`.
fn classify<'a>(t: &'a str, rest: &[&'a str]) -> Line<'a> {
    if let Some(d) = detect(t) {
        return Line::Command(command(d, rest));
    }
    if let Some((term, def)) = term(t) {
        return Line::Term(term, def);
    }
    Line::Text(t)
}

fn command<'a>(d: Detected<'a>, rest: &[&'a str]) -> Cmd<'a> {
    let (first, comment) = d.parts();
    let mut text = first.to_owned();
    for next in rest {
        if !text.ends_with('\\') || next.trim().is_empty() {
            break;
        }
        text.push('\n');
        text.push_str(next.trim_end());
    }
    Cmd {
        label: d.label,
        text,
        comment,
        tool: d.tool,
        prompt: d.prompt,
    }
}

/// ```` ``` ```` or `~~~` (three or more) opening a fence.
fn fence_marker(t: &str) -> Option<&'static str> {
    if t.starts_with("```") {
        Some("```")
    } else if t.starts_with("~~~") {
        Some("~~~")
    } else {
        None
    }
}

fn heading(t: &str) -> Option<Block<'_>> {
    let rest = t.trim_start_matches('#');
    let level = t.len() - rest.len();
    ((1..=6).contains(&level) && (rest.is_empty() || rest.starts_with(' ')))
        .then(|| Block::Heading(level, rest.trim()))
}

fn is_rule(t: &str) -> bool {
    let marks: Vec<char> = t.chars().filter(|c| !c.is_whitespace()).collect();
    marks.len() >= 3 && ['-', '*', '_'].iter().any(|m| marks.iter().all(|c| c == m))
}

/// `- x`, `* x`, `+ x` (bullet) or `12. x`, `3) x` (numbered).
fn list_marker(t: &str) -> Option<(Option<u64>, &str)> {
    for bullet in ["- ", "* ", "+ "] {
        if let Some(rest) = t.strip_prefix(bullet) {
            return Some((None, rest.trim()));
        }
    }
    if matches!(t, "-" | "*" | "+") {
        return Some((None, ""));
    }
    let digits = t.len() - t.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    if !(1..=9).contains(&digits) {
        return None;
    }
    let rest = &t[digits..];
    let content = rest
        .strip_prefix(". ")
        .or_else(|| rest.strip_prefix(") "))?;
    Some((t[..digits].parse().ok(), content.trim()))
}

/// `[term] : definition` (also `[term]: definition`).
fn term(t: &str) -> Option<(&str, &str)> {
    let inner = t.strip_prefix('[')?;
    let close = inner.find(']')?;
    let name = inner[..close].trim();
    let def = inner[close + 1..].trim_start().strip_prefix(':')?;
    (!name.is_empty() && name.chars().count() <= 80 && !name.contains('['))
        .then(|| (name, def.trim()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(text: &str) -> Vec<String> {
        blocks(text, false)
            .iter()
            .map(|b| match b {
                Block::Blank => "blank".into(),
                Block::Rule => "rule".into(),
                Block::Heading(l, t) => format!("h{l} {t}"),
                Block::Summary(t) => format!("summary {t}"),
                Block::Comment(m, t) => format!("comment {m} {t}"),
                Block::Yaml(l) => format!("yaml {}", l.len()),
                Block::FlatYaml(_) => "flat".into(),
                Block::Fence(i, l) => format!("fence {i} {}", l.len()),
                Block::Item(ind, n, l) => format!("item {ind} {n:?} {}", line_kind(l)),
                Block::Para(l) => format!("para {}", line_kind(l)),
            })
            .collect()
    }

    fn line_kind(l: &Line) -> String {
        match l {
            Line::Text(t) => format!("text {t}"),
            Line::Term(t, d) => format!("term {t}={d}"),
            Line::Command(c) => format!("cmd {}", c.text),
        }
    }

    #[test]
    fn dialect_lines() {
        let text = "> 요약\n# node monitor period = 5s\n#kubeadmin\n$ k get nodes\nworker-1 Ready\n\
                    [master node] : control ship : 모니터\n- [kubelet] : 선장\n1. scratch\n  - wget etcd binary\n\
                    ---\nkubectl vs yaml";
        assert_eq!(
            kinds(text),
            vec![
                "summary 요약",
                "comment # node monitor period = 5s",
                "comment # kubeadmin",
                "para cmd k get nodes",
                "para text worker-1 Ready",
                "para term master node=control ship : 모니터",
                "item 0 None term kubelet=선장",
                "item 0 Some(1) text scratch",
                "item 2 None text wget etcd binary",
                "rule",
                "para text kubectl vs yaml",
            ]
        );
    }

    #[test]
    fn yaml_fences_and_continuations() {
        let text = "affinity 설정:\naffinity:\n  nodeAffinity: x\n```bash\nk get po\n\n```\n\
                    kubectl run a \\\n  --image=b\nafter\napiVersion: v1 kind: Pod metadata: name: x";
        assert_eq!(
            kinds(text),
            vec![
                "para text affinity 설정:",
                "yaml 2",
                "fence bash 2",
                "para cmd kubectl run a \\\n  --image=b",
                "para text after",
                "flat",
            ]
        );
        // An unclosed fence runs to the end without losing lines.
        assert_eq!(kinds("```\na\nb"), vec!["fence  2"]);
    }

    #[test]
    fn headings_only_for_markdown() {
        assert_eq!(kinds("# Title"), vec!["comment # Title"]);
        let b = blocks("# Title\n#tag line\n## Sub", true);
        assert_eq!(b[0], Block::Heading(1, "Title"));
        assert_eq!(b[1], Block::Comment("#", "tag line"));
        assert_eq!(b[2], Block::Heading(2, "Sub"));
    }

    #[test]
    fn markers() {
        assert_eq!(list_marker("12. x"), Some((Some(12), "x")));
        assert_eq!(list_marker("3) x"), Some((Some(3), "x")));
        assert_eq!(list_marker("-n kube-system"), None);
        assert_eq!(list_marker("-- advertise"), None);
        assert_eq!(list_marker("1.5 GB"), None);
        assert_eq!(term("[a] b"), None);
        assert_eq!(term("[a]: b"), Some(("a", "b")));
        assert_eq!(term("[대표1]Node-controller"), None);
        assert!(is_rule("- - -"));
        assert!(!is_rule("-- x"));
    }
}
