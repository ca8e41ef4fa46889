//! Links between notes: where a link or an image written in a note points,
//! resolved against the loaded notes folder (a [`Corpus`]), never against
//! the disk (except [`contained`], for the app serving images).
//!
//! Notes link the ways their tools do: `#anchor` in the same note,
//! relative paths with or without `.md` (`../pods/pod.md#x`,
//! `pod-lifecycle/`), site-absolute paths from a static site
//! (`/ko/docs/concepts/workloads/pods/pod-lifecycle/#restart-policy`, found
//! by the longest suffix of the path that names a note), and Obsidian's
//! wiki links (`[[Note]]`, `[[Note#Heading]]`, `[[Note|label]]`, found by
//! file name, title or alias, the nearest note first). Nothing resolves
//! outside the notes folder: a path climbing above it is no note.
//!
//! ```
//! use pilgi_core::{links::Links, note::parse, Corpus, LoadedNote};
//! let note = |file: &str, text: &str| LoadedNote { note: parse(file, text), hash: String::new() };
//! let corpus = Corpus::from_notes(
//!     "/notes".as_ref(),
//!     vec![note("k8s/pods/pod.md", "# Pod\n## Restart policy\n"), note("a.md", "[[Pod]]\n")],
//!     Vec::new(),
//! );
//! let links = Links::new(&corpus);
//! let t = links.resolve("a.md", "k8s/pods/pod.md#restart-policy").unwrap();
//! assert_eq!(t.section.as_str(), "k8s/pods/pod#restart-policy");
//! let t = links.resolve("a.md", "/en/docs/pods/pod/#restart-policy").unwrap();
//! assert_eq!(t.file, "k8s/pods/pod.md");
//! assert_eq!(links.resolve_wiki("a.md", "pod").unwrap().section.as_str(), "k8s/pods/pod");
//! assert_eq!(links.resolve("a.md", "../../etc/passwd"), None);
//! assert_eq!(links.backlinks("k8s/pods/pod.md")[0].1, "a.md");
//! ```

mod images;
mod path;

use crate::corpus::Corpus;
use crate::note::markdown::options;
use crate::note::markup::{expand, Style};
use crate::note::{file_stem, slug, Format, Note, Section, SectionId};
pub use images::{is_image, ImageTarget};
pub(crate) use path::scheme;
use path::{decode, folder, normalize, split_fragment};
pub use path::{note_path, note_url, path_of_note_url, NOTE_SCHEME};
use pulldown_cmark::{Event, LinkType, Parser, Tag};
use std::cmp::Reverse;
use std::collections::{HashMap, HashSet};
use std::fmt;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use unicode_normalization::UnicodeNormalization;

/// Extensions a link may leave out or write (`pod-lifecycle` is
/// `pod-lifecycle.md`).
const NOTE_EXTENSIONS: &[&str] = &["md", "markdown", "mdx", "txt"];

/// The most trailing segments of a site-absolute path that are matched.
const MAX_SEGMENTS: usize = 24;

/// File names that stand for their folder (`pods/` is `pods/_index.md`).
const INDEX_NAMES: &[&str] = &["_index", "index", "readme"];

/// Where a link leads: a note and one of its sections.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Target {
    /// The note file, relative to the notes folder.
    pub file: String,
    /// The section: the heading the link names, else the note's first.
    pub section: SectionId,
}

/// A heading a link can name.
#[derive(Debug, Clone)]
struct Heading {
    id: SectionId,
    /// The id's part after `#` (empty for the note's own section).
    anchor: String,
    title_slug: String,
}

/// The link targets of a notes folder, built once from a [`Corpus`]:
/// maps of paths, names and headings, and the backlinks of every note.
#[derive(Default, Clone)]
pub struct Links {
    root: PathBuf,
    /// What links resolve to, shared with the links of a re-read that kept
    /// every name and heading ([`Links::reloaded`]): copying the tables of
    /// 100k sections took 40–74 ms of each edit.
    targets: Arc<Targets>,
    /// Note file → (section, file) of the Markdown sections linking to it.
    backlinks: HashMap<String, Vec<(SectionId, String)>>,
}

/// The maps a link is resolved with.
#[derive(Default)]
struct Targets {
    /// Note file → its headings, the note's first section first.
    headings: HashMap<String, Vec<Heading>>,
    /// Route (path without extension; an index file's folder) → files.
    routes: HashMap<String, Vec<String>>,
    /// Every lowercased suffix of every route (`pods/pod`, `pod`) → files.
    suffixes: HashMap<String, Vec<String>>,
    /// Folded note name (file name, title, alias) → files.
    names: HashMap<String, Vec<String>>,
    /// Folded image file name → image paths.
    images: HashMap<String, Vec<String>>,
}

