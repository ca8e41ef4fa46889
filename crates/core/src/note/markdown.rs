//! Markdown notes cut into heading sections.
//!
//! Headings are found by pulldown-cmark itself, so a `#` line inside a code
//! fence, an HTML block or an HTML comment never cuts a note, and setext
//! headings do. Only headings at the top level cut: one inside a list item
//! or a blockquote (a callout) stays part of its section. Template tags are
//! expanded first ([`super::markup`]), keeping line numbers.

use super::front_matter::{self, Meta};
use super::header::parse_header;
use super::markup::{self, Style};
use super::model::{Format, Note, Section, SectionId, SectionKind};
use super::parser::{file_stem, IdAllocator};
use crate::analysis::hangul::is_hangul;
use pilgi_i18n::Message;
use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

/// The pulldown-cmark extensions Pilgi reads Markdown notes with.
pub fn options() -> Options {
    Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_TASKLISTS
        | Options::ENABLE_HEADING_ATTRIBUTES
        | Options::ENABLE_GFM
        | Options::ENABLE_WIKILINKS
}

/// A heading that cuts the note.
struct Heading {
    /// 0-based line of the heading's first line.
    line: usize,
    /// Lines the heading takes (2 for a setext heading).
    lines: usize,
    level: u8,
    title: String,
    /// `{#anchor}` written after it.
    anchor: Option<String>,
}

/// Parses a Markdown note. `file` is its path relative to the notes folder.
///
/// Long (~115 lines): front matter, title, aliases, the cut into heading
/// sections and each section's id, path and kind are one walk over the
/// headings, whose state (the heading path, ids taken) they all share.
pub fn parse(file: &str, text: &str) -> Note {
    let lines: Vec<&str> = text.split('\n').collect();
    let lines = match lines.split_last() {
        Some((&"", rest)) => rest,
        _ => &lines[..],
    };
    let mut warnings = Vec::new();
    let (meta, skip) = match front_matter::find(text) {
        Ok(None) => (Meta::default(), 0),
        Ok(Some(block)) => match block.parse() {
            Ok(meta) => (meta, block.lines),
            Err((line, message)) => {
                warnings.push(
                    Message::new("warn-front-matter-unread")
                        .arg("line", line)
                        .arg("detail", message),
                );
                (Meta::default(), block.lines)
            }
        },
        Err(kind) => {
            warnings.push(Message::new("warn-front-matter-unclosed").arg("kind", kind.to_string()));
            (Meta::default(), 0)
        }
    };
    let content_start = skip.min(lines.len());
    let headings = headings(&lines[content_start..].join("\n"), content_start);
    let stem = file_stem(file);
    let title = meta
        .title
        .clone()
        .or_else(|| {
            headings
                .iter()
                .find(|h| h.level == 1)
                .map(|h| h.title.clone())
        })
        .unwrap_or_else(|| stem.rsplit('/').next().unwrap_or(&stem).to_owned());

    let mut ids = IdAllocator::new(&stem);
    let mut sections = Vec::with_capacity(headings.len() + 1);
    let first_heading = headings.first().map_or(lines.len(), |h| h.line);
    let intro = &lines[content_start..first_heading];
    if headings.is_empty() || intro.iter().any(|l| !l.trim().is_empty()) {
        sections.push(Section {
            id: SectionId(stem.clone()),
            file: file.to_owned(),
            number: None,
            title: title.clone(),
            duration_seconds: None,
            preview: false,
            kind: SectionKind::Other,
            body: intro.join("\n"),
            line_start: content_start + 1,
            line_end: first_heading.max(content_start + 1),
            format: Format::Markdown,
            level: 0,
            path: Vec::new(),
        });
        // The intro's id is the bare stem; no heading may take it.
        ids.reserve(&stem);
    }
    let mut stack: Vec<(u8, String)> = Vec::new();
    for (k, h) in headings.iter().enumerate() {
        let end = headings.get(k + 1).map_or(lines.len(), |n| n.line);
        while stack.last().is_some_and(|(level, _)| *level >= h.level) {
            stack.pop();
        }
        let path = stack.iter().map(|(_, t)| t.clone()).collect();
        // `## 10. Cluster Architecture 08:48` is a timed lecture.
        let lecture = parse_header(&h.title);
        let (number, shown) = match &lecture {
            Some(l) => (l.number, l.title.clone()),
            None => (None, h.title.clone()),
        };
        let id = match (&h.anchor, number) {
            // A note that opens with its `# Title` is that section: it
            // takes the note's own id, whatever the title says.
            _ if k == 0 && sections.is_empty() && h.level == 1 => {
                ids.reserve(&stem);
                SectionId(stem.clone())
            }
            (Some(anchor), None) => ids.allocate(None, anchor),
            _ => ids.allocate(number, &shown),
        };
        let body_start = (h.line + h.lines).min(end);
        sections.push(Section {
            id,
            file: file.to_owned(),
            number,
            kind: match &lecture {
                Some(_) => SectionKind::from_title(&shown),
                None => SectionKind::Lecture,
            },
            duration_seconds: lecture.as_ref().map(|l| l.duration_seconds),
            preview: lecture.as_ref().is_some_and(|l| l.preview),
            title: shown.clone(),
            body: lines[body_start..end].join("\n"),
            line_start: h.line + 1,
            line_end: end,
            format: Format::Markdown,
            level: h.level,
            path,
        });
        stack.push((h.level, shown));
    }
    Note {
        file: file.to_owned(),
        title,
        meta,
        preamble: String::new(),
        sections,
        warnings,
    }
}

