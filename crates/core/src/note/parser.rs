//! Parsing a note: which format it is written in, decided per file, and the
//! course-note dialect parser. Never fails, never drops a line: every line
//! of a course note lands in the preamble or in exactly one section.

use super::header::{parse_header, Header};
use super::model::{Format, Note, Section, SectionId, SectionKind};
use std::collections::{HashMap, HashSet};

/// Parses one note file's text. `file` is its path relative to the notes folder.
pub fn parse(file: &str, text: &str) -> Note {
    match format_of(file, text) {
        Format::Markdown => super::markdown::parse(file, text),
        Format::Course => parse_course(file, text),
    }
}

/// Course notes are numbered lectures with durations, and their `# ` lines
/// are comments; Markdown notes have `## ` headings, front matter or a
/// Markdown file name. A file with both lecture headers and `## ` headings
/// goes by its extension.
pub fn format_of(file: &str, text: &str) -> Format {
    let lower = file.to_ascii_lowercase();
    let markdown_name = [".md", ".markdown", ".mdx"]
        .iter()
        .any(|e| lower.ends_with(e));
    let mut lectures = false;
    let mut subheadings = false;
    for line in text.lines() {
        lectures = lectures || parse_header(line).is_some();
        let hashes = line.len() - line.trim_start_matches('#').len();
        subheadings =
            subheadings || ((2..=6).contains(&hashes) && line[hashes..].starts_with([' ', '\t']));
        if lectures && subheadings {
            break;
        }
    }
    let front_matter = matches!(super::front_matter::find(text), Ok(Some(_)));
    match (lectures, subheadings) {
        (true, false) => Format::Course,
        (true, true) if !markdown_name => Format::Course,
        (false, _) if !(markdown_name || subheadings || front_matter) => Format::Course,
        _ => Format::Markdown,
    }
}

/// The course-note dialect.
fn parse_course(file: &str, text: &str) -> Note {
    let lines: Vec<&str> = text.split('\n').collect();
    // A trailing newline does not make an extra (empty) line.
    let lines = match lines.split_last() {
        Some((&"", rest)) => rest,
        _ => &lines[..],
    };
    let stem = file_stem(file);
    let headers: Vec<(usize, Header)> = lines
        .iter()
        .enumerate()
        .filter_map(|(i, l)| parse_header(l).map(|h| (i, h)))
        .collect();

    if headers.is_empty() {
        let section = whole_file_section(file, &stem, lines);
        return Note {
            file: file.to_owned(),
            title: section.title.clone(),
            meta: Default::default(),
            preamble: String::new(),
            sections: vec![section],
            warnings: Vec::new(),
        };
    }

    let mut ids = IdAllocator::new(&stem);
    let sections = headers
        .iter()
        .enumerate()
        .map(|(k, (start, header))| {
            let end = headers.get(k + 1).map_or(lines.len(), |(next, _)| *next);
            Section {
                id: ids.allocate(header.number, &header.title),
                file: file.to_owned(),
                number: header.number,
                title: header.title.clone(),
                duration_seconds: Some(header.duration_seconds),
                preview: header.preview,
                kind: SectionKind::from_title(&header.title),
                body: lines[start + 1..end].join("\n"),
                line_start: start + 1,
                line_end: end,
                format: Format::Course,
                level: 0,
                path: Vec::new(),
            }
        })
        .collect();
    Note {
        file: file.to_owned(),
        title: stem.rsplit('/').next().unwrap_or(&stem).to_owned(),
        meta: Default::default(),
        preamble: lines[..headers[0].0].join("\n"),
        sections,
        warnings: Vec::new(),
    }
}

/// A file without section headers is one section, titled by its first
/// `# heading` or, failing that, by its file name.
fn whole_file_section(file: &str, stem: &str, lines: &[&str]) -> Section {
    let title = lines
        .iter()
        .find_map(|l| {
            l.strip_prefix("# ")
                .map(str::trim)
                .filter(|t| !t.is_empty())
        })
        .unwrap_or_else(|| stem.rsplit('/').next().unwrap_or(stem))
        .to_owned();
    Section {
        id: SectionId(stem.to_owned()),
        file: file.to_owned(),
        number: None,
        kind: SectionKind::from_title(&title),
        title,
        duration_seconds: None,
        preview: false,
        body: lines.join("\n"),
        line_start: 1,
        line_end: lines.len(),
        format: Format::Course,
        level: 0,
        path: Vec::new(),
    }
}

/// The file path without its extension: the first half of every section id.
pub fn file_stem(file: &str) -> String {
    let name_start = file.rfind('/').map_or(0, |i| i + 1);
    match file[name_start..].rfind('.') {
        Some(dot) if dot > 0 => file[..name_start + dot].to_owned(),
        _ => file.to_owned(),
    }
}

/// Hands out ids that are unique within a file and independent of position:
/// `stem#12` for the first section numbered 12, `stem#12~title-slug` for a
/// repeat, `stem#title-slug` for an unnumbered one.
pub(super) struct IdAllocator<'a> {
    stem: &'a str,
    used: HashSet<String>,
    /// Per repeated base id, the counter to try next.
    next: HashMap<String, u64>,
}

impl<'a> IdAllocator<'a> {
    pub(super) fn new(stem: &'a str) -> Self {
        Self {
            stem,
            used: HashSet::new(),
            next: HashMap::new(),
        }
    }