impl fmt::Debug for Links {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Links")
            .field("root", &self.root)
            .field("notes", &self.targets.headings.len())
            .field("images", &self.targets.images.len())
            .finish_non_exhaustive()
    }
}

/// A name as wiki links match it: NFC, lowercase, trimmed.
fn fold(name: &str) -> String {
    name.trim().nfc().collect::<String>().to_lowercase()
}

/// The path a link names a note by, and whether the file is an index file
/// standing for its folder.
fn route(file: &str) -> (String, bool) {
    let stem = file_stem(file);
    let name = stem.rsplit('/').next().unwrap_or(&stem);
    if INDEX_NAMES.iter().any(|n| n.eq_ignore_ascii_case(name)) {
        (folder(&stem).to_owned(), true)
    } else {
        (stem, false)
    }
}

fn has_extension(name: &str, extensions: &[&str]) -> bool {
    name.rsplit_once('.').is_some_and(|(stem, ext)| {
        !stem.is_empty() && extensions.iter().any(|e| e.eq_ignore_ascii_case(ext))
    })
}

/// The candidate nearest to `from_file`: most leading folders shared, then
/// fewest folders, then the shortest path (then by name, so it is stable).
fn nearest<'a>(from_file: &str, candidates: &'a [String]) -> Option<&'a String> {
    let from: Vec<&str> = folder(from_file).split('/').collect();
    candidates.iter().max_by_key(|c| {
        let dir: Vec<&str> = folder(c).split('/').collect();
        let shared = from
            .iter()
            .zip(&dir)
            .take_while(|(a, b)| a == b && !a.is_empty())
            .count();
        (
            shared,
            Reverse(c.matches('/').count()),
            Reverse(c.len()),
            Reverse(*c),
        )
    })
}

fn push_unique(map: &mut HashMap<String, Vec<String>>, key: String, file: &str) {
    let files = map.entry(key).or_default();
    if !files.iter().any(|f| f == file) {
        files.push(file.to_owned());
    }
}

impl Links {
    /// Builds the maps of `corpus`, then its backlinks (parsing only the
    /// Markdown sections that hold a link).
    pub fn new(corpus: &Corpus) -> Links {
        let mut targets = Targets::default();
        for loaded in &corpus.notes {
            targets.add_note(
                &loaded.note.file,
                &loaded.note.title,
                &loaded.note.meta.aliases,
                &loaded.note.sections,
            );
        }
        for files in targets.routes.values_mut() {
            // `pod.md` before `pod/_index.md`, whatever the file order.
            files.sort_by_key(|f| (route(f).1, f.clone()));
        }
        for skipped in &corpus.skipped {
            let name = skipped.file.rsplit('/').next().unwrap_or(&skipped.file);
            if is_image(name) {
                push_unique(&mut targets.images, fold(name), &skipped.file);
            }
        }
        let mut links = Links {
            root: corpus.root.clone(),
            targets: Arc::new(targets),
            backlinks: HashMap::new(),
        };
        links.backlinks = links.scan_backlinks(corpus.sections());
        links
    }

    /// The links of `new`, a re-read of `old` whose links these are. When
    /// the notes that changed kept their names and headings (what links
    /// resolve to), only their own links are read again: an edit of one
    /// note in a vault of 100k sections costs its sections, not 0.6 s of
    /// parsing every link. Otherwise, [`Links::new`].
    pub fn reloaded(&self, old: &Corpus, new: &Corpus) -> Links {
        fn files(c: &Corpus) -> impl Iterator<Item = &str> {
            let notes = c.notes.iter().map(|n| n.note.file.as_str());
            notes.chain(c.skipped.iter().map(|s| s.file.as_str()))
        }
        if !files(old).eq(files(new)) {
            return Links::new(new);
        }
        fn named(n: &Note) -> (&str, &[String], Vec<(&SectionId, &str)>) {
            let headings = n.sections.iter().map(|s| (&s.id, s.title.as_str()));
            (&n.title, &n.meta.aliases, headings.collect())
        }
        let changed = new.changed_from(old);
        let renamed = changed
            .iter()
            .any(|(before, after)| before.is_none_or(|b| named(b) != named(after)));
        if renamed {
            return Links::new(new);
        }
        let mut links = self.clone();
        let from: HashSet<&str> = changed.iter().map(|(_, n)| n.file.as_str()).collect();
        for sources in links.backlinks.values_mut() {
            sources.retain(|(_, file)| !from.contains(file.as_str()));
        }
        let found = links.scan_backlinks(changed.iter().flat_map(|(_, n)| &n.sections));
        for (target, sources) in found {
            let all = links.backlinks.entry(target).or_default();
            all.extend(sources);
            // In the notes' order, as a whole build lists them.
            all.sort_by_key(|(id, _)| new.position(id.as_str()));
        }
        links.backlinks.retain(|_, sources| !sources.is_empty());
        links
    }
}