/// The top-level headings of `text`, whose first line is line `first` of
/// the note (0-based).
fn headings(text: &str, first: usize) -> Vec<Heading> {
    let expanded = markup::expand(text, Style::Plain);
    let line_starts: Vec<usize> = std::iter::once(0)
        .chain(expanded.match_indices('\n').map(|(i, _)| i + 1))
        .collect();
    let line_of = |offset: usize| line_starts.partition_point(|&s| s <= offset) - 1;
    let mut out = Vec::new();
    let mut depth = 0usize;
    let mut current: Option<(Heading, std::ops::Range<usize>)> = None;
    // Whether the note is Korean, for Hugo's heading words; worked out once.
    let mut korean = None;
    for (event, range) in Parser::new_ext(&expanded, options()).into_offset_iter() {
        match event {
            Event::Start(Tag::Heading { level, id, .. }) if depth == 0 => {
                let line = line_of(range.start);
                current = Some((
                    Heading {
                        line: first + line,
                        lines: line_of(range.end.saturating_sub(1).max(range.start)) - line + 1,
                        level: level as u8,
                        title: String::new(),
                        anchor: id.map(|a| a.to_string()),
                    },
                    range,
                ));
            }
            Event::End(TagEnd::Heading(_)) => {
                if let Some((mut h, range)) = current.take() {
                    h.title = h.title.split_whitespace().collect::<Vec<_>>().join(" ");
                    if h.title.is_empty() {
                        // `## {{% heading "whatsnext" %}}`: the words Hugo
                        // shows for it; the key stays its anchor, as before.
                        let source_line = text.split('\n').nth(h.line - first).unwrap_or("");
                        match markup::first_quoted(source_line) {
                            Some(key) => {
                                let korean =
                                    *korean.get_or_insert_with(|| text.chars().any(is_hangul));
                                h.title = markup::heading_words(&key, korean)
                                    .map_or_else(|| key.clone(), str::to_owned);
                                h.anchor.get_or_insert(key);
                            }
                            None => {
                                h.title = expanded[range].trim_matches(['#', ' ']).to_owned();
                            }
                        }
                    }
                    out.push(h);
                }
            }
            Event::Text(t) | Event::Code(t) => {
                if let Some((h, _)) = current.as_mut() {
                    h.title.push_str(&t);
                }
            }
            Event::SoftBreak | Event::HardBreak => {
                if let Some((h, _)) = current.as_mut() {
                    h.title.push(' ');
                }
            }
            Event::Start(Tag::BlockQuote(_) | Tag::Item | Tag::FootnoteDefinition(_)) => {
                depth += 1;
            }
            Event::End(TagEnd::BlockQuote(_) | TagEnd::Item | TagEnd::FootnoteDefinition) => {
                depth = depth.saturating_sub(1);
            }
            _ => {}
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const NOTE: &str = "---\n# reviewers:\ntitle: 디플로이먼트\ntags: [workload]\n---\n\n<!-- overview -->\n소개 문단\n\n## 디플로이먼트 생성\n\n```shell\n# not a heading\nkubectl apply -f x.yaml\n```\n\n### 롤백 {#rolling-back}\n\n본문\n\n설정 확인\n-----\n\n> ## inside a callout\n\n## 디플로이먼트 생성\n## {{% heading \"whatsnext\" %}}\n";

    #[test]
    fn headings_cut_sections_with_paths_and_ids() {
        let n = parse("concepts/deployment.md", NOTE);
        assert_eq!(n.title, "디플로이먼트");
        assert_eq!(n.meta.tags, ["workload"]);
        let titles: Vec<_> = n.sections.iter().map(|s| s.title.as_str()).collect();
        assert_eq!(
            titles,
            [
                "디플로이먼트",
                "디플로이먼트 생성",
                "롤백",
                "설정 확인",
                "디플로이먼트 생성",
                // What Hugo shows for `{{% heading "whatsnext" %}}` in a Korean note.
                "다음 내용"
            ]
        );
        let ids: Vec<_> = n.sections.iter().map(|s| s.id.as_str()).collect();
        assert_eq!(
            ids,
            [
                "concepts/deployment",
                "concepts/deployment#디플로이먼트-생성",
                "concepts/deployment#rolling-back",
                "concepts/deployment#설정-확인",
                "concepts/deployment#디플로이먼트-생성~2",
                "concepts/deployment#whatsnext",
            ]
        );
        let s = &n.sections;
        assert_eq!(s[0].level, 0);
        assert_eq!(s[0].body, "\n<!-- overview -->\n소개 문단\n");
        assert_eq!((s[0].line_start, s[0].line_end), (6, 9));
        assert_eq!(
            (s[2].level, s[2].path.clone()),
            (3, vec!["디플로이먼트 생성".to_owned()])
        );
        assert_eq!(s[3].level, 2, "setext");
        assert_eq!((s[3].line_start, s[3].line_end), (21, 25));
        assert!(s[3].body.contains("inside a callout"));
        assert!(s[1].body.contains("# not a heading"));
        assert!(s[4].path.is_empty());
    }

    #[test]
    fn ids_survive_edits_elsewhere() {
        let before = parse("d.md", NOTE);
        let edited = NOTE.replace("소개 문단\n", "소개 문단\n\n## 새 절\n새 내용\n");
        let after = parse("d.md", &edited);
        for s in &before.sections {
            assert!(after.sections.iter().any(|a| a.id == s.id), "{} lost", s.id);
        }
    }

    #[test]
    fn timed_headings_are_lectures() {
        let n = parse(
            "c.md",
            "# CKA\n## 10. Cluster Architecture Preview08:48\nk8s\n## 11. ETCD 03:02\n",
        );
        let s = &n.sections[1];
        assert_eq!(
            (s.number, s.duration_seconds, s.preview),
            (Some(10), Some(528), true)
        );
        assert_eq!(s.title, "Cluster Architecture");
        assert_eq!(s.id.as_str(), "c#10");
        assert_eq!(n.sections[2].id.as_str(), "c#11");
    }

    #[test]
    fn broken_front_matter_warns_and_the_note_is_read() {
        let n = parse("b.md", "---\ntitle: [x\n---\n## 본문\ntext\n");
        assert!(
            n.warnings[0].to_string().contains("line"),
            "{:?}",
            n.warnings
        );
        assert_eq!(n.sections[0].title, "본문");
        let n = parse("u.md", "---\ntitle: x\n## 본문\n");
        assert!(
            n.warnings[0].to_string().contains("never closed"),
            "{:?}",
            n.warnings
        );
        assert_eq!(n.title, "u");
    }

    #[test]
    fn unclosed_fence_and_no_headings() {
        let n = parse("f.md", "intro\n```sh\n## not a heading\n");
        assert_eq!(n.sections.len(), 1);
        assert_eq!(n.sections[0].title, "f");
        let n = parse("e.md", "");
        assert_eq!(n.sections.len(), 1);
    }

    #[test]
    fn twenty_thousand_headings_and_deep_nesting() {
        let text = "## 같은 제목\n줄\n".repeat(20_000);
        let n = parse("big.md", &text);
        assert_eq!(n.sections.len(), 20_000);
        let deep = format!("{}# deep\n", "> ".repeat(1000));
        let n = parse("deep.md", &deep);
        assert_eq!(n.sections.len(), 1);
        let lists = format!("{}# deep\n", "- ".repeat(1000));
        assert_eq!(parse("l.md", &lists).sections.len(), 1);
    }
}