    /// Marks an id as taken by a section allocated elsewhere.
    pub(super) fn reserve(&mut self, id: &str) {
        self.used.insert(id.to_owned());
    }

    pub(super) fn allocate(&mut self, number: Option<u32>, title: &str) -> SectionId {
        let slug = slug(title);
        let base = match number {
            Some(n) => {
                let plain = format!("{}#{n}", self.stem);
                if self.used.insert(plain.clone()) {
                    return SectionId(plain);
                }
                format!("{}#{n}~{slug}", self.stem)
            }
            None => format!("{}#{slug}", self.stem),
        };
        if self.used.insert(base.clone()) {
            return SectionId(base);
        }
        // The first free `base~k`, k ≥ 2. Every counter below the one
        // remembered for `base` is taken, so the search resumes there: a
        // file of 20 000 identical headers stays linear (it was quadratic).
        let k = self.next.entry(base.clone()).or_insert(2);
        loop {
            let id = format!("{base}~{k}");
            *k += 1;
            if self.used.insert(id.clone()) {
                return SectionId(id);
            }
        }
    }
}

/// Lowercase words (any script) joined by `-`.
pub fn slug(title: &str) -> String {
    let words: Vec<String> = title
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect();
    if words.is_empty() {
        "untitled".into()
    } else {
        words.join("-")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLE: &str = "intro line\n\n3. First Preview01:00\nbody a\n1. scratch\nk run x --tcp=80:80\n3. First again 02:00\n\nTitle only Preview00:30\nlast\n";

    #[test]
    fn sections_preamble_and_ranges() {
        let n = parse("week1/notes.txt", SAMPLE);
        assert_eq!(n.preamble, "intro line\n");
        let s = &n.sections;
        assert_eq!(s.len(), 3);
        assert_eq!(s[0].id.as_str(), "week1/notes#3");
        assert_eq!(s[0].body, "body a\n1. scratch\nk run x --tcp=80:80");
        assert_eq!((s[0].line_start, s[0].line_end), (3, 6));
        assert_eq!(s[1].id.as_str(), "week1/notes#3~first-again");
        assert_eq!(s[2].id.as_str(), "week1/notes#title-only");
        assert_eq!(s[2].number, None);
        assert_eq!((s[2].line_start, s[2].line_end), (9, 10));
    }

    #[test]
    fn ids_survive_edits_elsewhere() {
        let edited = SAMPLE.replace(
            "intro line\n",
            "intro\nnew 1\nnew 2\n2. Inserted 00:10\nx\n",
        );
        let before = parse("n.txt", SAMPLE);
        let after = parse("n.txt", &edited);
        let ids = |n: &Note| n.sections.iter().map(|s| s.id.clone()).collect::<Vec<_>>();
        assert_eq!(ids(&after)[1..], ids(&before)[..]);
    }

    #[test]
    fn format_is_decided_per_file() {
        let f = |file, text| format_of(file, text);
        assert_eq!(f("c.txt", SAMPLE), Format::Course);
        assert_eq!(f("c.md", "10. Intro 01:00\n# comment\n"), Format::Course);
        assert_eq!(f("c.md", "# Title\n## 10. Intro 01:00\n"), Format::Markdown);
        assert_eq!(f("n.txt", "# Title\n## Part\n"), Format::Markdown);
        assert_eq!(f("n.txt", "---\ntitle: x\n---\ntext"), Format::Markdown);
        assert_eq!(f("n.txt", "# a comment\ntext"), Format::Course);
        assert_eq!(f("n.md", "just text"), Format::Markdown);
    }

    #[test]
    fn file_without_sections() {
        let n = parse("topics/raft.txt", "# Raft consensus\nleader election\n");
        assert_eq!(n.sections.len(), 1);
        assert_eq!(n.sections[0].title, "Raft consensus");
        assert_eq!(n.sections[0].id.as_str(), "topics/raft");
        let n = parse("scratch.txt", "just text");
        assert_eq!(n.sections[0].title, "scratch");
        assert_eq!((n.sections[0].line_start, n.sections[0].line_end), (1, 1));
    }

    #[test]
    fn many_duplicates_stay_unique() {
        let text = "1. Same 00:01\n".repeat(5);
        let n = parse("d.txt", &text);
        let ids: HashSet<_> = n.sections.iter().map(|s| s.id.clone()).collect();
        assert_eq!(ids.len(), 5);
        // Ids are what bookmarks point at: their spelling must not change.
        let ids: Vec<_> = n.sections.iter().map(|s| s.id.as_str()).collect();
        assert_eq!(
            ids,
            ["d#1", "d#1~same", "d#1~same~2", "d#1~same~3", "d#1~same~4"]
        );
        let n = parse("d.txt", "Same Preview00:01\n".repeat(3).as_str());
        let ids: Vec<_> = n.sections.iter().map(|s| s.id.as_str()).collect();
        assert_eq!(ids, ["d#same", "d#same~2", "d#same~3"]);
    }

    #[test]
    fn twenty_thousand_repeated_headers_parse() {
        let text = "1. Same 00:01\nline\n".repeat(20_000);
        let n = parse("d.txt", &text);
        assert_eq!(n.sections.len(), 20_000);
        assert_eq!(n.sections[19_999].id.as_str(), "d#1~same~19999");
    }
}