impl Targets {
    fn add_note(&mut self, file: &str, title: &str, aliases: &[String], sections: &[Section]) {
        let headings = sections
            .iter()
            .map(|s| Heading {
                id: s.id.clone(),
                anchor: s
                    .id
                    .as_str()
                    .split_once('#')
                    .map_or("", |(_, a)| a)
                    .to_owned(),
                title_slug: slug(&s.title),
            })
            .collect();
        self.headings.insert(file.to_owned(), headings);
        let (route, _) = route(file);
        let segments: Vec<&str> = route.split('/').filter(|s| !s.is_empty()).collect();
        for k in 0..segments.len() {
            push_unique(
                &mut self.suffixes,
                segments[k..].join("/").to_lowercase(),
                file,
            );
        }
        if let Some(name) = segments.last() {
            push_unique(&mut self.names, fold(name), file);
        }
        for name in std::iter::once(title).chain(aliases.iter().map(String::as_str)) {
            if !name.trim().is_empty() {
                push_unique(&mut self.names, fold(name), file);
            }
        }
        push_unique(&mut self.routes, route, file);
    }
}

impl Links {
    /// Where a Markdown link destination written in `from_file` leads:
    /// `#anchor`, a relative path, or a site-absolute one. `None` for web
    /// links and other schemes, and for what is no note of the folder.
    pub fn resolve(&self, from_file: &str, href: &str) -> Option<Target> {
        let href = href.trim();
        if href.starts_with("//") || scheme(href).is_some() {
            return None;
        }
        let (path, fragment) = split_fragment(href);
        let (path, fragment) = (decode(path), decode(fragment));
        let file = if path.is_empty() {
            from_file.to_owned()
        } else if path.starts_with('/') {
            self.by_suffix(from_file, &path)?.clone()
        } else {
            self.relative(from_file, &path)?
        };
        self.in_file(&file, &fragment)
    }

    /// Where a wiki link `[[target]]` written in `from_file` leads: `Name`,
    /// `Name#Heading`, `folder/Name`, or `#Heading` in the same note.
    pub fn resolve_wiki(&self, from_file: &str, target: &str) -> Option<Target> {
        let (name, fragment) = target.split_once('#').unwrap_or((target, ""));
        let name = name.trim();
        if name.is_empty() {
            return self.in_file(from_file, fragment);
        }
        let file = if name.contains(['/', '\\']) {
            self.relative(from_file, name)
                .or_else(|| normalize("", name).and_then(|p| self.note_file(&p)))
                .or_else(|| {
                    let climbs = name.split(['/', '\\']).any(|s| s == "." || s == "..");
                    (!climbs)
                        .then(|| self.by_suffix(from_file, name).cloned())
                        .flatten()
                })?
        } else {
            let plain = NOTE_EXTENSIONS
                .iter()
                .find_map(|e| name.strip_suffix(&format!(".{e}")))
                .unwrap_or(name);
            nearest(from_file, self.targets.names.get(&fold(plain))?)?.clone()
        };
        self.in_file(&file, fragment)
    }

    /// A relative path from `from_file`'s folder; failing that, from the
    /// page's own address as a static site publishes it (`pods/pod.md` is
    /// `/pods/pod/`, so its `../x/` is `pods/x`).
    fn relative(&self, from_file: &str, path: &str) -> Option<String> {
        let page = match route(from_file) {
            (_, true) => None,
            (stem, false) => Some(stem),
        };
        std::iter::once(folder(from_file).to_owned())
            .chain(page)
            .filter_map(|base| normalize(&base, path))
            .find_map(|p| self.note_file(&p))
    }

    /// The note a normalised path names: the file itself, or its route
    /// (`.md` left out, a folder for its index file).
    fn note_file(&self, path: &str) -> Option<String> {
        if self.targets.headings.contains_key(path) {
            return Some(path.to_owned());
        }
        let name = path.rsplit('/').next().unwrap_or(path);
        let key = if has_extension(name, NOTE_EXTENSIONS) {
            file_stem(path)
        } else {
            path.to_owned()
        };
        self.targets.routes.get(&key)?.first().cloned()
    }

    /// The note whose route ends with the longest suffix of `path`.
    fn by_suffix(&self, from_file: &str, path: &str) -> Option<&String> {
        let mut segments: Vec<&str> = path.split(['/', '\\']).filter(|s| !s.is_empty()).collect();
        if let Some(last) = segments.last_mut() {
            if has_extension(last, NOTE_EXTENSIONS) {
                *last = last.rsplit_once('.').map_or(*last, |(stem, _)| stem);
            }
        }
        // No note sits this deep; a longer path only costs time.
        let first = segments.len().saturating_sub(MAX_SEGMENTS);
        (first..segments.len()).find_map(|k| {
            let files = self
                .targets
                .suffixes
                .get(&segments[k..].join("/").to_lowercase())?;
            nearest(from_file, files)
        })
    }

    /// A section of `file` by anchor, `{#id}` or heading text (compared as
    /// slugs, so case and punctuation do not matter); the note's first
    /// section when there is no fragment or it names no heading.
    fn in_file(&self, file: &str, fragment: &str) -> Option<Target> {
        let headings = self.targets.headings.get(file)?;
        let first = headings.first()?;
        let want = slug(fragment);
        let hit = (!fragment.is_empty())
            .then(|| {
                headings
                    .iter()
                    .find(|h| h.anchor == fragment)
                    .or_else(|| headings.iter().find(|h| h.anchor == want))
                    .or_else(|| headings.iter().find(|h| h.title_slug == want))
            })
            .flatten();
        Some(Target {
            file: file.to_owned(),
            section: hit.unwrap_or(first).id.clone(),
        })
    }

    /// The Markdown sections of other notes that link to `file`, as
    /// (section id, its file), in course order.
    pub fn backlinks(&self, file: &str) -> &[(SectionId, String)] {
        self.backlinks.get(file).map_or(&[], Vec::as_slice)
    }

    fn scan_backlinks<'s>(
        &self,
        sections: impl Iterator<Item = &'s Section>,
    ) -> HashMap<String, Vec<(SectionId, String)>> {
        let mut out: HashMap<String, Vec<(SectionId, String)>> = HashMap::new();
        let mut seen: HashSet<(String, SectionId)> = HashSet::new();
        let sections = sections.filter(|s| {
            s.format == Format::Markdown
                && (s.body.contains("](") || s.body.contains("[[") || s.body.contains("]:"))
        });
        for s in sections {
            let text = expand(&s.body, Style::Plain);
            for event in Parser::new_ext(&text, options()) {
                let target = match event {
                    Event::Start(Tag::Link {
                        link_type: LinkType::WikiLink { .. },
                        dest_url,
                        ..
                    })
                    | Event::Start(Tag::Image {
                        link_type: LinkType::WikiLink { .. },
                        dest_url,
                        ..
                    }) => self.resolve_wiki(&s.file, &dest_url),
                    Event::Start(Tag::Link { dest_url, .. }) => self.resolve(&s.file, &dest_url),
                    _ => None,
                };
                let Some(t) = target.filter(|t| t.file != s.file) else {
                    continue;
                };
                if seen.insert((t.file.clone(), s.id.clone())) {
                    out.entry(t.file)
                        .or_default()
                        .push((s.id.clone(), s.file.clone()));
                }
            }
        }
        out
    }
}

/// Whether `rel` names a file that really lies under `root`: no `..`
/// climbing out, not absolute, and once symlinks are followed
/// (canonicalized) still under the canonical root. `false` when it does
/// not exist. For the app, before it serves a `pilgi-note://` file.
pub fn contained(root: &Path, rel: &str) -> bool {
    if rel.starts_with(['/', '\\']) || Path::new(rel).is_absolute() {
        return false;
    }
    let Some(clean) = normalize("", rel).filter(|p| !p.is_empty()) else {
        return false;
    };
    match (root.canonicalize(), root.join(clean).canonicalize()) {
        (Ok(root), Ok(real)) => real.starts_with(root),
        _ => false,
    }
}

#[cfg(test)]
mod tests;
